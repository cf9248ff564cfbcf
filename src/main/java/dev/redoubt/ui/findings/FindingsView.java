package dev.redoubt.ui.findings;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.ModalPane;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.redoubt.findings.Check;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.report.ReportFormat;
import dev.redoubt.ui.StyleClasses;
import dev.redoubt.ui.shell.Screen;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The findings screen: a filter bar, the results (virtualized, grouped by check or by resource,
 * failures first) and the selected result's detail side by side; accepting and lifting risks in
 * dialogs over the screen; exporting the report. Nodes and bindings only: the view model does the work.
 */
public final class FindingsView implements Screen {
    public static final String ID = "findingsScreen";
    public static final String ID_SEARCH = "findingsSearch";
    public static final String ID_COUNT = "findingsCount";
    public static final String ID_CLEAR_FILTERS = "clearFilters";
    public static final String ID_STATUS_FILTER = "statusFilter";
    public static final String ID_SEVERITY_FILTER = "severityFilter";
    public static final String ID_FACET_FILTER = "facetFilter";
    public static final String ID_ACCOUNT_FILTER = "accountFilter";
    public static final String ID_REGION_FILTER = "regionFilter";
    public static final String ID_CHECK_FILTER = "checkFilter";
    public static final String ID_GROUP_BY_CHECK = "groupByCheck";
    public static final String ID_GROUP_BY_RESOURCE = "groupByResource";
    public static final String ID_GROUP_BY_NONE = "groupByNone";
    public static final String ID_EXPAND_ALL = "expandAll";
    public static final String ID_COLLAPSE_ALL = "collapseAll";
    public static final String ID_EXPORT = "exportReport";
    public static final String ID_TABLE = "findingsTable";
    public static final String ID_DETAIL = "findingDetail";
    public static final String ID_DETAIL_STATUS = "detailStatus";
    public static final String ID_DETAIL_SEVERITY = "detailSeverity";
    public static final String ID_DETAIL_TITLE = "detailTitle";
    public static final String ID_DETAIL_RATIONALE = "detailRationale";
    public static final String ID_DETAIL_ARN = "detailArn";
    public static final String ID_COPY_ARN = "copyArn";
    public static final String ID_DETAIL_ACCOUNT = "detailAccount";
    public static final String ID_DETAIL_SUMMARY = "detailSummary";
    public static final String ID_DETAIL_FIELDS = "detailFields";
    public static final String ID_DETAIL_AS_OF = "detailAsOf";
    public static final String ID_DETAIL_ACTION = "detailAction";
    public static final String ID_DETAIL_CLI = "detailCli";
    public static final String ID_COPY_CLI = "copyCli";
    public static final String ID_DETAIL_SNIPPET = "detailSnippet";
    public static final String ID_COPY_SNIPPET = "copySnippet";
    public static final String ID_DETAIL_JUSTIFICATION = "detailJustification";
    public static final String ID_ACCEPT_RISK = "acceptRisk";
    public static final String ID_LIFT = "liftSuppression";
    public static final String ID_RISK_DIALOG = "acceptRiskDialog";
    public static final String ID_RISK_RESOURCE = "riskResource";
    public static final String ID_RISK_JUSTIFICATION = "riskJustification";
    public static final String ID_RISK_AUTHOR = "riskAuthor";
    public static final String ID_RISK_EXPIRES = "riskExpires";
    public static final String ID_RISK_PROBLEM = "riskProblem";
    public static final String ID_RISK_CONFIRM = "confirmAcceptRisk";
    public static final String ID_RISK_CANCEL = "cancelAcceptRisk";
    public static final String ID_LIFT_DIALOG = "liftDialog";
    public static final String ID_LIFT_REASON = "liftReason";
    public static final String ID_LIFT_CONFIRM = "confirmLift";
    public static final String ID_LIFT_CANCEL = "cancelLift";

    /** Below this table width the account and region columns fold into each row's second line. */
    private static final double COMPACT_WIDTH = 640;
    /** Below this table width the severity joins the status column (two chips, one above the other). */
    private static final double TIGHT_WIDTH = 520;
    private static final double SEARCH_MIN_WIDTH = 260;
    private static final double ROW_HEIGHT = 46;
    private static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");
    private static final PseudoClass COLLAPSED = PseudoClass.getPseudoClass("collapsed");
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final FindingsViewModel vm;
    private final StackPane root = new StackPane();
    private final ModalPane modal = new ModalPane();
    private final CustomTextField search = new CustomTextField();
    private final TableView<FindingsLine> table = new TableView<>();
    private final TableColumn<FindingsLine, FindingsLine> accountColumn = new TableColumn<>("Account");
    private final TableColumn<FindingsLine, FindingsLine> regionColumn = new TableColumn<>("Region");
    private final FindingDetailPane detail;
    private final RiskDialogs dialogs;
    private final FilterMenu<Status> statusMenu;
    private final FilterMenu<Severity> severityMenu;
    private final FilterMenu<Facet> facetMenu;
    private final FilterMenu<AccountChoice> accountMenu;
    private final FilterMenu<String> regionMenu;
    private final FilterMenu<Check> checkMenu;
    private final VBox listBox = new VBox(8);
    private HBox groupControls;
    private ReportFileChooser fileChooser = ReportFileChooser.saveDialog();
    private boolean compact;
    private boolean tight;
    private TableColumn<FindingsLine, FindingsLine> severityColumn;
    private boolean revealing;

    public FindingsView(FindingsViewModel viewModel) {
        this.vm = Objects.requireNonNull(viewModel, "viewModel");
        root.setId(ID);
        root.getStylesheets().add(Objects.requireNonNull(FindingsView.class.getResource(FindingsStyles.STYLESHEET)).toExternalForm());
        detail = new FindingDetailPane(this::acceptRisk, this::lift);
        dialogs = new RiskDialogs(vm, modal::show, () -> modal.hide(true));

        statusMenu = new FilterMenu<>("Status", ID_STATUS_FILTER, FindingsText::statusChoice, Status::name,
                v -> vm.filter(vm.filter().withStatuses(v)));
        statusMenu.shortLabel(s -> FindingsText.statusChoice(s).replaceAll(" \\(.*", ""));
        statusMenu.summary(s -> s.equals(FindingsFilter.NEEDS_ATTENTION) ? "Needs attention" : null);
        statusMenu.preset("What needs attention (all but passing)", "attention",
                () -> vm.filter(vm.filter().withStatuses(FindingsFilter.NEEDS_ATTENTION)));
        statusMenu.choices(List.of(Status.FAIL, Status.UNKNOWN, Status.SUPPRESSED, Status.PASS));
        severityMenu = new FilterMenu<>("Severity", ID_SEVERITY_FILTER, FindingsText::severity, Severity::name,
                v -> vm.filter(vm.filter().withSeverities(v)));
        severityMenu.summary(s -> s.equals(Set.of(Severity.CRITICAL, Severity.HIGH)) ? "High or worse" : null);
        severityMenu.preset("High or worse", "highOrWorse", () -> vm.filter(vm.filter().withSeverities(Set.of(Severity.CRITICAL, Severity.HIGH))));
        severityMenu.choices(List.of(Severity.values()));
        facetMenu = new FilterMenu<>("Facet", ID_FACET_FILTER, f -> f.name() + " · " + f.title(), Facet::name,
                v -> vm.filter(vm.filter().withFacets(v)));
        facetMenu.shortLabel(Facet::name);
        facetMenu.choices(List.of(Facet.values()));
        accountMenu = new FilterMenu<>("Account", ID_ACCOUNT_FILTER, AccountChoice::label, AccountChoice::id,
                v -> vm.filter(vm.filter().withAccountIds(ids(v))));
        accountMenu.shortLabel(AccountChoice::name);
        regionMenu = new FilterMenu<>("Region", ID_REGION_FILTER, r -> r, r -> r, v -> vm.filter(vm.filter().withRegions(v)));
        checkMenu = new FilterMenu<>("Check", ID_CHECK_FILTER, c -> c.id() + " · " + c.title(), Check::id,
                v -> vm.filter(vm.filter().withCheckIds(v.stream().map(Check::id).collect(java.util.stream.Collectors.toSet()))));
        checkMenu.shortLabel(Check::id);
        checkMenu.choices(vm.checkChoices());

        groupControls = groupControls();
        Node body = body();
        VBox screen = new VBox(header(), filterBar(), body);
        screen.getStyleClass().addAll(StyleClasses.SCREEN, FindingsStyles.SCREEN);
        root.getChildren().addAll(screen, modal);

        vm.accountChoices().addListener((ListChangeListener<AccountChoice>) c -> accountMenu.choices(List.copyOf(vm.accountChoices())));
        vm.regionChoices().addListener((ListChangeListener<String>) c -> regionMenu.choices(List.copyOf(vm.regionChoices())));
        accountMenu.choices(List.copyOf(vm.accountChoices()));
        regionMenu.choices(List.copyOf(vm.regionChoices()));
        vm.filterProperty().addListener((o, old, now) -> showFilter(now));
        showFilter(vm.filter());
        vm.detailProperty().addListener((o, old, now) -> showDetail());
        vm.selectedGroupProperty().addListener((o, old, now) -> showDetail());
        vm.revealProperty().addListener((o, old, now) -> reveal(now));
        keyboard();
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
        modal.hide(false);
        vm.deactivate();
    }

    FindingsViewModel viewModel() {
        return vm;
    }

    /** Where reports are written: the native "Save" dialog unless a test gives its own. */
    public void fileChooser(ReportFileChooser chooser) {
        this.fileChooser = Objects.requireNonNull(chooser, "chooser");
    }

    // ---- layout

    private Node header() {
        Label title = new Label("Findings");
        title.getStyleClass().add(StyleClasses.SCREEN_TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label count = new Label();
        count.setId(ID_COUNT);
        count.getStyleClass().add(FindingsStyles.COUNT);
        count.textProperty().bind(vm.countTextProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);
        ProgressIndicator working = new ProgressIndicator();
        working.getStyleClass().add("working");
        working.setPrefSize(14, 14);
        working.setMaxSize(14, 14);
        working.visibleProperty().bind(vm.workingProperty());
        Button clear = new Button("Clear filters", new FontIcon(Material2OutlinedAL.FILTER_ALT));
        clear.setId(ID_CLEAR_FILTERS);
        clear.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        clear.setOnAction(e -> vm.clearFilters());
        clear.disableProperty().bind(vm.filteredProperty().not());
        clear.setMinWidth(Region.USE_PREF_SIZE);

        MenuButton export = new MenuButton("Export report", new FontIcon(Material2OutlinedAL.GET_APP));
        export.setId(ID_EXPORT);
        export.setMinWidth(Region.USE_PREF_SIZE);
        export.disableProperty().bind(vm.totalProperty().isEqualTo(0));
        for (ReportFormat f : ReportFormat.values()) {
            MenuItem item = new MenuItem(switch (f) {
                case JSON -> "JSON — every result with its evidence";
                case CSV -> "CSV — one row per result, for a spreadsheet";
                case HTML -> "HTML — a report to read, print or send";
                case SARIF -> "SARIF — for code-scanning tools";
            });
            item.setId(ID_EXPORT + "-" + f.name());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> export(f));
            export.getItems().add(item);
        }

        Spacer gap = new Spacer();
        HBox header = new HBox(12, title, count, working, clear, gap, export);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(FindingsStyles.HEADER);
        header.setMinWidth(0);
        // On a wide window the grouping sits in this line; on a narrow one above the table.
        Runnable arrange = () -> {
            double needed = title.prefWidth(-1) + count.prefWidth(-1) + 14 + clear.prefWidth(-1) + groupControls.prefWidth(-1)
                    + export.prefWidth(-1) + 12 * 6 + 24;
            boolean wide = header.getWidth() >= needed;
            if (wide && groupControls.getParent() != header) {
                listBox.getChildren().remove(groupControls);
                header.getChildren().add(header.getChildren().indexOf(export), groupControls);
            } else if (!wide && groupControls.getParent() == header) {
                header.getChildren().remove(groupControls);
                listBox.getChildren().add(0, groupControls);
            }
        };
        header.widthProperty().addListener((o, old, w) -> arrange.run());
        count.widthProperty().addListener((o, old, w) -> arrange.run());
        return header;
    }

    /** How the table groups, and folding all groups at once. */
    private HBox groupControls() {
        Label groupBy = new Label("Group by");
        groupBy.getStyleClass().add(FindingsStyles.GROUP_LABEL);
        groupBy.setMinWidth(Region.USE_PREF_SIZE);
        ToggleGroup group = new ToggleGroup();
        ToggleButton byCheck = toggle("Check", ID_GROUP_BY_CHECK, Grouping.CHECK, group, Styles.LEFT_PILL);
        ToggleButton byResource = toggle("Resource", ID_GROUP_BY_RESOURCE, Grouping.RESOURCE, group, Styles.CENTER_PILL);
        ToggleButton none = toggle("None", ID_GROUP_BY_NONE, Grouping.NONE, group, Styles.RIGHT_PILL);
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one grouping is always chosen
            } else {
                vm.groupingProperty().set((Grouping) now.getUserData());
            }
        });
        vm.groupingProperty().addListener((o, old, now) -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == now)));
        group.getToggles().forEach(t -> t.setSelected(t.getUserData() == vm.groupingProperty().get()));
        HBox toggles = new HBox(byCheck, byResource, none);
        toggles.setAlignment(Pos.CENTER_LEFT);

        Button expandAll = iconButton(ID_EXPAND_ALL, Material2OutlinedMZ.UNFOLD_MORE, "Expand all groups", vm::expandAll);
        Button collapseAll = iconButton(ID_COLLAPSE_ALL, Material2OutlinedMZ.UNFOLD_LESS, "Collapse all groups", vm::collapseAll);
        expandAll.disableProperty().bind(vm.groupingProperty().isEqualTo(Grouping.NONE));
        collapseAll.disableProperty().bind(vm.groupingProperty().isEqualTo(Grouping.NONE));

        HBox bar = new HBox(8, groupBy, toggles, expandAll, collapseAll);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        bar.getStyleClass().add("group-controls");
        return bar;
    }

    private Node filterBar() {
        search.setId(ID_SEARCH);
        search.setPromptText("Search ARN, check, evidence, account…");
        search.setTooltip(new Tooltip("Words to find in the resource ARN, the check's id and title, the evidence and the account name"
                + " (Ctrl+F; Esc clears)"));
        search.setLeft(new FontIcon(Material2OutlinedMZ.SEARCH));
        Button clearText = new Button(null, new FontIcon(Material2OutlinedAL.CLOSE));
        clearText.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        clearText.setFocusTraversable(false);
        clearText.setOnAction(e -> vm.clearText());
        clearText.visibleProperty().bind(search.textProperty().isNotEmpty());
        search.setRight(clearText);
        search.textProperty().bindBidirectional(vm.textProperty());
        search.setMinWidth(SEARCH_MIN_WIDTH);
        search.setPrefWidth(320);
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox menus = new HBox(6, statusMenu.node(), severityMenu.node(), facetMenu.node(), accountMenu.node(), regionMenu.node(),
                checkMenu.node());
        menus.setAlignment(Pos.CENTER_LEFT);
        menus.setMinWidth(0);
        for (Node n : menus.getChildren()) {
            ((MenuButton) n).setMinWidth(72); // they give way only when they have a line of their own and still do not fit
        }
        HBox first = new HBox(6, search, menus);
        first.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(8, first);
        bar.getStyleClass().add(FindingsStyles.FILTER_BAR);
        bar.setMinWidth(0);
        // When the search field and the menus do not fit on one line, the menus take a line of their own.
        Runnable arrange = () -> {
            boolean oneLine = bar.getWidth() <= 0 || bar.getWidth() >= SEARCH_MIN_WIDTH + 6 + menus.prefWidth(-1);
            if (oneLine && menus.getParent() != first) {
                bar.getChildren().setAll(first);
                first.getChildren().setAll(search, menus);
            } else if (!oneLine && menus.getParent() == first) {
                first.getChildren().setAll(search);
                bar.getChildren().setAll(first, menus);
            }
        };
        bar.widthProperty().addListener((o, old, w) -> arrange.run());
        menus.getChildren().forEach(n -> ((MenuButton) n).widthProperty().addListener((o, old, w) -> arrange.run()));
        return bar;
    }

    private Node body() {
        table.setId(ID_TABLE);
        table.getStyleClass().addAll(FindingsStyles.TABLE);
        table.setItems(vm.lines());
        table.setFixedCellSize(ROW_HEIGHT);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);

        TableColumn<FindingsLine, FindingsLine> severity = column("Severity", 88, 88, 88);
        severity.setCellFactory(c -> new SeverityCell());
        severityColumn = severity;
        TableColumn<FindingsLine, FindingsLine> status = column("Status", 104, 104, 104);
        status.setCellFactory(c -> new StatusCell());
        TableColumn<FindingsLine, FindingsLine> finding = column("Finding", 200, 360, Double.MAX_VALUE);
        finding.setCellFactory(c -> new FindingCell());
        configure(accountColumn, 120, 170, 220);
        accountColumn.setCellFactory(c -> new TextCell(true));
        configure(regionColumn, 100, 110, 130);
        regionColumn.setCellFactory(c -> new TextCell(false));
        table.getColumns().setAll(List.of(severity, status, finding, accountColumn, regionColumn));
        table.setRowFactory(t -> new LineRow());
        table.widthProperty().addListener((o, old, w) -> compact(w.doubleValue() < COMPACT_WIDTH, w.doubleValue() < TIGHT_WIDTH));

        Label empty = new Label();
        empty.textProperty().bind(javafx.beans.binding.Bindings.when(vm.totalProperty().isEqualTo(0))
                .then("No findings yet: open an estate or scan one.").otherwise("No results match these filters."));
        empty.getStyleClass().add(FindingsStyles.PLACEHOLDER);
        Button clear = new Button("Clear filters");
        clear.setOnAction(e -> vm.clearFilters());
        clear.visibleProperty().bind(vm.totalProperty().greaterThan(0).and(vm.filteredProperty()));
        VBox placeholder = new VBox(10, empty, clear);
        placeholder.setAlignment(Pos.CENTER);
        table.setPlaceholder(placeholder);

        table.getSelectionModel().selectedIndexProperty().addListener((o, old, i) -> {
            if (!revealing) {
                vm.select(i.intValue());
            }
        });

        VBox.setVgrow(table, Priority.ALWAYS);
        listBox.getChildren().setAll(groupControls, table);
        listBox.setMinWidth(380);
        SplitPane split = new SplitPane(listBox, detail.node());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.53);
        split.getStyleClass().add("findings-split");
        detail.node().setMinWidth(330);
        VBox.setVgrow(split, Priority.ALWAYS);
        return split;
    }

    // ---- behaviour

    private void keyboard() {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (modal.isDisplay()) {
                return;
            }
            if (FIND.match(e)) {
                search.requestFocus();
                search.selectAll();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && !vm.textProperty().get().isEmpty()) {
                vm.clearText();
                e.consume();
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            FindingsLine line = table.getSelectionModel().getSelectedItem();
            if (line == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER) {
                if (line instanceof GroupRow g) {
                    vm.toggle(g);
                } else {
                    detail.node().requestFocus();
                }
                e.consume();
            } else if (line instanceof GroupRow g && e.getCode() == KeyCode.RIGHT && !g.expanded()) {
                vm.expand(g, true);
                e.consume();
            } else if (line instanceof GroupRow g && e.getCode() == KeyCode.LEFT && g.expanded()) {
                vm.expand(g, false);
                e.consume();
            }
        });
        detail.node().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && vm.textProperty().get().isEmpty()) {
                table.requestFocus();
                e.consume();
            }
        });
    }

    private void showFilter(FindingsFilter f) {
        statusMenu.select(f.statuses());
        severityMenu.select(f.severities());
        facetMenu.select(f.facets());
        accountMenu.select(vm.accountChoices().stream().filter(a -> f.accountIds().contains(a.id()))
                .collect(java.util.stream.Collectors.toSet()));
        regionMenu.select(f.regions());
        checkMenu.select(vm.checkChoices().stream().filter(c -> f.checkIds().contains(c.id())).collect(java.util.stream.Collectors.toSet()));
    }

    private void showDetail() {
        if (vm.detail() != null) {
            detail.show(vm.detail());
        } else if (vm.selectedGroupProperty().get() != null) {
            detail.show(vm.selectedGroupProperty().get());
        } else {
            detail.empty();
        }
    }

    /** Puts the table's selection where the view model says, scrolling only when the line is out of sight. */
    private void reveal(FindingsViewModel.Reveal r) {
        revealing = true;
        try {
            if (r.index() >= 0 && r.index() < table.getItems().size()) {
                table.getSelectionModel().clearAndSelect(r.index());
                table.getFocusModel().focus(r.index());
                if (!visible(r.index())) {
                    table.scrollTo(Math.max(0, r.index() - 2));
                }
            } else {
                table.getSelectionModel().clearSelection();
            }
        } finally {
            revealing = false;
        }
    }

    private boolean visible(int index) {
        if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return false;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        return first != null && last != null && index > first.getIndex() && index < last.getIndex();
    }

    private void compact(boolean nowCompact, boolean nowTight) {
        if (nowCompact == compact && nowTight == tight) {
            return;
        }
        compact = nowCompact;
        tight = nowTight;
        accountColumn.setVisible(!nowCompact);
        regionColumn.setVisible(!nowCompact);
        severityColumn.setVisible(!nowTight);
        table.refresh();
    }

    private void acceptRisk() {
        dialogs.acceptRisk();
    }

    private void lift() {
        dialogs.lift();
    }

    private void export(ReportFormat format) {
        Path file = fileChooser.choose(root.getScene() == null ? null : root.getScene().getWindow(), format, vm.reportFileName(format));
        if (file != null) {
            vm.export(format, file);
        }
    }

    // ---- building blocks

    private static Set<String> ids(Set<AccountChoice> choices) {
        return choices.stream().map(AccountChoice::id).collect(java.util.stream.Collectors.toSet());
    }

    private ToggleButton toggle(String text, String id, Grouping grouping, ToggleGroup group, String pill) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setUserData(grouping);
        b.setToggleGroup(group);
        b.getStyleClass().add(pill);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setFocusTraversable(true);
        return b;
    }

    private static Button iconButton(String id, org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static TableColumn<FindingsLine, FindingsLine> column(String title, double min, double pref, double max) {
        TableColumn<FindingsLine, FindingsLine> c = new TableColumn<>(title);
        configure(c, min, pref, max);
        return c;
    }

    private static void configure(TableColumn<FindingsLine, FindingsLine> c, double min, double pref, double max) {
        c.setMinWidth(min);
        c.setPrefWidth(pref);
        c.setMaxWidth(max);
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
    }

    /** A row: group headings look like headings; a double click opens or closes them. */
    private final class LineRow extends TableRow<FindingsLine> {
        LineRow() {
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() instanceof GroupRow g) {
                    vm.toggle(g);
                }
            });
        }

        @Override
        protected void updateItem(FindingsLine item, boolean empty) {
            super.updateItem(item, empty);
            pseudoClassStateChanged(GROUP, !empty && item instanceof GroupRow);
            pseudoClassStateChanged(COLLAPSED, !empty && item instanceof GroupRow g && !g.expanded());
        }
    }

    private static final class SeverityCell extends TableCell<FindingsLine, FindingsLine> {
        private final Label chip = new Label();

        SeverityCell() {
            chip.setMinWidth(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(FindingsLine line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            Severity s = line instanceof ResultRow r ? r.severity() : ((GroupRow) line).severity();
            chip.setText(s.name());
            chip.getStyleClass().setAll("label", StyleClasses.CHIP, StyleClasses.of(s));
            setGraphic(chip);
        }
    }

    /** The status (a heading: its leading count); when the table is tight, the severity under it. */
    private final class StatusCell extends TableCell<FindingsLine, FindingsLine> {
        private final Label chip = new Label();
        private final Label severity = new Label();
        private final VBox both = new VBox(3);
        private final Tooltip tip = new Tooltip();

        StatusCell() {
            chip.setMinWidth(Region.USE_PREF_SIZE);
            severity.setMinWidth(Region.USE_PREF_SIZE);
            both.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(FindingsLine line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            setTooltip(null);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            Severity s;
            if (line instanceof ResultRow r) {
                chip.setText(FindingsText.status(r.status()));
                chip.getStyleClass().setAll("label", StyleClasses.CHIP, StyleClasses.of(r.status()));
                s = r.severity();
            } else {
                GroupRow g = (GroupRow) line;
                chip.setText(g.statusText());
                chip.getStyleClass().setAll("label", FindingsStyles.GROUP_STATUS, "group-status-" + g.worst().name().toLowerCase(java.util.Locale.ROOT));
                tip.setText(g.countsText());
                setTooltip(tip);
                s = g.severity();
            }
            if (tight) {
                severity.setText(s.name());
                severity.getStyleClass().setAll("label", StyleClasses.CHIP, StyleClasses.of(s));
                both.getChildren().setAll(chip, severity);
                setGraphic(both);
            } else {
                setGraphic(chip);
            }
        }
    }

    /** The finding: for a heading the check (id and title) or the resource; for a result what the grouping does not already say. */
    private final class FindingCell extends TableCell<FindingsLine, FindingsLine> {
        private final FontIcon chevron = new FontIcon(Material2OutlinedAL.KEYBOARD_ARROW_DOWN);
        private final Label id = new Label();
        private final Label primary = new Label();
        private final Label secondary = new Label();
        private final HBox firstLine = new HBox(8, id, primary);
        private final VBox lines = new VBox(1, firstLine, secondary);
        private final HBox graphic = new HBox(6, chevron, lines);

        FindingCell() {
            chevron.getStyleClass().add(FindingsStyles.CHEVRON);
            id.getStyleClass().addAll(FindingsStyles.CHECK_ID, StyleClasses.MONO);
            id.setMinWidth(Region.USE_PREF_SIZE);
            primary.getStyleClass().add(FindingsStyles.PRIMARY);
            primary.setMinWidth(0);
            secondary.getStyleClass().add(FindingsStyles.SECONDARY);
            secondary.setMinWidth(0);
            firstLine.setAlignment(Pos.CENTER_LEFT);
            lines.setMinWidth(0);
            HBox.setHgrow(lines, Priority.ALWAYS);
            graphic.setAlignment(Pos.CENTER_LEFT);
            graphic.setMinWidth(0);
            chevron.setOnMouseClicked(e -> {
                if (getItem() instanceof GroupRow g) {
                    vm.toggle(g);
                    e.consume();
                }
            });
        }

        @Override
        protected void updateItem(FindingsLine line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            Grouping grouping = vm.groupingProperty().get();
            secondary.getStyleClass().remove(StyleClasses.MONO);
            if (line instanceof GroupRow g) {
                chevron.setVisible(true);
                chevron.setManaged(true);
                chevron.setIconCode(g.expanded() ? Material2OutlinedAL.KEYBOARD_ARROW_DOWN : Material2OutlinedAL.KEYBOARD_ARROW_RIGHT);
                if (g.grouping() == Grouping.CHECK) {
                    show(id, g.key());
                    primary.setText(g.title());
                    secondary.setText(g.subtitle());
                } else {
                    show(id, null);
                    primary.setText(g.title());
                    secondary.setText(g.subtitle());
                    secondary.getStyleClass().add(StyleClasses.MONO);
                }
            } else {
                ResultRow r = (ResultRow) line;
                chevron.setVisible(false);
                chevron.setManaged(grouping != Grouping.NONE);
                String where = compact ? r.accountName() + " · " + (r.result().region() == null ? "global" : r.result().region()) + " · " : "";
                switch (grouping) {
                    case CHECK -> {
                        show(id, null);
                        primary.setText(r.resourceName());
                        secondary.setText(where + r.summary());
                    }
                    case RESOURCE -> {
                        show(id, r.checkId());
                        primary.setText(r.result().title());
                        secondary.setText(where + r.summary());
                    }
                    case NONE -> {
                        show(id, r.checkId());
                        primary.setText(r.result().title());
                        secondary.setText(where + r.resourceName() + " · " + r.summary());
                    }
                }
            }
            setGraphic(graphic);
        }

        private static void show(Label label, String text) {
            label.setText(text);
            label.setVisible(text != null);
            label.setManaged(text != null);
        }
    }

    /** The account (name) or region; for a heading the one it is in, or how many. */
    private static final class TextCell extends TableCell<FindingsLine, FindingsLine> {
        private final boolean account;

        TextCell(boolean account) {
            this.account = account;
        }

        @Override
        protected void updateItem(FindingsLine line, boolean empty) {
            super.updateItem(line, empty);
            setGraphic(null);
            if (empty || line == null) {
                setText(null);
                return;
            }
            if (line instanceof GroupRow g) {
                setText(account ? g.accounts() : g.regions());
            } else {
                ResultRow r = (ResultRow) line;
                setText(account ? r.accountName() : r.result().region() == null ? "global" : r.result().region());
            }
        }
    }
}
