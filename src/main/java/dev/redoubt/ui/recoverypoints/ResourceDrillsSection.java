package dev.redoubt.ui.recoverypoints;

import dev.redoubt.ui.StyleClasses;
import dev.redoubt.ui.browse.BrowseStyles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Restore drills of this resource" on a recovery point's page (nodes only): the last verified restore
 * and its RTO against the target, next due or overdue, the last rehearsal (marked), the number of drills,
 * and links to the drills. Filled when {@link ResourceDrillsViewModel} has read the history.
 */
final class ResourceDrillsSection {
    static final String ID_SECTION = "pointDrills";
    static final String ID_VERIFIED = "pointDrillsVerified";
    static final String ID_DUE = "pointDrillsDue";
    static final String ID_REHEARSAL = "pointDrillsRehearsal";
    static final String ID_COUNT = "pointDrillsCount";
    static final String ID_OPEN_VERIFIED = "pointDrillsOpenVerified";
    static final String ID_OPEN_REHEARSAL = "pointDrillsOpenRehearsal";
    static final String ID_UNREADABLE = "pointDrillsUnreadable";

    private final ResourceDrillsViewModel vm;
    private final VBox box = new VBox(6);

    ResourceDrillsSection(ResourceDrillsViewModel vm) {
        this.vm = vm;
        box.setId(ID_SECTION);
        vm.drillsProperty().addListener((o, old, d) -> render(d));
        render(vm.drills());
    }

    Node node() {
        return box;
    }

    private void render(ResourceDrills d) {
        if (d == null) {
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.setPrefSize(14, 14);
            Label reading = muted("Reading the drills from the journal…");
            HBox row = new HBox(6, spinner, reading);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().setAll(row);
            return;
        }
        if (d.unreadable() != null) {
            Label why = muted("The drill history could not be read. " + d.unreadable());
            why.setId(ID_UNREADABLE);
            box.getChildren().setAll(why);
            return;
        }
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        Label verified = value(d.verified(), ID_VERIFIED);
        verified.getStyleClass().add(d.verifiedDrill() == null ? BrowseStyles.MUTED : d.overTarget() ? BrowseStyles.VERDICT_BAD : BrowseStyles.VERDICT_GOOD);
        grid.addRow(row++, name("Last verified restore"), withLink(verified, d.verifiedDrill(), ID_OPEN_VERIFIED));
        Label due = value(d.due(), ID_DUE);
        due.getStyleClass().add(d.overdue() ? BrowseStyles.VERDICT_BAD : BrowseStyles.VERDICT_GOOD);
        grid.addRow(row++, name("Next drill"), due);
        if (d.rehearsal() != null) {
            Label chip = new Label("REHEARSAL");
            chip.getStyleClass().addAll(StyleClasses.CHIP, "rehearsal-chip");
            chip.setMinWidth(Region.USE_PREF_SIZE);
            Label rehearsal = value(d.rehearsal(), ID_REHEARSAL);
            HBox r = new HBox(6, chip, rehearsal);
            r.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(rehearsal, Priority.ALWAYS);
            grid.addRow(row++, name("Last rehearsal"), withLink(r, d.rehearsalDrill(), ID_OPEN_REHEARSAL));
        }
        Label count = value(d.count(), ID_COUNT);
        Hyperlink all = new Hyperlink("All drills");
        all.setOnAction(e -> vm.openDrills());
        HBox countRow = new HBox(8, count, all);
        countRow.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(row, name("Drills"), countRow);
        javafx.scene.layout.ColumnConstraints first = new javafx.scene.layout.ColumnConstraints();
        first.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints second = new javafx.scene.layout.ColumnConstraints();
        second.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(first, second);
        box.getChildren().setAll(grid);
    }

    private Node withLink(Node text, String drillId, String id) {
        if (drillId == null) {
            return text;
        }
        Hyperlink open = new Hyperlink("Show drill");
        open.setId(id);
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setOnAction(e -> vm.openDrill(drillId));
        HBox row = new HBox(8, text, open);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(BrowseStyles.FACT_NAME);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(BrowseStyles.MUTED);
        l.setWrapText(true);
        return l;
    }
}
