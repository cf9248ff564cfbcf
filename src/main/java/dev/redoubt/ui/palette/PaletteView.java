package dev.redoubt.ui.palette;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.redoubt.ui.browse.BrowseStyles;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The Ctrl+K palette: a search field over a list of matches; Up and Down choose, Enter goes, Escape closes. */
public final class PaletteView {
    public static final String ID = "palette";
    public static final String ID_QUERY = "paletteQuery";
    public static final String ID_MATCHES = "paletteMatches";

    private final PaletteViewModel vm;
    private final CustomTextField query = new CustomTextField();
    private final ListView<PaletteEntry> list;
    private final VBox root;

    public PaletteView(PaletteViewModel vm) {
        this.vm = vm;
        query.setId(ID_QUERY);
        query.setPromptText("Jump to an account, vault, key, resource or plan: name, ID or ARN");
        query.setLeft(new FontIcon(Material2OutlinedMZ.SEARCH));
        query.getStyleClass().add(Styles.LARGE);
        query.textProperty().bindBidirectional(vm.queryProperty());

        list = new ListView<>(vm.matches());
        list.setId(ID_MATCHES);
        list.setCellFactory(l -> new EntryCell());
        list.setPrefHeight(380);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() >= 1 && list.getSelectionModel().getSelectedItem() != null) {
                vm.go(list.getSelectionModel().getSelectedItem());
            }
        });
        vm.matches().addListener((javafx.collections.ListChangeListener<PaletteEntry>) c -> {
            if (!vm.matches().isEmpty()) {
                list.getSelectionModel().select(0);
                list.scrollTo(0);
            }
        });

        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add(BrowseStyles.MUTED);
        Label keys = new Label("↑ ↓ choose · Enter go · Esc close");
        keys.getStyleClass().add(BrowseStyles.MUTED);
        HBox foot = new HBox(status, new Region(), keys);
        HBox.setHgrow(foot.getChildren().get(1), Priority.ALWAYS);
        foot.setAlignment(Pos.CENTER_LEFT);

        root = new VBox(10, query, list, foot);
        root.setId(ID);
        root.getStyleClass().add("palette");
        root.setPrefWidth(720);
        root.setMaxWidth(720);
        root.setMaxHeight(Region.USE_PREF_SIZE);
        root.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8; -fx-padding: 14;"
                + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 24, 0.2, 0, 6);");
        BrowseStyles.apply(root);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case DOWN -> {
                    move(1);
                    e.consume();
                }
                case UP -> {
                    move(-1);
                    e.consume();
                }
                case ENTER -> {
                    PaletteEntry chosen = list.getSelectionModel().getSelectedItem();
                    if (chosen == null && !vm.matches().isEmpty()) {
                        chosen = vm.matches().get(0);
                    }
                    vm.go(chosen);
                    e.consume();
                }
                case ESCAPE -> {
                    vm.close();
                    e.consume();
                }
                default -> { }
            }
        });
    }

    public Parent root() {
        return root;
    }

    /** Puts the caret in the search field (after the palette is shown). */
    public void focus() {
        Platform.runLater(query::requestFocus);
    }

    private void move(int by) {
        int n = vm.matches().size();
        if (n == 0) {
            return;
        }
        int i = list.getSelectionModel().getSelectedIndex();
        int next = Math.max(0, Math.min(n - 1, (i < 0 ? -1 : i) + by));
        list.getSelectionModel().select(next);
        list.scrollTo(Math.max(0, next - 4));
    }

    private static final class EntryCell extends ListCell<PaletteEntry> {
        private final Label kind = new Label();
        private final Label title = new Label();
        private final Label detail = new Label();
        private final HBox box = new HBox(10, kind, title, detail);

        EntryCell() {
            kind.setMinWidth(140);
            kind.setPrefWidth(140);
            kind.getStyleClass().add(BrowseStyles.MUTED);
            title.setStyle("-fx-font-weight: bold;");
            title.setMinWidth(Region.USE_PREF_SIZE);
            detail.getStyleClass().add(BrowseStyles.MUTED);
            detail.setMinWidth(0);
            HBox.setHgrow(detail, Priority.ALWAYS);
            box.setAlignment(Pos.CENTER_LEFT);
            // The cells take the list's width (a long key ID is cut with an ellipsis, not scrolled to).
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(PaletteEntry e, boolean empty) {
            super.updateItem(e, empty);
            setText(null);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            kind.setText(e.kind());
            title.setText(e.title());
            detail.setText(e.detail());
            setGraphic(box);
        }
    }
}
