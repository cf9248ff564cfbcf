package dev.redoubt.aws.scan;

/** The scan was cancelled by the user; nothing partial is returned. */
public final class ScanCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScanCancelledException() {
        super("scan cancelled");
    }
}
