package dev.redoubt.aws.scan;

import dev.redoubt.aws.AwsFailure;
import dev.redoubt.estate.Estate;
import java.time.Duration;

/**
 * A scan that ended: the capture, how many ReadErrors it holds, how many API calls it took and how long, and whether it
 * was cancelled or stopped because the endpoint stopped answering ({@code unreachable}, else null): then the capture holds
 * what was read, is marked Incomplete and names every unfinished scope in ReadErrors.
 */
public record ScanResult(Estate estate, int readErrors, long apiCalls, Duration elapsed, boolean cancelled, AwsFailure unreachable) {
    /** A scan that ran to its end. */
    public ScanResult(Estate estate, int readErrors, long apiCalls, Duration elapsed) {
        this(estate, readErrors, apiCalls, elapsed, false, null);
    }

    public ScanResult(Estate estate, int readErrors, long apiCalls, Duration elapsed, boolean cancelled) {
        this(estate, readErrors, apiCalls, elapsed, cancelled, null);
    }

    public boolean partial() {
        return readErrors > 0;
    }
}
