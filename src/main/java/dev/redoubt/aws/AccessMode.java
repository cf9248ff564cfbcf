package dev.redoubt.aws;

/** Chosen at sign-in and recorded in every journal entry: auditors can only read; operators may also start restores and approval requests. */
public enum AccessMode {
    AUDITOR,
    OPERATOR;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
