package dev.redoubt.findings;

/** What a check concluded about one resource. */
public enum Status {
    /** Evaluated and fine. */
    PASS,
    /** The weakness is there. */
    FAIL,
    /** Could not be evaluated (not read, access denied, data missing); never reported as PASS. */
    UNKNOWN,
    /** A failure whose risk was accepted in the suppressions file, until the acceptance expires. */
    SUPPRESSED
}
