package dev.redoubt.ui.browse;

import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Name–value rows of a detail page: names muted on the left, values that wrap on the right. */
public final class FactGrid extends GridPane {
    private int rows;

    public FactGrid() {
        setHgap(16);
        setVgap(5);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(150);
        names.setPrefWidth(190);
        names.setHalignment(HPos.LEFT);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        getColumnConstraints().addAll(names, values);
    }

    /** Adds a row; a null value shows "—". */
    public FactGrid add(String name, String value) {
        Label v = new Label(value == null ? Formats.NONE : value);
        v.setWrapText(true);
        v.getStyleClass().add(BrowseStyles.FACT_VALUE);
        if (value == null || Formats.NOT_READ.equals(value)) {
            v.getStyleClass().add(BrowseStyles.MUTED);
        }
        return add(name, v);
    }

    public FactGrid add(String name, Node value) {
        Label n = new Label(name);
        n.getStyleClass().add(BrowseStyles.FACT_NAME);
        n.setWrapText(true);
        GridPane.setValignment(n, VPos.TOP);
        GridPane.setValignment(value, VPos.TOP);
        addRow(rows++, n, value);
        return this;
    }

    public boolean isEmpty() {
        return rows == 0;
    }
}
