package dev.redoubt.ui.shell;

import atlantafx.base.controls.ModalPane;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.redoubt.ui.AppIcon;
import dev.redoubt.ui.StyleClasses;
import dev.redoubt.ui.navigation.Destination;
import dev.redoubt.ui.tasks.RunningTask;
import dev.redoubt.ui.workspace.Notice;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The main window's frame: header (estate, scope, freshness, mode badge, identity), navigation with
 * badges, the screen on show, notices, a modal layer for dialogs, and a status bar with the running
 * tasks. Screens are built on their first visit and told when they are shown and hidden.
 */
public final class ShellView {
    public static final String ID_SHELL = "shell";
    public static final String ID_TOP_BAR = "topBar";
    public static final String ID_PRODUCT_NAME = "productName";
    public static final String ID_ESTATE_NAME = "estateName";
    public static final String ID_SCOPE = "scope";
    public static final String ID_FRESHNESS = "freshness";
    public static final String ID_MODE = "mode";
    public static final String ID_IDENTITY = "identity";
    public static final String ID_NAVIGATION = "navigation";
    public static final String ID_CONTENT = "content";
    public static final String ID_NOTICES = "notices";
    public static final String ID_STATUS_BAR = "statusBar";
    public static final String ID_TASKS = "tasks";
    public static final String ID_VERSION = "version";
    public static final String ID_BACK = "back";
    public static final String ID_FORWARD = "forward";

    private static final double HEADER_ICON_SIZE = 30;

    private final ShellViewModel viewModel;
    private final Map<Destination, ScreenEntry> entries = new LinkedHashMap<>();
    private final Map<Destination, Screen> built = new HashMap<>();
    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final StackPane screenHolder = new StackPane();
    private final VBox noticeStack = new VBox();
    private final ModalPane modal = new ModalPane();
    private final ListView<NavigationItem> navigation;
    private Screen current;
    private final Map<javafx.scene.input.KeyCombination, Runnable> shortcuts = new LinkedHashMap<>();
    private final HBox headerActions = new HBox(6);

    public ShellView(ShellViewModel viewModel, List<ScreenEntry> screens) {
        this.viewModel = viewModel;
        screens.forEach(e -> entries.put(e.destination(), e));
        root.setId(ID_SHELL);
        root.getStyleClass().add(StyleClasses.SHELL);
        navigation = new ListView<>(viewModel.navigation());
        frame.setTop(topBar());
        frame.setLeft(navigationPane());
        frame.setCenter(content());
        frame.setBottom(statusBar());
        // Dialogs appear at once, centred: no slide-in that a screenshot or a quick user would catch halfway.
        modal.setAlignment(Pos.CENTER);
        modal.setInTransitionFactory(null);
        modal.setOutTransitionFactory(null);
        root.getChildren().addAll(frame, modal);
        // Back and forward as in a browser: Alt+Left/Right and the mouse's side buttons, wherever the focus is.
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (var s : shortcuts.entrySet()) {
                if (s.getKey().match(e)) {
                    s.getValue().run();
                    e.consume();
                    return;
                }
            }
            if (e.isAltDown() && !e.isControlDown() && !e.isShiftDown() && (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT)) {
                if (e.getCode() == KeyCode.LEFT) {
                    viewModel.back();
                } else {
                    viewModel.forward();
                }
                e.consume();
            }
        });
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.BACK) {
                viewModel.back();
                e.consume();
            } else if (e.getButton() == MouseButton.FORWARD) {
                viewModel.forward();
                e.consume();
            }
        });
        viewModel.selectedProperty().addListener((o, old, now) -> showScreen(now));
        if (viewModel.selected().isPresent()) {
            showScreen(viewModel.selected().get());
        }
        // "3 min ago" must keep its meaning while the window stays open.
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(30), e -> viewModel.refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    public Parent root() {
        return root;
    }

    /** The screen on show, once built. */
    public Screen current() {
        return current;
    }

    /** Runs {@code action} on a key combination, wherever the focus is in the window. */
    public void addShortcut(javafx.scene.input.KeyCombination combination, Runnable action) {
        shortcuts.put(combination, action);
    }

    /** Adds a button to the header, before the mode badge (the search's). */
    public void addHeaderAction(Node node) {
        headerActions.getChildren().add(node);
    }

    /** True while {@code content} is the dialog on show. */
    public boolean showsModal(Node content) {
        return modal.isDisplay() && modal.getContent() == content;
    }

    /** Shows a dialog over the window (the SSO sign-in); the window behind stays visible but inactive. */
    public void showModal(Node content) {
        modal.show(content);
    }

    public void hideModal() {
        modal.hide(true);
    }

    private void showScreen(Destination destination) {
        if (destination == null) {
            return;
        }
        ScreenEntry entry = entries.get(destination);
        if (entry == null) {
            return;
        }
        Screen next = built.computeIfAbsent(destination, d -> entry.factory().get());
        if (next == current) {
            return;
        }
        if (current != null) {
            current.hidden();
        }
        current = next;
        screenHolder.getChildren().setAll(next.root());
        next.shown();
        if (navigation.getSelectionModel().getSelectedItem() == null
                || !navigation.getSelectionModel().getSelectedItem().destination().equals(destination)) {
            for (NavigationItem item : navigation.getItems()) {
                if (item.destination().equals(destination)) {
                    navigation.getSelectionModel().select(item);
                }
            }
        }
    }

    private HBox topBar() {
        ImageView icon = new ImageView(AppIcon.image(64));
        icon.setFitWidth(HEADER_ICON_SIZE);
        icon.setFitHeight(HEADER_ICON_SIZE);
        icon.setSmooth(true);

        Label product = new Label(viewModel.productName());
        product.setId(ID_PRODUCT_NAME);
        product.getStyleClass().add(StyleClasses.PRODUCT_NAME);
        product.setMinWidth(Region.USE_PREF_SIZE);

        Label estate = new Label();
        estate.setId(ID_ESTATE_NAME);
        estate.textProperty().bind(viewModel.estateNameProperty());
        estate.getStyleClass().add(StyleClasses.ESTATE_NAME);
        Tooltip origin = new Tooltip();
        origin.textProperty().bind(viewModel.originProperty());
        estate.setTooltip(origin);

        Label scope = new Label();
        scope.setId(ID_SCOPE);
        scope.textProperty().bind(viewModel.scopeProperty());
        scope.getStyleClass().add(StyleClasses.ESTATE_DETAIL);
        Label freshness = new Label();
        freshness.setId(ID_FRESHNESS);
        freshness.textProperty().bind(viewModel.freshnessProperty());
        freshness.getStyleClass().add(StyleClasses.ESTATE_DETAIL);
        freshness.setGraphic(new FontIcon(Material2OutlinedMZ.SCHEDULE));
        freshness.visibleProperty().bind(freshness.textProperty().isNotEmpty());
        // In a narrow window these lines are cut short: the whole text stays a hover away.
        for (Label l : new Label[] {scope, freshness}) {
            Tooltip whole = new Tooltip();
            whole.textProperty().bind(l.textProperty());
            l.setTooltip(whole);
        }
        HBox details = new HBox(14, scope, freshness);
        details.setAlignment(Pos.CENTER_LEFT);
        VBox estateBox = new VBox(1, estate, details);
        estateBox.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(estateBox, Priority.SOMETIMES);
        estateBox.setMinWidth(0);

        Label mode = new Label();
        mode.setId(ID_MODE);
        mode.textProperty().bind(viewModel.modeBadgeProperty());
        mode.getStyleClass().addAll(StyleClasses.MODE_BADGE, StyleClasses.MODE_AUDITOR);
        FontIcon modeIcon = new FontIcon(Material2OutlinedMZ.VERIFIED_USER);
        mode.setGraphic(modeIcon);
        mode.setMinWidth(Region.USE_PREF_SIZE);
        viewModel.operatorProperty().addListener((o, a, operator) -> styleMode(mode, modeIcon, operator));
        styleMode(mode, modeIcon, viewModel.operatorProperty().get());

        Label identity = new Label();
        identity.setId(ID_IDENTITY);
        identity.textProperty().bind(viewModel.identityProperty());
        identity.setGraphic(new FontIcon(Material2OutlinedAL.ACCOUNT_CIRCLE));
        identity.getStyleClass().add(StyleClasses.TOP_BAR_ITEM);
        identity.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(viewModel.identityDetailProperty());
        identity.setTooltip(tip);

        Button back = historyButton(ID_BACK, Material2OutlinedAL.ARROW_BACK, "Back (Alt+Left)", viewModel.canGoBackProperty(), viewModel::back);
        Button forward = historyButton(ID_FORWARD, Material2OutlinedAL.ARROW_FORWARD, "Forward (Alt+Right)", viewModel.canGoForwardProperty(),
                viewModel::forward);
        HBox history = new HBox(2, back, forward);
        history.setAlignment(Pos.CENTER_LEFT);
        history.setMinWidth(Region.USE_PREF_SIZE);

        headerActions.setAlignment(Pos.CENTER_LEFT);
        headerActions.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(icon, product, history, new Separator(Orientation.VERTICAL), estateBox, new Spacer(), headerActions, mode, identity);
        bar.setId(ID_TOP_BAR);
        bar.getStyleClass().add(StyleClasses.TOP_BAR);
        return bar;
    }

    private static Button historyButton(String id, org.kordamp.ikonli.Ikon icon, String tip,
                                        javafx.beans.value.ObservableBooleanValue enabled, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.disableProperty().bind(javafx.beans.binding.Bindings.not(enabled));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static void styleMode(Label mode, FontIcon icon, boolean operator) {
        mode.getStyleClass().removeAll(StyleClasses.MODE_AUDITOR, StyleClasses.MODE_OPERATOR);
        mode.getStyleClass().add(operator ? StyleClasses.MODE_OPERATOR : StyleClasses.MODE_AUDITOR);
        icon.setIconCode(operator ? Material2OutlinedMZ.WARNING : Material2OutlinedMZ.VERIFIED_USER);
    }

    private VBox navigationPane() {
        navigation.setId(ID_NAVIGATION);
        navigation.getStyleClass().addAll(StyleClasses.NAVIGATION_LIST, Tweaks.EDGE_TO_EDGE);
        navigation.setCellFactory(v -> new NavigationCell());
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && viewModel.selected().filter(item.destination()::equals).isPresent()) {
                return; // the shell moved there itself (a link, back, forward): the place already holds what it shows
            }
            if (item != null && !viewModel.select(item.destination())) {
                // Not available now (no estate open yet): stay where we are.
                javafx.application.Platform.runLater(() -> navigation.getSelectionModel().select(old));
            }
        });
        VBox.setVgrow(navigation, Priority.ALWAYS);
        VBox pane = new VBox(navigation);
        pane.getStyleClass().add(StyleClasses.NAVIGATION_PANE);
        return pane;
    }

    private StackPane content() {
        screenHolder.setId(ID_CONTENT);
        screenHolder.getStyleClass().add(StyleClasses.CONTENT);
        noticeStack.setId(ID_NOTICES);
        noticeStack.getStyleClass().add(StyleClasses.NOTICES);
        noticeStack.setPickOnBounds(false);
        noticeStack.setAlignment(Pos.TOP_RIGHT);
        noticeStack.setMaxWidth(460);
        noticeStack.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(noticeStack, Pos.TOP_RIGHT);
        viewModel.notices().addListener((ListChangeListener<Notice>) c -> renderNotices());
        renderNotices();
        StackPane center = new StackPane(screenHolder, noticeStack);
        return center;
    }

    private void renderNotices() {
        noticeStack.getChildren().setAll(viewModel.notices().stream().map(this::noticeNode).toList());
    }

    private Node noticeNode(Notice n) {
        FontIcon icon = new FontIcon(switch (n.kind()) {
            case INFO -> Material2OutlinedAL.INFO;
            case SUCCESS -> Material2OutlinedAL.CHECK_CIRCLE;
            case WARNING -> Material2OutlinedMZ.WARNING;
            case ERROR -> Material2OutlinedAL.ERROR_OUTLINE;
        });
        icon.getStyleClass().add("notice-icon");
        Label title = new Label(n.title());
        title.getStyleClass().add("notice-title");
        title.setWrapText(true);
        Label text = new Label(n.text());
        text.setWrapText(true);
        text.getStyleClass().add("notice-text");
        Button close = new Button(null, new FontIcon(Material2OutlinedAL.CLOSE));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setOnAction(e -> viewModel.dismiss(n));
        HBox head = new HBox(8, icon, title, new Spacer(), close);
        head.setAlignment(Pos.TOP_LEFT);
        VBox node = new VBox(6, head);
        if (!n.text().isEmpty()) {
            node.getChildren().add(text);
        }
        if (!n.actions().isEmpty()) {
            HBox buttons = new HBox(8);
            buttons.setAlignment(Pos.CENTER_RIGHT);
            for (Notice.Action a : n.actions()) {
                Button b = new Button(a.label());
                b.getStyleClass().add(Styles.SMALL);
                b.setOnAction(e -> {
                    viewModel.dismiss(n);
                    a.run().run();
                });
                buttons.getChildren().add(b);
            }
            node.getChildren().add(buttons);
        }
        node.getStyleClass().addAll("notice", "notice-" + n.kind().name().toLowerCase(java.util.Locale.ROOT));
        node.setPrefWidth(440);
        node.setMaxWidth(440);
        node.setMaxHeight(Region.USE_PREF_SIZE);
        if (n.kind() == Notice.Kind.INFO || n.kind() == Notice.Kind.SUCCESS) {
            PauseTransition later = new PauseTransition(Duration.seconds(8));
            later.setOnFinished(e -> viewModel.dismiss(n));
            later.play();
        }
        return node;
    }

    private HBox statusBar() {
        HBox taskBox = new HBox(16);
        taskBox.setId(ID_TASKS);
        taskBox.setAlignment(Pos.CENTER_LEFT);
        Label ready = new Label("Ready");
        ready.getStyleClass().add(StyleClasses.STATUS_TEXT);
        Runnable render = () -> {
            if (viewModel.runningTasks().isEmpty()) {
                taskBox.getChildren().setAll(ready);
            } else {
                taskBox.getChildren().setAll(viewModel.runningTasks().stream().map(ShellView::taskNode).toList());
            }
        };
        viewModel.runningTasks().addListener((ListChangeListener<RunningTask>) c -> render.run());
        render.run();

        Label version = new Label(viewModel.productName() + " " + viewModel.version());
        version.setId(ID_VERSION);
        version.getStyleClass().addAll(StyleClasses.STATUS_TEXT, Styles.TEXT_MUTED);

        HBox bar = new HBox(taskBox, new Spacer(), version);
        bar.setId(ID_STATUS_BAR);
        bar.getStyleClass().add(StyleClasses.STATUS_BAR);
        return bar;
    }

    private static Node taskNode(RunningTask task) {
        Label title = new Label(task.title());
        title.getStyleClass().add(StyleClasses.STATUS_TEXT);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(task.progressProperty());
        bar.setPrefWidth(160);
        bar.getStyleClass().add(Styles.SMALL);
        Label message = new Label();
        message.textProperty().bind(task.messageProperty());
        message.getStyleClass().addAll(StyleClasses.STATUS_TEXT, Styles.TEXT_MUTED);
        HBox box = new HBox(8, title, bar, message);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(StyleClasses.STATUS_TASK);
        if (task.cancellable()) {
            Button cancel = new Button("Cancel", new FontIcon(Material2OutlinedAL.CLOSE));
            cancel.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            cancel.setId("cancelTask");
            cancel.disableProperty().bind(task.cancelRequestedProperty());
            cancel.setOnAction(e -> task.cancel());
            box.getChildren().add(cancel);
        }
        return box;
    }

    /** An entry: icon, title, and its badge (a count or a score) on the right; entries not available yet are muted. */
    private static final class NavigationCell extends ListCell<NavigationItem> {
        private final FontIcon icon = new FontIcon();
        private final Label title = new Label();
        private final Label badge = new Label();
        private final HBox graphic = new HBox(icon, title, new Spacer(), badge);

        NavigationCell() {
            icon.getStyleClass().add(StyleClasses.NAVIGATION_ICON);
            badge.getStyleClass().add(StyleClasses.NAVIGATION_BADGE);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            graphic.getStyleClass().add(StyleClasses.NAVIGATION_ENTRY);
        }

        @Override
        protected void updateItem(NavigationItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            badge.textProperty().unbind();
            disableProperty().unbind();
            if (empty || item == null) {
                setGraphic(null);
                setDisable(false);
                setId(null);
                return;
            }
            setId("nav-" + item.destination().id());
            icon.setIconCode(item.destination().icon());
            title.setText(item.title());
            badge.textProperty().bind(item.badgeProperty());
            badge.visibleProperty().bind(badge.textProperty().isNotEmpty());
            disableProperty().bind(item.availableProperty().not());
            setGraphic(graphic);
        }
    }
}
