package dev.redoubt.services;

import java.time.Duration;
import java.util.List;

/**
 * A scan in progress, as last seen: overall units of work done and known, calls made, recovery
 * points read, and each account and region's own progress.
 */
public record ScanStatus(Duration elapsed, String phase, long unitsDone, long unitsKnown, long apiCalls, long recoveryPoints,
                         int readErrors, List<ScopeStatus> scopes) {
    public ScanStatus {
        scopes = List.copyOf(scopes);
    }

    /** One account and region. */
    public record ScopeStatus(String accountId, String accountName, String region, State state, long unitsDone, long unitsKnown,
                              int vaults, int vaultsFound, long recoveryPoints, int readErrors) {
    }

    /** Where a scope stands. */
    public enum State { WAITING, READING, DONE, CANCELLED }

    /** Fraction of the known work done, 0 when nothing is known yet. */
    public double fraction() {
        return unitsKnown == 0 ? 0 : Math.min(1.0, (double) unitsDone / unitsKnown);
    }
}
