package dev.redoubt.ui.scan;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.redoubt.services.ScanOutcome;
import dev.redoubt.services.ScanStatus;
import dev.redoubt.ui.StyleClasses;
import dev.redoubt.ui.shell.Screen;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The scan screen: choose the accounts, regions and role; follow the scan and cancel it; read how it
 * went. One pane per stage of {@link ScanViewModel}; nodes and bindings only.
 */
public final class ScanView implements Screen {
    /** Row heights of the dense tables and of the account tree (their cells' natural height under the theme). */
    private static final double TABLE_ROW = 28;
    private static final double TREE_ROW = 26;

    public static final String ID_SCREEN = "scanScreen";
    public static final String ID_EMPTY = "scanEmpty";
    public static final String ID_GO_START = "scanGoToStart";
    public static final String ID_CHOOSE = "scanChoose";
    public static final String ID_IDENTITY = "scanIdentity";
    public static final String ID_PROBLEMS = "scanReachProblems";
    public static final String ID_REACH_ERROR = "scanReachError";
    public static final String ID_ACCOUNT_FILTER = "scanAccountFilter";
    public static final String ID_ACCOUNT_TREE = "scanAccountTree";
    public static final String ID_ACCOUNTS_TEXT = "scanAccountsText";
    public static final String ID_REGIONS = "scanRegions";
    public static final String ID_ALL_REGIONS = "scanAllRegions";
    public static final String ID_NO_REGIONS = "scanNoRegions";
    public static final String ID_ROLE = "scanRole";
    public static final String ID_START = "scanStart";
    public static final String ID_START_BLOCKED = "scanStartBlocked";
    public static final String ID_RUNNING = "scanRunning";
    public static final String ID_PHASE = "scanPhase";
    public static final String ID_PROGRESS_BAR = "scanProgressBar";
    public static final String ID_PROGRESS_TEXT = "scanProgressText";
    public static final String ID_SCOPES = "scanScopes";
    public static final String ID_CANCEL = "scanCancel";
    public static final String ID_CANCELLING = "scanCancelling";
    public static final String ID_DONE = "scanDone";
    public static final String ID_HEADLINE = "scanHeadline";
    public static final String ID_CAPTURE = "scanCapture";
    public static final String ID_SHA256 = "scanSha256";
    public static final String ID_UNREAD = "scanUnread";
    public static final String ID_READ = "scanRead";
    public static final String ID_OPEN_OVERVIEW = "scanOpenOverview";
    public static final String ID_REFRESH = "scanRefresh";
    public static final String ID_NEW_SCAN = "scanNew";
    public static final String ID_SCAN_AGAIN = "scanAgain";

    private static final String STYLESHEET = "/dev/redoubt/ui/scan/scan.css";

    private final ScanViewModel viewModel;
    private final StackPane root = new StackPane();
    private final Node empty;
    private final Node choose;
    private final Node running;
    private final Node done;

    public ScanView(ScanViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId(ID_SCREEN);
        root.getStyleClass().add(ScanStyles.SCAN_SCREEN);
        root.getStylesheets().add(Objects.requireNonNull(ScanView.class.getResource(STYLESHEET), STYLESHEET).toExternalForm());
        empty = emptyPane();
        choose = choosePane();
        running = runningPane();
        done = donePane();
        root.getChildren().setAll(empty);
        viewModel.stageProperty().addListener((o, a, s) -> showStage(s));
        showStage(viewModel.stage());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        viewModel.activate();
    }

    @Override
    public void hidden() {
        viewModel.deactivate();
    }

    /** Every pane stays in the scene (tests and the table keep their nodes); only the stage's own is visible. */
    private void showStage(ScanViewModel.Stage s) {
        Node shown = switch (s) {
            case NO_CONNECTION -> empty;
            case CHOOSE -> choose;
            case SCANNING -> running;
            case DONE -> done;
        };
        // Only the stage on show is in the scene: hidden panes (the account tree filling in while a scan runs)
        // would otherwise still take the FX thread's time for their styles and layout.
        if (root.getChildren().size() != 1 || root.getChildren().get(0) != shown) {
            root.getChildren().setAll(shown);
        }
    }

    // ------------------------------------------------------------------ no sign-in

    private Node emptyPane() {
        FontIcon icon = new FontIcon(Material2OutlinedAL.LOGIN);
        icon.getStyleClass().add(ScanStyles.EMPTY_ICON);
        Label title = new Label("Sign in to scan");
        title.getStyleClass().add(StyleClasses.SCREEN_TITLE);
        Label text = new Label(ScanViewModel.NOT_SIGNED_IN.replace(".", "")
                + ": Redoubt then lists the accounts and regions you can reach, and you choose what to read.");
        text.setWrapText(true);
        text.getStyleClass().add(StyleClasses.SCREEN_SUBTITLE);
        text.setMaxWidth(460);
        text.setAlignment(Pos.CENTER);
        text.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        Button go = new Button("Go to the start screen", new FontIcon(Material2OutlinedAL.HOME));
        go.setId(ID_GO_START);
        go.getStyleClass().add(Styles.ACCENT);
        go.setOnAction(e -> viewModel.goToStart());
        VBox box = new VBox(14, icon, title, text, go);
        box.setAlignment(Pos.CENTER);
        box.setId(ID_EMPTY);
        box.getStyleClass().add(StyleClasses.SCREEN);
        return box;
    }

    // ------------------------------------------------------------------ choose what to scan

    private Node choosePane() {
        Label title = new Label("Choose what to scan");
        title.getStyleClass().add(StyleClasses.SCREEN_TITLE);
        Label identity = new Label();
        identity.setId(ID_IDENTITY);
        identity.textProperty().bind(viewModel.identityProperty());
        FontIcon idIcon = new FontIcon(Material2OutlinedMZ.VERIFIED_USER);
        identity.setGraphic(idIcon);
        identity.getStyleClass().add(ScanStyles.IDENTITY);
        viewModel.operatorProperty().addListener((o, a, op) -> identity.pseudoClassStateChanged(ScanStyles.OPERATOR, op));
        identity.pseudoClassStateChanged(ScanStyles.OPERATOR, viewModel.operatorProperty().get());
        Label detail = new Label();
        detail.textProperty().bind(viewModel.identityDetailProperty());
        detail.getStyleClass().add(StyleClasses.HINT);
        VBox head = new VBox(4, title, identity, detail);

        Node problems = problemsNode();
        Node reachError = reachErrorNode();

        Node accounts = accountsCard();
        HBox.setHgrow(accounts, Priority.ALWAYS);
        VBox side = new VBox(16, regionsCard(), roleCard());
        side.setMinWidth(260);
        side.setPrefWidth(320);
        side.setMaxWidth(380);
        HBox body = new HBox(16, accounts, side);
        VBox.setVgrow(body, Priority.ALWAYS);

        Label blocked = new Label();
        blocked.setId(ID_START_BLOCKED);
        blocked.textProperty().bind(viewModel.startBlockedProperty());
        blocked.setGraphic(new FontIcon(Material2OutlinedAL.INFO));
        blocked.getStyleClass().add(ScanStyles.BLOCKED);
        blocked.visibleProperty().bind(viewModel.startBlockedProperty().isNotEmpty());
        Label plan = new Label();
        plan.textProperty().bind(viewModel.planTextProperty());
        plan.getStyleClass().add(StyleClasses.HINT);
        plan.visibleProperty().bind(viewModel.startBlockedProperty().isEmpty());
        StackPane why = new StackPane(plan, blocked);
        why.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(why, Priority.ALWAYS);
        Button start = new Button("Start scan", new FontIcon(Material2OutlinedMZ.PLAY_ARROW));
        start.setId(ID_START);
        start.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        start.setDefaultButton(true);
        start.disableProperty().bind(viewModel.canStartProperty().not());
        start.setOnAction(e -> viewModel.startScan());
        start.setMinWidth(Region.USE_PREF_SIZE);
        HBox footer = new HBox(16, why, start);
        footer.setAlignment(Pos.CENTER_RIGHT);
        footer.getStyleClass().add(ScanStyles.FOOTER);

        VBox pane = new VBox(14, head, reachError, problems, body, footer);
        pane.setId(ID_CHOOSE);
        pane.getStyleClass().add(StyleClasses.SCREEN);
        return pane;
    }

    private Node problemsNode() {
        Label title = new Label("Some of what you can reach could not be listed");
        title.getStyleClass().add(ScanStyles.BANNER_TITLE);
        Label text = new Label();
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(Bindings.createStringBinding(() -> "The lists below may miss accounts or regions; you can still scan what they show."
                + viewModel.problems().stream().map(p -> "\n• " + p).collect(java.util.stream.Collectors.joining()), viewModel.problems()));
        FontIcon icon = new FontIcon(Material2OutlinedMZ.WARNING);
        VBox words = new VBox(2, title, text);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox box = new HBox(10, icon, words);
        box.setId(ID_PROBLEMS);
        box.getStyleClass().addAll(ScanStyles.BANNER, ScanStyles.BANNER_WARNING);
        box.visibleProperty().bind(Bindings.isNotEmpty(viewModel.problems()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node reachErrorNode() {
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(viewModel.reachErrorProperty());
        VBox words = new VBox(2, title("Cannot list the accounts"), text);
        HBox.setHgrow(words, Priority.ALWAYS);
        Button retry = new Button("Try again", new FontIcon(Material2OutlinedMZ.REFRESH));
        retry.setOnAction(e -> viewModel.reloadReach());
        retry.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(10, new FontIcon(Material2OutlinedAL.ERROR_OUTLINE), words, retry);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId(ID_REACH_ERROR);
        box.getStyleClass().addAll(ScanStyles.BANNER, ScanStyles.BANNER_DANGER);
        box.visibleProperty().bind(viewModel.reachErrorProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(ScanStyles.BANNER_TITLE);
        return l;
    }

    private Node accountsCard() {
        Label count = new Label();
        count.setId(ID_ACCOUNTS_TEXT);
        count.textProperty().bind(viewModel.accountsTextProperty());
        count.getStyleClass().add(StyleClasses.HINT);
        HBox head = new HBox(8, cardTitle("Accounts", Material2OutlinedAL.ACCOUNT_TREE), new Spacer(), count);
        head.setAlignment(Pos.CENTER_LEFT);

        CustomTextField filter = new CustomTextField();
        filter.setId(ID_ACCOUNT_FILTER);
        filter.setPromptText("Find by name, account ID or unit");
        filter.setLeft(new FontIcon(Material2OutlinedMZ.SEARCH));
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        Button clear = new Button(null, new FontIcon(Material2OutlinedAL.CLOSE));
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        clear.setOnAction(e -> filter.clear());
        clear.visibleProperty().bind(filter.textProperty().isNotEmpty());
        filter.setRight(clear);
        Label filterHint = new Label();
        filterHint.textProperty().bind(viewModel.filterHintProperty());
        filterHint.getStyleClass().add(StyleClasses.HINT);
        filterHint.visibleProperty().bind(viewModel.filterHintProperty().isNotEmpty());
        filterHint.managedProperty().bind(filterHint.visibleProperty());

        TreeView<AccountNode> tree = new TreeView<>();
        tree.setFixedCellSize(TREE_ROW);
        tree.setId(ID_ACCOUNT_TREE);
        tree.setShowRoot(true);
        tree.setCellFactory(t -> new AccountCell());
        tree.getStyleClass().addAll(ScanStyles.ACCOUNT_TREE, Tweaks.EDGE_TO_EDGE);
        viewModel.shownAccountsProperty().addListener((o, a, t) -> tree.setRoot(t == null ? null : item(t)));
        if (viewModel.shownAccountsProperty().get() != null) {
            tree.setRoot(item(viewModel.shownAccountsProperty().get()));
        }
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(28, 28);
        Label listing = new Label(ScanViewModel.LISTING, spinner);
        listing.setContentDisplay(ContentDisplay.TOP);
        listing.getStyleClass().add(StyleClasses.HINT);
        listing.visibleProperty().bind(viewModel.loadingReachProperty());
        StackPane treeBox = new StackPane(tree, listing);
        treeBox.getStyleClass().add(ScanStyles.TREE_BOX);
        VBox.setVgrow(treeBox, Priority.ALWAYS);

        VBox card = new VBox(10, head, filter, filterHint, treeBox);
        card.getStyleClass().add(StyleClasses.CARD);
        card.setMinWidth(360);
        return card;
    }

    private static TreeItem<AccountNode> item(AccountTree t) {
        TreeItem<AccountNode> i = new TreeItem<>(t.node());
        i.setExpanded(true);
        for (AccountTree c : t.children()) {
            i.getChildren().add(item(c));
        }
        return i;
    }

    /** A line of the account tree: a checkbox with the name, and chips for the status and the signed-in account. */
    private final class AccountCell extends TreeCell<AccountNode> {
        private final CheckBox box = new CheckBox();
        private final Label status = new Label();
        private final Label you = new Label("signed in", new FontIcon(Material2OutlinedAL.ACCOUNT_CIRCLE));
        private final Label count = new Label();
        private final FontIcon kindIcon = new FontIcon();
        private final HBox graphic;
        private final InvalidationListener sync = o -> syncBox();
        private AccountNode bound;

        AccountCell() {
            box.setOnAction(e -> {
                if (bound != null) {
                    viewModel.check(bound, box.isSelected());
                }
            });
            box.setGraphic(kindIcon);
            box.setMnemonicParsing(false);
            status.getStyleClass().addAll(StyleClasses.CHIP, ScanStyles.ACCOUNT_STATUS);
            you.getStyleClass().addAll(StyleClasses.CHIP, ScanStyles.SIGNED_IN);
            you.setTooltip(new Tooltip("The account your profile signs in to"));
            count.getStyleClass().add(StyleClasses.HINT);
            graphic = new HBox(8, box, status, you, count);
            graphic.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(AccountNode item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                bound.checkedProperty().removeListener(sync);
                bound.indeterminateProperty().removeListener(sync);
                bound.checkedAccountsProperty().removeListener(sync);
            }
            bound = empty ? null : item;
            setText(null);
            if (bound == null) {
                setGraphic(null);
                return;
            }
            box.setText(item.kind() == AccountNode.Kind.ACCOUNT ? item.label() : item.name());
            kindIcon.setIconCode(switch (item.kind()) {
                case ALL -> Material2OutlinedAL.ACCOUNT_TREE;
                case UNIT -> Material2OutlinedAL.FOLDER;
                case ACCOUNT -> Material2OutlinedAL.CLOUD_QUEUE;
            });
            kindIcon.getStyleClass().setAll("ikonli-font-icon", ScanStyles.KIND_ICON);
            String chip = item.statusChip();
            status.setText(chip == null ? "" : chip);
            status.setVisible(chip != null);
            status.setManaged(chip != null);
            you.setVisible(item.signedIn());
            you.setManaged(item.signedIn());
            count.setVisible(item.kind() != AccountNode.Kind.ACCOUNT);
            count.setManaged(item.kind() != AccountNode.Kind.ACCOUNT);
            pseudoClassStateChanged(ScanStyles.UNIT, item.kind() != AccountNode.Kind.ACCOUNT);
            Tooltip tip = item.kind() == AccountNode.Kind.ACCOUNT ? new Tooltip(item.label()
                    + (item.path().isEmpty() ? "" : "\nOrganizational unit: " + item.path())
                    + (item.roles().isEmpty() ? "" : "\nRoles you may take: " + String.join(", ", item.roles()))) : null;
            setTooltip(tip);
            bound.checkedProperty().addListener(sync);
            bound.indeterminateProperty().addListener(sync);
            bound.checkedAccountsProperty().addListener(sync);
            syncBox();
            setGraphic(graphic);
        }

        private void syncBox() {
            if (bound == null) {
                return;
            }
            box.setIndeterminate(bound.indeterminate());
            box.setSelected(bound.checked());
            count.setText(bound.countText());
        }
    }

    private Node regionsCard() {
        Label count = new Label();
        count.textProperty().bind(viewModel.regionsTextProperty());
        count.getStyleClass().add(StyleClasses.HINT);
        Button all = new Button("Select all");
        all.setId(ID_ALL_REGIONS);
        all.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.ACCENT);
        all.setOnAction(e -> viewModel.selectAllRegions());
        Button none = new Button("None");
        none.setId(ID_NO_REGIONS);
        none.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.ACCENT);
        none.setOnAction(e -> viewModel.selectNoRegions());
        HBox head = new HBox(4, cardTitle("Regions", Material2OutlinedMZ.PUBLIC), new Spacer(), all, none);
        head.setAlignment(Pos.CENTER_LEFT);

        VBox list = new VBox(2);
        list.setId(ID_REGIONS);
        list.getStyleClass().add(ScanStyles.REGION_LIST);
        Runnable fill = () -> list.getChildren().setAll(viewModel.regions().stream().map(ScanView::regionLine).toList());
        viewModel.regions().addListener((ListChangeListener<RegionOption>) c -> fill.run());
        fill.run();
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(ScanStyles.REGION_SCROLL);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label hint = new Label("All checked: each account's enabled regions when the scan runs.");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add(StyleClasses.HINT);

        VBox card = new VBox(8, head, count, scroll, hint);
        card.getStyleClass().add(StyleClasses.CARD);
        card.setMinHeight(130);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        return card;
    }

    private static Node regionLine(RegionOption r) {
        CheckBox box = new CheckBox(r.region());
        box.selectedProperty().bindBidirectional(r.selectedProperty());
        box.setMnemonicParsing(false);
        box.setUserData(r.region());
        Label name = new Label(r.displayName());
        name.getStyleClass().add(StyleClasses.HINT);
        HBox line = new HBox(8, box, new Spacer(), name);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add(ScanStyles.REGION_LINE);
        return line;
    }

    private Node roleCard() {
        ComboBox<RoleOption> combo = new ComboBox<>(viewModel.roles());
        combo.setId(ID_ROLE);
        combo.valueProperty().bindBidirectional(viewModel.roleProperty());
        combo.setMaxWidth(Double.MAX_VALUE);
        Label hint = new Label("Automatic: the profile's role where an account offers it, else a read-only one."
                + " A scan only reads.");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add(StyleClasses.HINT);
        VBox card = new VBox(8, cardTitle("Role in the other accounts", Material2OutlinedAL.ASSIGNMENT_IND), combo, hint);
        card.getStyleClass().add(StyleClasses.CARD);
        card.visibleProperty().bind(viewModel.roleChoiceProperty());
        card.managedProperty().bind(card.visibleProperty());
        card.setMinHeight(Region.USE_PREF_SIZE);
        return card;
    }

    private static HBox cardTitle(String text, Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add(ScanStyles.CARD_ICON);
        Label l = new Label(text);
        l.getStyleClass().add(StyleClasses.CARD_TITLE);
        HBox box = new HBox(8, icon, l);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    // ------------------------------------------------------------------ a scan running

    private Node runningPane() {
        Label title = new Label();
        title.textProperty().bind(Bindings.when(viewModel.cancelRequestedProperty()).then("Cancelling the scan…").otherwise("Scanning"));
        title.getStyleClass().add(StyleClasses.SCREEN_TITLE);
        Label phase = new Label();
        phase.setId(ID_PHASE);
        phase.textProperty().bind(viewModel.phaseTextProperty());
        phase.getStyleClass().add(StyleClasses.SCREEN_SUBTITLE);
        phase.setWrapText(true);
        phase.setMinHeight(Region.USE_PREF_SIZE);
        VBox words = new VBox(4, title, phase);
        HBox.setHgrow(words, Priority.ALWAYS);
        Button cancel = new Button("Cancel scan", new FontIcon(Material2OutlinedMZ.STOP));
        cancel.setId(ID_CANCEL);
        cancel.getStyleClass().addAll(Styles.DANGER, Styles.LARGE);
        cancel.setCancelButton(true);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.disableProperty().bind(viewModel.cancelRequestedProperty());
        cancel.setOnAction(e -> viewModel.cancel());
        Tooltip.install(cancel, new Tooltip("Stops reading. What was read is kept as a partial capture; the rest is marked unread."));
        HBox head = new HBox(16, words, cancel);
        head.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar();
        bar.setId(ID_PROGRESS_BAR);
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add(Styles.LARGE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label percent = new Label();
        percent.textProperty().bind(viewModel.percentProperty());
        percent.getStyleClass().add(ScanStyles.PERCENT);
        percent.setMinWidth(Region.USE_PREF_SIZE);
        HBox barLine = new HBox(12, bar, percent);
        barLine.setAlignment(Pos.CENTER_LEFT);
        Label numbers = new Label();
        numbers.setId(ID_PROGRESS_TEXT);
        numbers.textProperty().bind(viewModel.progressTextProperty());
        numbers.getStyleClass().add(ScanStyles.PROGRESS_TEXT);
        numbers.setWrapText(true);
        numbers.setMinHeight(Region.USE_PREF_SIZE);
        Label elapsed = new Label();
        elapsed.textProperty().bind(viewModel.elapsedTextProperty());
        elapsed.setGraphic(new FontIcon(Material2OutlinedMZ.TIMER));
        elapsed.getStyleClass().add(StyleClasses.HINT);
        VBox progressCard = new VBox(10, barLine, numbers, elapsed);
        progressCard.getStyleClass().add(StyleClasses.CARD);

        Label cancelling = new Label("What was read so far is kept as a partial capture in Redoubt's home. The accounts and regions not"
                + " finished are marked in it, so their checks report UNKNOWN until a scan reads them.");
        cancelling.setWrapText(true);
        cancelling.setMinHeight(Region.USE_PREF_SIZE);
        HBox cancelNote = new HBox(10, new FontIcon(Material2OutlinedAL.INFO), cancelling);
        cancelNote.setId(ID_CANCELLING);
        cancelNote.getStyleClass().addAll(ScanStyles.BANNER, ScanStyles.BANNER_INFO);
        cancelNote.visibleProperty().bind(viewModel.cancelRequestedProperty());
        cancelNote.managedProperty().bind(cancelNote.visibleProperty());

        Label scopesText = new Label();
        scopesText.textProperty().bind(viewModel.scopesTextProperty());
        scopesText.getStyleClass().add(StyleClasses.HINT);
        ToggleGroup order = new ToggleGroup();
        ToggleButton runningFirst = new ToggleButton(ScanViewModel.ScopeOrder.RUNNING_FIRST.toString());
        ToggleButton byAccount = new ToggleButton(ScanViewModel.ScopeOrder.BY_ACCOUNT.toString());
        runningFirst.setUserData(ScanViewModel.ScopeOrder.RUNNING_FIRST);
        byAccount.setUserData(ScanViewModel.ScopeOrder.BY_ACCOUNT);
        runningFirst.getStyleClass().addAll(Styles.LEFT_PILL, Styles.SMALL);
        byAccount.getStyleClass().addAll(Styles.RIGHT_PILL, Styles.SMALL);
        runningFirst.setToggleGroup(order);
        byAccount.setToggleGroup(order);
        order.selectToggle(viewModel.scopeOrderProperty().get() == ScanViewModel.ScopeOrder.BY_ACCOUNT ? byAccount : runningFirst);
        order.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                order.selectToggle(a);
            } else {
                viewModel.scopeOrderProperty().set((ScanViewModel.ScopeOrder) t.getUserData());
            }
        });
        HBox sort = new HBox(runningFirst, byAccount);
        sort.setMinWidth(Region.USE_PREF_SIZE);
        HBox scopesHead = new HBox(12, cardTitle("Accounts and regions", Material2OutlinedAL.ACCOUNT_TREE), new Spacer(), sort);
        scopesHead.setAlignment(Pos.CENTER_LEFT);
        TableView<ScopeRow> table = scopesTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox scopesCard = new VBox(8, scopesHead, scopesText, table);
        scopesCard.getStyleClass().add(StyleClasses.CARD);
        VBox.setVgrow(scopesCard, Priority.ALWAYS);

        VBox pane = new VBox(14, head, progressCard, cancelNote, scopesCard);
        pane.setId(ID_RUNNING);
        pane.getStyleClass().add(StyleClasses.SCREEN);
        return pane;
    }

    private TableView<ScopeRow> scopesTable() {
        TableView<ScopeRow> table = new TableView<>(viewModel.scopeRows());
        // A fixed row height spares the table measuring every row at each update, which held the FX thread up to seconds while a scan ran.
        table.setFixedCellSize(TABLE_ROW);
        table.setId(ID_SCOPES);
        table.getStyleClass().addAll(Styles.DENSE, ScanStyles.SCOPE_TABLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label("Each account and region appears here once the scan knows of it.");
        placeholder.getStyleClass().add(StyleClasses.HINT);
        table.setPlaceholder(placeholder);

        TableColumn<ScopeRow, ScopeRow> account = column("Account", r -> r);
        account.setCellFactory(c -> new TableCell<>() {
            // One tooltip per cell, its text changed: a Tooltip is a window, too heavy to build five times a second per row.
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(ScopeRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.account());
                if (empty || r == null) {
                    setTooltip(null);
                } else {
                    tip.setText(r.account() + " (" + r.accountId() + ")");
                    setTooltip(tip);
                }
            }
        });
        account.setPrefWidth(220);
        account.setMinWidth(110);
        TableColumn<ScopeRow, String> region = column("Region", ScopeRow::region);
        region.setPrefWidth(120);
        region.setMinWidth(105);
        TableColumn<ScopeRow, ScopeRow> state = stateColumn(ScopeRow::stateText, ScanView::stateIcon, ScanView::stateClass);
        state.setPrefWidth(140);
        state.setMinWidth(105);
        // the row itself, so a cell is redrawn when the vaults found change and those read do not
        TableColumn<ScopeRow, ScopeRow> vaults = column("Vaults", r -> r);
        vaults.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ScopeRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.vaultsText());
            }
        });
        vaults.setComparator(java.util.Comparator.comparingInt(ScopeRow::vaults));
        vaults.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        vaults.setPrefWidth(80);
        vaults.setMinWidth(72);
        TableColumn<ScopeRow, Number> points = numberColumn("Recovery points", ScopeRow::recoveryPoints);
        points.setPrefWidth(130);
        TableColumn<ScopeRow, Number> errors = numberColumn("Errors", ScopeRow::readErrors);
        errors.setPrefWidth(90);
        errors.setMinWidth(72);
        points.setMinWidth(135);
        TableColumn<ScopeRow, ScopeRow> bar = column("Progress", r -> r);
        bar.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar p = new ProgressBar();

            {
                p.getStyleClass().add(Styles.SMALL);
                p.setMaxWidth(Double.MAX_VALUE);
            }

            @Override
            protected void updateItem(ScopeRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                p.setProgress(r.fraction());
                p.pseudoClassStateChanged(ScanStyles.FINISHED, r.state() == ScanStatus.State.DONE);
                p.pseudoClassStateChanged(ScanStyles.STOPPED, r.state() == ScanStatus.State.CANCELLED);
                setGraphic(p);
            }
        });
        bar.setPrefWidth(140);
        bar.setMinWidth(92);
        table.getColumns().addAll(java.util.List.of(account, region, state, vaults, points, errors, bar));
        return table;
    }

    private static Ikon stateIcon(ScopeRow r) {
        return switch (r.state()) {
            case WAITING -> Material2OutlinedMZ.SCHEDULE;
            case READING -> Material2OutlinedMZ.SYNC;
            case DONE -> r.readErrors() == 0 ? Material2OutlinedAL.CHECK_CIRCLE : Material2OutlinedMZ.WARNING;
            case CANCELLED -> Material2OutlinedAL.BLOCK;
        };
    }

    private static String stateClass(ScopeRow r) {
        return switch (r.state()) {
            case WAITING -> ScanStyles.STATE_WAITING;
            case READING -> ScanStyles.STATE_READING;
            case DONE -> r.readErrors() == 0 ? ScanStyles.STATE_DONE : ScanStyles.STATE_ERRORS;
            case CANCELLED -> ScanStyles.STATE_CANCELLED;
        };
    }

    // ------------------------------------------------------------------ after a scan

    private Node donePane() {
        FontIcon outcomeIcon = new FontIcon();
        outcomeIcon.getStyleClass().add(ScanStyles.OUTCOME_ICON);
        Label headline = new Label();
        headline.setId(ID_HEADLINE);
        headline.getStyleClass().add(StyleClasses.SCREEN_TITLE);
        headline.setWrapText(true);
        Label explanation = new Label();
        explanation.getStyleClass().add(StyleClasses.SCREEN_SUBTITLE);
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        VBox words = new VBox(4, headline, explanation);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox head = new HBox(14, outcomeIcon, words);
        head.setAlignment(Pos.TOP_LEFT);

        Button overview = new Button("Open the overview", new FontIcon(Material2OutlinedAL.DASHBOARD));
        overview.setId(ID_OPEN_OVERVIEW);
        overview.getStyleClass().add(Styles.ACCENT);
        overview.setOnAction(e -> viewModel.openOverview());
        Button refresh = new Button("Refresh (read only what changed)", new FontIcon(Material2OutlinedMZ.REFRESH));
        refresh.setId(ID_REFRESH);
        refresh.disableProperty().bind(viewModel.canRefreshProperty().not());
        refresh.setOnAction(e -> viewModel.refresh());
        Button rescan = new Button("Scan again", new FontIcon(Material2OutlinedMZ.PLAY_ARROW));
        rescan.setId(ID_SCAN_AGAIN);
        rescan.disableProperty().bind(viewModel.canStartProperty().not());
        rescan.setOnAction(e -> viewModel.scanAgain());
        rescan.managedProperty().bind(rescan.visibleProperty());
        refresh.managedProperty().bind(refresh.visibleProperty());
        Button again = new Button("Choose what to scan…", new FontIcon(Material2OutlinedMZ.TUNE));
        again.setId(ID_NEW_SCAN);
        again.getStyleClass().add(Styles.FLAT);
        again.setOnAction(e -> viewModel.newScan());
        again.visibleProperty().bind(viewModel.identityProperty().isNotEmpty());
        again.managedProperty().bind(again.visibleProperty());
        HBox buttons = new HBox(10, overview, refresh, rescan, new Spacer(), again);
        buttons.setAlignment(Pos.CENTER_LEFT);

        HBox stats = new HBox(8);
        stats.getStyleClass().add(ScanStyles.STATS);
        Label[] values = new Label[6];
        String[] names = {"Accounts", "Regions", "Vaults", "Recovery points", "API calls", "Time"};
        for (int i = 0; i < values.length; i++) {
            values[i] = new Label();
            values[i].getStyleClass().add(ScanStyles.STAT_VALUE);
            Label name = new Label(names[i]);
            name.getStyleClass().add(ScanStyles.STAT_LABEL);
            name.setMinWidth(Region.USE_PREF_SIZE);
            VBox tile = new VBox(2, values[i], name);
            tile.getStyleClass().add(ScanStyles.STAT);
            tile.setMinWidth(Region.USE_PREF_SIZE);
            tile.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(tile, Priority.ALWAYS);
            stats.getChildren().add(tile);
        }
        TextField capture = copyable(ID_CAPTURE);
        TextField sha = copyable(ID_SHA256);
        GridPane file = new GridPane();
        file.setHgap(12);
        file.setVgap(4);
        file.addRow(0, fieldName("Capture"), capture);
        file.addRow(1, fieldName("SHA-256"), sha);
        GridPane.setHgrow(capture, Priority.ALWAYS);
        GridPane.setHgrow(sha, Priority.ALWAYS);
        file.getStyleClass().add(ScanStyles.CAPTURE);
        Label outcomeChip = new Label();
        outcomeChip.getStyleClass().add(StyleClasses.CHIP);
        HBox summaryHead = new HBox(10, cardTitle("Summary", Material2OutlinedAL.DESCRIPTION), outcomeChip);
        summaryHead.setAlignment(Pos.CENTER_LEFT);
        VBox summaryCard = new VBox(12, summaryHead, stats, file);
        summaryCard.getStyleClass().add(StyleClasses.CARD);
        file.managedProperty().bind(file.visibleProperty());

        Label unreadCount = new Label();
        unreadCount.getStyleClass().add(StyleClasses.HINT);
        HBox unreadHead = new HBox(12, cardTitle("Scopes that could not be read", Material2OutlinedMZ.SYNC_PROBLEM), unreadCount);
        unreadHead.setAlignment(Pos.CENTER_LEFT);
        TableView<UnreadRow> unread = unreadTable();
        VBox.setVgrow(unread, Priority.ALWAYS);
        Label allRead = new Label("Everything was read: no scope was refused or left unfinished.", new FontIcon(Material2OutlinedAL.CHECK_CIRCLE));
        allRead.getStyleClass().add(ScanStyles.ALL_READ);
        VBox unreadCard = new VBox(10, unreadHead, unread);
        unreadCard.getStyleClass().add(StyleClasses.CARD);
        VBox.setVgrow(unreadCard, Priority.ALWAYS);
        allRead.managedProperty().bind(allRead.visibleProperty());
        unreadCard.managedProperty().bind(unreadCard.visibleProperty());

        Label readCount = new Label();
        readCount.getStyleClass().add(StyleClasses.HINT);
        readCount.textProperty().bind(Bindings.createStringBinding(
                () -> ScanTexts.count(viewModel.read().size(), "account and region", "accounts and regions"), viewModel.read()));
        HBox readHead = new HBox(12, cardTitle("Read per account and region", Material2OutlinedAL.ACCOUNT_TREE), readCount);
        readHead.setAlignment(Pos.CENTER_LEFT);
        TableView<ReadRow> readTable = readTable();
        VBox.setVgrow(readTable, Priority.ALWAYS);
        VBox readCard = new VBox(10, readHead, readTable);
        readCard.getStyleClass().add(StyleClasses.CARD);
        VBox.setVgrow(readCard, Priority.ALWAYS);

        VBox pane = new VBox(14, head, buttons, summaryCard, allRead, unreadCard, readCard);
        pane.setId(ID_DONE);
        pane.getStyleClass().add(StyleClasses.SCREEN);
        unread.setMinHeight(140);
        readTable.setMinHeight(120);

        Runnable fill = () -> {
            ScanSummary s = viewModel.summaryProperty().get();
            if (s == null) {
                return;
            }
            headline.setText(s.headline());
            boolean cancelled = s.outcome() == ScanOutcome.Outcome.CANCELLED;
            rescan.setVisible(cancelled);
            refresh.setVisible(!cancelled);
            explanation.setText(s.explanation());
            outcomeIcon.setIconCode(switch (s.outcome()) {
                case COMPLETE -> Material2OutlinedAL.CHECK_CIRCLE;
                case PARTIAL -> Material2OutlinedMZ.WARNING;
                case CANCELLED -> Material2OutlinedAL.BLOCK;
            });
            String kind = switch (s.outcome()) {
                case COMPLETE -> ScanStyles.OUTCOME_COMPLETE;
                case PARTIAL -> ScanStyles.OUTCOME_PARTIAL;
                case CANCELLED -> ScanStyles.OUTCOME_CANCELLED;
            };
            head.getStyleClass().removeAll(ScanStyles.OUTCOME_COMPLETE, ScanStyles.OUTCOME_PARTIAL, ScanStyles.OUTCOME_CANCELLED);
            head.getStyleClass().add(kind);
            outcomeChip.setText(switch (s.outcome()) {
                case COMPLETE -> "COMPLETE";
                case PARTIAL -> "PARTIAL";
                case CANCELLED -> "CANCELLED · PARTIAL";
            });
            outcomeChip.getStyleClass().setAll("label", StyleClasses.CHIP,
                    s.outcome() == ScanOutcome.Outcome.COMPLETE ? StyleClasses.STATUS_PASS : ScanStyles.CHIP_WARNING);
            values[0].setText(ScanTexts.count(s.accounts()));
            values[1].setText(ScanTexts.count(s.regions()));
            values[2].setText(ScanTexts.count(s.vaults()));
            values[3].setText(ScanTexts.count(s.recoveryPoints()));
            values[4].setText(ScanTexts.count(s.apiCalls()));
            values[5].setText(s.time());
            file.setVisible(s.capture() != null);
            capture.setText(s.capture() == null ? "" : s.capture());
            sha.setText(s.sha256() == null ? "" : s.sha256());
            int refused = s.unread() - s.notFinished();
            unreadCount.setText(s.notFinished() == 0 ? ScanTexts.count(s.unread(), "scope", "scopes")
                    : refused == 0 ? ScanTexts.count(s.notFinished(), "scope", "scopes") + " not finished"
                    : ScanTexts.count(refused, "refused or failed", "refused or failed") + ", " + ScanTexts.count(s.notFinished()) + " not finished");
            allRead.setVisible(s.unread() == 0);
            unreadCard.setVisible(s.unread() > 0);
        };
        viewModel.summaryProperty().addListener((o, a, b) -> fill.run());
        fill.run();
        // Tables fill the window; in a small one the pane scrolls rather than squeezing them to a line.
        ScrollPane scroll = new ScrollPane(pane);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, ScanStyles.PANE_SCROLL);
        return scroll;
    }

    private static Label fieldName(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(ScanStyles.FIELD_NAME);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A value to read and copy, that looks like text. */
    private static TextField copyable(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setEditable(false);
        f.getStyleClass().addAll(StyleClasses.MONO, ScanStyles.COPYABLE);
        return f;
    }

    private TableView<UnreadRow> unreadTable() {
        TableView<UnreadRow> table = new TableView<>(viewModel.unread());
        table.setFixedCellSize(TABLE_ROW);
        table.setId(ID_UNREAD);
        table.getStyleClass().addAll(Styles.DENSE, ScanStyles.UNREAD_TABLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<UnreadRow, UnreadRow> reason = column("Why", r -> r);
        reason.setCellFactory(c -> new TableCell<>() {
            private final Label chip = new Label();

            @Override
            protected void updateItem(UnreadRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                chip.setText(r.reason().label());
                chip.getStyleClass().setAll("label", StyleClasses.CHIP, switch (r.reason()) {
                    case NOT_FINISHED -> StyleClasses.STATUS_UNKNOWN;
                    case REFUSED -> StyleClasses.STATUS_FAIL;
                    case FAILED -> ScanStyles.CHIP_WARNING;
                });
                chip.setTooltip(new Tooltip(switch (r.reason()) {
                    case NOT_FINISHED -> "The scan was cancelled before it read this.";
                    case REFUSED -> "AWS refused the call: the role may not read this.";
                    case FAILED -> "The call failed; scanning again may read it.";
                }));
                setGraphic(chip);
            }
        });
        reason.setPrefWidth(120);
        reason.setMinWidth(115);
        TableColumn<UnreadRow, String> account = textColumn("Account", UnreadRow::account, false);
        account.setPrefWidth(210);
        TableColumn<UnreadRow, String> region = column("Region", UnreadRow::region);
        region.setPrefWidth(110);
        region.setMinWidth(100);
        account.setMinWidth(120);
        TableColumn<UnreadRow, String> scope = textColumn("Scope", UnreadRow::scope, true);
        scope.setCellFactory(col -> {
            TableCell<UnreadRow, String> cell = textCell(true);
            cell.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            return cell;
        });
        scope.setPrefWidth(200);
        TableColumn<UnreadRow, String> operation = textColumn("Operation", UnreadRow::operation, false);
        operation.setPrefWidth(190);
        TableColumn<UnreadRow, String> code = textColumn("Error code", UnreadRow::errorCode, false);
        code.setPrefWidth(150);
        code.setMinWidth(110);
        scope.setMinWidth(110);
        operation.setMinWidth(100);
        TableColumn<UnreadRow, String> message = textColumn("AWS's message", UnreadRow::message, false);
        message.setPrefWidth(320);
        message.setMinWidth(160);
        table.getColumns().addAll(java.util.List.of(reason, account, region, scope, operation, code, message));
        return table;
    }

    private TableView<ReadRow> readTable() {
        TableView<ReadRow> table = new TableView<>(viewModel.read());
        table.setId(ID_READ);
        table.setFixedCellSize(TABLE_ROW);
        table.getStyleClass().addAll(Styles.DENSE, ScanStyles.SCOPE_TABLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ReadRow, String> account = textColumn("Account", ReadRow::account, false);
        account.setPrefWidth(260);
        TableColumn<ReadRow, String> region = column("Region", ReadRow::region);
        region.setPrefWidth(130);
        TableColumn<ReadRow, Number> vaults = numberColumn("Vaults", ReadRow::vaults);
        vaults.setPrefWidth(80);
        TableColumn<ReadRow, Number> points = numberColumn("Recovery points", ReadRow::recoveryPoints);
        points.setPrefWidth(140);
        points.setMinWidth(135);
        TableColumn<ReadRow, ReadRow> state = stateColumn(ReadRow::stateText,
                r -> r.unfinished() ? Material2OutlinedAL.BLOCK : r.unread() == 0 ? Material2OutlinedAL.CHECK_CIRCLE : Material2OutlinedMZ.WARNING,
                r -> r.unfinished() ? ScanStyles.STATE_CANCELLED : r.unread() == 0 ? ScanStyles.STATE_DONE : ScanStyles.STATE_ERRORS);
        state.setPrefWidth(160);
        table.getColumns().addAll(java.util.List.of(account, region, vaults, points, state));
        return table;
    }

    // ------------------------------------------------------------------ table helpers

    /** A "State" column: an icon coloured by its style class, and the state in words; the style set only when it changes. */
    private static <S> TableColumn<S, S> stateColumn(Function<S, String> text, Function<S, Ikon> iconOf, Function<S, String> styleOf) {
        TableColumn<S, S> state = column("State", r -> r);
        state.setCellFactory(c -> new TableCell<>() {
            private final FontIcon icon = new FontIcon();

            @Override
            protected void updateItem(S r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(text.apply(r));
                icon.setIconCode(iconOf.apply(r));
                String style = styleOf.apply(r);
                if (!icon.getStyleClass().contains(style)) {
                    icon.getStyleClass().setAll("ikonli-font-icon", ScanStyles.STATE_ICON, style);
                }
                setGraphic(icon);
            }
        });
        return state;
    }

    private static <S, T> TableColumn<S, T> column(String title, Function<S, T> value) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setReorderable(false);
        return c;
    }

    /** Text that may be long: cut with an ellipsis, whole in a tooltip; monospaced for identifiers when asked. */
    private static <S> TableColumn<S, String> textColumn(String title, Function<S, String> value, boolean mono) {
        TableColumn<S, String> c = column(title, value);
        c.setCellFactory(col -> textCell(mono));
        return c;
    }

    private static <S> TableCell<S, String> textCell(boolean mono) {
        TableCell<S, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null || s.isEmpty() ? null : new Tooltip(s));
            }
        };
        if (mono) {
            cell.getStyleClass().add(StyleClasses.MONO);
        }
        return cell;
    }

    private static <S> TableColumn<S, Number> numberColumn(String title, Function<S, Number> value) {
        TableColumn<S, Number> c = column(title, value);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : ScanTexts.count(n.longValue()));
            }
        });
        c.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        return c;
    }
}
