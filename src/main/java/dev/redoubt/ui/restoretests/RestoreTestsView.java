package dev.redoubt.ui.restoretests;

import atlantafx.base.theme.Styles;
import dev.redoubt.findings.Result;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.StyleClasses;
import dev.redoubt.ui.browse.ArnLink;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.BrowseStyles;
import dev.redoubt.ui.browse.BrowseTables;
import dev.redoubt.ui.browse.DetailPane;
import dev.redoubt.ui.browse.FactGrid;
import dev.redoubt.ui.browse.ListAndPage;
import dev.redoubt.ui.browse.Formats;
import dev.redoubt.ui.browse.SeverityLabel;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.restorejobs.RestoreJobNodes;
import dev.redoubt.ui.restorejobs.RestoreJobRow;
import dev.redoubt.ui.restorejobs.RestoreJobWords;
import dev.redoubt.ui.shell.Screen;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The restore testing screen: the restore testing plans in scope with their schedule in words, last
 * run and the outcome of their latest run (filter, sort by any column), and one plan's page: its
 * schedule, which recovery points it picks, its selections, its recent jobs with their outcome
 * against the restore-time target (each a link to the job), and the checks about it. Nodes and bindings only.
 */
public final class RestoreTestsView implements Screen {
    public static final String ID = "restoreTestsScreen";
    public static final String ID_FILTER = "restoreTestsFilter";
    public static final String ID_TABLE = "restoreTestsTable";
    public static final String ID_DETAIL = "restoreTestDetail";
    public static final String ID_VERDICT = "restoreTestVerdict";
    public static final String ID_JOBS = "restoreTestJobs";
    public static final String ID_PROBLEM = "restoreTestProblem";

    private final RestoreTestsViewModel vm;
    private final BrowseContext ctx;
    private final ListAndPage<TestPlanRow, TestPlanDetail> frame;
    private final TableView<TestPlanRow> table;

    public RestoreTestsView(RestoreTestsViewModel viewModel) {
        this.vm = Objects.requireNonNull(viewModel, "viewModel");
        this.ctx = vm.context();
        frame = new ListAndPage<>(vm, ID, "Restore testing", "Filter by name, account, region, schedule or outcome", ID_FILTER, ID_TABLE, ID_DETAIL);
        table = frame.table();
        buildTable();
        frame.pages(d -> detail(d).root(), ID_PROBLEM, "All restore testing plans");
    }

    @Override
    public Parent root() {
        return frame.root();
    }

    @Override
    public void shown() {
        vm.activate();
    }

    @Override
    public void hidden() {
        vm.deactivate();
    }

    // ---- the list

    private void buildTable() {
        // Two lines per row, so that every column fits a laptop's width: the second line is the lesser fact.
        TableColumn<TestPlanRow, TestPlanRow> name = column(TestPlanColumn.NAME, 240, r -> {
            Hyperlink link = new Hyperlink(r.name());
            link.getStyleClass().add(BrowseStyles.ARN_LINK);
            link.setTooltip(new Tooltip(r.arn()));
            link.setOnAction(e -> vm.show(r));
            Label schedule = dim(r.schedule());
            schedule.setTooltip(new Tooltip(r.schedule()));
            return lines(link, schedule);
        });
        name.setText("Name · schedule");
        TableColumn<TestPlanRow, TestPlanRow> account = column(TestPlanColumn.ACCOUNT, 150,
                r -> lines(text(r.accountName(), r.accountId()), dim(Formats.orNone(r.region()))));
        account.setText("Account · region");
        TableColumn<TestPlanRow, TestPlanRow> last = column(TestPlanColumn.LAST_RUN, 140,
                r -> r.lastRun() == null ? dim("never") : lines(text(Formats.sortable(r.lastRun(), zone()), null), dim(relative(r.lastRun()))));
        TableColumn<TestPlanRow, TestPlanRow> selections = column(TestPlanColumn.SELECTIONS, 100,
                r -> r.selections() == null ? dim(Formats.NOT_READ) : text(String.valueOf(r.selections()), null));
        TableColumn<TestPlanRow, TestPlanRow> outcome = column(TestPlanColumn.OUTCOME, 270, r -> outcome(r.outcome()));
        TableColumn<TestPlanRow, TestPlanRow> worst = column(TestPlanColumn.WORST, 125, r -> SeverityLabel.of(r.worst()));
        table.getColumns().setAll(List.of(name, account, last, selections, outcome, worst));
        table.setFixedCellSize(46);
        BrowseTables.sortThrough(table, (TestPlanColumn c, Boolean up) -> vm.sortBy(c, up), TestPlanColumn.NAME, true);
        BrowseTables.opensRows(table, vm::show);
        frame.placeholder("Open an estate to see its restore testing plans.", "No restore testing plan in this scope: nothing here proves the backups restore.", "No restore testing plan matches the filter.");
    }

    private static TableColumn<TestPlanRow, TestPlanRow> column(TestPlanColumn key, double width, Function<TestPlanRow, Node> cell) {
        return BrowseTables.column(key, key.title(), width, cell);
    }

    /** The latest run's outcome as a coloured chip. */
    private static Node outcome(TestOutcome o) {
        if (o.kind() == TestOutcome.Kind.NONE) {
            return dim(o.text());
        }
        Label l = new Label(o.text());
        l.getStyleClass().addAll(StyleClasses.CHIP, switch (o.kind()) {
            case PASSED -> StyleClasses.STATUS_PASS;
            case FAILED -> StyleClasses.STATUS_FAIL;
            case RUNNING -> StyleClasses.STATUS_SUPPRESSED;
            default -> StyleClasses.STATUS_UNKNOWN;
        });
        l.setTooltip(new Tooltip(o.text()));
        return l;
    }

    // ---- one plan

    private DetailPane detail(TestPlanDetail d) {
        DetailPane pane = new DetailPane(ctx, Destinations.RESTORE_TESTS, "All restore testing plans");
        pane.header("Restore testing plan", d.name(), account(d.accountName(), d.accountId()) + " · " + d.region() + " · " + d.schedule(), d.arn());
        pane.add(verdict(d));
        pane.section("Recent jobs", jobs(d));

        FactGrid plan = pane.facts("Schedule");
        Label words = new Label(d.schedule());
        words.getStyleClass().add(Styles.TEXT_BOLD);
        words.setWrapText(true);
        Label written = new Label(Formats.orNone(d.scheduleAsWritten()) + "   timezone " + d.timezone());
        written.getStyleClass().addAll(StyleClasses.MONO, BrowseStyles.MUTED);
        plan.add("Runs", new VBox(2, words, written));
        plan.add("Starts", d.startWindow());
        plan.add("Last run", d.lastRun() == null ? "Never" : Formats.dateTime(d.lastRun(), zone()) + " (" + relative(d.lastRun()) + ")");
        plan.add("Account", ArnLink.of(ctx, d.accountId(), account(d.accountName(), d.accountId())));
        plan.add("Region", d.region());
        plan.add("Created", Formats.dateTime(d.created(), zone()));
        if (d.lastUpdate() != null && !d.lastUpdate().equals(d.created())) {
            plan.add("Last changed", Formats.dateTime(d.lastUpdate(), zone()));
        }
        plan.add("Worst finding", SeverityLabel.of(d.worst()));

        if (d.pointSelection() == null) {
            pane.section("Recovery points it restores", muted("Not read (backup:GetRestoreTestingPlan)."));
        } else {
            TestPlanDetail.PointSelection p = d.pointSelection();
            FactGrid g = pane.facts("Recovery points it restores");
            g.add("Picks", p.algorithm());
            g.add("From", p.lookback());
            g.add("Types", p.recoveryPointTypes());
            g.add("In vaults", vaults(p.includeVaults(), "none: the plan restores nothing"));
            if (p.excludeVaults() != null && !p.excludeVaults().isEmpty()) {
                g.add("Except vaults", vaults(p.excludeVaults(), "—"));
            }
        }

        if (d.selections() == null) {
            pane.section("Selections", muted("The plan's selections were not read (backup:ListRestoreTestingSelections)."));
        } else if (d.selections().isEmpty()) {
            pane.section("Selections", muted("No selection: the plan restores nothing."));
        } else {
            for (TestPlanDetail.Selection s : d.selections()) {
                pane.section("Selection " + Formats.orNone(s.name()), selection(s));
            }
        }

        pane.section("Findings about this plan", findings(d.findings()));
        return pane;
    }

    /** The answer first: did the latest run prove the backups restore. */
    private Node verdict(TestPlanDetail d) {
        TestOutcome o = d.outcome();
        String level = switch (o.kind()) {
            case PASSED -> "good";
            case UNVALIDATED, RUNNING -> "warn";
            case FAILED -> "bad";
            case NONE -> "unknown";
        };
        String when = o.jobs() == 0 || d.jobs().isEmpty() ? "" : " (" + Formats.dateTime(d.jobs().get(0).created(), zone()) + ")";
        String text = o.kind() == TestOutcome.Kind.NONE
                ? (d.lastRun() == null ? "This plan has never run: it proves nothing yet." : "No job of its last run (" + Formats.date(d.lastRun(), zone())
                        + ") is in the capture: AWS lists recent restore jobs only.")
                : "Latest run" + when + ": " + o.text().toLowerCase(java.util.Locale.ROOT) + ".";
        Label l = new Label(text);
        l.setId(ID_VERDICT);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.getStyleClass().add(BrowseStyles.verdict(level));
        return l;
    }

    private Node selection(TestPlanDetail.Selection s) {
        FactGrid g = new FactGrid();
        g.add("Resource type", s.resourceType());
        List<String> arns = s.protectedResources();
        if (arns.isEmpty() || arns.equals(List.of("*"))) {
            g.add("Resources", "Any protected " + s.resourceType() + " of the account" + (arns.isEmpty() ? "" : " (*)"));
        } else {
            FlowPane flow = new FlowPane(14, 4);
            for (String arn : arns) {
                flow.getChildren().add("*".equals(arn) ? new Label("any (*)") : ArnLink.of(ctx, arn, null));
            }
            g.add("Resources", flow);
        }
        if (!s.conditions().isEmpty()) {
            g.add("Conditions (all of)", String.join("\n", s.conditions()));
        }
        g.add("Validation window", s.validationWindow());
        g.add("IAM role", s.iamRoleArn() == null ? muted(Formats.NOT_READ) : ArnLink.of(ctx, s.iamRoleArn(), s.iamRoleArn()));
        if (!s.metadataOverrides().isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (Map.Entry<String, String> e : s.metadataOverrides().entrySet()) {
                b.append(b.length() == 0 ? "" : "\n").append(e.getKey()).append(" = ").append(e.getValue());
            }
            g.add("Restore settings", b.toString());
        }
        return g;
    }

    private Node vaults(List<String> vaults, String none) {
        if (vaults == null || vaults.isEmpty()) {
            return muted(none);
        }
        FlowPane flow = new FlowPane(14, 4);
        for (String v : vaults) {
            flow.getChildren().add("*".equals(v) ? new Label("every vault of the account (*)")
                    : v.startsWith("arn:") ? ArnLink.of(ctx, v, null) : new Label(v));
        }
        return flow;
    }

    /** The plan's jobs, newest first: when, what, the outcome and the duration against the target; each opens its job page. */
    private Node jobs(TestPlanDetail d) {
        if (d.jobs().isEmpty()) {
            return muted("No job of this plan in the capture (AWS lists recent restore jobs only).");
        }
        GridPane grid = new GridPane();
        grid.setId(ID_JOBS);
        grid.setHgap(18);
        grid.setVgap(6);
        String[] heads = {"Started", "Resource", "Recovery point", "Status", "Validation", "Duration (target " + RestoreJobWords.minutes((long) d.targetMinutes()) + ")"};
        for (int i = 0; i < heads.length; i++) {
            Label h = new Label(heads[i]);
            h.getStyleClass().add(BrowseStyles.FACT_NAME);
            grid.add(h, i, 0);
        }
        int row = 1;
        for (RestoreJobRow j : d.jobs()) {
            Hyperlink started = new Hyperlink(Formats.sortable(j.created(), zone()));
            started.getStyleClass().add(BrowseStyles.ARN_LINK);
            started.setTooltip(new Tooltip("Restore job " + j.jobId()));
            started.setOnAction(e -> vm.showJob(j));
            grid.add(started, 0, row);
            grid.add(new Label(j.resourceTypeText()), 1, row);
            grid.add(j.recoveryPointArn() == null ? muted(Formats.NOT_READ) : ArnLink.of(ctx, j.recoveryPointArn(), pointText(j)), 2, row);
            grid.add(RestoreJobNodes.status(j), 3, row);
            grid.add(RestoreJobNodes.validation(j), 4, row);
            grid.add(RestoreJobNodes.duration(j), 5, row);
            String problem = problem(j);
            if (problem != null) {
                row++;
                Label note = new Label(problem);
                note.setTooltip(new Tooltip(problem)); // one line (a wrapped label in a spanned grid cell gets a row too tall); the job page has it whole
                note.getStyleClass().add(BrowseStyles.MUTED);
                GridPane.setHalignment(note, HPos.LEFT);
                grid.add(note, 1, row, 5, 1);
            }
            row++;
        }
        return grid;
    }

    /** What went wrong with a job, in AWS's words, for the line under it. */
    private static String problem(RestoreJobRow j) {
        if (j.job().statusMessage() != null && !"COMPLETED".equals(j.job().status())) {
            return j.job().statusMessage();
        }
        if (j.job().validationStatusMessage() != null && !"SUCCESSFUL".equals(j.job().validationStatus())) {
            return "Validation: " + j.job().validationStatusMessage();
        }
        if ("FAILED".equals(j.job().deletionStatus())) {
            return "Left behind: " + (j.job().deletionStatusMessage() != null ? j.job().deletionStatusMessage() : "the restored resource was not deleted.");
        }
        return null;
    }

    private Node findings(List<Result> results) {
        if (results.isEmpty()) {
            return muted("No check reports on this plan.");
        }
        VBox box = new VBox(8);
        results.stream().sorted((a, b) -> Integer.compare(a.status().ordinal(), b.status().ordinal())).forEach(r -> {
            Label status = new Label(r.status().name());
            status.getStyleClass().addAll(StyleClasses.CHIP, switch (r.status()) {
                case PASS -> StyleClasses.STATUS_PASS;
                case FAIL -> StyleClasses.STATUS_FAIL;
                case SUPPRESSED -> StyleClasses.STATUS_SUPPRESSED;
                case UNKNOWN -> StyleClasses.STATUS_UNKNOWN;
            });
            Node severity = r.status() == dev.redoubt.findings.Status.FAIL ? SeverityLabel.of(r.severity()) : new Label();
            Label title = new Label(r.checkId() + " · " + r.title());
            title.getStyleClass().add(Styles.TEXT_BOLD);
            HBox head = new HBox(8, status, severity, title);
            head.setAlignment(Pos.CENTER_LEFT);
            Label summary = new Label(r.evidence().summary());
            summary.setWrapText(true);
            summary.getStyleClass().add(BrowseStyles.MUTED);
            box.getChildren().add(new VBox(3, head, summary));
        });
        return box;
    }

    // ---- small parts

    private ZoneId zone() {
        return ctx.clock().getZone();
    }

    private String relative(Instant t) {
        EstateCatalog c = ctx.catalog();
        return Formats.relative(t, c == null ? ctx.clock().instant() : c.index().at());
    }

    /** "shop-orders · 27 Nov 2026". */
    private String pointText(RestoreJobRow j) {
        String arn = j.sourceResourceArn();
        String name = arn == null ? Formats.shortArn(j.recoveryPointArn()) : arn.substring(Math.max(arn.lastIndexOf(':'), arn.lastIndexOf('/')) + 1);
        Instant taken = j.job().recoveryPointCreationDate();
        return name + (taken == null ? "" : " · " + Formats.date(taken, zone()));
    }

    private static String account(String name, String id) {
        return name == null || name.equals(id) ? Formats.orNone(id) : name + " (" + id + ")";
    }

    private static Node lines(Node first, Node second) {
        VBox box = new VBox(2, first, second);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label text(String text, String tooltip) {
        Label l = new Label(text == null ? Formats.NONE : text);
        if (tooltip != null) {
            l.setTooltip(new Tooltip(tooltip));
        }
        return l;
    }

    /** A muted line for a table cell (no wrapping: cells are one fixed height). */
    private static Label dim(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(BrowseStyles.MUTED);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(BrowseStyles.MUTED);
        return l;
    }
}
