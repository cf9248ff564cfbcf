package dev.redoubt.ui.overview;

import dev.redoubt.ui.StyleClasses;
import dev.redoubt.ui.browse.Formats;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The overview's "Restore drills" card (nodes only): resources overdue against the cadence, the last
 * verified restore with its RTO against the target, the last rehearsal apart (marked, never counted as
 * verified), the most overdue resources, and the way to the drills screen.
 */
final class DrillsCard {
    static final String ID_CARD = "drillsCard";
    static final String ID_FIGURE = "drillsOverdueFigure";
    static final String ID_HEADLINE = "drillsHeadline";
    static final String ID_NEVER = "drillsNeverVerified";
    static final String ID_VERIFIED = "drillsLastVerified";
    static final String ID_REHEARSAL = "drillsLastRehearsal";
    static final String ID_OPEN = "drillsOpen";
    static final String ID_UNREADABLE = "drillsUnreadable";

    private final OverviewViewModel viewModel;
    private final VBox card;

    DrillsCard(OverviewViewModel viewModel, VBox card) {
        this.viewModel = viewModel;
        this.card = card;
        card.setId(ID_CARD);
        viewModel.drillsProperty().addListener((o, old, d) -> render(d));
        render(viewModel.drills());
    }

    private void render(DrillsOverview d) {
        Label title = new Label("Restore drills");
        title.getStyleClass().add(StyleClasses.CARD_TITLE);
        Hyperlink open = new Hyperlink("Open restore drills");
        open.setId(ID_OPEN);
        open.setGraphic(new FontIcon(Material2OutlinedAL.ARROW_FORWARD));
        open.setContentDisplay(ContentDisplay.RIGHT);
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setOnAction(e -> viewModel.openDrills());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, open);
        head.setAlignment(Pos.CENTER_LEFT);
        Label how = hint("A drill restores a recovery point step by step, timed, and is signed off by a second person. "
                + "Only a drill against AWS counts as a verified restore; a rehearsal in the sandbox never does.");
        card.getChildren().setAll(new VBox(2, head, how));
        if (d == null) {
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.setPrefSize(16, 16);
            Label reading = hint("Reading the drills from the journal…");
            HBox row = new HBox(6, spinner, reading);
            row.setAlignment(Pos.CENTER_LEFT);
            card.getChildren().add(row);
            return;
        }
        if (d.unreadable() != null) {
            Label why = new Label("The drill history could not be read. " + d.unreadable());
            why.setId(ID_UNREADABLE);
            why.getStyleClass().add(OverviewStyles.NOTE);
            why.setWrapText(true);
            card.getChildren().add(why);
            return;
        }
        Label figure = new Label(d.figure());
        figure.setId(ID_FIGURE);
        figure.getStyleClass().addAll(OverviewStyles.SCORE_BIG,
                OverviewView.bandClass(d.resources() == 0 ? ScoreBand.NONE : d.overdue() == 0 ? ScoreBand.GOOD : ScoreBand.POOR));
        figure.setMinWidth(Region.USE_PREF_SIZE);
        Label headline = new Label(d.headline());
        headline.setId(ID_HEADLINE);
        headline.getStyleClass().add(OverviewStyles.DRILLS_HEADLINE);
        headline.setWrapText(true);
        Label never = hint(d.neverLine());
        never.setId(ID_NEVER);
        VBox words = new VBox(2, headline, never);
        words.setMinWidth(0);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox top = new HBox(12, figure, words);
        top.setAlignment(Pos.CENTER_LEFT);
        card.getChildren().add(top);

        Label verified = new Label(d.verifiedLine());
        verified.setId(ID_VERIFIED);
        verified.setWrapText(true);
        verified.setMinHeight(Region.USE_PREF_SIZE);
        if (d.lastVerified() != null && d.lastVerified().overTarget()) {
            verified.getStyleClass().add(OverviewStyles.SHORTFALL);
        }
        card.getChildren().add(line("Last verified restore", verified, d.lastVerified() == null ? null : d.lastVerified().drillId(), null));

        if (d.lastRehearsal() != null) {
            Label rehearsal = new Label(d.rehearsalLine());
            rehearsal.setId(ID_REHEARSAL);
            rehearsal.setWrapText(true);
            rehearsal.setMinHeight(Region.USE_PREF_SIZE);
            Label chip = new Label("REHEARSAL");
            chip.getStyleClass().addAll(StyleClasses.CHIP, OverviewStyles.REHEARSAL_CHIP);
            chip.setMinWidth(Region.USE_PREF_SIZE);
            card.getChildren().add(line("Last rehearsal", rehearsal, d.lastRehearsal().drillId(), chip));
        }

        if (!d.mostOverdue().isEmpty()) {
            VBox list = new VBox(1);
            for (DrillsOverview.Due due : d.mostOverdue()) {
                Label l = new Label("• " + DrillsOverview.dueWords(due));
                l.getStyleClass().add(OverviewStyles.NUMBER);
                l.setMinWidth(0);
                list.getChildren().add(l);
            }
            if (d.overdue() > d.mostOverdue().size()) {
                list.getChildren().add(hint("… and " + Formats.count(d.overdue() - d.mostOverdue().size()) + " more on the drills screen"));
            }
            Label head2 = new Label("Overdue first");
            head2.getStyleClass().add(OverviewStyles.HEAT_HEADER);
            card.getChildren().add(new VBox(2, head2, list));
        }
    }

    /** A titled line: "Last verified restore" over its text, a chip before it, and a link to the drill. */
    private Node line(String heading, Label text, String drillId, Label chip) {
        Label h = new Label(heading);
        h.getStyleClass().add(OverviewStyles.HEAT_HEADER);
        HBox headRow = chip == null ? new HBox(6, h) : new HBox(6, h, chip);
        headRow.setAlignment(Pos.CENTER_LEFT);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, text);
        row.setAlignment(Pos.CENTER_LEFT);
        if (drillId != null) {
            Hyperlink show = new Hyperlink("Show drill");
            show.setId(text.getId() + "Drill");
            show.setMinWidth(Region.USE_PREF_SIZE);
            show.setOnAction(e -> viewModel.openDrill(drillId));
            row.getChildren().add(show);
        }
        return new VBox(1, headRow, row);
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(StyleClasses.HINT);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setVisible(!text.isEmpty());
        l.setManaged(!text.isEmpty());
        return l;
    }

    /** For the screen's tests: the card node. */
    VBox node() {
        return card;
    }
}
