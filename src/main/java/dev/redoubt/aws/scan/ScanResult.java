package dev.redoubt.aws.scan;

import dev.redoubt.aws.AwsFailure;
import dev.redoubt.estate.Estate;
import java.time.Duration;

/**
 * A scan that ended: the capture, how many ReadErrors it holds, how many API calls it took and how long, and whether it
 * was cancelled or stopped because the endpoint stopped answering ({@code unreachable}, else null): then the capture holds
 * what was read, is marked Incomplete and names every unfinished scope in ReadErrors. {@code accountsScanned}: the
 * accounts the scan read (the capture may list more: the signed-in account for the organization read there, a key's
 * owner for its key).
 */
public record ScanResult(Estate estate, int readErrors, long apiCalls, Duration elapsed, boolean cancelled, AwsFailure unreachable,
                         int accountsScanned) {

    public boolean partial() {
        return readErrors > 0;
    }
}
