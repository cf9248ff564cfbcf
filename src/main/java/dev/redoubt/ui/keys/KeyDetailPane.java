package dev.redoubt.ui.keys;

import atlantafx.base.controls.Spacer;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Status;
import dev.redoubt.findings.access.AccessAnswer;
import dev.redoubt.findings.access.AccessAnswer.Reach;
import dev.redoubt.ui.browse.ArnLink;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.BrowseStyles;
import dev.redoubt.ui.browse.DetailPane;
import dev.redoubt.ui.browse.FactGrid;
import dev.redoubt.ui.browse.Formats;
import dev.redoubt.ui.browse.SeverityLabel;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.policy.PolicyViewer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The page of one key: who can decrypt with it, administer it and disable or delete it (each answer
 * with who and why, coloured by how far it reaches), its policy with the deciding statements marked,
 * its grants, what depends on it, its details and its findings.
 */
final class KeyDetailPane {
    static final String ID = "keyDetail";
    static final String ID_ANSWERS = "keyAnswers";
    static final String ID_GRANTS = "keyGrants";
    static final String ID_DEPENDENTS = "keyDependents";
    static final String ID_POINTS_LINK = "keyPointsLink";
    static final String ID_FINDINGS = "keyFindings";

    private final KeysViewModel vm;
    private final BrowseContext ctx;
    private final KeyDetail d;
    private final PolicyViewer viewer = new PolicyViewer();
    private final ScrollPane root;

    KeyDetailPane(KeysViewModel vm, KeyDetail d) {
        this.vm = vm;
        this.ctx = vm.context();
        this.d = d;
        DetailPane pane = new DetailPane(ctx, Destinations.KEYS).header(d.kindLabel(), d.title(), d.subtitle(), d.arn());
        VBox answers = new VBox(10);
        answers.setId(ID_ANSWERS);
        answers.getStyleClass().add(KeysStyles.ANSWERS);
        for (AccessAnswer a : d.answers()) {
            answers.getChildren().add(card(a));
        }
        pane.section("Who can use, change or destroy this key", answers);
        if (d.policy() != null) {
            viewer.show(d.policy(), marks(d.allowing(), d.denying()));
        } else {
            viewer.showProblem(d.policyProblem());
        }
        pane.section("Key policy", viewer.root());
        pane.section("Grants", grants());
        pane.section("What depends on the key", dependents());
        FactGrid facts = pane.facts("Details");
        for (KeyDetail.Fact f : d.facts()) {
            if (f.link() != null) {
                facts.add(f.name(), wrap(ArnLink.of(ctx, f.link(), f.value())));
            } else {
                facts.add(f.name(), f.value());
            }
        }
        pane.section("Findings about the key", findings());
        root = pane.root();
        root.setId(ID);
    }

    ScrollPane root() {
        return root;
    }

    /** Scrolls the page so that a node is at the top. */
    private void reveal(Node n) {
        Node content = root.getContent();
        double y = content.sceneToLocal(n.localToScene(0, 0)).getY();
        double room = content.getBoundsInLocal().getHeight() - root.getViewportBounds().getHeight();
        root.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / room)));
    }

    static Map<Integer, PolicyViewer.Mark> marks(Set<Integer> allowing, Set<Integer> denying) {
        Map<Integer, PolicyViewer.Mark> marks = new LinkedHashMap<>();
        allowing.forEach(i -> marks.put(i, PolicyViewer.Mark.ALLOWS));
        denying.forEach(i -> marks.put(i, PolicyViewer.Mark.DENIES));
        return marks;
    }

    /** One answer: the question, how far it reaches, the sentence, who, and why; coloured by the reach. */
    private VBox card(AccessAnswer a) {
        Label question = new Label(a.question().text());
        question.getStyleClass().add(KeysStyles.QUESTION);
        Label reach = new Label(reachText(a.reach()));
        reach.getStyleClass().add(KeysStyles.REACH);
        HBox top = new HBox(10, question, new Spacer());
        top.setAlignment(Pos.CENTER_LEFT);
        if (d.policy() != null && (!a.allowing().isEmpty() || !a.denying().isEmpty())) {
            Hyperlink show = new Hyperlink("Mark in the policy");
            show.setTooltip(new javafx.scene.control.Tooltip("Marks the statements that decide this answer in the key policy below"));
            show.setOnAction(e -> {
                viewer.show(d.policy(), PolicyViewer.marks(a));
                show.setVisited(false);
                reveal(viewer.root());
            });
            top.getChildren().add(show);
        }
        top.getChildren().add(reach);
        Label answer = wrapped(a.answer(), KeysStyles.ANSWER_TEXT);
        VBox card = new VBox(3, top, answer);
        for (String w : a.who()) {
            card.getChildren().add(wrapped("\u2022 " + w, KeysStyles.WHO));
        }
        if (!a.reasons().isEmpty()) {
            VBox why = new VBox(1);
            why.setPadding(new javafx.geometry.Insets(3, 0, 0, 0));
            for (String r : a.reasons()) {
                why.getChildren().add(wrapped(r, KeysStyles.WHY));
            }
            card.getChildren().add(why);
        }
        card.getStyleClass().addAll(KeysStyles.ANSWER, BrowseStyles.verdict(level(a.reach())));
        card.setId("answer-" + a.question().name());
        return card;
    }

    static String reachText(Reach r) {
        return switch (r) {
            case NOBODY -> "NOBODY";
            case BACKUP_DOMAIN_ONLY -> "NO WORKLOAD ACCOUNT";
            case WORKLOAD_ACCOUNTS -> "WORKLOAD ACCOUNTS";
            case ANYONE -> "ANYONE";
            case UNKNOWN -> "NOT KNOWN";
        };
    }

    static String level(Reach r) {
        return switch (r) {
            case NOBODY, BACKUP_DOMAIN_ONLY -> "good";
            case WORKLOAD_ACCOUNTS -> "warn";
            case ANYONE -> "bad";
            case UNKNOWN -> "unknown";
        };
    }

    private Node grants() {
        if (d.grants().isEmpty()) {
            Label none = wrapped(d.grantsNote() == null ? "No active grants." : d.grantsNote(), BrowseStyles.MUTED);
            none.setId(ID_GRANTS);
            return none;
        }
        GridPane grid = new GridPane();
        grid.setId(ID_GRANTS);
        grid.setHgap(14);
        grid.setVgap(6);
        double[] widths = {12, 30, 20, 16, 12, 10};
        for (double w : widths) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(w);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        String[] heads = {"Grant", "Grantee", "Operations", "Constraints", "May retire it", "Created"};
        for (int i = 0; i < heads.length; i++) {
            grid.add(wrapped(heads[i], KeysStyles.GRID_HEAD), i, 0);
        }
        int row = 1;
        for (KeyDetail.GrantLine g : d.grants()) {
            grid.add(wrapped(g.name(), null), 0, row);
            grid.add(wrap(ArnLink.of(ctx, g.granteeArn(), g.grantee())), 1, row);
            grid.add(wrapped(g.operations(), null), 2, row);
            grid.add(wrapped(g.constraints(), Formats.NONE.equals(g.constraints()) ? BrowseStyles.MUTED : null), 3, row);
            Node retiring = g.retiringArn() == null || g.retiring().equals("The grantee") ? wrapped(g.retiring(), null)
                    : wrap(ArnLink.of(ctx, g.retiringArn(), g.retiring()));
            grid.add(retiring, 4, row);
            grid.add(wrapped(g.created(), null), 5, row);
            row++;
        }
        return grid;
    }

    private Node dependents() {
        VBox box = new VBox(6);
        box.setId(ID_DEPENDENTS);
        if (d.vaults().isEmpty()) {
            box.getChildren().add(wrapped("No vault of the estate uses this key, and no recovery point is encrypted with it.", BrowseStyles.MUTED));
            return box;
        }
        for (KeyDetail.VaultUse v : d.vaults()) {
            Label how = wrapped((v.vaultKey() ? "its vault key" : "the key of some of its recovery points") + " \u00b7 " + v.account() + ", "
                    + v.region() + " \u00b7 " + Formats.count(v.points()) + (v.points() == 1 ? " recovery point" : " recovery points"),
                    BrowseStyles.MUTED);
            HBox line = new HBox(8, ArnLink.of(ctx, v.arn(), v.name()), how);
            line.setAlignment(Pos.BASELINE_LEFT);
            box.getChildren().add(line);
        }
        Label total = new Label(Formats.count(d.points()) + (d.points() == 1 ? " recovery point is" : " recovery points are")
                + " encrypted with this key.");
        HBox points = new HBox(8, total);
        points.setAlignment(Pos.BASELINE_LEFT);
        if (d.points() > 0 && (d.pointsTarget() != null || d.vaults().size() == 1)) {
            Hyperlink show = new Hyperlink("Show them");
            show.setId(ID_POINTS_LINK);
            show.setOnAction(e -> {
                vm.showRecoveryPoints();
                show.setVisited(false);
            });
            points.getChildren().add(show);
        }
        box.getChildren().add(points);
        return box;
    }

    private Node findings() {
        VBox box = new VBox(2);
        box.setId(ID_FINDINGS);
        if (d.findings().isEmpty()) {
            box.getChildren().add(wrapped(d.inEstate() ? "No check reports on this key." : "No check could judge this key: it was not read.",
                    BrowseStyles.MUTED));
            return box;
        }
        for (Result r : d.findings()) {
            Node status = r.status() == Status.FAIL ? SeverityLabel.of(r.severity()) : wrapped(statusText(r.status()), BrowseStyles.MUTED);
            Label title = new Label(r.checkId() + "  " + r.title());
            title.setWrapText(true);
            title.getStyleClass().add(KeysStyles.FINDING_TITLE);
            Hyperlink open = new Hyperlink("Show in Findings");
            open.setOnAction(e -> {
                vm.showFinding(r);
                open.setVisited(false);
            });
            HBox head = new HBox(8, status, title, new Spacer(), open);
            head.setAlignment(Pos.CENTER_LEFT);
            VBox item = new VBox(2, head, wrapped(r.evidence().summary(), BrowseStyles.MUTED));
            item.getStyleClass().add(KeysStyles.FINDING);
            box.getChildren().add(item);
        }
        return box;
    }

    private static String statusText(Status s) {
        return switch (s) {
            case PASS -> "Passed";
            case UNKNOWN -> "Not evaluated";
            case SUPPRESSED -> "Accepted risk";
            case FAIL -> "Failed";
        };
    }

    private static Label wrapped(String text, String styleClass) {
        Label l = new Label(text == null ? Formats.NONE : text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        if (styleClass != null) {
            l.getStyleClass().add(styleClass);
        }
        return l;
    }

    private static Control wrap(Control c) {
        if (c instanceof Labeled l) {
            l.setWrapText(true);
        }
        return c;
    }
}
