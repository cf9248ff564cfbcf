package dev.redoubt.estate.demo;

/** How the copies of a copy action turn out. */
record CopyResult(boolean completes, String message, String messageCategory) {
    static final CopyResult COMPLETES = new CopyResult(true, null, "SUCCESS");

    static CopyResult fails(String message, String messageCategory) {
        return new CopyResult(false, message, messageCategory);
    }
}
