package dev.redoubt.aws.scan;

import dev.redoubt.estate.Estate;
import java.time.Duration;

/** A finished scan: the capture, how many scopes could not be read, how many API calls it took and how long. */
public record ScanResult(Estate estate, int readErrors, long apiCalls, Duration elapsed) {
    public boolean partial() {
        return readErrors > 0;
    }
}
