package dev.redoubt.aws.scan;

import dev.redoubt.estate.Estate;
import java.time.Duration;

/**
 * A scan that ended: the capture, how many ReadErrors it holds, how many API calls it took and how long, and whether it
 * was cancelled (then the capture holds what was read, is marked Incomplete and names every unfinished scope in ReadErrors).
 */
public record ScanResult(Estate estate, int readErrors, long apiCalls, Duration elapsed, boolean cancelled) {
    /** A scan that ran to its end. */
    public ScanResult(Estate estate, int readErrors, long apiCalls, Duration elapsed) {
        this(estate, readErrors, apiCalls, elapsed, false);
    }

    public boolean partial() {
        return readErrors > 0;
    }
}
