package dev.redoubt.ui.recoverypoints;

import atlantafx.base.theme.Styles;
import dev.redoubt.findings.restorability.Outcome;
import dev.redoubt.findings.restorability.Restorability;
import dev.redoubt.ui.browse.ArnLink;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.BrowseStyles;
import dev.redoubt.ui.browse.DetailPane;
import dev.redoubt.ui.browse.FactGrid;
import dev.redoubt.ui.drills.DrillsViewModel;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * A recovery point's page: the verdict and its reasons at the top, the lifecycle timeline, the
 * copies of its resource elsewhere, the restores that used it, then every property. Built anew
 * for each point shown.
 */
final class RecoveryPointPage {
    static final String ID_VERDICT = "pointVerdict";
    static final String ID_VERDICT_TITLE = "pointVerdictTitle";
    static final String ID_TIMELINE = "pointTimeline";
    static final String ID_COPIES = "pointCopies";
    static final String ID_RESTORES = "pointRestores";
    static final String ID_FACTS = "pointFacts";
    static final String ID_PROBLEM = "pointProblem";
    static final String ID_RESTORE_DRILL = "pointRestoreDrill";

    private final BrowseContext ctx;

    RecoveryPointPage(BrowseContext ctx) {
        this.ctx = ctx;
    }

    Node render(PointDetail d) {
        DetailPane pane = new DetailPane(ctx, Destinations.RECOVERY_POINTS)
                .header("Recovery point", d.title(), d.subtitle(), d.row().arn());
        pane.add(verdict(d.verdict()));
        pane.add(drillButton(d));

        LifecycleTimeline timeline = new LifecycleTimeline(d.timeline());
        timeline.setId(ID_TIMELINE);
        pane.section("Lifecycle", timeline);

        pane.section("Copies in other accounts and regions", copies(d));
        pane.section("Restores of this recovery point", restores(d));
        pane.section("Restore drills of this resource", drills(d));

        FactGrid facts = pane.facts("Properties");
        facts.setId(ID_FACTS);
        for (PointDetail.Fact f : d.facts()) {
            if (f.link() != null) {
                facts.add(f.name(), ArnLink.of(ctx, f.link(), f.value()));
            } else {
                facts.add(f.name(), f.value());
            }
        }
        return pane.root();
    }

    /** "Restore drill…": the drill wizard on this point's resource and this point; operators only. */
    private Node drillButton(PointDetail d) {
        Button drill = new Button("Restore drill…", new FontIcon(Material2OutlinedAL.ASSIGNMENT_TURNED_IN));
        drill.setId(ID_RESTORE_DRILL);
        String resource = d.row().resourceArn();
        drill.setOnAction(e -> ctx.navigator().open(Place.of(Destinations.DRILLS, DrillsViewModel.newDrillTarget(resource, d.row().arn()))));
        javafx.beans.binding.BooleanBinding notOperator = javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            var c = ctx.workspace().connection();
            return c == null || c.mode() != dev.redoubt.journal.Mode.OPERATOR;
        }, ctx.workspace().connectionProperty());
        drill.disableProperty().bind(notOperator.or(javafx.beans.binding.Bindings.createBooleanBinding(() -> resource == null)));
        Label why = new Label("Sign in as an operator to run a drill");
        why.getStyleClass().add(BrowseStyles.MUTED);
        why.visibleProperty().bind(notOperator);
        Label what = new Label("Restore this recovery point step by step, timed, journaled and signed off by a second person.");
        what.getStyleClass().add(BrowseStyles.MUTED);
        what.visibleProperty().bind(notOperator.not());
        javafx.scene.layout.StackPane words = new javafx.scene.layout.StackPane(why, what);
        words.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(10, drill, words);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The resource's drill history, read in the background (its own section class, apart from the drill button). */
    private Node drills(PointDetail d) {
        ResourceDrillsViewModel vm = new ResourceDrillsViewModel(ctx);
        ResourceDrillsSection section = new ResourceDrillsSection(vm);
        vm.load(d.row().resourceArn());
        return section.node();
    }

    Node problem(String text) {
        DetailPane pane = new DetailPane(ctx, Destinations.RECOVERY_POINTS).header("Recovery point", "Not in this estate", null, null);
        Label l = new Label(text);
        l.setId(ID_PROBLEM);
        l.setWrapText(true);
        l.getStyleClass().add(BrowseStyles.VERDICT_UNKNOWN);
        l.setMaxWidth(Double.MAX_VALUE);
        pane.add(l);
        return pane.root();
    }

    private Node verdict(Restorability.Verdict v) {
        Label title = new Label(v.title());
        title.setId(ID_VERDICT_TITLE);
        title.setWrapText(true);
        title.getStyleClass().add("verdict-title");
        GridPane reasons = new GridPane();
        reasons.setHgap(12);
        reasons.setVgap(6);
        ColumnConstraints chip = new ColumnConstraints();
        chip.setMinWidth(80);
        chip.setHalignment(HPos.LEFT);
        ColumnConstraints aspect = new ColumnConstraints();
        aspect.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints text = new ColumnConstraints();
        text.setHgrow(Priority.ALWAYS);
        reasons.getColumnConstraints().addAll(chip, aspect, text);
        int row = 0;
        for (Restorability.Reason r : v.reasons()) {
            Label a = new Label(r.aspect().title());
            a.getStyleClass().add("reason-aspect");
            Label t = new Label(r.text());
            t.setWrapText(true);
            t.getStyleClass().add("reason-text");
            Label c = outcome(r.outcome());
            GridPane.setValignment(c, VPos.TOP);
            GridPane.setValignment(a, VPos.TOP);
            GridPane.setValignment(t, VPos.TOP);
            reasons.addRow(row++, c, a, t);
        }
        Label question = new Label("Can this recovery point be restored, and does a copy survive the loss of its account or region?");
        question.getStyleClass().add(BrowseStyles.MUTED);
        question.setWrapText(true);
        VBox box = new VBox(8, question, title, reasons);
        box.setId(ID_VERDICT);
        box.getStyleClass().add(switch (v.level()) {
            case RESTORABLE_WITH_SAFE_COPY -> BrowseStyles.VERDICT_GOOD;
            case RESTORABLE -> BrowseStyles.VERDICT_WARN;
            case AT_RISK -> BrowseStyles.VERDICT_BAD;
            case UNKNOWN -> BrowseStyles.VERDICT_UNKNOWN;
        });
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /** "Passes" in green, "Fails" in red, "Not known" in grey. */
    static Label outcome(Outcome o) {
        Label l = new Label(switch (o) {
            case PASS -> "Passes";
            case FAIL -> "Fails";
            case UNKNOWN -> "Not known";
        });
        l.getStyleClass().addAll("outcome-chip", "outcome-" + o.name().toLowerCase(java.util.Locale.ROOT));
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private Node copies(PointDetail d) {
        VBox box = new VBox(8);
        box.setId(ID_COPIES);
        if (d.copies().isEmpty()) {
            Label none = new Label(d.verdict().reason(Restorability.Aspect.COPY_ELSEWHERE).text() + ".");
            none.getStyleClass().add(BrowseStyles.MUTED);
            none.setWrapText(true);
            box.getChildren().add(none);
        }
        for (PointDetail.CopyLine c : d.copies()) {
            Label safe = new Label(c.safeText());
            // A copy that shares this point's account or region is no failure of its own: it is just not the safe one.
            safe.getStyleClass().addAll("outcome-chip", c.safe() == Outcome.FAIL && c.outOfReach()
                    ? "outcome-fail" : c.safe() == Outcome.PASS ? "outcome-pass" : "outcome-neutral");
            safe.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            FlowPane head = new FlowPane(6, 4);
            head.setAlignment(Pos.CENTER_LEFT);
            head.getChildren().addAll(safe, ArnLink.of(ctx, c.vaultArn(), c.vaultName()), muted("in"), ArnLink.of(ctx, c.accountId(), c.account()),
                    muted("·"), new Label(c.region()), muted("· " + c.where()));
            Label line = new Label("Copy of " + c.created() + " (" + c.status() + ") · " + c.lock() + " · " + c.key());
            line.setWrapText(true);
            line.getStyleClass().add("copy-detail");
            VBox card = new VBox(4, head, line);
            if (c.recoveryPointArn() != null && ctx.placeFor(c.recoveryPointArn()).isPresent()) {
                Hyperlink open = new Hyperlink("Open this copy");
                open.setOnAction(e -> ctx.openArn(c.recoveryPointArn()));
                card.getChildren().add(open);
            }
            card.getStyleClass().add("copy-card");
            box.getChildren().add(card);
        }
        String resource = d.row().resourceArn();
        if (resource != null) {
            Button all = new Button("All recovery points of " + d.row().resourceName(), new FontIcon(Material2OutlinedAL.HISTORY));
            all.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
            all.setOnAction(e -> ctx.navigator().open(Place.of(Destinations.RECOVERY_POINTS, "resource=" + resource)));
            box.getChildren().add(all);
        }
        return box;
    }

    private Node restores(PointDetail d) {
        VBox box = new VBox(8);
        box.setId(ID_RESTORES);
        if (d.restores().isEmpty()) {
            Restorability.Restore last = d.verdict().lastRestore();
            Label none = new Label("No restore job used this recovery point." + (last == null ? ""
                    : " The verdict's restore test restored " + last.relation().text() + "."));
            none.getStyleClass().add(BrowseStyles.MUTED);
            none.setWrapText(true);
            box.getChildren().add(none);
        }
        for (PointDetail.RestoreLine r : d.restores()) {
            FlowPane head = new FlowPane(6, 4);
            head.setAlignment(Pos.CENTER_LEFT);
            head.getChildren().addAll(outcome(r.outcome()), new Label(r.kind() + " · " + r.started()));
            if (r.planArn() != null) {
                head.getChildren().addAll(muted("· plan"), ArnLink.of(ctx, r.planArn(), r.planName()));
            }
            head.getChildren().add(muted("· job " + r.jobId()));
            Label line = new Label(r.status() + " · took " + r.took() + " · validation: " + r.validation()
                    + (r.restoredResource() == null ? "" : " · restored as " + r.restoredResource()));
            line.setWrapText(true);
            line.getStyleClass().add("copy-detail");
            Label why = new Label(r.text());
            why.setWrapText(true);
            why.getStyleClass().add(BrowseStyles.MUTED);
            VBox card = new VBox(4, head, line, why);
            card.getStyleClass().add("copy-card");
            box.getChildren().add(card);
        }
        return box;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(BrowseStyles.MUTED);
        return l;
    }
}
