package dev.redoubt.drills;

/** Where a drill stands, as rebuilt from its journal entries. */
public enum DrillStatus {
    /** Begun; recovery points, preflight and confirmation under way; nothing started in AWS yet. */
    PREPARING,
    /** At least one restore job started and not every member's job has ended. */
    RESTORING,
    /** Every job ended; validation or clean-up still open. */
    VALIDATING,
    /** Summary written; waiting for a second person's sign-off. */
    AWAITING_SIGN_OFF,
    /** Signed off by a second person. Finished. */
    SIGNED_OFF,
    /** Given up (with a reason). Finished. */
    ABANDONED;

    public boolean finished() {
        return this == SIGNED_OFF || this == ABANDONED;
    }
}
