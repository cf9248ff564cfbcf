package dev.redoubt.aws.scan;

/** A running scan's live status, safe to poll from any thread at any time (cheaply: no lock shared with the scan's threads). */
@FunctionalInterface
public interface ScanMonitor {
    /** An immutable copy of where the scan is now; still answers after the scan returned (its last state). */
    ScanSnapshot snapshot();
}
