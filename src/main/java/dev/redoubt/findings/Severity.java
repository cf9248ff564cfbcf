package dev.redoubt.findings;

/** How bad a failure is, from CRITICAL down to INFO. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** True when this severity is the given one or worse. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
