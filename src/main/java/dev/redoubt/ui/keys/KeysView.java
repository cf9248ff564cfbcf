package dev.redoubt.ui.keys;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.redoubt.findings.Severity;
import dev.redoubt.ui.browse.ArnLink;
import dev.redoubt.ui.browse.BrowseStyles;
import dev.redoubt.ui.browse.Formats;
import dev.redoubt.ui.browse.ListHeader;
import dev.redoubt.ui.browse.SeverityLabel;
import dev.redoubt.ui.shell.Screen;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The keys screen: the list (alias, account, who holds the key, state, rotation, multi-Region,
 * vaults using it, recovery points, worst finding) with a filter, sortable by any column and
 * scoped by the organization tree; and the page of one key in its place when one is open.
 */
public final class KeysView implements Screen {
    public static final String ID_TABLE = "keysTable";
    public static final String ID_FILTER = "keysFilter";
    public static final String ID_LIST = "keysList";
    public static final String ID_STATUS = "keysStatus";

    private final KeysViewModel vm;
    private final TableView<KeyRow> table = new TableView<>();
    private final VBox list;
    private final StackPane page = new StackPane();
    private final Label detailStatus = new Label();
    private final StackPane root;
    private boolean syncingSort;

    public KeysView(KeysViewModel vm) {
        this.vm = vm;
        ListHeader header = new ListHeader(vm.context(), "Keys", "Filter by alias, key ID, account, region, kind, state or vault", ID_FILTER);
        header.filter().textProperty().bindBidirectional(vm.textProperty());
        header.count().textProperty().bind(vm.countTextProperty());

        table.setId(ID_TABLE);
        table.getStyleClass().addAll(BrowseStyles.TABLE, Tweaks.EDGE_TO_EDGE, Styles.STRIPED, KeysStyles.TABLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(vm.rows());
        table.getColumns().setAll(java.util.List.of(nameColumn(),
                twoLines("Account", KeySort.ACCOUNT, r -> r.account() == null ? r.accountId() : r.account(), KeyRow::region,
                        r -> r.accountId() == null ? null : r.accountText(), 172),
                twoLines("Kind", KeySort.KIND, KeyRow::kindText, KeyRow::regionsLine, r -> null, 150),
                stateColumn(),
                twoLines("Vaults using it", KeySort.VAULTS, KeyRow::firstVault, KeyRow::vaultsDetail,
                        r -> r.vaultNames().size() > 1 ? String.join("\n", r.vaultNames()) : null, 160),
                pointsColumn(), worstColumn()));
        table.setSortPolicy(t -> {
            if (!syncingSort) {
                var order = t.getSortOrder();
                if (!order.isEmpty() && order.get(0).getUserData() instanceof KeySort s) {
                    vm.sort(s, order.get(0).getSortType() == TableColumn.SortType.ASCENDING);
                } else if (order.isEmpty()) {
                    vm.sort(KeySort.NAME, true);
                }
            }
            return true;
        });
        table.setRowFactory(t -> {
            TableRow<KeyRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.select(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                vm.select(table.getSelectionModel().getSelectedItem());
            }
        });
        Label placeholder = new Label();
        placeholder.setId(ID_STATUS);
        placeholder.getStyleClass().add(BrowseStyles.PLACEHOLDER);
        placeholder.textProperty().bind(vm.statusProperty());
        table.setPlaceholder(placeholder);
        VBox.setVgrow(table, Priority.ALWAYS);

        list = new VBox(header.root(), table);
        list.setId(ID_LIST);
        BrowseStyles.apply(list);

        detailStatus.getStyleClass().add(BrowseStyles.PLACEHOLDER);
        detailStatus.textProperty().bind(vm.detailStatusProperty());
        page.setAlignment(Pos.TOP_LEFT);
        BrowseStyles.apply(page);

        root = new StackPane(list, page);
        KeysStyles.apply(root);
        vm.detailProperty().addListener((o, a, d) -> showPage());
        vm.detailStatusProperty().addListener((o, a, d) -> showPage());
        vm.sortProperty().addListener((o, a, b) -> syncSortArrow());
        vm.ascendingProperty().addListener((o, a, b) -> syncSortArrow());
        syncSortArrow();
        showPage();
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        vm.activate();
    }

    @Override
    public void hidden() {
        vm.deactivate();
    }

    private void showPage() {
        KeyDetail d = vm.detail();
        boolean onPage = d != null || !vm.detailStatusProperty().get().isEmpty();
        page.getChildren().setAll(d != null ? new KeyDetailPane(vm, d).root() : detailStatus);
        page.setVisible(onPage);
        page.setManaged(onPage);
        list.setVisible(!onPage);
        list.setManaged(!onPage);
    }

    /** Shows the view model's sort on the column headers (after a link set it, or at start). */
    private void syncSortArrow() {
        syncingSort = true;
        try {
            for (TableColumn<KeyRow, ?> c : table.getColumns()) {
                if (c.getUserData() == vm.sortProperty().get()) {
                    c.setSortType(vm.ascendingProperty().get() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                    table.getSortOrder().setAll(java.util.List.of(c));
                }
            }
        } finally {
            syncingSort = false;
        }
    }

    /** A header with a tooltip that says what a short title means. */
    private static void header(TableColumn<KeyRow, ?> c, String tip) {
        Label l = new Label(c.getText());
        l.setTooltip(new Tooltip(tip));
        c.setText(null);
        c.setGraphic(l);
    }

    private <T> TableColumn<KeyRow, T> column(String title, KeySort sort, Function<KeyRow, T> value, double width) {
        TableColumn<KeyRow, T> c = new TableColumn<>(title);
        c.setUserData(sort);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return c;
    }

    /** A cell of two lines: the value, and a muted line under it (region, Multi-Region, more vaults); a tooltip when asked. */
    private TableColumn<KeyRow, KeyRow> twoLines(String title, KeySort sort, Function<KeyRow, String> first, Function<KeyRow, String> second,
                                                  Function<KeyRow, String> tip, double width) {
        TableColumn<KeyRow, KeyRow> c = column(title, sort, r -> r, width);
        c.setCellFactory(col -> new TwoLineCell() {
            @Override
            void fill(KeyRow r) {
                set(first.apply(r), second.apply(r));
                String t = tip.apply(r);
                setTooltip(t == null ? null : new Tooltip(t));
            }
        });
        return c;
    }

    /** Two labels, one over the other; the lower one muted. */
    private abstract static class TwoLineCell extends TableCell<KeyRow, KeyRow> {
        final Label top = new Label();
        final Label bottom = new Label();
        final VBox box = new VBox(1, top, bottom);

        TwoLineCell() {
            bottom.getStyleClass().addAll(BrowseStyles.MUTED, KeysStyles.CELL_DETAIL);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        abstract void fill(KeyRow r);

        void set(String first, String second) {
            top.setText(first == null ? Formats.NONE : first);
            top.getStyleClass().remove(BrowseStyles.MUTED);
            if (first == null || Formats.NOT_READ.equals(first) || Formats.NONE.equals(first)) {
                top.getStyleClass().add(BrowseStyles.MUTED);
            }
            bottom.setText(second == null ? "" : second);
            bottom.setVisible(second != null && !second.isEmpty());
        }

        @Override
        protected void updateItem(KeyRow r, boolean empty) {
            super.updateItem(r, empty);
            setText(null);
            if (empty || r == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            fill(r);
            setGraphic(box);
        }
    }

    /** The alias as a link to the key's page (the ARN on hover), the key ID under it. */
    private TableColumn<KeyRow, KeyRow> nameColumn() {
        TableColumn<KeyRow, KeyRow> c = column("Key", KeySort.NAME, r -> r, 200);
        c.setCellFactory(col -> new TableCell<>() {
            private final Hyperlink link = new Hyperlink();
            private final Label id = new Label();
            private final VBox box = new VBox(1, link, id);

            {
                link.getStyleClass().add(BrowseStyles.ARN_LINK);
                id.getStyleClass().addAll(BrowseStyles.MUTED, KeysStyles.CELL_DETAIL);
                box.setAlignment(Pos.CENTER_LEFT);
                link.setOnAction(e -> {
                    if (getItem() != null) {
                        vm.select(getItem());
                    }
                    link.setVisited(false);
                });
            }

            @Override
            protected void updateItem(KeyRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                // as the KMS console lists aliases: without the "alias/" prefix
                link.setText(r.name().startsWith("alias/") ? r.name().substring(6) : r.name());
                link.setTooltip(new Tooltip(r.arn() != null ? r.arn() : "AWS does not tell the ARN of an AWS-owned key"));
                link.setContextMenu(r.arn() == null ? null : ArnLink.menu(vm.context(), r.arn()));
                link.setId("key-" + r.id().replaceAll("[^A-Za-z0-9_-]", "_"));
                id.setText(r.subtitle() == null ? "" : r.subtitle());
                setGraphic(box);
            }
        });
        return c;
    }

    /** The state (coloured when the key cannot decrypt, or soon cannot), its rotation under it. */
    private TableColumn<KeyRow, KeyRow> stateColumn() {
        TableColumn<KeyRow, KeyRow> c = column("State and rotation", KeySort.STATE, r -> r, 165);
        c.setCellFactory(col -> new TwoLineCell() {
            @Override
            void fill(KeyRow r) {
                set(r.state(), r.stateLine());
                top.getStyleClass().removeAll(KeysStyles.STATE_CLASSES);
                top.getStyleClass().add(KeysStyles.state(r.stateLevel()));
            }
        });
        return c;
    }

    private TableColumn<KeyRow, Long> pointsColumn() {
        TableColumn<KeyRow, Long> c = column("Points", KeySort.POINTS, KeyRow::points, 88);
        header(c, "Recovery points encrypted with the key");
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : Formats.count(n));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        return c;
    }

    private TableColumn<KeyRow, Severity> worstColumn() {
        TableColumn<KeyRow, Severity> c = column("Findings", KeySort.WORST, KeyRow::worst, 105);
        header(c, "The worst failing finding about the key");
        c.setCellFactory(col -> new TableCell<>() {
            private final Label chip = new Label();

            @Override
            protected void updateItem(Severity s, boolean empty) {
                super.updateItem(s, empty);
                if (empty) {
                    setGraphic(null);
                    return;
                }
                SeverityLabel.set(chip, s);
                setGraphic(chip);
            }
        });
        return c;
    }
}
