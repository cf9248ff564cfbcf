package dev.redoubt.ui.drills;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillStatus;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.BrowseStyles;
import dev.redoubt.ui.browse.DetailPane;
import dev.redoubt.ui.browse.FactGrid;
import dev.redoubt.ui.browse.Formats;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.shell.Screen;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The restore drills screen: every drill (unfinished ones first, with Resume and Abandon), a drill's
 * record (steps with the journal's seq and hash, members, export, sign-off), and the wizard. Nodes and
 * bindings only; a heartbeat while shown drives the wizard's clock and its polling.
 */
public final class DrillsView implements Screen {
    public static final String ID = "drillsScreen";
    public static final String ID_TABLE = "drillsTable";
    public static final String ID_NEW = "newDrill";
    public static final String ID_WHY_NOT = "drillsWhyNot";
    public static final String ID_PROBLEM = "drillsProblem";
    public static final String ID_RECORD = "drillRecord";
    public static final String ID_RESUME = "drillResume";
    public static final String ID_STATUS = "drillStatus";

    private final DrillsViewModel vm;
    private final BrowseContext ctx;
    private final StackPane root = new StackPane();
    private final VBox list = new VBox(10);
    private final StackPane record = new StackPane();
    private final DrillWizardView wizard;
    private final TableView<DrillRow> table = new TableView<>();
    private final Timeline heartbeat;
    private DrillNodes.ReportChooser chooser = DrillNodes.ReportChooser.saveDialog();
    private String abandonAsked;

    public DrillsView(DrillsViewModel viewModel) {
        this.vm = viewModel;
        this.ctx = vm.context();
        root.setId(ID);
        root.getProperties().put(DrillsView.class, this);
        DrillNodes.style(root);
        wizard = new DrillWizardView(vm, () -> chooser);
        buildList();
        record.setId(ID_RECORD);
        root.getChildren().setAll(list, record, wizard.root());
        list.visibleProperty().bind(vm.pageProperty().isEqualTo(DrillsViewModel.Page.LIST));
        record.visibleProperty().bind(vm.pageProperty().isEqualTo(DrillsViewModel.Page.RECORD));
        wizard.root().visibleProperty().bind(vm.pageProperty().isEqualTo(DrillsViewModel.Page.WIZARD));
        vm.recordProperty().addListener((o, was, is) -> renderRecord());
        vm.pageProperty().addListener((o, was, is) -> {
            if (is == DrillsViewModel.Page.RECORD) {
                renderRecord();
            }
        });
        heartbeat = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> {
            if (vm.pageProperty().get() == DrillsViewModel.Page.WIZARD) {
                vm.wizard().tick();
            }
        }));
        heartbeat.setCycleCount(Timeline.INDEFINITE);
    }

    /** Where "Export report…" writes (a test answers without a dialog). */
    public void reportChooser(DrillNodes.ReportChooser c) {
        this.chooser = c;
    }

    /** For tests: the report chooser as a plain function of the suggested name. */
    public void reportFile(Function<String, Path> c) {
        this.chooser = (owner, name) -> c.apply(name);
    }

    /** The view whose root is {@code node} (tests reach the screen the shell built through its node). */
    public static DrillsView of(Node node) {
        return (DrillsView) node.getProperties().get(DrillsView.class);
    }

    public DrillsViewModel viewModel() {
        return vm;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        vm.activate();
        if (vm.pageProperty().get() == DrillsViewModel.Page.WIZARD && vm.wizard().step() == WizardStep.MONITOR) {
            vm.wizard().follow();
        }
        heartbeat.play();
    }

    @Override
    public void hidden() {
        heartbeat.stop();
        vm.deactivate();
    }

    // ---- the list

    private void buildList() {
        Label title = new Label("Restore drills");
        title.getStyleClass().add(BrowseStyles.LIST_TITLE);
        Label count = new Label();
        count.getStyleClass().add(BrowseStyles.LIST_COUNT);
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = vm.rows().size();
            long open = vm.rows().stream().filter(DrillRow::unfinished).count();
            return n == 0 ? "" : n + (n == 1 ? " drill" : " drills") + (open == 0 ? "" : " · " + open + " unfinished");
        }, vm.rows()));
        Button newDrill = DrillNodes.button("New drill", ID_NEW, Material2OutlinedAL.ADD);
        newDrill.getStyleClass().add(Styles.ACCENT);
        newDrill.disableProperty().bind(vm.whyNotRunProperty().isNotNull());
        newDrill.setOnAction(e -> vm.newDrill());
        Label whyNot = new Label();
        whyNot.setId(ID_WHY_NOT);
        whyNot.getStyleClass().add(BrowseStyles.MUTED);
        whyNot.textProperty().bind(vm.whyNotRunProperty());
        whyNot.visibleProperty().bind(vm.whyNotRunProperty().isNotNull());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> vm.whyNotRunProperty().get() == null ? "Rehearse or run a restore, step by step"
                : vm.whyNotRunProperty().get(), vm.whyNotRunProperty()));
        newDrill.setTooltip(tip);
        HBox head = new HBox(12, title, count, new Spacer(), whyNot, newDrill);
        head.setAlignment(Pos.CENTER_LEFT);
        Label intro = DrillNodes.muted("A drill restores a recovery point step by step with a stopwatch on every step, records each step in the journal, "
                + "and is signed off by a second person. Drills in the sandbox are rehearsals and never count as a verified restore.");
        Label problem = DrillNodes.message(Bindings.createStringBinding(() -> vm.problemProperty().get() != null ? vm.problemProperty().get()
                : vm.messageProperty().get(), vm.problemProperty(), vm.messageProperty()), ID_PROBLEM);

        table.setId(ID_TABLE);
        table.getStyleClass().add(BrowseStyles.TABLE);
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setFixedCellSize(46);
        Label empty = new Label("No drill in the journal yet. An operator starts one with New drill, or with Restore drill… on a recovery point's page.");
        empty.getStyleClass().add(BrowseStyles.PLACEHOLDER);
        table.setPlaceholder(empty);
        table.getColumns().setAll(java.util.List.of(
                column("Drill", 260, this::titleCell),
                column("Status", 150, r -> DrillNodes.chip(r.statusText(), statusLevel(r))),
                column("Operator · signer", 150, r -> lines(r.operator(), r.drill().signer() == null ? "not signed off" : "signed off by " + r.signer())),
                column("Started", 150, r -> new Label(r.started())),
                column("Measured RTO", 130, r -> new Label(r.rto())),
                column("", 200, this::actions)));
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<DrillRow> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    vm.show(row.getItem());
                }
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        list.getChildren().setAll(head, intro, problem, table);
        list.getStyleClass().add("drills-list");
    }

    private Node titleCell(DrillRow r) {
        Hyperlink link = new Hyperlink(r.drill().title());
        link.getStyleClass().add(BrowseStyles.ARN_LINK);
        link.setOnAction(e -> vm.show(r));
        link.setId("drillRow-" + r.id());
        link.setTooltip(new Tooltip(r.drill().title()));
        Label what = new Label(r.members());
        what.getStyleClass().add(BrowseStyles.MUTED);
        HBox second = new HBox(6, what);
        second.setAlignment(Pos.CENTER_LEFT);
        if (r.drill().rehearsal()) {
            second.getChildren().add(DrillNodes.rehearsalChip());
        }
        VBox v = new VBox(1, link, second);
        v.setAlignment(Pos.CENTER_LEFT);
        return v;
    }

    private Node actions(DrillRow r) {
        HBox h = new HBox(6);
        h.setAlignment(Pos.CENTER_LEFT);
        if (r.unfinished()) {
            if (r.drill().status() != DrillStatus.AWAITING_SIGN_OFF) {
                Button resume = DrillNodes.button("Resume", ID_RESUME + "-" + r.id(), Material2OutlinedMZ.PLAY_ARROW);
                resume.getStyleClass().addAll(Styles.SMALL);
                resume.disableProperty().bind(vm.whyNotRunProperty().isNotNull());
                resume.setOnAction(e -> vm.resume(r.id()));
                h.getChildren().add(resume);
            } else {
                Button sign = DrillNodes.button("Sign off…", "drillSignOffRow-" + r.id(), Material2OutlinedAL.HOW_TO_REG);
                sign.getStyleClass().addAll(Styles.SMALL);
                sign.setOnAction(e -> vm.show(r));
                h.getChildren().add(sign);
            }
            Button abandon = DrillNodes.button("Abandon…", "drillAbandonRow-" + r.id(), null);
            abandon.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            abandon.setOnAction(e -> {
                abandonAsked = r.id();
                vm.show(r);
            });
            h.getChildren().add(abandon);
        }
        return h;
    }

    private static String statusLevel(DrillRow r) {
        DrillStatus s = r.drill().status();
        if (s == DrillStatus.SIGNED_OFF) {
            return r.drill().rehearsal() ? "neutral" : "good";
        }
        if (s == DrillStatus.ABANDONED || r.drill().interrupted()) {
            return "bad";
        }
        return "warn";
    }

    private static TableColumn<DrillRow, DrillRow> column(String title, double width, Function<DrillRow, Node> cell) {
        TableColumn<DrillRow, DrillRow> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(DrillRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : cell.apply(item));
            }
        });
        return c;
    }

    private static Node lines(String first, String second) {
        Label b = new Label(second);
        b.getStyleClass().add(BrowseStyles.MUTED);
        VBox v = new VBox(2, new Label(first), b);
        v.setAlignment(Pos.CENTER_LEFT);
        return v;
    }

    // ---- a drill's record

    private void renderRecord() {
        DrillState s = vm.recordProperty().get();
        if (s == null || vm.pageProperty().get() != DrillsViewModel.Page.RECORD) {
            return;
        }
        java.time.ZoneId zone = ctx.clock().getZone();
        DetailPane pane = new DetailPane(ctx, Destinations.DRILLS, "All restore drills");
        String subtitle = (s.rehearsal() ? "Rehearsal in the sandbox" : "Against AWS") + " · begun " + Formats.dateTime(s.started(), zone)
                + " by " + DrillWords.who(s.operator()) + " · " + (s.members().size() == 1 ? "1 resource" : s.members().size() + " resources, restored in order")
                + (s.runbookName() == null ? "" : " · runbook " + s.runbookName());
        pane.header("Restore drill", s.title(), subtitle, null);
        if (s.rehearsal()) {
            pane.add(DrillNodes.rehearsalBanner());
        }
        Label status = new Label(statusLine(s));
        status.setId(ID_STATUS);
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.getStyleClass().add(BrowseStyles.verdict(s.verified() ? "good" : s.status() == DrillStatus.ABANDONED || s.interrupted() ? "bad"
                : s.status() == DrillStatus.SIGNED_OFF ? "unknown" : "warn"));
        pane.add(status);

        HBox buttons = new HBox(8);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox forms = new VBox(8);
        if (!s.status().finished()) {
            if (s.status() != DrillStatus.AWAITING_SIGN_OFF) {
                Button resume = DrillNodes.button(s.interrupted() ? "Resume" : "Continue", ID_RESUME, Material2OutlinedMZ.PLAY_ARROW);
                resume.getStyleClass().add(Styles.ACCENT);
                resume.disableProperty().bind(vm.whyNotRunProperty().isNotNull());
                resume.setOnAction(e -> vm.resume(s.id()));
                buttons.getChildren().add(resume);
            }
            VBox abandon = DrillNodes.abandonForm(vm, s.id());
            buttons.getChildren().add(DrillNodes.abandonButton(abandon));
            forms.getChildren().add(abandon);
            if (s.id().equals(abandonAsked)) {
                abandon.setVisible(true);
                abandon.setManaged(true);
                abandonAsked = null;
            }
        }
        if (s.status() == DrillStatus.AWAITING_SIGN_OFF) {
            VBox signOff = DrillNodes.signOffForm(vm, s.id());
            buttons.getChildren().add(0, DrillNodes.signOffButton(signOff));
            forms.getChildren().add(signOff);
        }
        buttons.getChildren().add(DrillNodes.exportButton(vm, s, () -> chooser, null));
        Label why = new Label();
        why.getStyleClass().add(BrowseStyles.MUTED);
        why.textProperty().bind(vm.whyNotRunProperty());
        if (!s.status().finished() && s.status() != DrillStatus.AWAITING_SIGN_OFF) {
            buttons.getChildren().add(why);
        }
        pane.add(new VBox(8, buttons, forms, DrillNodes.message(vm.messageProperty(), DrillNodes.ID_MESSAGE)));

        FactGrid facts = pane.facts("The drill");
        facts.add("Status", DrillWords.status(s.status(), s.interrupted()));
        facts.add("Measured RTO", DrillWords.rto(s.rto(), vm.wizard().rtoTarget()));
        facts.add("Operator", DrillWords.who(s.operator()));
        facts.add("Signed off by", s.signer() == null ? "Nobody yet" : DrillWords.who(s.signer()));
        facts.add("Started", Formats.dateTime(s.started(), zone));
        facts.add("Ended", s.ended() == null ? "Not yet" : Formats.dateTime(s.ended(), zone));
        if (s.abandonReason() != null) {
            facts.add("Abandoned because", s.abandonReason());
        }
        if (s.notes() != null && !s.notes().isBlank()) {
            facts.add("Notes", s.notes());
        }
        facts.add("Drill ID", s.id());
        pane.section("Resources, in restore order", DrillNodes.members(ctx, s, zone));
        pane.section("Steps (each one a journal entry)", DrillNodes.steps(s, zone));
        record.getChildren().setAll(pane.root());
    }

    static String statusLine(DrillState s) {
        if (s.status() == DrillStatus.ABANDONED) {
            return "Abandoned" + (s.abandonReason() == null ? "." : ": " + s.abandonReason());
        }
        if (s.interrupted() && !s.status().finished()) {
            return "Interrupted while " + DrillWords.status(s.status(), false).toLowerCase(java.util.Locale.ROOT)
                    + ". Resume it to carry on where it stopped, or abandon it with a reason.";
        }
        if (s.status() == DrillStatus.SIGNED_OFF) {
            return s.verified() ? "Verified restore: every resource restored, validated and signed off by a second person."
                    : s.rehearsal() ? "Rehearsal signed off by " + DrillWords.who(s.signer()) + ". A rehearsal in the sandbox is not evidence of a verified restore."
                    : "Signed off, but not every resource restored and validated: not a verified restore.";
        }
        if (s.status() == DrillStatus.AWAITING_SIGN_OFF) {
            return "Waiting for a second person to sign it off.";
        }
        return DrillWords.status(s.status(), false) + ": the drill is under way.";
    }
}
