package dev.redoubt.ui.drills;

import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillSummary;
import dev.redoubt.journal.Mode;
import dev.redoubt.journal.Target;
import dev.redoubt.services.Actor;
import dev.redoubt.services.Cancellation;
import dev.redoubt.services.Connection;
import dev.redoubt.services.DeviceCode;
import dev.redoubt.services.DrillService;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.workspace.Notice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The restore drills screen's state and commands: every drill in the journal (unfinished ones first,
 * with Resume and Abandon), one drill's record (its steps with the journal's seq and hash, its members,
 * Export report), the wizard ({@link DrillWizardViewModel}), and a second person's sign-off. The shell
 * routes a drill's ID to it, "new" to a new drill. Auditors see everything and may sign off; starting
 * or resuming a drill needs an operator. No nodes.
 */
public final class DrillsViewModel {
    /** Signs in a second person in the same window, for the sign-off; the demo offers its SSO users. */
    public interface SecondPerson {
        /** Who may be chosen (the demo's SSO users; the AWS config's profiles), the suggested one first. */
        List<String> choices(Connection operator);

        /** Signs {@code who} in; {@code prompt} shows a device code when the sign-in needs one. */
        Connection signIn(Connection operator, String who, Consumer<DeviceCode> prompt, Cancellation cancel);
    }

    /** What the screen shows. */
    public enum Page { LIST, RECORD, WIZARD }

    static final String NEW = "new";
    public static final String DEFAULT_STATEMENT = "I reviewed this drill's steps, timings and evidence, and confirm the restore was tested as recorded.";

    private final BrowseContext ctx;
    private final SecondPerson secondPerson;
    private final DrillWizardViewModel wizard;
    private final ObservableList<DrillRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(Page.LIST);
    private final ReadOnlyObjectWrapper<DrillState> record = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper whyNotRun = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper badge = new ReadOnlyStringWrapper();
    private final ObservableList<String> signers = FXCollections.observableArrayList();
    private final StringProperty signer = new SimpleStringProperty("");
    private final StringProperty statement = new SimpleStringProperty(DEFAULT_STATEMENT);
    private final ReadOnlyStringWrapper deviceCode = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper signingOff = new ReadOnlyBooleanWrapper();
    private final StringProperty abandonReason = new SimpleStringProperty("");
    private boolean active;

    public DrillsViewModel(BrowseContext ctx, SecondPerson secondPerson, DrillWizardViewModel.Rehearsal rehearsal) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.secondPerson = secondPerson;
        this.wizard = new DrillWizardViewModel(ctx, rehearsal, id -> ctx.navigator().open(Place.of(Destinations.DRILLS, id)));
        whyNotRun.bind(Bindings.createStringBinding(this::reasonNotToRun, ctx.workspace().connectionProperty(), ctx.workspace().catalogProperty()));
    }

    /** The target that opens the wizard on a resource and (optionally) one of its recovery points. */
    public static String newDrillTarget(String resourceArn, String recoveryPointArn) {
        return newDrillTarget(resourceArn, recoveryPointArn, null);
    }

    /** The target that opens the wizard on a recovery point restored through a restore-access vault (multi-party approval). */
    public static String newDrillTarget(String resourceArn, String recoveryPointArn, String restoreAccessVaultArn) {
        if (resourceArn == null) {
            return NEW;
        }
        return NEW + "|" + resourceArn + (recoveryPointArn == null ? "" : "|" + recoveryPointArn
                + (restoreAccessVaultArn == null ? "" : "|" + restoreAccessVaultArn));
    }

    // ------------------------------------------------------------------ lifecycle and routing

    public void activate() {
        active = true;
        refresh();
    }

    /** Hidden: the wizard stops following the jobs (AWS runs them on; following resumes when shown). */
    public void deactivate() {
        active = false;
        wizard.stopFollowing();
    }

    public boolean active() {
        return active;
    }

    /** Shows what the shell asks: null the list, "new" (with a resource and point) the wizard, else a drill's ID. */
    public void open(String target) {
        problem.set(null);
        message.set(null);
        if (target == null || target.isBlank()) {
            page.set(Page.LIST);
            refresh();
            return;
        }
        if (target.equals(NEW) || target.startsWith(NEW + "|")) {
            String why = whyNotRun.get();
            if (why != null) {
                problem.set(why + ".");
                page.set(Page.LIST);
                return;
            }
            String[] parts = target.split("\\|", 4);
            wizard.startNew(parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null, parts.length > 3 ? parts[3] : null);
            page.set(Page.WIZARD);
            return;
        }
        if (target.equals(wizard.drillId()) && wizard.drill() != null && !wizard.drill().status().finished()) {
            page.set(Page.WIZARD);
            if (wizard.step() == WizardStep.MONITOR) {
                wizard.follow();
            }
            return;
        }
        loading.set(true);
        ctx.actions().tasks().run("Reading the drill", false, t -> service().show(target), s -> {
            loading.set(false);
            record.set(s);
            page.set(Page.RECORD);
        }, t -> {
            loading.set(false);
            problem.set(DrillWizardViewModel.text("Could not show the drill " + target, t));
            page.set(Page.LIST);
        });
    }

    /** Reads the drills from the journal again (in the background). */
    public void refresh() {
        java.time.ZoneId zone = ctx.clock().getZone();
        ctx.actions().tasks().run("Reading the drills", false, t -> service().list(), list -> {
            List<DrillRow> out = new ArrayList<>();
            for (DrillSummary d : list) {
                out.add(DrillRow.of(d, zone));
            }
            // Unfinished first, each part newest first as the service lists them.
            out.sort((a, b) -> Boolean.compare(b.unfinished(), a.unfinished()));
            rows.setAll(out);
            long open = out.stream().filter(DrillRow::unfinished).count();
            badge.set(open == 0 ? null : String.valueOf(open));
        }, t -> problem.set(DrillWizardViewModel.text("Could not read the drills", t)));
    }

    /** Goes to the wizard for a new drill (recorded in the history, so back returns). */
    public void newDrill() {
        ctx.navigator().open(Place.of(Destinations.DRILLS, NEW));
    }

    /** Opens a drill's record (or the wizard when this window runs it). */
    public void show(DrillRow row) {
        if (row != null) {
            ctx.navigator().open(Place.of(Destinations.DRILLS, row.id()));
        }
    }

    public void backToList() {
        ctx.navigator().open(Place.of(Destinations.DRILLS));
    }

    // ------------------------------------------------------------------ resume, abandon, export

    /** Takes an unfinished drill up (journal: resume) and continues it in the wizard. */
    public void resume(String drillId) {
        Connection c = operator();
        if (c == null) {
            message.set(whyNotRun.get() == null ? DrillWords.OPERATOR_NEEDED + "." : whyNotRun.get() + ".");
            return;
        }
        if (drillId.equals(wizard.drillId()) && wizard.drill() != null && !wizard.drill().status().finished()) {
            ctx.navigator().open(Place.of(Destinations.DRILLS, drillId));
            return;
        }
        ctx.actions().tasks().run("Resuming the drill", false, t -> service().resume(c, drillId), s -> {
            wizard.take(s);
            page.set(Page.WIZARD);
            ctx.navigator().open(Place.of(Destinations.DRILLS, drillId));
        }, t -> message.set(DrillWizardViewModel.text("Could not resume the drill", t)));
    }

    /** The reason the operator gives for abandoning. */
    public StringProperty abandonReasonProperty() {
        return abandonReason;
    }

    /** Gives a drill up with the reason given (journal: abandon); the restore jobs already started still run in AWS. */
    public void abandon(String drillId) {
        String reason = abandonReason.get() == null ? "" : abandonReason.get().trim();
        if (reason.isEmpty()) {
            message.set("Say why the drill is abandoned: the reason goes into the journal.");
            return;
        }
        Actor actor = actor();
        ctx.actions().tasks().run("Abandoning the drill", false, t -> service().abandon(actor, drillId, reason), s -> {
            abandonReason.set("");
            wizard.stopFollowing();
            wizard.updated(s);
            record.set(s);
            message.set("Drill abandoned. Restore jobs already started still run in AWS: delete what they create.");
            refresh();
            if (page.get() == Page.WIZARD) {
                page.set(Page.RECORD);
            }
        }, t -> message.set(DrillWizardViewModel.text("Could not abandon the drill", t)));
    }

    /** Writes the drill's HTML report (journal: export) to {@code file}; {@code done} is told the file written. */
    public void exportReport(String drillId, Path file, Consumer<Path> done) {
        Actor actor = actor();
        ctx.actions().tasks().run("Exporting the drill report", false, t -> service().exportReport(actor, drillId, file), written -> {
            message.set("Report written to " + written + ".");
            ctx.actions().notices().post(Notice.of(Notice.Kind.SUCCESS, "Drill report exported", "Written to " + written + "."));
            if (done != null) {
                done.accept(written);
            }
        }, t -> message.set(DrillWizardViewModel.text("Could not export the report", t)));
    }

    // ------------------------------------------------------------------ sign-off by a second person

    /** Fills the choice of who signs off (the demo's SSO users, bob first; else the profiles). */
    public void prepareSignOff() {
        signers.clear();
        if (secondPerson == null) {
            return;
        }
        Connection c = ctx.workspace().connection();
        ctx.actions().tasks().run("Listing who can sign off", false, t -> secondPerson.choices(c), list -> {
            signers.setAll(list);
            if ((signer.get() == null || signer.get().isBlank() || !list.contains(signer.get())) && !list.isEmpty()) {
                signer.set(list.get(0));
            }
        }, t -> message.set(DrillWizardViewModel.text("Could not list who can sign off", t)));
    }

    public ObservableList<String> signers() {
        return signers;
    }

    public StringProperty signerProperty() {
        return signer;
    }

    public StringProperty statementProperty() {
        return statement;
    }

    /** The device code a second person's SSO sign-in waits for (null when none). */
    public ReadOnlyStringProperty deviceCodeProperty() {
        return deviceCode.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty signingOffProperty() {
        return signingOff.getReadOnlyProperty();
    }

    /** Signs the chosen person in (their own identity, this window) and signs the drill off as them (journal: sign-off). */
    public void signOff(String drillId) {
        String who = signer.get() == null ? "" : signer.get().trim();
        if (secondPerson == null) {
            message.set("This window cannot sign in a second person.");
            return;
        }
        if (who.isEmpty()) {
            message.set("Choose who signs off.");
            return;
        }
        String text = statement.get() == null || statement.get().isBlank() ? DEFAULT_STATEMENT : statement.get().trim();
        Connection operator = ctx.workspace().connection();
        signingOff.set(true);
        message.set(null);
        ctx.actions().tasks().run("Signing in " + who + " to sign off", true, t -> {
            try (Connection second = secondPerson.signIn(operator, who, code -> {
                ctx.actions().promptSignIn(who, code, t);
                t.post(() -> deviceCode.set("Enter the code " + code.userCode() + " at " + code.pageToOpen()));
            }, t.cancellation())) {
                return service().signOff(second, drillId, text);
            } finally {
                ctx.actions().promptSignIn(who, null, t);
            }
        }, s -> {
            signingOff.set(false);
            deviceCode.set(null);
            wizard.updated(s);
            if (record.get() != null && record.get().id().equals(s.id())) {
                record.set(s);
            }
            message.set("Signed off by " + DrillWords.who(s.signer()) + ".");
            refresh();
        }, t -> {
            signingOff.set(false);
            deviceCode.set(null);
            message.set(DrillWizardViewModel.text("Could not sign the drill off", t));
        });
    }

    // ------------------------------------------------------------------ state

    public DrillWizardViewModel wizard() {
        return wizard;
    }

    public BrowseContext context() {
        return ctx;
    }

    public ObservableList<DrillRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** The drill whose record is on show. */
    public ReadOnlyObjectProperty<DrillState> recordProperty() {
        return record.getReadOnlyProperty();
    }

    /** Why a drill cannot be shown or started (null: nothing wrong). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The outcome of the last command on the page (abandoned, exported, signed off, or what went wrong). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why this window may not start or resume a drill now (null: it may): auditors see and sign off only. */
    public ReadOnlyStringProperty whyNotRunProperty() {
        return whyNotRun.getReadOnlyProperty();
    }

    /** The number of unfinished drills, beside the screen's title (null: none). */
    public ObservableValue<String> badge() {
        return badge.getReadOnlyProperty();
    }

    private String reasonNotToRun() {
        Connection c = ctx.workspace().connection();
        if (c == null || c.mode() != Mode.OPERATOR) {
            return DrillWords.OPERATOR_NEEDED;
        }
        if (ctx.workspace().catalog() == null) {
            return "Scan the organization first: a drill restores what the scan found";
        }
        return null;
    }

    private Connection operator() {
        return whyNotRun.get() == null ? ctx.workspace().connection() : null;
    }

    private Actor actor() {
        Connection c = ctx.workspace().connection();
        return c != null ? c.actor() : Actor.offline(Target.none());
    }

    private DrillService service() {
        return ctx.actions().services().drills();
    }
}
