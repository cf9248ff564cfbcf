package dev.redoubt.drills;

import java.util.Locale;

/** The steps of a drill as the journal names them ({@code details.step} of a {@code drill-step} entry). */
public enum DrillStep {
    /** The drill was opened: its title, whether it is a rehearsal, its members in restore order. */
    BEGIN,
    /** A recovery point was chosen for a member. */
    CHOOSE,
    /** The preflight of a member was run: each item with its verdict and reason. */
    PREFLIGHT,
    /** The operator confirmed by typing the name. */
    CONFIRM,
    /** StartRestoreJob was called for a member (ok with the job ID, or failed with AWS's reason). */
    START_RESTORE,
    /** A member's restore job ended (COMPLETED, FAILED, ABORTED), with AWS's times. */
    WAIT,
    /** A member's restored resource was checked; the outcome sent to AWS where the job allows it. */
    VALIDATE,
    /** What the drill created was deleted (the operator's confirmation). */
    CLEANUP,
    /** The operator closed the drill: measured RTO, RPO, notes. */
    SUMMARY,
    /** A second person signed the drill off with their own identity. */
    SIGN_OFF,
    /** The drill was given up, with the reason. */
    ABANDON,
    /** An interrupted drill was taken up again (after a restart, by the same or another operator). */
    RESUME;

    /** The journal's spelling: "start-restore", "sign-off". */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The step with this spelling, or null. */
    public static DrillStep parse(String spelling) {
        for (DrillStep s : values()) {
            if (s.spelling().equals(spelling)) {
                return s;
            }
        }
        return null;
    }
}
