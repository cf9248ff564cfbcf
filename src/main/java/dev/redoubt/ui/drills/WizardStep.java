package dev.redoubt.ui.drills;

import dev.redoubt.drills.DrillStep;
import java.util.Set;

/** The pages of the drill wizard, down its left side, and the journal steps whose time each one counts. */
public enum WizardStep {
    CHOOSE("Choose", Set.of(DrillStep.BEGIN, DrillStep.CHOOSE)),
    PREFLIGHT("Preflight", Set.of(DrillStep.PREFLIGHT)),
    CONFIRM("Confirm", Set.of(DrillStep.CONFIRM)),
    MONITOR("Restore", Set.of(DrillStep.START_RESTORE, DrillStep.WAIT)),
    VALIDATE("Validate", Set.of(DrillStep.VALIDATE)),
    CLEAN_UP("Clean up", Set.of(DrillStep.CLEANUP)),
    SUMMARY("Summary", Set.of(DrillStep.SUMMARY)),
    SIGN_OFF("Sign-off", Set.of(DrillStep.SIGN_OFF));

    private final String title;
    private final Set<DrillStep> journalSteps;

    WizardStep(String title, Set<DrillStep> journalSteps) {
        this.title = title;
        this.journalSteps = journalSteps;
    }

    public String title() {
        return title;
    }

    public boolean counts(DrillStep step) {
        return journalSteps.contains(step);
    }

    /** "1 Choose". */
    public String numbered() {
        return (ordinal() + 1) + "  " + title;
    }
}
