package dev.redoubt.aws.scan;

/** Progress of a scan: units of work done and known so far, and the scope just finished. */
@FunctionalInterface
public interface ScanProgress {
    void update(long done, long total, String scope);

    /** Called once, on the scanning thread, when the scan begins: {@code monitor} may be polled from any thread until and after it ends. */
    default void started(ScanMonitor monitor) {
    }

    ScanProgress NONE = (d, t, s) -> { };
}
