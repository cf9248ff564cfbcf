package dev.redoubt.ui.access;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.redoubt.approvals.Outcome;
import dev.redoubt.approvals.PreflightCheck;
import dev.redoubt.approvals.RequestPreflight;
import dev.redoubt.findings.Status;
import dev.redoubt.ui.browse.ArnLink;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.BrowseStyles;
import dev.redoubt.ui.browse.DetailPane;
import dev.redoubt.ui.browse.FactGrid;
import dev.redoubt.ui.browse.Formats;
import dev.redoubt.ui.drills.DrillNodes;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.shell.Screen;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The restore access screen: the air-gapped vaults with "Request access…", the requests with where each
 * stands; a request's preflight and comment; a request followed live (votes, time left, outcome), the
 * recovery points it opens with "Restore drill…", and the revocation. Nodes and bindings only.
 */
public final class AccessView implements Screen {
    public static final String ID = "accessScreen";
    public static final String ID_VAULTS = "accessVaults";
    public static final String ID_REQUESTS = "accessRequests";
    public static final String ID_PROBLEM = "accessProblem";
    public static final String ID_WHY_NOT = "accessWhyNot";
    public static final String ID_PREFLIGHT = "accessPreflight";
    public static final String ID_COMMENT = "accessComment";
    public static final String ID_SEND = "accessSend";
    public static final String ID_VERDICT = "accessVerdict";
    public static final String ID_VOTES = "accessVotes";
    public static final String ID_POINTS = "accessPoints";
    public static final String ID_REVOKE_COMMENT = "accessRevokeComment";
    public static final String ID_REVOKE = "accessRevoke";
    public static final String ID_REVOCATION = "accessRevocation";
    public static final String ID_TOO_LONG = "accessOpenTooLong";
    public static final String ID_APPROVER_PAGE = "accessApproverPage";
    public static final String ID_SKIP = "accessSkipAhead";
    public static final String ID_FOLLOW = "accessFollow";

    private final AccessViewModel vm;
    private final BrowseContext ctx;
    private final StackPane root = new StackPane();
    private final StackPane list = new StackPane();
    private final StackPane request = new StackPane();
    private final StackPane follow = new StackPane();

    public AccessView(AccessViewModel viewModel) {
        this.vm = viewModel;
        this.ctx = vm.context();
        root.setId(ID);
        root.getProperties().put(AccessView.class, this);
        DrillNodes.style(root);
        root.getChildren().setAll(list, request, follow);
        list.visibleProperty().bind(vm.pageProperty().isEqualTo(AccessViewModel.Page.LIST));
        request.visibleProperty().bind(vm.pageProperty().isEqualTo(AccessViewModel.Page.REQUEST));
        follow.visibleProperty().bind(vm.pageProperty().isEqualTo(AccessViewModel.Page.FOLLOW));
        vm.vaults().addListener((ListChangeListener<AccessViewModel.VaultLine>) c -> renderList());
        vm.requests().addListener((ListChangeListener<AccessViewModel.RequestLine>) c -> renderList());
        vm.preflightProperty().addListener((o, was, is) -> renderRequest());
        vm.requestVaultProperty().addListener((o, was, is) -> renderRequest());
        vm.shownProperty().addListener((o, was, is) -> renderFollow(was, is));
        renderList();
        renderRequest();
    }

    /** The view whose root is {@code node} (tests reach the screen the shell built through its node). */
    public static AccessView of(Node node) {
        return (AccessView) node.getProperties().get(AccessView.class);
    }

    public AccessViewModel viewModel() {
        return vm;
    }

    @Override
    public Parent root() {
        return root;
    }

    // ---- the list

    private void renderList() {
        VBox box = new VBox(14);
        box.setPadding(new Insets(16, 20, 20, 20));
        Label title = new Label("Restore access");
        title.getStyleClass().add(BrowseStyles.LIST_TITLE);
        Label lead = DrillNodes.muted("A logically air-gapped vault is restored from only after its approval team approves: ask here, follow the votes, "
                + "restore through the vault they open, and revoke it when done. Every request, vote seen and revocation is journaled.");
        box.getChildren().addAll(title, lead, whyNot(), DrillNodes.message(vm.problemProperty(), ID_PROBLEM));

        VBox vaults = new VBox(8);
        vaults.setId(ID_VAULTS);
        if (vm.vaults().isEmpty()) {
            vaults.getChildren().add(DrillNodes.muted(ctx.catalog() == null ? "Open an estate to see its air-gapped vaults."
                    : "No logically air-gapped vault in this estate."));
        } else {
            GridPane g = grid(new double[] {30, 36, 16}, "Air-gapped vault", "Approval team", "Holds", "");
            int row = 1;
            for (AccessViewModel.VaultLine v : vm.vaults()) {
                VBox name = new VBox(2, ArnLink.of(ctx, v.arn(), v.name()), DrillNodes.muted(v.accountText() + " · " + v.region()));
                VBox team = new VBox(2, v.teamArn() == null ? DrillNodes.wrapped(v.teamText()) : ArnLink.of(ctx, v.teamArn(), v.teamText()),
                        DrillNodes.muted(v.accessText()));
                Button ask = DrillNodes.button("Request access…", "accessRequest-" + (row - 1), Material2OutlinedAL.HOW_TO_VOTE);
                ask.disableProperty().bind(vm.whyNotChangeProperty().isNotNull());
                ask.setOnAction(e -> ctx.navigator().open(Place.of(Destinations.ACCESS, AccessViewModel.requestTarget(v.arn()))));
                g.addRow(row++, name, team, DrillNodes.wrapped(v.pointsText()), ask);
            }
            vaults.getChildren().add(g);
        }
        box.getChildren().add(section("Air-gapped vaults", vaults));

        VBox requests = new VBox(8);
        requests.setId(ID_REQUESTS);
        if (vm.requests().isEmpty()) {
            requests.getChildren().add(DrillNodes.muted("No restore access was requested from this computer yet."));
        } else {
            GridPane g = grid(new double[] {15, 20, 30, 22}, "Requested", "Air-gapped vault · by", "Comment", "Status", "");
            int row = 1;
            for (AccessViewModel.RequestLine r : vm.requests()) {
                Button open = DrillNodes.button("Open", "accessOpen-" + (row - 1), null);
                open.setDisable(r.restoreAccessVaultArn() == null);
                open.setOnAction(e -> ctx.navigator().open(Place.of(Destinations.ACCESS, r.restoreAccessVaultArn())));
                g.addRow(row++, new Label(Formats.dateTime(r.requested(), zone())),
                        new VBox(2, new Label(r.sourceVaultName()), DrillNodes.muted(shortActor(r.requester()))),
                        DrillNodes.wrapped(r.comment() == null ? "none" : "\u201c" + r.comment() + "\u201d"),
                        DrillNodes.chip(r.statusText(), r.level()), open);
            }
            requests.getChildren().add(g);
        }
        box.getChildren().add(section("Requests", requests));
        list.getChildren().setAll(scroll(box));
    }

    // ---- the request

    private void renderRequest() {
        String lag = vm.requestVaultProperty().get();
        if (lag == null) {
            request.getChildren().clear();
            return;
        }
        DetailPane pane = new DetailPane(ctx, Destinations.ACCESS, "All restore access");
        pane.header("Request restore access", vm.requestVaultName(), "Logically air-gapped vault: its approval team decides", lag);
        pane.add(whyNot());
        pane.add(DrillNodes.message(vm.problemProperty(), ID_PROBLEM));
        RequestPreflight p = vm.preflightProperty().get();
        VBox checks = new VBox(8);
        checks.setId(ID_PREFLIGHT);
        if (p == null) {
            checks.getChildren().add(DrillNodes.muted("Checking…"));
        } else {
            GridPane g = grid(new double[] {12, 26, 62}, "Result", "Check", "Why · what to do");
            int row = 1;
            for (PreflightCheck c : p.items()) {
                Label verdict = DrillNodes.chip(c.status() == Status.PASS ? "Pass" : c.status() == Status.FAIL ? "Fail" : "Unknown",
                        c.status() == Status.PASS ? "good" : c.status() == Status.FAIL ? "bad" : "unknown");
                verdict.setId("accessCheck-" + (row - 1));
                VBox why = new VBox(2, DrillNodes.wrapped(c.reason()));
                if (c.fix() != null) {
                    why.getChildren().add(DrillNodes.muted("What to do: " + c.fix()));
                }
                g.addRow(row++, verdict, DrillNodes.wrapped(c.item()), why);
            }
            checks.getChildren().add(g);
            if (p.requiredApprovals() > 0) {
                checks.getChildren().add(DrillNodes.muted("The team needs " + p.requiredApprovals() + (p.requiredApprovals() == 1 ? " approval." : " approvals.")));
            }
        }
        pane.section("Preflight", checks);

        TextArea comment = new TextArea();
        comment.setId(ID_COMMENT);
        comment.setPromptText("What is restored, why, and the ticket: the approvers decide on this (e.g. \"Restore drill of shop-orders, CHG-1234\")");
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        comment.textProperty().bindBidirectional(vm.commentProperty());
        Button send = DrillNodes.primary("Request restore access", ID_SEND);
        send.disableProperty().bind(vm.whyNotRequestProperty().isNotNull().or(vm.busyProperty()));
        send.setOnAction(e -> vm.request());
        Label why = DrillNodes.muted("");
        why.textProperty().bind(Bindings.createStringBinding(() -> vm.whyNotRequestProperty().get() == null
                ? "Sends CreateRestoreAccessBackupVault: AWS opens an approval session for the team." : vm.whyNotRequestProperty().get() + ".",
                vm.whyNotRequestProperty()));
        VBox form = new VBox(8, comment, DrillNodes.row(send, why));
        if (vm.rehearsalProperty().get()) {
            form.getChildren().add(DrillNodes.muted("In the demo, the team's approvers vote on the sandbox's approver page (the request's page links it)."));
        }
        pane.section("Comment for the approvers", form);
        request.getChildren().setAll(pane.root());
    }

    // ---- one request followed

    private void renderFollow(AccessViewModel.AccessPage was, AccessViewModel.AccessPage p) {
        if (p == null) {
            follow.getChildren().clear();
            return;
        }
        // Redraw only what changed: the revoke comment being typed must survive a heartbeat.
        if (was != null && was.equals(p) && !follow.getChildren().isEmpty()) {
            return;
        }
        ScrollPane old = follow.getChildren().isEmpty() ? null : (ScrollPane) follow.getChildren().get(0);
        double at = old == null || was == null || !was.restoreAccessVaultArn().equals(p.restoreAccessVaultArn()) ? 0 : old.getVvalue();
        DetailPane pane = new DetailPane(ctx, Destinations.ACCESS, "All restore access");
        pane.header("Restore access request", "Restore access to " + p.sourceVaultName(),
                p.restoreAccessVaultName() + (p.vaultState() == null ? "" : " · vault " + p.vaultState().toLowerCase(java.util.Locale.ROOT)),
                p.restoreAccessVaultArn());
        Label verdict = new Label(p.verdict());
        verdict.setId(ID_VERDICT);
        verdict.setWrapText(true);
        verdict.setMaxWidth(Double.MAX_VALUE);
        verdict.getStyleClass().add(BrowseStyles.verdict(p.level()));
        pane.add(verdict);
        if (p.openTooLong() != null) {
            Label warn = new Label(p.openTooLong(), new org.kordamp.ikonli.javafx.FontIcon(Material2OutlinedMZ.WARNING));
            warn.setId(ID_TOO_LONG);
            warn.setWrapText(true);
            warn.setMaxWidth(Double.MAX_VALUE);
            warn.getStyleClass().add(BrowseStyles.verdict("warn"));
            pane.add(warn);
        }
        pane.add(DrillNodes.message(vm.problemProperty(), ID_PROBLEM));
        if (p.error() != null) {
            pane.add(DrillNodes.chip(p.error(), "bad"));
        }
        pane.add(controls(p));

        VBox votes = new VBox(6);
        votes.setId(ID_VOTES);
        votes.getChildren().add(voteGrid(p.votes(), "No approver has been asked yet."));
        if (p.thresholdText() != null) {
            votes.getChildren().add(DrillNodes.muted("The team needs " + p.thresholdText() + " approvers to approve."));
        }
        pane.section("Approvers' votes", votes);

        if (p.outcome() == Outcome.APPROVED) {
            pane.section("Recovery points through this vault", points(p));
            pane.section("Revoke", revoke(p));
        }

        FactGrid facts = pane.facts("Request");
        facts.add("Requested by", p.requester() == null ? Formats.NOT_READ : p.requester());
        facts.add("Requested", p.requested() == null ? Formats.NOT_READ : Formats.dateTime(p.requested(), zone()));
        facts.add("Comment", p.comment() == null || p.comment().isBlank() ? "none given" : "\u201c" + p.comment() + "\u201d");
        facts.add("Approval team", p.teamArn() == null ? DrillNodes.muted(Formats.NOT_READ) : ArnLink.of(ctx, p.teamArn(), p.teamName()));
        facts.add("Air-gapped vault", ArnLink.of(ctx, p.sourceVaultArn(), p.sourceVaultName()));
        facts.add("Restore-access vault", ArnLink.of(ctx, p.restoreAccessVaultArn(), p.restoreAccessVaultName()));
        facts.add("Session", p.sessionArn() == null ? Formats.NOT_READ : p.sessionArn());
        facts.add("Last checked", p.checked() == null ? "not yet" : Formats.dateTime(p.checked(), zone())
                + (p.following() ? " · following: looks again every few seconds" : ""));
        ScrollPane sp = pane.root();
        follow.getChildren().setAll(sp);
        if (at > 0) {
            sp.layout();
            sp.setVvalue(at);
        }
    }

    private Node controls(AccessViewModel.AccessPage p) {
        HBox row = DrillNodes.row();
        if (p.following()) {
            Button stop = DrillNodes.button("Stop following", ID_FOLLOW, Material2OutlinedMZ.PAUSE);
            stop.setOnAction(e -> vm.stopFollowing());
            row.getChildren().add(stop);
        } else {
            Button again = DrillNodes.button(p.outcome() == Outcome.PENDING ? "Follow" : "Look again", ID_FOLLOW, Material2OutlinedMZ.REFRESH);
            again.setOnAction(e -> vm.followAgain());
            row.getChildren().add(again);
        }
        String page = vm.approverPage();
        if (page != null) {
            Button approvers = DrillNodes.button("Open the approver page", ID_APPROVER_PAGE, Material2OutlinedAL.LAUNCH);
            approvers.setTooltip(new Tooltip(page + "\nThe demo's approval portal: sign in as an approver of the team (the demo's users, "
                    + "alice, bob, carol and dave, have the password demo) and vote."));
            approvers.setOnAction(e -> vm.openApproverPage());
            row.getChildren().add(approvers);
            if (p.outcome() == Outcome.PENDING || p.revocation() == Outcome.PENDING) {
                Button skip = DrillNodes.button("Skip ahead 1 h", ID_SKIP, Material2OutlinedMZ.SKIP_NEXT);
                skip.setTooltip(new Tooltip("Moves the sandbox's clock an hour on: a session left alone expires"));
                skip.disableProperty().bind(vm.busyProperty());
                skip.setOnAction(e -> vm.skipAhead());
                row.getChildren().add(skip);
            }
            row.getChildren().add(DrillNodes.muted("Demo: approvers vote on the sandbox's page, as in AWS's approval portal."));
        } else if (p.outcome() == Outcome.PENDING) {
            row.getChildren().add(DrillNodes.muted("The approvers vote in the AWS approval portal; Redoubt shows each vote as it comes."));
        }
        return row;
    }

    private Node points(AccessViewModel.AccessPage p) {
        VBox box = new VBox(8);
        box.setId(ID_POINTS);
        if (!p.granted()) {
            box.getChildren().add(DrillNodes.muted("The restore-access vault is closed: nothing can be restored through it."));
            return box;
        }
        if (p.points().isEmpty()) {
            box.getChildren().add(DrillNodes.muted("No recovery point listed through the vault yet."));
            return box;
        }
        box.getChildren().add(DrillNodes.muted("Restore through the restore-access vault: a drill from here records the approval with it."));
        GridPane g = grid(new double[] {26, 16, 22, 16}, "Resource", "Type", "Created", "Status", "");
        int row = 1;
        int shown = 0;
        for (AccessViewModel.PointLine pl : p.points()) {
            if (shown++ >= 12) {
                g.add(DrillNodes.muted((p.points().size() - 12) + " more recovery points not shown."), 0, row, 5, 1);
                break;
            }
            Button drill = DrillNodes.button("Restore drill…", "accessDrill-" + (row - 1), Material2OutlinedAL.ASSIGNMENT_TURNED_IN);
            drill.setDisable(pl.whyNoDrill() != null);
            if (pl.whyNoDrill() != null) {
                drill.setTooltip(new Tooltip(pl.whyNoDrill()));
            }
            drill.setOnAction(e -> vm.drill(pl));
            Label name = new Label(pl.resourceName());
            name.setTooltip(new Tooltip(pl.point().recoveryPointArn()));
            g.addRow(row++, name, new Label(pl.typeText()), new Label(Formats.dateTime(pl.point().created(), zone())),
                    new Label(pl.point().status() == null ? Formats.NOT_READ : pl.point().status().toLowerCase(java.util.Locale.ROOT)), drill);
        }
        box.getChildren().add(g);
        return box;
    }

    private Node revoke(AccessViewModel.AccessPage p) {
        VBox box = new VBox(8);
        box.setId(ID_REVOCATION);
        if (p.revocationText() != null) {
            box.getChildren().add(DrillNodes.chip(p.revocationText(), p.revocation() == Outcome.APPROVED ? "neutral"
                    : p.revocation() == Outcome.PENDING ? "warn" : "bad"));
            if (!p.revocationVotes().isEmpty()) {
                box.getChildren().add(voteGrid(p.revocationVotes(), ""));
            }
        }
        if (p.revocable()) {
            TextField why = new TextField();
            why.setId(ID_REVOKE_COMMENT);
            why.setPromptText("Why (e.g. \"Drill done, CHG-1234\"); blank: restore access no longer needed");
            why.textProperty().bindBidirectional(vm.revokeCommentProperty());
            HBox.setHgrow(why, Priority.ALWAYS);
            Button revoke = DrillNodes.button("Revoke access", ID_REVOKE, Material2OutlinedMZ.REMOVE_CIRCLE_OUTLINE);
            revoke.getStyleClass().add(Styles.DANGER);
            revoke.disableProperty().bind(vm.whyNotChangeProperty().isNotNull().or(vm.busyProperty()));
            revoke.setOnAction(e -> vm.revoke());
            box.getChildren().addAll(DrillNodes.muted("Close the restore-access vault once the restore is done: RevokeRestoreAccessBackupVault asks "
                    + "the team to approve its deletion."), DrillNodes.row(why, revoke));
        } else if (p.revocationText() == null) {
            box.getChildren().add(DrillNodes.muted("Nothing to revoke."));
        }
        return box;
    }

    private Node voteGrid(List<AccessViewModel.VoteLine> votes, String none) {
        if (votes.isEmpty()) {
            return DrillNodes.muted(none);
        }
        GridPane g = grid(new double[] {30, 25, 45}, "Approver", "Vote", "When");
        int row = 1;
        for (AccessViewModel.VoteLine v : votes) {
            String level = "Approved".equals(v.responseText()) ? "good" : "Rejected".equals(v.responseText()) ? "bad" : "neutral";
            Label chip = DrillNodes.chip(v.responseText(), level);
            chip.setId("accessVote-" + v.who());
            g.addRow(row++, new Label(v.who()), chip, DrillNodes.muted(v.when() == null ? "" : Formats.dateTime(v.when(), zone())));
        }
        return g;
    }

    // ---- small parts

    private Node whyNot() {
        Label l = DrillNodes.muted("");
        l.setId(ID_WHY_NOT);
        l.textProperty().bind(Bindings.createStringBinding(() -> vm.whyNotChangeProperty().get() == null ? "" : vm.whyNotChangeProperty().get()
                + ": auditors see the vaults, requests and votes, and change nothing.", vm.whyNotChangeProperty()));
        l.visibleProperty().bind(vm.whyNotChangeProperty().isNotNull());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static Node section(String title, Node body) {
        Label t = new Label(title);
        t.getStyleClass().add(BrowseStyles.SECTION_TITLE);
        VBox box = new VBox(8, t, body);
        box.getStyleClass().add(BrowseStyles.SECTION);
        return box;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane sp = new ScrollPane(content);
        sp.setFitToWidth(true);
        sp.getStyleClass().add("edge-to-edge");
        return sp;
    }

    private static GridPane grid(double[] percents, String... heads) {
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(8);
        for (double p : percents) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(p);
            c.setHgrow(Priority.ALWAYS);
            g.getColumnConstraints().add(c);
        }
        for (int i = percents.length; i < heads.length; i++) { // a column of buttons: as wide as they are, at the right
            ColumnConstraints c = new ColumnConstraints();
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            c.setHgrow(Priority.NEVER);
            c.setHalignment(javafx.geometry.HPos.RIGHT);
            g.getColumnConstraints().add(c);
        }
        for (int i = 0; i < heads.length; i++) {
            Label h = new Label(heads[i]);
            h.getStyleClass().add(BrowseStyles.FACT_NAME);
            g.add(h, i, 0);
        }
        return g;
    }

    private static String shortActor(String actor) {
        if (actor == null) {
            return Formats.NOT_READ;
        }
        int slash = actor.lastIndexOf('/');
        return slash < 0 ? actor : actor.substring(slash + 1);
    }

    private ZoneId zone() {
        return ctx.clock().getZone();
    }

    @Override
    public void shown() {
        vm.activate();
    }
}
