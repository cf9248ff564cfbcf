package dev.redoubt.approvals;

/** Where an approval session stands. */
public enum Outcome {
    /** Waiting for its approvers. */
    PENDING,
    /** Enough approvers approved: the action was carried out. */
    APPROVED,
    /** Approvers rejected it: too few can still approve. */
    REJECTED,
    /** Its window closed before enough approvers responded. */
    EXPIRED,
    /** Cancelled, or ended for another reason AWS gives (the team changed). */
    ENDED;

    /** True once decided. */
    public boolean finished() {
        return this != PENDING;
    }
}
