package dev.redoubt.ui.drills;

import atlantafx.base.theme.Styles;
import dev.redoubt.drills.CheckResult;
import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.MemberState;
import dev.redoubt.drills.StepRecord;
import dev.redoubt.findings.Status;
import dev.redoubt.ui.browse.ArnLink;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.BrowseStyles;
import dev.redoubt.ui.browse.Formats;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The pieces the drill's record and the wizard share: chips, the rehearsal banner, the steps and members grids, sign-off and abandon forms. */
public final class DrillNodes {
    static final String STYLESHEET = "/dev/redoubt/ui/drills/drills.css";
    static final String ID_REHEARSAL_BANNER = "drillRehearsalBanner";
    static final String ID_STEPS = "drillSteps";
    static final String ID_MEMBERS = "drillMembers";
    static final String ID_SIGN_OFF = "drillSignOff";
    static final String ID_SIGNER = "drillSigner";
    static final String ID_STATEMENT = "drillStatement";
    static final String ID_SIGN_IN_AND_SIGN_OFF = "drillSignInAndSignOff";
    static final String ID_SIGNED = "drillSigned";
    static final String ID_ABANDON = "drillAbandon";
    static final String ID_ABANDON_REASON = "drillAbandonReason";
    static final String ID_ABANDON_CONFIRM = "drillAbandonConfirm";
    static final String ID_EXPORT = "drillExport";
    static final String ID_MESSAGE = "drillMessage";

    /** Asks where to write a drill's report; the window's asks with a native dialog, a test answers with a path. */
    @FunctionalInterface
    interface ReportChooser {
        Path choose(Window owner, String suggestedName);

        static ReportChooser saveDialog() {
            return (owner, name) -> {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Export the drill report");
                chooser.setInitialFileName(name);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML report (*.html)", "*.html"));
                java.io.File f = chooser.showSaveDialog(owner);
                return f == null ? null : f.toPath();
            };
        }
    }

    private DrillNodes() {
    }

    public static void style(Region root) {
        BrowseStyles.apply(root);
        String url = Objects.requireNonNull(DrillNodes.class.getResource(STYLESHEET), STYLESHEET).toExternalForm();
        if (!root.getStylesheets().contains(url)) {
            root.getStylesheets().add(url);
        }
    }

    /** The small REHEARSAL chip beside a drill's title. */
    static Label rehearsalChip() {
        Label l = new Label(DrillWords.REHEARSAL);
        l.getStyleClass().addAll("drill-chip", "drill-chip-rehearsal");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** "Rehearsal in the sandbox: not evidence of a verified restore", across the page. */
    static Node rehearsalBanner() {
        Label l = new Label(DrillWords.REHEARSAL_BANNER, new FontIcon(Material2OutlinedMZ.SCIENCE));
        l.setId(ID_REHEARSAL_BANNER);
        l.getStyleClass().add("drill-rehearsal-banner");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setWrapText(true);
        return l;
    }

    /** A coloured chip: level good, bad, warn, unknown, neutral. */
    public static Label chip(String text, String level) {
        Label l = new Label(text);
        l.getStyleClass().addAll("drill-chip", "drill-chip-" + level);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    static Label verdictChip(Status s) {
        return chip(DrillWords.verdict(s), s == Status.PASS ? "good" : s == Status.FAIL ? "bad" : "unknown");
    }

    static Label jobChip(String status) {
        String level = status == null ? "neutral" : switch (status) {
            case "COMPLETED" -> "good";
            case "FAILED", "ABORTED" -> "bad";
            case "RUNNING" -> "warn";
            default -> "neutral";
        };
        return chip(DrillWords.job(status), level);
    }

    static Label checkChip(CheckResult.Outcome o) {
        return chip(DrillWords.check(o), o == CheckResult.Outcome.PASSED ? "good" : o == CheckResult.Outcome.FAILED ? "bad" : "neutral");
    }

    public static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(BrowseStyles.MUTED);
        l.setWrapText(true);
        return l;
    }

    public static Label wrapped(String text) {
        Label l = new Label(text == null ? Formats.NONE : text);
        l.setWrapText(true);
        return l;
    }

    public static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("drill-card-title");
        l.setWrapText(true);
        return l;
    }

    /** A bordered card of a member. */
    public static VBox card(Node... children) {
        VBox box = new VBox(8, children);
        box.getStyleClass().add("drill-card");
        return box;
    }

    /** The message line of a page (what a command did, or what went wrong). */
    public static Label message(javafx.beans.value.ObservableValue<String> text, String id) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.getStyleClass().add("drill-message");
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    public static Button button(String text, String id, org.kordamp.ikonli.Ikon icon) {
        Button b = icon == null ? new Button(text) : new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    public static Button primary(String text, String id) {
        Button b = button(text, id, null);
        b.getStyleClass().add(Styles.ACCENT);
        b.setDefaultButton(false);
        return b;
    }

    public static HBox row(Node... nodes) {
        HBox h = new HBox(8, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** Each journaled step: time, what, resource, duration, who, outcome, the entry's seq and short hash. */
    static GridPane steps(DrillState s, ZoneId zone) {
        GridPane g = grid(1, "When", "Step", "Resource", "Took", "Who", "Outcome", "Journal entry");
        g.setId(ID_STEPS);
        int row = 1;
        for (StepRecord r : s.steps()) {
            String member = r.member() >= 0 && r.member() < s.members().size() ? s.members().get(r.member()).member().resourceName() : "";
            Label step = wrapped(r.text() == null || r.text().isBlank() ? DrillWords.step(r.step()) : r.text());
            step.setTooltip(new javafx.scene.control.Tooltip(DrillWords.step(r.step())));
            Label outcome = chip(DrillWords.outcome(r.outcome()), "failed".equals(r.outcome()) ? "bad" : "skipped".equals(r.outcome()) ? "neutral" : "good");
            Label entry = new Label("#" + r.seq() + " · " + DrillWords.shortHash(r.hash()));
            entry.getStyleClass().add("drill-mono");
            entry.setTooltip(new javafx.scene.control.Tooltip("Journal entry " + r.seq() + ", hash " + r.hash()));
            Label who = new Label(DrillWords.person(r.actor()));
            who.setTooltip(new javafx.scene.control.Tooltip(r.actor()));
            g.addRow(row++, new Label(TIME.format(r.time().atZone(zone))), step, muted(member),
                    new Label(DrillWords.duration(r.duration())), who, outcome, entry);
        }
        fit(g, 1);
        return g;
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss", java.util.Locale.ROOT);

    /** Each member: the resource, its recovery point, restore job, status, RTO, RPO, validation. */
    static GridPane members(BrowseContext ctx, DrillState s, ZoneId zone) {
        GridPane g = grid(1, "Order", "Resource", "Restore job", "Status", "RTO", "RPO", "Validation");
        g.setId(ID_MEMBERS);
        int row = 1;
        for (MemberState m : s.members()) {
            Label from = muted(m.recoveryPointArn() == null ? "no recovery point chosen" : m.pointCreated() == null ? "from " + Formats.shortArn(m.recoveryPointArn())
                    : "from the recovery point of " + Formats.dateTime(m.pointCreated(), zone));
            from.setTooltip(new javafx.scene.control.Tooltip(m.recoveryPointArn()));
            VBox resource = new VBox(2, ArnLink.of(ctx, m.member().resourceArn(), m.member().resourceName()), from);
            String id = m.restoreJobId();
            Label job = new Label(id == null ? Formats.NONE : id.length() > 14 ? id.substring(0, 13) + "…" : id);
            job.getStyleClass().add("drill-mono");
            if (id != null) {
                job.setTooltip(new javafx.scene.control.Tooltip("Restore job " + id));
                job.setContextMenu(new javafx.scene.control.ContextMenu(copyItem(id)));
            }
            VBox status = new VBox(2, jobChip(m.jobStatus()));
            if (m.jobStatusMessage() != null && !m.jobStatusMessage().isBlank() && !"COMPLETED".equals(m.jobStatus())) {
                Label why = wrapped(m.jobStatusMessage());
                why.setMaxWidth(260);
                status.getChildren().add(why);
            }
            String validation = m.validation() == null ? "Not checked"
                    : (m.validation().successful() ? "Passed" : "Did not pass")
                    + (m.validationSentToAws() == null ? "" : ", sent to AWS");
            g.addRow(row++, new Label(String.valueOf(m.member().order() + 1)), resource, job, status, new Label(DrillWords.duration(m.rto())),
                    new Label(DrillWords.duration(m.rpo())), new Label(validation));
        }
        fit(g, 1);
        return g;
    }

    private static javafx.scene.control.MenuItem copyItem(String text) {
        javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy the job ID", new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copy.setOnAction(e -> ArnLink.copy(text));
        return copy;
    }

    private static GridPane grid(int grow, String... headers) {
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(6);
        g.getStyleClass().add("drill-grid");
        for (int i = 0; i < headers.length; i++) {
            Label h = new Label(headers[i]);
            h.getStyleClass().add("drill-grid-header");
            h.setMinWidth(Region.USE_PREF_SIZE);
            g.add(h, i, 0);
            ColumnConstraints c = new ColumnConstraints();
            c.setHalignment(HPos.LEFT);
            if (i == grow) {
                c.setHgrow(Priority.ALWAYS);
                c.setMinWidth(160);
            }
            g.getColumnConstraints().add(c);
        }
        return g;
    }

    /** Every column but the one that grows keeps its text whole; the growing one wraps. */
    private static void fit(GridPane g, int grow) {
        for (Node n : g.getChildren()) {
            GridPane.setValignment(n, VPos.TOP);
            Integer col = GridPane.getColumnIndex(n);
            if ((col == null ? 0 : col) != grow && n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }

    /** "Sign off as a second person…": who (their own identity, signed in here), the statement, then the sign-in and the sign-off. */
    static VBox signOffForm(DrillsViewModel vm, String drillId) {
        Label who = new Label("Who signs off");
        ComboBox<String> signer = new ComboBox<>(vm.signers());
        signer.setId(ID_SIGNER);
        signer.setEditable(true);
        signer.valueProperty().bindBidirectional(vm.signerProperty());
        signer.setPrefWidth(260);
        Label whoHelp = muted("They sign in with their own identity in this window; the operator stays signed in. Both identities go into the journal.");
        TextArea statement = new TextArea();
        statement.setId(ID_STATEMENT);
        statement.setPrefRowCount(2);
        statement.setWrapText(true);
        statement.textProperty().bindBidirectional(vm.statementProperty());
        Button go = primary("Sign in and sign off", ID_SIGN_IN_AND_SIGN_OFF);
        go.disableProperty().bind(vm.signingOffProperty());
        go.setOnAction(e -> vm.signOff(drillId));
        Label code = message(vm.deviceCodeProperty(), "drillDeviceCode");
        VBox form = new VBox(8, row(who, signer), whoHelp, new Label("Statement"), statement, row(go), code);
        form.getStyleClass().add("drill-form");
        form.setVisible(false);
        form.setManaged(false);
        vm.prepareSignOff();
        return form;
    }

    /** The button that opens the sign-off form. */
    static Button signOffButton(VBox form) {
        Button b = button("Sign off as a second person…", ID_SIGN_OFF, Material2OutlinedAL.HOW_TO_REG);
        b.setOnAction(e -> {
            form.setVisible(true);
            form.setManaged(true);
        });
        return b;
    }

    /** "Abandon…": the reason, then abandon. */
    static VBox abandonForm(DrillsViewModel vm, String drillId) {
        TextField reason = new TextField();
        reason.setId(ID_ABANDON_REASON);
        reason.setPromptText("Why is the drill given up? (goes into the journal)");
        reason.textProperty().bindBidirectional(vm.abandonReasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button go = button("Abandon the drill", ID_ABANDON_CONFIRM, null);
        go.getStyleClass().add(Styles.DANGER);
        go.setOnAction(e -> vm.abandon(drillId));
        VBox form = new VBox(6, muted("Abandoning ends the drill. Restore jobs already started still run in AWS, and what they create must still be deleted."),
                row(reason, go));
        form.getStyleClass().add("drill-form");
        form.setVisible(false);
        form.setManaged(false);
        return form;
    }

    static Button abandonButton(VBox form) {
        Button b = button("Abandon…", ID_ABANDON, Material2OutlinedAL.CLOSE);
        b.setOnAction(e -> {
            form.setVisible(true);
            form.setManaged(true);
        });
        return b;
    }

    /** "Export report…": asks where, then writes it. */
    static Button exportButton(DrillsViewModel vm, DrillState s, java.util.function.Supplier<ReportChooser> chooser, Consumer<Path> done) {
        Button b = button("Export report…", ID_EXPORT, Material2OutlinedMZ.SAVE_ALT);
        b.setOnAction(e -> {
            Path file = chooser.get().choose(b.getScene() == null ? null : b.getScene().getWindow(), "drill-" + s.id() + ".html");
            if (file != null) {
                vm.exportReport(s.id(), file, done);
            }
        });
        return b;
    }
}
