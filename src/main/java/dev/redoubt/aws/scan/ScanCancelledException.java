package dev.redoubt.aws.scan;

/**
 * Stops a scan's work at its next API call once the scan is cancelled (or its thread interrupted). {@link Scanner#scan}
 * does not throw it: a cancelled scan returns what it read, marked incomplete. {@link Scanner#reach} may.
 */
public final class ScanCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScanCancelledException() {
        super("scan cancelled", null, false, false); // control flow, thrown by every task left once cancelled: no stack to fill
    }
}
