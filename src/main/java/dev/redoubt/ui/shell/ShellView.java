package dev.redoubt.ui.shell;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.redoubt.ui.AppIcon;
import dev.redoubt.ui.StyleClasses;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
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
 * The main window's frame: top bar, navigation, content area and status bar, built in code and
 * bound to a {@link ShellViewModel}. Node ids (for tests and CSS) are the constants below.
 */
public final class ShellView {
    public static final String ID_SHELL = "shell";
    public static final String ID_TOP_BAR = "topBar";
    public static final String ID_APP_ICON = "appIcon";
    public static final String ID_PRODUCT_NAME = "productName";
    public static final String ID_MODE = "mode";
    public static final String ID_IDENTITY = "identity";
    public static final String ID_NAVIGATION = "navigation";
    public static final String ID_CONTENT = "content";
    public static final String ID_WELCOME = "welcome";
    public static final String ID_STATUS_BAR = "statusBar";
    public static final String ID_STATUS_MESSAGE = "statusMessage";
    public static final String ID_VERSION = "version";

    static final String COMING_SOON = "Soon";
    static final String WELCOME_TITLE = "Welcome to Redoubt";
    static final String WELCOME_LEAD = "Redoubt checks that your AWS backups would really bring you back: "
            + "vaults and their locks, recovery points, keys, backup plans, restore tests and approval teams.";
    static final String WELCOME_START = "Start with the demo sandbox: a sample estate served on this machine, "
            + "so you can look around without touching a real AWS account. Then sign in to check your own.";
    static final String WELCOME_HINT = "The screens on the left are coming soon.";

    private static final double HEADER_ICON_SIZE = 28;
    private static final double WELCOME_ICON_SIZE = 96;

    private final ShellViewModel viewModel;
    private final BorderPane root = new BorderPane();

    public ShellView(ShellViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId(ID_SHELL);
        root.getStyleClass().add(StyleClasses.SHELL);
        root.setTop(topBar());
        root.setLeft(navigationPane());
        root.setCenter(content());
        root.setBottom(statusBar());
    }

    public Parent root() {
        return root;
    }

    private HBox topBar() {
        // The 64 px rendering scaled down stays sharp on HiDPI screens.
        ImageView icon = new ImageView(AppIcon.image(64));
        icon.setId(ID_APP_ICON);
        icon.setFitWidth(HEADER_ICON_SIZE);
        icon.setFitHeight(HEADER_ICON_SIZE);
        icon.setSmooth(true);

        Label productName = new Label(viewModel.productName());
        productName.setId(ID_PRODUCT_NAME);
        productName.getStyleClass().add(StyleClasses.PRODUCT_NAME);

        Label mode = new Label();
        mode.setId(ID_MODE);
        mode.textProperty().bind(viewModel.modeProperty());
        mode.setGraphic(new FontIcon(Material2OutlinedAL.CLOUD_OFF));
        mode.getStyleClass().addAll(StyleClasses.TOP_BAR_ITEM, StyleClasses.MODE_BADGE);

        Label identity = new Label();
        identity.setId(ID_IDENTITY);
        identity.textProperty().bind(viewModel.identityProperty());
        identity.setGraphic(new FontIcon(Material2OutlinedAL.ACCOUNT_CIRCLE));
        identity.getStyleClass().add(StyleClasses.TOP_BAR_ITEM);

        HBox bar = new HBox(icon, productName, new Spacer(), mode, new Separator(Orientation.VERTICAL), identity);
        bar.setId(ID_TOP_BAR);
        bar.getStyleClass().add(StyleClasses.TOP_BAR);
        return bar;
    }

    private VBox navigationPane() {
        Label heading = new Label("Screens");
        heading.getStyleClass().add(StyleClasses.NAVIGATION_HEADING);

        ListView<NavigationItem> list = new ListView<>(viewModel.navigation());
        list.setId(ID_NAVIGATION);
        list.getStyleClass().addAll(StyleClasses.NAVIGATION_LIST, Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(v -> new NavigationCell());
        // Only screens that exist can be opened; a coming-soon entry selected by keyboard is dropped again.
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && !viewModel.select(item.destination())) {
                list.getSelectionModel().clearSelection();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        VBox pane = new VBox(heading, list);
        pane.getStyleClass().add(StyleClasses.NAVIGATION_PANE);
        return pane;
    }

    private StackPane content() {
        ImageView emblem = new ImageView(AppIcon.image(256));
        emblem.setFitWidth(WELCOME_ICON_SIZE);
        emblem.setFitHeight(WELCOME_ICON_SIZE);
        emblem.setSmooth(true);

        Label title = new Label(WELCOME_TITLE);
        title.getStyleClass().addAll(StyleClasses.WELCOME_TITLE, Styles.TITLE_2);

        Label lead = wrapped(WELCOME_LEAD, StyleClasses.WELCOME_TEXT);
        Label start = wrapped(WELCOME_START, StyleClasses.WELCOME_TEXT);
        Label hint = wrapped(WELCOME_HINT, StyleClasses.WELCOME_HINT);
        hint.getStyleClass().add(Styles.TEXT_MUTED);

        VBox welcome = new VBox(emblem, title, lead, start, hint);
        welcome.setId(ID_WELCOME);
        welcome.getStyleClass().add(StyleClasses.WELCOME);

        StackPane content = new StackPane(welcome);
        content.setId(ID_CONTENT);
        content.getStyleClass().add(StyleClasses.CONTENT);
        return content;
    }

    private HBox statusBar() {
        Label message = new Label();
        message.setId(ID_STATUS_MESSAGE);
        message.textProperty().bind(viewModel.statusMessageProperty());
        message.getStyleClass().add(StyleClasses.STATUS_TEXT);

        Label version = new Label(viewModel.productName() + " " + viewModel.version());
        version.setId(ID_VERSION);
        version.getStyleClass().addAll(StyleClasses.STATUS_TEXT, Styles.TEXT_MUTED);

        HBox bar = new HBox(message, new Spacer(), version);
        bar.setId(ID_STATUS_BAR);
        bar.getStyleClass().add(StyleClasses.STATUS_BAR);
        return bar;
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        return label;
    }

    static Ikon iconOf(Destination destination) {
        return switch (destination) {
            case OVERVIEW -> Material2OutlinedAL.DASHBOARD;
            case VAULTS -> Material2OutlinedAL.ACCOUNT_BALANCE;
            case RECOVERY_POINTS -> Material2OutlinedAL.HISTORY;
            case KEYS -> Material2OutlinedMZ.VPN_KEY;
            case PLANS -> Material2OutlinedAL.EVENT_NOTE;
            case RESTORE_TESTS -> Material2OutlinedAL.FACT_CHECK;
            case RESTORE_JOBS -> Material2OutlinedMZ.RESTORE_PAGE;
            case APPROVAL_TEAMS -> Material2OutlinedAL.GROUPS;
            case FINDINGS -> Material2OutlinedMZ.REPORT_PROBLEM;
            case DRILLS -> Material2OutlinedMZ.SPORTS;
            case JOURNAL -> Material2OutlinedMZ.MENU_BOOK;
        };
    }

    /** An entry: icon, title and, for a screen not built yet, a "Soon" badge; such entries are disabled. */
    private static final class NavigationCell extends ListCell<NavigationItem> {
        private final FontIcon icon = new FontIcon();
        private final Label title = new Label();
        private final Label soon = new Label(COMING_SOON);
        private final HBox graphic = new HBox(icon, title, new Spacer(), soon);

        NavigationCell() {
            icon.getStyleClass().add(StyleClasses.NAVIGATION_ICON);
            soon.getStyleClass().add(StyleClasses.SOON_BADGE);
            soon.setMinWidth(Region.USE_PREF_SIZE); // the title gives way first
            graphic.getStyleClass().add(StyleClasses.NAVIGATION_ENTRY);
        }

        @Override
        protected void updateItem(NavigationItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                setDisable(false);
                return;
            }
            icon.setIconCode(iconOf(item.destination()));
            title.setText(item.title());
            soon.setVisible(!item.available());
            soon.setManaged(!item.available());
            setDisable(!item.available());
            setGraphic(graphic);
        }
    }
}
