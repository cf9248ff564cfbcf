package dev.redoubt.services;

import dev.redoubt.drills.DrillPlan;
import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillSummary;
import dev.redoubt.drills.RecoveryPointChoice;
import dev.redoubt.drills.ResourceHistory;
import dev.redoubt.drills.Runbook;
import dev.redoubt.drills.Validation;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.settings.SettingsFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Restore drills, the same for the command line and the window: plan, run step by step (each step
 * journaled as it happens, through {@link ActivityJournal}), rebuild a drill from its entries, resume
 * or abandon it, sign it off with a second identity, report it. A drill against the sandbox is a
 * rehearsal. Every method that changes AWS refuses an auditor connection (ServiceFailure READ_ONLY)
 * before anything is journaled; a refusal by AWS is journaled as the step's failure, with AWS's reason,
 * and returned in the state (never thrown), so the window shows it in place.
 */
public final class DrillService {
    /** How often a resource should be drilled when the team has not said (settings: drills.cadenceDays). */
    public static final int DEFAULT_CADENCE_DAYS = 180;

    private final Clock clock;
    private final ActivityJournal journal;
    private final SettingsFile settings;

    public DrillService(Clock clock, ActivityJournal journal, SettingsFile settings) {
        this.clock = clock;
        this.journal = journal;
        this.settings = settings;
    }

    // ---------------------------------------------------------------- reading (no AWS call; auditors too)

    /** Every drill in the journal, newest first. */
    public List<DrillSummary> list() {
        throw todo("list");
    }

    /** One drill rebuilt from the journal; {@code id} may be a unique prefix. BAD_INPUT when none or ambiguous. */
    public DrillState show(String id) {
        throw todo("show");
    }

    /** Drills begun and neither signed off nor abandoned, newest first. */
    public List<DrillState> unfinished() {
        throw todo("unfinished");
    }

    /** Drill history of every protected resource of the estate (and every drilled resource), overdue first. */
    public List<ResourceHistory> history(EstateIndex index) {
        throw todo("history");
    }

    /** Drill history of one resource. */
    public ResourceHistory history(EstateIndex index, String resourceArn) {
        throw todo("history");
    }

    public int cadenceDays() {
        throw todo("cadenceDays");
    }

    /** Sets how often each resource should be drilled (days, 1 to 3650); journaled. */
    public void setCadenceDays(Actor actor, int days) {
        throw todo("setCadenceDays");
    }

    // ---------------------------------------------------------------- planning (no AWS call)

    /** The recovery points a resource could be restored from, the suggested one first. */
    public List<RecoveryPointChoice> choices(EstateCatalog catalog, String resourceArn) {
        throw todo("choices");
    }

    /** A one-off drill of these resources, restored in this order. */
    public DrillPlan plan(EstateCatalog catalog, String title, List<String> resourceArns) {
        throw todo("plan");
    }

    /** A drill of a runbook's recovery group. BAD_INPUT when a member is not in the estate. */
    public DrillPlan plan(EstateCatalog catalog, Runbook runbook) {
        throw todo("plan");
    }

    /** Reads a runbook file. BAD_INPUT with the file, where, what is wrong and what to do. */
    public Runbook readRunbook(Path file) {
        throw todo("readRunbook");
    }

    /** Writes a runbook file (atomically). */
    public void writeRunbook(Runbook runbook, Path file) {
        throw todo("writeRunbook");
    }

    // ---------------------------------------------------------------- running (operator)

    /** Opens a drill (journal: begin). A rehearsal when the connection is the sandbox's. */
    public DrillState begin(Connection operator, DrillPlan plan) {
        throw todo("begin");
    }

    /** Chooses the recovery point of a member (journal: choose). */
    public DrillState choose(Connection operator, String drillId, int member, String recoveryPointArn, EstateCatalog catalog) {
        throw todo("choose");
    }

    /**
     * Runs a member's preflight (journal: preflight): reads the point's restore metadata from AWS, proposes
     * (or takes the operator's {@code inputs}) restore role and metadata, and judges each item.
     */
    public DrillState preflight(Connection operator, String drillId, int member, RestoreInputs inputs, EstateCatalog catalog) {
        throw todo("preflight");
    }

    /** What the operator must type to confirm: the resource's name for one member, the drill's title for a group. */
    public String confirmationText(DrillState drill) {
        throw todo("confirmationText");
    }

    /**
     * Confirms (journal: confirm) when {@code typed} matches and every member passed preflight without a
     * FAIL, then starts the first member's restore (journal: start-restore). BAD_INPUT when the text does not match.
     */
    public DrillState confirmAndStart(Connection operator, String drillId, String typed) {
        throw todo("confirmAndStart");
    }

    /**
     * Reads the running jobs (DescribeRestoreJob); journals a member's wait step when its job ended, and
     * starts the next member in order when the one before COMPLETED. Safe to call as often as the screen likes.
     */
    public DrillState poll(Connection operator, String drillId) {
        throw todo("poll");
    }

    /** Records a member's validation (journal: validate) and sends it with PutRestoreValidationResult where the job allows it. */
    public DrillState validate(Connection operator, String drillId, int member, Validation validation) {
        throw todo("validate");
    }

    /** Records the clean-up of a member: what was deleted and the operator's confirmation (journal: cleanup). */
    public DrillState cleanUp(Connection operator, String drillId, int member, List<String> deleted, boolean confirmed, String notes) {
        throw todo("cleanUp");
    }

    /** Closes the drill with the operator's notes (journal: summary); it then waits for sign-off. */
    public DrillState summarize(Connection operator, String drillId, String notes) {
        throw todo("summarize");
    }

    /**
     * A second person signs the drill off with their own identity (journal: sign-off, with both identities).
     * BAD_INPUT when the signer is the operator. An auditor may sign off: it changes nothing in AWS.
     */
    public DrillState signOff(Connection signer, String drillId, String statement) {
        throw todo("signOff");
    }

    /** Takes up an interrupted drill (journal: resume). */
    public DrillState resume(Connection operator, String drillId) {
        throw todo("resume");
    }

    /** Gives a drill up (journal: abandon), with the reason. */
    public DrillState abandon(Actor actor, String drillId, String reason) {
        throw todo("abandon");
    }

    /** Writes the self-contained HTML report of a drill (journal: export, kind drill-report, first). */
    public Path exportReport(Actor actor, String drillId, Path file) {
        throw todo("exportReport");
    }

    private static UnsupportedOperationException todo(String what) {
        return new UnsupportedOperationException("DrillService." + what + " is being built (issue 14)");
    }
}
