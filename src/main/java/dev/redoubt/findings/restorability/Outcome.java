package dev.redoubt.findings.restorability;

/** How one reason of a verdict came out: it holds, it does not, or what decides it was not read. */
public enum Outcome {
    PASS, FAIL, UNKNOWN;

    /** The worse of two: FAIL over UNKNOWN over PASS. */
    public Outcome and(Outcome other) {
        if (this == FAIL || other == FAIL) {
            return FAIL;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : PASS;
    }
}
