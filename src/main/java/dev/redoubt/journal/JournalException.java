package dev.redoubt.journal;

/**
 * The journal cannot be used: a one-line message says what, where and what to do.
 * {@code integrity} is true when the cause is tampering or a key that is not the pinned one.
 */
public final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean integrity;

    public JournalException(String message, boolean integrity, Throwable cause) {
        super(message, cause);
        this.integrity = integrity;
    }

    public JournalException(String message) {
        this(message, false, null);
    }

    public boolean integrity() {
        return integrity;
    }
}
