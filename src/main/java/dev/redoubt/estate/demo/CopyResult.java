package dev.redoubt.estate.demo;

/** How the copies of a copy action turn out. */
record CopyResult(boolean completes, boolean keepsSourceKey, String message, String messageCategory) {
    static final CopyResult COMPLETES = new CopyResult(true, false, null, "SUCCESS");
    /** EBS, EC2 and RDS copies that stay encrypted with the source account's key instead of the vault's. */
    static final CopyResult KEEPS_SOURCE_KEY = new CopyResult(true, true, null, "SUCCESS");

    static CopyResult fails(String message, String messageCategory) {
        return new CopyResult(false, false, message, messageCategory);
    }
}
