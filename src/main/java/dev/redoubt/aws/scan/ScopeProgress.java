package dev.redoubt.aws.scan;

/**
 * One account and region of a running scan, as of a {@link ScanSnapshot}: its state, its units of work done and
 * known so far (they grow as listings discover vaults, plans and the like), the vaults read completely and
 * those its vault listing found so far (a vault's points count as they arrive, the vault itself once all its reads
 * ended: mid-scan a table shows "2 of 5" beside the points, not "0"), the recovery points listed so far (counted page by page; a vault left unfinished by a cancel or a failed listing
 * takes its points back) and the ReadErrors filed in it.
 */
public record ScopeProgress(String accountId, String accountName, String region, State state, long unitsDone, long unitsKnown, int vaults,
                            int vaultsFound, long recoveryPoints, int readErrors) {
    /**
     * WAITING: none of its work has started; READING: work pending; DONE: all its work finished (with or without
     * read errors); CANCELLED: the scan was cancelled before all its work finished.
     */
    public enum State { WAITING, READING, DONE, CANCELLED }
}
