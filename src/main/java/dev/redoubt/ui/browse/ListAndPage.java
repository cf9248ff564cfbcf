package dev.redoubt.ui.browse;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The frame of a screen that lists one kind of thing and shows one in full ({@link BrowseList}):
 * the list (header, filter, table) while no thing is asked for, its page when one is, and a short
 * message with the way back when the page cannot be shown. Screens add the columns and the page.
 */
public final class ListAndPage<R, D> {
    private final BrowseList<R, ?, D> vm;
    private final StackPane root = new StackPane();
    private final VBox list = new VBox();
    private final StackPane page = new StackPane();
    private final TableView<R> table = new TableView<>();
    private final ListHeader header;

    public ListAndPage(BrowseList<R, ?, D> vm, String screenId, String title, String filterPrompt, String filterId, String tableId, String detailId) {
        this.vm = vm;
        root.setId(screenId);
        BrowseStyles.apply(root);
        header = new ListHeader(vm.context(), title, filterPrompt, filterId);
        header.filter().textProperty().bindBidirectional(vm.textProperty());
        header.count().textProperty().bind(vm.countTextProperty());
        table.setId(tableId);
        table.getStyleClass().add(BrowseStyles.TABLE);
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        list.getChildren().setAll(header.root(), table);
        page.setId(detailId);
        root.getChildren().setAll(list, page);
        list.visibleProperty().bind(vm.targetProperty().isNull());
        page.visibleProperty().bind(vm.targetProperty().isNotNull());
    }

    public StackPane root() {
        return root;
    }

    public ListHeader header() {
        return header;
    }

    public TableView<R> table() {
        return table;
    }

    /** What the empty table says: with no estate open, with nothing in scope, with nothing matching the filter. */
    public void placeholder(String noEstate, String noneInScope, String noMatch) {
        BrowseContext ctx = vm.context();
        Label empty = new Label();
        empty.getStyleClass().add(BrowseStyles.PLACEHOLDER);
        empty.textProperty().bind(Bindings.createStringBinding(() -> ctx.catalog() == null ? noEstate
                : vm.textProperty().get().isBlank() ? noneInScope : noMatch, ctx.workspace().catalogProperty(), vm.textProperty()));
        table.setPlaceholder(empty);
    }

    /** Shows the page {@code render} makes of the thing asked for, or why it cannot be shown (a label {@code problemId}, a button back). */
    public void pages(Function<D, Node> render, String problemId, String backLabel) {
        Runnable show = () -> {
            D d = vm.detail();
            if (d != null) {
                page.getChildren().setAll(render.apply(d));
            } else if (vm.problemProperty().get() != null) {
                Label text = new Label(vm.problemProperty().get());
                text.setId(problemId);
                text.setWrapText(true);
                text.getStyleClass().add(BrowseStyles.PLACEHOLDER);
                Button back = new Button(backLabel, new FontIcon(Material2OutlinedAL.ARROW_BACK));
                back.setOnAction(e -> vm.showList());
                VBox box = new VBox(12, text, back);
                box.setAlignment(Pos.CENTER);
                box.setMaxWidth(560);
                page.getChildren().setAll(box);
            } else {
                page.getChildren().clear();
            }
        };
        vm.detailProperty().addListener((o, old, now) -> show.run());
        vm.problemProperty().addListener((o, old, now) -> show.run());
        show.run();
    }
}
