package dev.redoubt.ui.plans;

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
import dev.redoubt.ui.shell.Screen;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The backup plans screen: the plans in scope as a table (filter, sort by any column), and one
 * plan's page: each rule's schedule in words and as written, windows, retention, continuous backup,
 * target vault and copy destinations (links), its selections and the checks about it. Nodes and
 * bindings only.
 */
public final class PlansView implements Screen {
    public static final String ID = "plansScreen";
    public static final String ID_FILTER = "plansFilter";
    public static final String ID_TABLE = "plansTable";
    public static final String ID_DETAIL = "planDetail";
    public static final String ID_PROBLEM = "planProblem";
    public static final String ID_RULE = "planRule";

    private final PlansViewModel vm;
    private final BrowseContext ctx;
    private final ListAndPage<PlanRow, PlanDetail> frame;
    private final TableView<PlanRow> table;

    public PlansView(PlansViewModel viewModel) {
        this.vm = Objects.requireNonNull(viewModel, "viewModel");
        this.ctx = vm.context();
        frame = new ListAndPage<>(vm, ID, "Backup plans", "Filter by name, account, region, vault, rule or schedule", ID_FILTER, ID_TABLE, ID_DETAIL);
        table = frame.table();
        buildTable();
        frame.pages(d -> detail(d).root(), ID_PROBLEM, "All backup plans");
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
        TableColumn<PlanRow, PlanRow> name = column(PlanColumn.NAME, 190, r -> {
            Hyperlink link = new Hyperlink(r.name());
            link.getStyleClass().add(BrowseStyles.ARN_LINK);
            link.setTooltip(new Tooltip(r.arn()));
            link.setOnAction(e -> vm.show(r));
            if (r.deleted() == null) {
                return link;
            }
            Label deleted = new Label("deleted");
            deleted.getStyleClass().addAll(StyleClasses.CHIP, StyleClasses.STATUS_UNKNOWN);
            HBox box = new HBox(6, link, deleted);
            box.setAlignment(Pos.CENTER_LEFT);
            return box;
        });
        TableColumn<PlanRow, PlanRow> account = column(PlanColumn.ACCOUNT, 165, r -> text(r.accountName(), r.accountId()));
        TableColumn<PlanRow, PlanRow> region = column(PlanColumn.REGION, 110, r -> text(r.region(), null));
        TableColumn<PlanRow, PlanRow> rules = column(PlanColumn.RULES, 70,
                r -> r.rules() == null ? dim(Formats.NOT_READ) : text(String.valueOf(r.rules()), null));
        TableColumn<PlanRow, PlanRow> vaults = column(PlanColumn.VAULTS, 220, r -> text(r.vaultsText(), null));
        TableColumn<PlanRow, PlanRow> last = column(PlanColumn.LAST_EXECUTION, 150,
                r -> r.lastExecution() == null ? dim("never") : text(Formats.sortable(r.lastExecution(), zone()), relative(r.lastExecution())));
        TableColumn<PlanRow, PlanRow> worst = column(PlanColumn.WORST, 120, r -> SeverityLabel.of(r.worst()));
        table.getColumns().setAll(List.of(name, account, region, rules, vaults, last, worst));
        BrowseTables.sortThrough(table, (PlanColumn c, Boolean up) -> vm.sortBy(c, up), PlanColumn.NAME, true);
        BrowseTables.opensRows(table, vm::show);
        frame.placeholder("Open an estate to see its backup plans.", "No backup plan in this scope.", "No backup plan matches the filter.");
    }

    private static TableColumn<PlanRow, PlanRow> column(PlanColumn key, double width, Function<PlanRow, Node> cell) {
        return BrowseTables.column(key, key.title(), width, cell);
    }

    // ---- one plan

    private DetailPane detail(PlanDetail d) {
        DetailPane pane = new DetailPane(ctx, Destinations.PLANS);
        int rules = d.rules() == null ? -1 : d.rules().size();
        String subtitle = account(d.accountName(), d.accountId()) + " · " + d.region()
                + (rules < 0 ? "" : " · " + (rules == 1 ? "1 rule" : rules + " rules"))
                + (d.deleted() != null ? " · deleted on " + Formats.date(d.deleted(), zone())
                : d.lastExecution() == null ? " · has not run yet" : " · last ran " + Formats.dateTime(d.lastExecution(), zone()));
        pane.header("Backup plan", d.name(), subtitle, d.arn());

        FactGrid facts = pane.facts("Plan");
        facts.add("Account", ArnLink.of(ctx, d.accountId(), account(d.accountName(), d.accountId())));
        facts.add("Region", d.region());
        facts.add("Last run", d.lastExecution() == null ? "Not yet" : Formats.dateTime(d.lastExecution(), zone()) + " (" + relative(d.lastExecution()) + ")");
        facts.add("Created", Formats.dateTime(d.created(), zone()));
        if (d.deleted() != null) {
            facts.add("Deleted", Formats.dateTime(d.deleted(), zone()) + ": it no longer runs; its recovery points stay until their lifecycle ends");
        }
        facts.add("Plan ID", selectable(d.id()));
        facts.add("Version", selectable(d.versionId()));
        facts.add("Worst finding", SeverityLabel.of(d.worst()));
        if (!d.advancedSettings().isEmpty()) {
            facts.add("Advanced settings", String.join("\n", d.advancedSettings()));
        }

        if (d.rules() == null) {
            pane.section("Rules", muted("The plan's rules were not read (backup:GetBackupPlan)."));
        } else if (d.rules().isEmpty()) {
            pane.section("Rules", muted("This plan has no rules: it backs up nothing."));
        } else {
            for (PlanDetail.Rule r : d.rules()) {
                pane.section("Rule " + Formats.orNone(r.name()), rule(r));
            }
        }

        if (d.selections() == null) {
            pane.section("Selections", muted("The plan's selections were not read (backup:ListBackupSelections)."));
        } else if (d.selections().isEmpty()) {
            pane.section("Selections", muted("No selection: the plan has no resources to back up."));
        } else {
            for (PlanDetail.Selection s : d.selections()) {
                pane.section("Selection " + Formats.orNone(s.name()), selection(s));
            }
        }
        pane.section("Findings about this plan", findings(d.findings()));
        return pane;
    }

    private Node rule(PlanDetail.Rule r) {
        FactGrid g = new FactGrid();
        g.setId(ID_RULE);
        Label words = new Label(r.schedule());
        words.getStyleClass().add(Styles.TEXT_BOLD);
        words.setWrapText(true);
        Label written = new Label(r.scheduleAsWritten() == null ? "no expression" : r.scheduleAsWritten() + "   timezone " + r.timezone());
        written.getStyleClass().addAll(StyleClasses.MONO, BrowseStyles.MUTED);
        g.add("Schedule", new VBox(2, words, written));
        g.add("Starts", r.startWindow());
        g.add("Completes", r.completionWindow());
        g.add("Backs up into", r.targetVaultArn() == null ? muted("no vault given") : ArnLink.of(ctx, r.targetVaultArn(), r.targetVaultName()));
        g.add("Retention", r.deleteAfter());
        g.add("Cold storage", r.coldStorageAfter());
        g.add("Continuous backup", r.continuous());
        if (r.copies().isEmpty()) {
            g.add("Copies to", muted("No copy: these backups exist in one vault only"));
        } else {
            VBox copies = new VBox(6);
            for (PlanDetail.Copy c : r.copies()) {
                String whereText = " " + (c.kind() == null ? "" : c.kind() + " · ") + (c.accountName() == null ? "" : c.accountName() + " · ")
                        + Formats.orNone(c.region()) + " (" + c.where() + ")";
                Label where = new Label(whereText);
                where.getStyleClass().add(BrowseStyles.MUTED);
                HBox line = new HBox(0, ArnLink.of(ctx, c.vaultArn(), c.vaultName()), where);
                line.setAlignment(Pos.BASELINE_LEFT);
                Label life = new Label("Retention: " + lower(c.deleteAfter()) + " · cold storage: " + lower(c.coldStorageAfter()));
                life.getStyleClass().add(BrowseStyles.FACT_VALUE);
                copies.getChildren().add(new VBox(1, line, life));
            }
            g.add("Copies to", copies);
        }
        g.add("Recovery point tags", tags(r.recoveryPointTags()));
        return g;
    }

    private Node selection(PlanDetail.Selection s) {
        FactGrid g = new FactGrid();
        g.add("IAM role", s.iamRoleArn() == null ? muted(Formats.NOT_READ) : ArnLink.of(ctx, s.iamRoleArn(), s.iamRoleArn()));
        g.add("Resources", resources(s.resources(), "none named (the tags below select)"));
        if (!s.notResources().isEmpty()) {
            g.add("Except", resources(s.notResources(), "—"));
        }
        if (!s.tags().isEmpty()) {
            g.add("Tags (any of)", String.join("\n", s.tags()));
        }
        if (!s.conditions().isEmpty()) {
            g.add("Conditions (all of)", String.join("\n", s.conditions()));
        }
        if (s.created() != null) {
            g.add("Created", Formats.dateTime(s.created(), zone()));
        }
        return g;
    }

    private Node resources(List<String> arns, String none) {
        if (arns.isEmpty()) {
            return muted(none);
        }
        FlowPane flow = new FlowPane(14, 4);
        for (String arn : arns) {
            if ("*".equals(arn)) {
                flow.getChildren().add(new Label("every resource of the account (*)"));
            } else {
                flow.getChildren().add(ArnLink.of(ctx, arn, null));
            }
        }
        return flow;
    }

    private Node tags(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return muted("—");
        }
        StringBuilder b = new StringBuilder();
        tags.forEach((k, v) -> b.append(b.length() == 0 ? "" : "\n").append(k).append(" = ").append(v));
        return new Label(b.toString());
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

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String account(String name, String id) {
        return name == null || name.equals(id) ? Formats.orNone(id) : name + " (" + id + ")";
    }

    private static Label text(String text, String tooltip) {
        Label l = new Label(text == null ? Formats.NONE : text);
        if (tooltip != null) {
            l.setTooltip(new Tooltip(tooltip));
        }
        return l;
    }

    /** A muted line for a table cell (no wrapping). */
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

    /** An identifier in monospace, copied with a right click. */
    private static Node selectable(String text) {
        if (text == null) {
            return muted(Formats.NOT_READ);
        }
        Label l = new Label(text);
        l.getStyleClass().add(StyleClasses.MONO);
        javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy");
        copy.setOnAction(e -> ArnLink.copy(text));
        l.setContextMenu(new javafx.scene.control.ContextMenu(copy));
        return l;
    }
}
