package dev.redoubt.ui.scan;

import dev.redoubt.services.ScanStatus;

/** One account and region of a running scan, as the progress table shows it. */
public record ScopeRow(String accountId, String accountName, String region, ScanStatus.State state, long unitsDone, long unitsKnown,
                       int vaults, int vaultsFound, long recoveryPoints, int readErrors) {

    static ScopeRow of(ScanStatus.ScopeStatus s) {
        return new ScopeRow(s.accountId(), s.accountName(), s.region(), s.state(), s.unitsDone(), s.unitsKnown(), s.vaults(),
                s.vaultsFound(), s.recoveryPoints(), s.readErrors());
    }

    /** "northwind-shop-prod", or the ID when the account has no name. */
    public String account() {
        return accountName == null || accountName.isBlank() ? accountId : accountName;
    }

    /**
     * The vaults read completely, and while the scope is read and its listing found more, "2 of 5": a vault counts
     * once all its reads ended, its recovery points as they arrive.
     */
    public String vaultsText() {
        boolean reading = state == ScanStatus.State.READING || state == ScanStatus.State.WAITING;
        return reading && vaultsFound > vaults ? ScanTexts.count(vaults) + " of " + ScanTexts.count(vaultsFound) : ScanTexts.count(vaults);
    }

    /** Done of known, 0 to 1; 1 when finished; -1 while nothing is known yet. */
    public double fraction() {
        if (state == ScanStatus.State.DONE) {
            return 1;
        }
        if (unitsKnown == 0) {
            return state == ScanStatus.State.READING ? -1 : 0;
        }
        return Math.min(1.0, (double) unitsDone / unitsKnown);
    }

    /** "Waiting", "Reading", "Done", "Done, 2 errors", "Not finished". */
    public String stateText() {
        return switch (state) {
            case WAITING -> "Waiting";
            case READING -> "Reading";
            case DONE -> readErrors == 0 ? "Done" : "Done, " + ScanTexts.count(readErrors, "error", "errors");
            case CANCELLED -> "Not finished";
        };
    }
}
