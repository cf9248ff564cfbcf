package dev.redoubt.ui.browse;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/** What the browsing screens' tables share: columns whose cells are nodes made from the row, sorting done by the view model, rows that open. */
public final class BrowseTables {
    private BrowseTables() {
    }

    /** A column titled {@code title}, keyed by {@code key} (the view model's sort column), whose cell is {@code cell} of the row. */
    public static <R> TableColumn<R, R> column(Object key, String title, double width, Function<R, Node> cell) {
        TableColumn<R, R> c = new TableColumn<>(title);
        c.setUserData(key);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 70));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(R item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : cell.apply(item));
            }
        });
        return c;
    }

    /**
     * A header click asks the view model to sort (off the FX thread, published with one setAll)
     * instead of sorting the items in place; no sort order means the screen's default.
     */
    @SuppressWarnings("unchecked")
    public static <R, C> void sortThrough(TableView<R> table, BiConsumer<C, Boolean> sortBy, C defaultColumn, boolean defaultAscending) {
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                sortBy.accept(defaultColumn, defaultAscending);
            } else {
                TableColumn<R, ?> c = t.getSortOrder().get(0);
                sortBy.accept((C) c.getUserData(), c.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
    }

    /** A double click on a row, or Enter on the selected row, opens it. */
    public static <R> void opensRows(TableView<R> table, Consumer<R> open) {
        table.setRowFactory(t -> {
            TableRow<R> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }
}
