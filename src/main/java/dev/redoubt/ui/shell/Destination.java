package dev.redoubt.ui.shell;

/** The screens the shell navigates to, in the order the navigation lists them. */
public enum Destination {
    OVERVIEW("Overview"),
    VAULTS("Vaults"),
    RECOVERY_POINTS("Recovery points"),
    KEYS("Keys"),
    PLANS("Plans"),
    RESTORE_TESTS("Restore tests"),
    RESTORE_JOBS("Restore jobs"),
    APPROVAL_TEAMS("Approval teams"),
    FINDINGS("Findings"),
    DRILLS("Drills"),
    JOURNAL("Journal");

    private final String title;

    Destination(String title) {
        this.title = title;
    }

    /** The name the user sees in the navigation. */
    public String title() {
        return title;
    }
}
