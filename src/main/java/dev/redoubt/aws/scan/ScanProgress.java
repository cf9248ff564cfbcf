package dev.redoubt.aws.scan;

/** Progress of a scan: units of work done and known so far, and the scope just finished. */
@FunctionalInterface
public interface ScanProgress {
    void update(long done, long total, String scope);

    ScanProgress NONE = (d, t, s) -> { };
}
