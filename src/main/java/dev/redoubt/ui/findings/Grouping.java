package dev.redoubt.ui.findings;

/** How the findings table groups its results. */
public enum Grouping {
    /** One heading per check ("IMM-02 Vault lock is in governance mode — 7 failing"). */
    CHECK("Check"),
    /** One heading per resource, with the checks that judged it. */
    RESOURCE("Resource"),
    /** A flat list, failures first. */
    NONE("None");

    private final String label;

    Grouping(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
