package dev.redoubt.ui.recoverypoints;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.redoubt.ui.browse.BrowseStyles;
import dev.redoubt.ui.browse.Formats;
import dev.redoubt.ui.browse.ListHeader;
import dev.redoubt.ui.shell.Screen;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The recovery points screen: every recovery point in scope in one virtualized table, filtered by
 * text and by type, vault, account, status, encryption, key, creation dates, age and "no copy in
 * another account or region", sorted by any column header (the view model sorts off the FX
 * thread); a row opens the point's page. Nodes and bindings only.
 */
public final class RecoveryPointsView implements Screen {
    public static final String ID = "recoveryPointsScreen";
    public static final String ID_SEARCH = "pointsSearch";
    public static final String ID_TABLE = "pointsTable";
    public static final String ID_TYPE = "pointsType";
    public static final String ID_VAULT = "pointsVault";
    public static final String ID_ACCOUNT = "pointsAccount";
    public static final String ID_STATUS = "pointsStatus";
    public static final String ID_ENCRYPTION = "pointsEncryption";
    public static final String ID_KEY = "pointsKey";
    public static final String ID_FROM = "pointsCreatedFrom";
    public static final String ID_TO = "pointsCreatedTo";
    public static final String ID_OLDER_THAN = "pointsOlderThan";
    public static final String ID_NO_COPY = "pointsNoCopy";
    public static final String ID_CLEAR_FILTERS = "pointsClearFilters";
    public static final String ID_RESOURCE_CHIP = "pointsResource";
    public static final String ID_DETAIL = "pointDetail";
    static final String STYLESHEET = "/dev/redoubt/ui/recoverypoints/recoverypoints.css";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT);

    private final RecoveryPointsViewModel vm;
    private final StackPane root = new StackPane();
    private final VBox list = new VBox(6);
    private final StackPane detail = new StackPane();
    private final TableView<PointRow> table = new TableView<>();
    private final List<TableColumn<PointRow, PointRow>> columns = new ArrayList<>();
    private final RecoveryPointPage page;
    private boolean syncingSort;
    private boolean fittedResources;
    private javafx.scene.text.Font font;
    /** An invisible label styled as the screen's text: its font measures the names. */
    private final Label fontProbe = new Label();

    public RecoveryPointsView(RecoveryPointsViewModel viewModel) {
        this.vm = Objects.requireNonNull(viewModel, "viewModel");
        this.page = new RecoveryPointPage(vm.context());
        root.setId(ID);
        root.getStylesheets().add(Objects.requireNonNull(RecoveryPointsView.class.getResource(STYLESHEET)).toExternalForm());
        BrowseStyles.apply(root);

        ListHeader header = new ListHeader(vm.context(), "Recovery points", "Filter by resource, ARN, vault, account or key", ID_SEARCH);
        header.filter().textProperty().bindBidirectional(vm.textProperty());
        header.filter().setTooltip(new Tooltip("Words to find in the resource's name or ARN, the recovery point's ARN, the vault, its account or the key (each word somewhere)"));
        header.filter().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.textProperty().set("");
            }
        });
        header.count().textProperty().bind(vm.countTextProperty());
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(14, 14);
        working.setMaxSize(14, 14);
        working.visibleProperty().bind(vm.workingProperty());
        Button clear = new Button("Clear filters", new FontIcon(Material2OutlinedAL.FILTER_ALT));
        clear.setId(ID_CLEAR_FILTERS);
        clear.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        clear.disableProperty().bind(vm.filteredProperty().not());
        clear.setOnAction(e -> vm.clearFilters());
        clear.setMinWidth(Region.USE_PREF_SIZE);
        header.filters().getChildren().addAll(choice(ID_TYPE, "Any type", vm.typeChoices(), vm.typeProperty(), 130),
                choice(ID_STATUS, "Any status", vm.statusChoices(), vm.statusProperty(), 140),
                encryptionChoice(), working, clear);

        FlowPane more = new FlowPane(8, 8);
        more.setAlignment(Pos.CENTER_LEFT);
        more.getStyleClass().add("points-filters");
        more.getChildren().addAll(choice(ID_VAULT, "Any vault", vm.vaultChoices(), vm.vaultProperty(), 260),
                choice(ID_ACCOUNT, "Any account", vm.accountChoices(), vm.accountProperty(), 220),
                choice(ID_KEY, "Any key", vm.keyChoices(), vm.keyProperty(), 220),
                dates(), olderThan(), noCopy());
        Node resourceChip = resourceChip();

        table.setId(ID_TABLE);
        table.getStyleClass().addAll(BrowseStyles.TABLE, Tweaks.EDGE_TO_EDGE, Styles.DENSE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setTableMenuButtonVisible(true); // the "+" at the right of the header hides and shows columns
        table.setItems(vm.rows());
        columns();
        Label placeholder = new Label();
        placeholder.getStyleClass().add(BrowseStyles.PLACEHOLDER);
        placeholder.textProperty().bind(vm.placeholderProperty());
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        table.setRowFactory(t -> {
            TableRow<PointRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.openRow(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                vm.openRow(table.getSelectionModel().getSelectedItem());
            }
        });
        // The view model sorts off the FX thread: a header click only tells it which column, and the arrow follows what it shows.
        table.setSortPolicy(t -> {
            if (!syncingSort) {
                if (table.getSortOrder().isEmpty()) {
                    vm.sortProperty().set(PointSort.DEFAULT);
                } else {
                    TableColumn<PointRow, ?> c = table.getSortOrder().get(0);
                    vm.sortProperty().set(new PointSort((PointSort.Column) c.getUserData(), c.getSortType() == TableColumn.SortType.ASCENDING));
                }
            }
            return true;
        });
        // Names differ per estate: once its choices are listed, the name columns take the width of their longest names.
        vm.vaultChoices().addListener((ListChangeListener<Choice>) c -> {
            fittedResources = false;
            fitColumns();
        });
        vm.rows().addListener((ListChangeListener<PointRow>) c -> {
            if (!fittedResources) {
                fitColumns();
            }
        });
        table.widthProperty().addListener((o, a, w) -> {
            if (!fittedResources) {
                fitColumns();
            }
        });
        vm.sortProperty().addListener((o, a, s) -> showSort(s));
        showSort(vm.sortProperty().get());
        Label hint = new Label("Double-click a recovery point (or press Enter) for its page: whether it can be restored, its copies, its restore tests.");
        hint.getStyleClass().add(BrowseStyles.MUTED);
        VBox.setVgrow(table, Priority.ALWAYS);
        fontProbe.setManaged(false);
        fontProbe.setVisible(false);
        list.getChildren().addAll(header.root(), more, resourceChip, table, hint, fontProbe);

        detail.setId(ID_DETAIL);
        root.getChildren().addAll(list, detail);
        vm.showingDetailProperty().addListener((o, a, b) -> showPage());
        vm.detailProperty().addListener((o, a, b) -> showPage());
        vm.detailProblemProperty().addListener((o, a, b) -> showPage());
        showPage();
    }

    @Override
    public Parent root() {
        return root;
    }

    RecoveryPointsViewModel viewModel() {
        return vm;
    }

    @Override
    public void shown() {
        vm.activate();
    }

    @Override
    public void hidden() {
        vm.deactivate();
    }

    // ---- the table

    private void columns() {
        // Twelve columns are wider than most windows: each gets the width its content needs, and the table scrolls sideways.
        column(PointSort.Column.RESOURCE, 170, PointRow::resourceName, r -> r.resourceArn() == null ? null : r.resourceArn());
        column(PointSort.Column.TYPE, 82, r -> PointTexts.type(r.type()), null);
        column(PointSort.Column.VAULT, 175, r -> r.vault().name(), r -> r.vault().arn());
        column(PointSort.Column.ACCOUNT, 150, r -> r.vault().accountName(), r -> r.vault().accountName().equals(r.vault().accountId()) ? null
                : r.vault().accountId());
        column(PointSort.Column.REGION, 100, r -> r.vault().region(), null);
        column(PointSort.Column.STATUS, 104, r -> PointTexts.status(r.status()), r -> r.point().statusMessage());
        column(PointSort.Column.CREATED, 112, r -> Formats.date(r.created(), zone()), r -> Formats.dateTime(r.created(), zone()));
        column(PointSort.Column.AGE, 96, r -> PointTexts.age(r.created(), at()), null);
        column(PointSort.Column.DELETE_AT, 112, r -> r.deleteAt() == null ? "never" : Formats.date(r.deleteAt(), zone()),
                r -> r.deleteAt() == null ? "Kept until someone deletes it" : Formats.relative(r.deleteAt(), at()));
        column(PointSort.Column.ENCRYPTED, 96, r -> PointTexts.encryption(r.encryption()), null);
        column(PointSort.Column.KEY, 190, PointTexts::key, r -> r.key() == null ? null : r.key().arn());
        column(PointSort.Column.SIZE, 84, r -> r.size() == null ? Formats.NOT_READ : Formats.bytes(r.size()), null);
        table.getColumns().setAll(columns);
    }

    private java.time.ZoneId zone() {
        return vm.context().clock().getZone();
    }

    private java.time.Instant at() {
        var c = vm.context().catalog();
        return c == null ? vm.context().clock().instant() : c.index().at();
    }

    private void column(PointSort.Column id, double width, Function<PointRow, String> text, Function<PointRow, String> tip) {
        TableColumn<PointRow, PointRow> c = new TableColumn<>(id.title());
        c.setId("col-" + id.name().toLowerCase(Locale.ROOT));
        c.setUserData(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new TextCell(id, text, tip));
        c.setComparator((a, b) -> 0); // never used: the view model sorts
        columns.add(c);
    }

    /** Widens the name columns to their longest names (at most 340 pixels; the tooltip has the rest), once the table is styled. */
    private void fitColumns() {
        if (fontProbe.getScene() == null || table.getWidth() <= 0) {
            return; // not on screen yet: the cells' font is not known
        }
        fontProbe.applyCss();
        font = fontProbe.getFont();
        fit(PointSort.Column.VAULT, vm.vaultChoices().stream().map(c -> Formats.shortArn(c.value())).toList());
        fit(PointSort.Column.ACCOUNT, vm.accountChoices().stream().map(c -> c.label().replace(" (" + c.value() + ")", "")).toList());
        fit(PointSort.Column.KEY, vm.keyChoices().stream().map(c -> c.label().replaceAll(" · .*", "")).toList());
        List<PointRow> sample = vm.rows().subList(0, Math.min(2_000, vm.rows().size()));
        if (!sample.isEmpty()) {
            fit(PointSort.Column.RESOURCE, sample.stream().map(PointRow::resourceName).toList());
            fittedResources = true;
        }
    }

    private void fit(PointSort.Column id, List<String> texts) {
        TableColumn<PointRow, PointRow> c = columns.stream().filter(x -> x.getUserData() == id).findFirst().orElseThrow();
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(font);
        double widest = 0;
        for (String t : texts) {
            probe.setText(t);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        if (widest > 0) {
            c.setPrefWidth(Math.max(c.getPrefWidth(), Math.min(340, Math.ceil(widest) + 22)));
        }
    }

    private void showSort(PointSort s) {
        syncingSort = true;
        try {
            TableColumn<PointRow, PointRow> c = columns.stream().filter(x -> x.getUserData() == s.column()).findFirst().orElseThrow();
            c.setSortType(s.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
            if (table.getSortOrder().size() != 1 || table.getSortOrder().get(0) != c) {
                table.getSortOrder().setAll(List.of(c));
            }
        } finally {
            syncingSort = false;
        }
    }

    /** A cell that shows one column's text, muted when it says "not read", with a tooltip where one helps. */
    private static final class TextCell extends TableCell<PointRow, PointRow> {
        private final PointSort.Column column;
        private final Function<PointRow, String> text;
        private final Function<PointRow, String> tip;
        private final Tooltip tooltip = new Tooltip();

        TextCell(PointSort.Column column, Function<PointRow, String> text, Function<PointRow, String> tip) {
            this.column = column;
            this.text = text;
            this.tip = tip;
        }

        @Override
        protected void updateItem(PointRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll(BrowseStyles.MUTED, "point-status-problem");
            if (empty || row == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            String t = text.apply(row);
            setText(t);
            if (Formats.NOT_READ.equals(t) || Formats.NONE.equals(t)) {
                getStyleClass().add(BrowseStyles.MUTED);
            }
            if (column == PointSort.Column.STATUS && row.status() != null && !"COMPLETED".equals(row.status())) {
                getStyleClass().add("point-status-problem");
            }
            String tipText = tip == null ? null : tip.apply(row);
            if (tipText != null && !tipText.isBlank()) {
                tooltip.setText(tipText);
                setTooltip(tooltip);
            } else {
                setTooltip(null);
            }
        }
    }

    // ---- filters

    /** A single-choice filter: "Any ..." first, then the view model's choices; kept in step with its property both ways. */
    private ComboBox<Choice> choice(String id, String any, ObservableList<Choice> choices, ObjectProperty<String> value, double width) {
        ComboBox<Choice> box = new ComboBox<>();
        box.setId(id);
        box.setPrefWidth(width);
        box.setMinWidth(90);
        box.setVisibleRowCount(16);
        Choice anyChoice = new Choice(null, any);
        Runnable fill = () -> {
            List<Choice> items = new ArrayList<>();
            items.add(anyChoice);
            items.addAll(choices);
            box.getItems().setAll(items);
            select(box, value.get(), anyChoice);
        };
        choices.addListener((ListChangeListener<Choice>) c -> fill.run());
        fill.run();
        box.valueProperty().addListener((o, a, c) -> {
            String v = c == null ? null : c.value();
            if (!Objects.equals(v, value.get())) {
                value.set(v);
            }
        });
        value.addListener((o, a, v) -> select(box, v, anyChoice));
        box.setTooltip(new Tooltip(any.replace("Any ", "Only one ")));
        return box;
    }

    private static void select(ComboBox<Choice> box, String value, Choice any) {
        Choice c = box.getItems().stream().filter(x -> Objects.equals(x.value(), value)).findFirst().orElse(null);
        if (c == null && value != null) {
            c = new Choice(value, Formats.shortArn(value)); // asked for by a link before the choices are listed
        }
        if (!Objects.equals(box.getValue(), c == null ? any : c)) {
            box.setValue(c == null ? any : c);
        }
    }

    private ComboBox<Choice> encryptionChoice() {
        ComboBox<Choice> box = new ComboBox<>();
        box.setId(ID_ENCRYPTION);
        box.setPrefWidth(170);
        Choice any = new Choice(null, "Encrypted or not");
        List<Choice> items = new ArrayList<>(List.of(any));
        for (Encryption e : Encryption.values()) {
            items.add(new Choice(e.name(), e.label()));
        }
        box.getItems().setAll(items);
        box.setValue(any);
        box.valueProperty().addListener((o, a, c) -> {
            Encryption e = c == null || c.value() == null ? null : Encryption.valueOf(c.value());
            if (e != vm.encryptionProperty().get()) {
                vm.encryptionProperty().set(e);
            }
        });
        vm.encryptionProperty().addListener((o, a, e) -> box.setValue(e == null ? any
                : items.stream().filter(c -> e.name().equals(c.value())).findFirst().orElse(any)));
        return box;
    }

    private Node dates() {
        DatePicker from = datePicker(ID_FROM, "Created from", vm.createdFromProperty());
        DatePicker to = datePicker(ID_TO, "to", vm.createdToProperty());
        Label label = new Label("Created");
        label.getStyleClass().add(BrowseStyles.MUTED);
        Label dash = new Label("to");
        dash.getStyleClass().add(BrowseStyles.MUTED);
        HBox box = new HBox(6, label, from, dash, to);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static DatePicker datePicker(String id, String prompt, ObjectProperty<LocalDate> value) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setPromptText(prompt.equals("to") ? "any day" : "any day");
        p.setPrefWidth(135);
        // A date typed that does not parse is dropped, never thrown at the user.
        p.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : DAY.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                if (s == null || s.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(s.trim(), DAY);
                } catch (DateTimeParseException e) {
                    try {
                        return LocalDate.parse(s.trim());
                    } catch (DateTimeParseException e2) {
                        return value.get();
                    }
                }
            }
        });
        p.valueProperty().bindBidirectional(value);
        return p;
    }

    private Node olderThan() {
        TextField days = new TextField();
        days.setId(ID_OLDER_THAN);
        days.setPrefColumnCount(4);
        days.setPromptText("days");
        days.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("\\d{0,5}") ? c : null));
        days.textProperty().addListener((o, a, t) -> {
            Integer n = t == null || t.isBlank() ? null : Integer.valueOf(t);
            if (!Objects.equals(n, vm.olderThanDaysProperty().get())) {
                vm.olderThanDaysProperty().set(n);
            }
        });
        vm.olderThanDaysProperty().addListener((o, a, n) -> {
            String t = n == null ? "" : String.valueOf(n);
            if (!t.equals(days.getText())) {
                days.setText(t);
            }
        });
        Label before = new Label("Older than");
        before.getStyleClass().add(BrowseStyles.MUTED);
        Label after = new Label("days");
        after.getStyleClass().add(BrowseStyles.MUTED);
        HBox box = new HBox(6, before, days, after);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node noCopy() {
        CheckBox box = new CheckBox("No copy in another account or region");
        box.setId(ID_NO_COPY);
        box.setTooltip(new Tooltip("Only recovery points whose resource has no restorable copy in a vault of another account or another region"));
        box.selectedProperty().bindBidirectional(vm.noCopyElsewhereProperty());
        return box;
    }

    private Node resourceChip() {
        Label text = new Label();
        text.textProperty().bind(vm.resourceLabelProperty().map(n -> "Resource: " + n));
        Button clear = new Button(null, new FontIcon(Material2OutlinedAL.CLOSE));
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        clear.setTooltip(new Tooltip("Show every resource's recovery points"));
        clear.setOnAction(e -> vm.clearResource());
        HBox chip = new HBox(4, new FontIcon(Material2OutlinedAL.FILTER_ALT), text, clear);
        chip.setId(ID_RESOURCE_CHIP);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add(BrowseStyles.SCOPE_CHIP);
        chip.setMaxWidth(Region.USE_PREF_SIZE);
        chip.visibleProperty().bind(vm.resourceProperty().isNotNull());
        chip.managedProperty().bind(chip.visibleProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.resourceProperty());
        text.setTooltip(tip);
        return chip;
    }

    // ---- the page

    private void showPage() {
        boolean on = vm.showingDetailProperty().get();
        list.setVisible(!on);
        detail.setVisible(on);
        if (!on) {
            detail.getChildren().clear();
            return;
        }
        PointDetail d = vm.detailProperty().get();
        String problem = vm.detailProblemProperty().get();
        if (d != null) {
            detail.getChildren().setAll(page.render(d));
        } else if (problem != null) {
            detail.getChildren().setAll(page.problem(problem));
        } else {
            ProgressIndicator p = new ProgressIndicator();
            p.setMaxSize(32, 32);
            detail.getChildren().setAll(p);
        }
    }
}
