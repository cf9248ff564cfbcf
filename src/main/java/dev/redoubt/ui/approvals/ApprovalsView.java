package dev.redoubt.ui.approvals;

import atlantafx.base.theme.Styles;
import dev.redoubt.services.TeamPage;
import dev.redoubt.services.TeamRow;
import dev.redoubt.ui.browse.ArnLink;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.BrowseStyles;
import dev.redoubt.ui.browse.BrowseTables;
import dev.redoubt.ui.browse.DetailPane;
import dev.redoubt.ui.browse.FactGrid;
import dev.redoubt.ui.browse.Formats;
import dev.redoubt.ui.browse.ListAndPage;
import dev.redoubt.ui.browse.SeverityLabel;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.shell.Screen;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The approval teams screen (read-only): every multi-party approval team in scope as a table
 * (status, threshold, approvers' identity status, vaults guarded, pending change, worst finding),
 * and one team's page with its approvers, pending changes, vaults, findings and sessions.
 * Nodes and bindings only.
 */
public final class ApprovalsView implements Screen {
    public static final String ID = "approvalsScreen";
    public static final String ID_FILTER = "approvalsFilter";
    public static final String ID_TABLE = "approvalsTable";
    public static final String ID_DETAIL = "approvalTeamDetail";
    public static final String ID_PROBLEM = "approvalTeamProblem";
    public static final String ID_VERDICT = "approvalTeamVerdict";
    public static final String ID_OPEN_SESSIONS = "approvalOpenSessions";
    public static final String ID_PAST_SESSIONS = "approvalPastSessions";

    private final ApprovalsViewModel vm;
    private final BrowseContext ctx;
    private final ListAndPage<TeamRow, TeamPage> frame;
    private final TableView<TeamRow> table;

    public ApprovalsView(ApprovalsViewModel viewModel) {
        this.vm = Objects.requireNonNull(viewModel, "viewModel");
        this.ctx = vm.context();
        frame = new ListAndPage<>(vm, ID, "Approval teams", "Filter by team, account, status, approvers or pending change", ID_FILTER, ID_TABLE, ID_DETAIL);
        table = frame.table();
        Label note = new Label("Approvers vote in the AWS approval portal; ask them under Restore access.");
        note.getStyleClass().add(BrowseStyles.MUTED);
        frame.header().filters().getChildren().add(note);
        buildTable();
        frame.pages(p -> page(p).root(), ID_PROBLEM, "All approval teams");
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
        TableColumn<TeamRow, TeamRow> name = column(TeamColumn.NAME, 230, r -> {
            Hyperlink link = new Hyperlink(r.name());
            link.getStyleClass().add(BrowseStyles.ARN_LINK);
            link.setTooltip(new Tooltip(r.arn() == null ? "ARN " + Formats.NOT_READ : r.arn()));
            link.setOnAction(e -> vm.show(r));
            Label where = dim(r.accountName() + " · " + Formats.orNone(r.region()));
            where.setTooltip(new Tooltip(r.accountText()));
            return lines(link, where);
        });
        name.setText("Team · account");
        TableColumn<TeamRow, TeamRow> status = column(TeamColumn.STATUS, 235, r -> lines(statusChip(r.statusText(), r.healthy()), dim(r.approversText())));
        status.setText("Status · approvers");
        TableColumn<TeamRow, TeamRow> threshold = column(TeamColumn.THRESHOLD, 95, r -> text(r.thresholdText()));
        threshold.setText("Approvals");
        TableColumn<TeamRow, TeamRow> vaults = column(TeamColumn.VAULTS, 75, r -> r.vaults() == 0 ? dim("none") : text(String.valueOf(r.vaults())));
        vaults.setText("Vaults");
        TableColumn<TeamRow, TeamRow> worst = column(TeamColumn.WORST, 95, r -> SeverityLabel.of(r.worst()));
        worst.setText("Worst");
        TableColumn<TeamRow, TeamRow> pending = column(TeamColumn.PENDING, 280, r -> {
            if (Formats.NONE.equals(r.pendingText())) {
                return dim(Formats.NONE);
            }
            int cut = r.pendingText().indexOf(", awaiting");
            Label what = text(cut < 0 ? r.pendingText() : r.pendingText().substring(0, cut));
            what.setTooltip(new Tooltip(r.pendingText()));
            return cut < 0 ? what : lines(what, dim(r.pendingText().substring(cut + 2)));
        });
        table.getColumns().setAll(List.of(name, status, threshold, vaults, worst, pending));
        table.setFixedCellSize(46);
        BrowseTables.sortThrough(table, (TeamColumn c, Boolean up) -> vm.sortBy(c, up), TeamColumn.NAME, true);
        BrowseTables.opensRows(table, vm::show);
        frame.placeholder("Open an estate to see its approval teams.", "No approval team in this scope.", "No approval team matches the filter.");
    }

    private static TableColumn<TeamRow, TeamRow> column(TeamColumn key, double width, Function<TeamRow, Node> cell) {
        return BrowseTables.column(key, key.title(), width, cell);
    }

    // ---- one team

    private DetailPane page(TeamPage p) {
        TeamRow r = p.row();
        DetailPane pane = new DetailPane(ctx, Destinations.APPROVALS, "All approval teams");
        pane.header("Multi-party approval team", r.name(), r.accountText() + " · " + r.region() + (p.description() == null ? "" : " · " + p.description()),
                r.arn());
        pane.add(verdict(p));
        VBox open = sessions(p, p.openSessions(), "No request is waiting for this team's approval.");
        open.setId(ID_OPEN_SESSIONS);
        if (!p.openSessions().isEmpty()) {
            pane.section("Requests waiting for approval", open); // what needs someone now comes first
        }

        FactGrid team = pane.facts("Team");
        team.add("Status", statusChip(p.statusText(), r.healthy()));
        team.add("Status code", p.statusCodeText() == null ? "none: no change of the team in progress" : p.statusCodeText());
        if (p.statusMessage() != null && !p.statusMessage().isBlank()) {
            team.add("AWS says", p.statusMessage());
        }
        team.add("Approvals needed", p.thresholdText());
        team.add("Which means", capitalise(p.meaning()));
        team.add("Identity status", r.approversText());

        pane.section("Approvers", approvers(p));
        pane.section("Pending changes", pending(p));
        pane.section("Vaults it guards", vaults(p));
        pane.section("Findings", findings(p));
        if (p.openSessions().isEmpty()) {
            pane.section("Requests waiting for approval", open);
        }
        VBox past = sessions(p, p.pastSessions(), "This team has no past session in the estate.");
        past.setId(ID_PAST_SESSIONS);
        pane.section("Past sessions", past);
        return pane;
    }

    /** The answer first: can the team approve a recovery now, and is anything waiting for it. */
    private Node verdict(TeamPage p) {
        TeamRow r = p.row();
        String level;
        String text;
        if (!"Active".equals(p.statusText())) {
            level = Formats.NOT_READ.equals(p.statusText()) ? "unknown" : "bad";
            text = Formats.NOT_READ.equals(p.statusText()) ? "Redoubt did not read this team's status: it cannot say whether the team can approve a recovery."
                    : "The team is " + p.statusText().toLowerCase(java.util.Locale.ROOT) + ": it cannot approve a recovery until it is active.";
        } else if (!r.healthy()) {
            level = "warn";
            text = "Active, " + r.thresholdText() + " approvals needed, but not every approver can vote (" + r.approversText() + ").";
        } else {
            level = "good";
            text = "Active: a recovery from the vaults it guards goes ahead when " + p.meaning() + ".";
        }
        if (!p.openSessions().isEmpty()) {
            text += " " + p.openSessions().size() + (p.openSessions().size() == 1 ? " request waits" : " requests wait") + " for approval.";
            if ("good".equals(level)) {
                level = "warn";
            }
        }
        Label l = new Label(text);
        l.setId(ID_VERDICT);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.getStyleClass().add(BrowseStyles.verdict(level));
        return l;
    }

    private Node approvers(TeamPage p) {
        if (p.approvers().isEmpty()) {
            return muted(p.row().team().approvers() == null ? "Approvers " + Formats.NOT_READ + "." : "The team has no approver.");
        }
        GridPane g = grid(List.of("Approver", "Identity", "Last activity"), new double[] {30, 30, 40});
        int row = 1;
        for (TeamPage.ApproverLine a : p.approvers()) {
            Label who = new Label(a.who());
            who.setTooltip(new Tooltip("Approver " + Formats.orNotRead(a.approverId()) + "\nIdentity " + Formats.orNotRead(a.identityId())));
            Label status = new Label(a.identityStatusText());
            if (!a.accepted()) {
                status.getStyleClass().add(Styles.WARNING);
            }
            g.addRow(row++, who, status, wrap(a.historyText()));
        }
        return g;
    }

    private Node pending(TeamPage p) {
        if (p.pending().isEmpty()) {
            return muted("Nothing is waiting for this team's approval: no change of approvers, no deletion, no change of a vault's team.");
        }
        VBox box = new VBox(6);
        for (TeamPage.PendingChange c : p.pending()) {
            HBox line = new HBox(8, wrap(c.text()));
            line.setAlignment(Pos.BASELINE_LEFT);
            line.getChildren().add(c.sessionArn() == null ? muted("session " + Formats.NOT_READ) : ArnLink.of(ctx, c.sessionArn(), "see the session"));
            box.getChildren().add(line);
        }
        return box;
    }

    private Node vaults(TeamPage p) {
        if (p.vaults().isEmpty()) {
            return muted("No vault in this estate names this team: it guards nothing Redoubt read.");
        }
        GridPane g = grid(List.of("Vault", "What"), new double[] {30, 70});
        int row = 1;
        for (TeamPage.GuardedVault v : p.vaults()) {
            g.addRow(row++, ArnLink.of(ctx, v.arn(), v.name()), wrap(v.roleText()));
        }
        return g;
    }

    private Node findings(TeamPage p) {
        if (p.findings().isEmpty()) {
            return muted("No check reported on this team.");
        }
        List<TeamPage.FindingLine> passing = p.findings().stream().filter(f -> f.status() == dev.redoubt.findings.Status.PASS).toList();
        List<TeamPage.FindingLine> other = p.findings().stream().filter(f -> f.status() != dev.redoubt.findings.Status.PASS).toList();
        String passes = passing.isEmpty() ? null : passing.stream().map(TeamPage.FindingLine::checkId).distinct().collect(java.util.stream.Collectors.joining(", "))
                + (passing.size() == 1 ? " passes." : " pass.");
        if (other.isEmpty()) {
            return muted("Nothing fails: " + passes);
        }
        GridPane g = grid(List.of("Status", "Severity", "Check", "Finding"), new double[] {12, 12, 10, 66});
        int row = 1;
        if (passes != null) {
            g.add(muted(passes), 0, other.size() + 1, 4, 1);
        }
        for (TeamPage.FindingLine f : other) {
            g.addRow(row++, new Label(statusWord(f.status())), SeverityLabel.of(f.status() == dev.redoubt.findings.Status.FAIL ? f.severity() : null),
                    new Label(f.checkId()), wrap(f.title()));
        }
        return g;
    }

    private VBox sessions(TeamPage p, List<TeamPage.SessionLine> list, String none) {
        VBox box = new VBox(12);
        if (list.isEmpty()) {
            box.getChildren().add(muted(none));
            return box;
        }
        for (TeamPage.SessionLine s : list) {
            box.getChildren().add(session(p, s));
        }
        return box;
    }

    private Node session(TeamPage p, TeamPage.SessionLine s) {
        Label title = new Label(s.actionText());
        title.getStyleClass().add(BrowseStyles.FACT_VALUE);
        title.setStyle("-fx-font-weight: bold;");
        FactGrid facts = new FactGrid();
        facts.add("Outcome", s.open() ? s.outcomeText() + ", " + s.expiryText() + (s.expires() == null ? "" : " (" + Formats.dateTime(s.expires(), zone()) + ")")
                : s.outcomeText());
        facts.add("Approvals", s.approvalsText());
        facts.add("Requested by", s.requester() + (s.requesterAccountId() == null ? "" : " in " + account(s.requesterAccountId())));
        facts.add("Comment", s.comment() == null || s.comment().isBlank() ? "none given" : "\u201c" + s.comment() + "\u201d");
        facts.add("On", s.resourceArn() == null ? muted(Formats.NOT_READ) : ArnLink.of(ctx, s.resourceArn(), null));
        facts.add("Requested", Formats.dateTime(s.initiated(), zone()));
        if (!s.open()) {
            facts.add("Ended", s.completed() == null ? (s.expires() == null ? Formats.NOT_READ : "expiry " + Formats.dateTime(s.expires(), zone()))
                    : Formats.dateTime(s.completed(), zone()));
        }
        facts.add("Votes", votes(s));
        facts.add("Session", ArnLink.of(ctx, s.arn(), s.arn() == null ? Formats.NOT_READ : s.arn().substring(s.arn().lastIndexOf('/') + 1)));
        VBox card = new VBox(6, title, facts);
        card.setPadding(new Insets(10));
        card.setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 6; -fx-background-radius: 6;"
                + (s.arn() != null && s.arn().equals(p.focusSession()) ? " -fx-border-color: -color-accent-emphasis; -fx-border-width: 2;" : ""));
        return card;
    }

    private Node votes(TeamPage.SessionLine s) {
        if (s.votes().isEmpty()) {
            return muted("no vote " + Formats.NOT_READ);
        }
        VBox box = new VBox(2);
        for (TeamPage.Vote v : s.votes()) {
            Label l = new Label(v.who() + ": " + v.responseText() + (v.when() == null ? "" : ", " + Formats.dateTime(v.when(), zone())));
            if ("Rejected".equals(v.responseText())) {
                l.getStyleClass().add(Styles.DANGER);
            } else if ("No response".equals(v.responseText())) {
                l.getStyleClass().add(BrowseStyles.MUTED);
            }
            box.getChildren().add(l);
        }
        return box;
    }

    // ---- small parts

    private String account(String id) {
        String name = ctx.catalog() == null ? id : ctx.catalog().accountName(id);
        return name == null || name.equals(id) ? id : name + " (" + id + ")";
    }

    private ZoneId zone() {
        return ctx.clock().getZone();
    }

    private static String statusWord(dev.redoubt.findings.Status s) {
        return s == null ? Formats.NOT_READ : switch (s) {
            case PASS -> "Passes";
            case FAIL -> "Fails";
            case UNKNOWN -> "Unknown";
            case SUPPRESSED -> "Accepted risk";
        };
    }

    private static Label statusChip(String text, boolean healthy) {
        Label l = new Label(text);
        if (Formats.NOT_READ.equals(text)) {
            l.getStyleClass().add(BrowseStyles.MUTED);
        } else if (!"Active".equals(text)) {
            l.getStyleClass().add(Styles.DANGER);
        } else if (!healthy) {
            l.getStyleClass().add(Styles.WARNING);
        }
        return l;
    }

    private static GridPane grid(List<String> heads, double[] percents) {
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(6);
        for (double p : percents) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(p);
            c.setHgrow(Priority.ALWAYS);
            g.getColumnConstraints().add(c);
        }
        for (int i = 0; i < heads.size(); i++) {
            Label h = new Label(heads.get(i));
            h.getStyleClass().add(BrowseStyles.FACT_NAME);
            g.add(h, i, 0);
        }
        return g;
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Node lines(Node first, Node second) {
        VBox box = new VBox(2, first, second);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label text(String text) {
        return new Label(text == null ? Formats.NONE : text);
    }

    private static Label wrap(String text) {
        Label l = new Label(text == null ? Formats.NONE : text);
        l.setWrapText(true);
        return l;
    }

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
