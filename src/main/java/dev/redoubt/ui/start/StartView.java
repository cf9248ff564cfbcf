package dev.redoubt.ui.start;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.redoubt.journal.Mode;
import dev.redoubt.ui.StyleClasses;
import dev.redoubt.ui.shell.Screen;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The start screen: the demo, a capture file, the AWS profiles to sign in with, and what was used lately. */
public final class StartView implements Screen {
    public static final String ID = "startScreen";
    public static final String ID_OPEN_DEMO = "openDemo";
    public static final String ID_OPEN_CAPTURE = "openCapture";
    public static final String ID_CAPTURE_CARD = "captureCard";
    public static final String ID_PROFILES = "profiles";
    public static final String ID_AUDITOR = "modeAuditor";
    public static final String ID_OPERATOR = "modeOperator";
    public static final String ID_PROFILES_NOTE = "profilesNote";
    public static final String ID_RECENT = "recent";
    private static final String STYLESHEET = "/dev/redoubt/ui/start/start.css";

    private final StartViewModel vm;
    private final ScrollPane root;
    private Function<Window, Path> chooseFile = StartView::chooseWithDialog;

    public StartView(StartViewModel vm) {
        this.vm = vm;
        Label title = new Label("Welcome to Redoubt");
        title.getStyleClass().add(StyleClasses.SCREEN_TITLE);
        Label lead = new Label("Check that your AWS backups would really bring you back: encrypted, locked, kept apart, proven to restore, "
                + "and recovered only with more than one person's approval (AWS Well-Architected REL09-BP02).");
        lead.setWrapText(true);
        lead.getStyleClass().add(StyleClasses.SCREEN_SUBTITLE);

        HBox firstSteps = new HBox(16, demoCard(), captureCard());
        firstSteps.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));

        VBox content = new VBox(title, lead, firstSteps, profilesCard());
        content.getStyleClass().addAll(StyleClasses.SCREEN, "start");
        content.setFillWidth(true);
        root = new ScrollPane(content);
        root.setId(ID);
        root.setFitToWidth(true);
        root.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        root.getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET)).toExternalForm());
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        vm.refresh();
        vm.prepareDemo();
    }

    /** How the "Choose a file" button asks for a file; tests give a path instead of a native dialog. */
    public void chooseFileWith(Function<Window, Path> chooser) {
        this.chooseFile = chooser;
    }

    private Node demoCard() {
        FontIcon icon = new FontIcon(Material2OutlinedMZ.SCIENCE);
        icon.getStyleClass().add("card-icon");
        Label title = new Label("Explore the demo organization");
        title.getStyleClass().add(StyleClasses.CARD_TITLE);
        Label text = new Label("Northwind: seven accounts, three regions, twenty vaults, with the weaknesses a real estate has. "
                + "Redoubt's sandbox serves it on this computer; you sign in and scan it as you would AWS. No AWS account needed.");
        text.setWrapText(true);
        Button open = new Button("Explore the demo", new FontIcon(Material2OutlinedMZ.PLAY_ARROW));
        open.setId(ID_OPEN_DEMO);
        open.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        open.setDefaultButton(true);
        open.disableProperty().bind(vm.busyProperty());
        open.setOnAction(e -> vm.openDemo());
        VBox card = new VBox(new HBox(10, icon, title), text, new Spacer(), open);
        card.getStyleClass().addAll(StyleClasses.CARD, "first-step", "demo-card");
        return card;
    }

    private Node captureCard() {
        FontIcon icon = new FontIcon(Material2OutlinedAL.FOLDER_OPEN);
        icon.getStyleClass().add("card-icon");
        Label title = new Label("Open a capture file");
        title.getStyleClass().add(StyleClasses.CARD_TITLE);
        Label text = new Label("A capture is a scan saved as a file: one someone sent you to review, or one Redoubt kept earlier. "
                + "It opens offline, with no sign-in. Drop it here or choose it.");
        text.setWrapText(true);
        Button choose = new Button("Choose a file…", new FontIcon(Material2OutlinedAL.ATTACH_FILE));
        choose.setId(ID_OPEN_CAPTURE);
        choose.disableProperty().bind(vm.busyProperty());
        choose.setOnAction(e -> {
            Path file = chooseFile.apply(root.getScene() == null ? null : root.getScene().getWindow());
            if (file != null) {
                vm.openCapture(file);
            }
        });
        Label drop = new Label("or drop a .json file anywhere on this screen");
        drop.getStyleClass().add(StyleClasses.HINT);
        HBox actions = new HBox(12, choose, drop);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(new HBox(10, icon, title), text, recentCaptures(), new Spacer(), actions);
        card.setId(ID_CAPTURE_CARD);
        card.getStyleClass().addAll(StyleClasses.CARD, "first-step");
        return card;
    }

    private Node profilesCard() {
        FontIcon icon = new FontIcon(Material2OutlinedAL.ACCOUNT_CIRCLE);
        icon.getStyleClass().add("card-icon");
        Label title = new Label("Sign in with your AWS identity");
        title.getStyleClass().add(StyleClasses.CARD_TITLE);

        ToggleGroup modes = new ToggleGroup();
        ToggleButton auditor = new ToggleButton("Auditor · read-only", new FontIcon(Material2OutlinedMZ.VERIFIED_USER));
        auditor.setId(ID_AUDITOR);
        auditor.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton operator = new ToggleButton("Operator", new FontIcon(Material2OutlinedMZ.WARNING));
        operator.setId(ID_OPERATOR);
        operator.getStyleClass().add(Styles.RIGHT_PILL);
        auditor.setToggleGroup(modes);
        operator.setToggleGroup(modes);
        Runnable showMode = () -> modes.selectToggle(vm.modeProperty().get() == Mode.OPERATOR ? operator : auditor);
        showMode.run();
        vm.modeProperty().addListener((o, a, b) -> showMode.run());
        auditor.setOnAction(e -> vm.modeProperty().set(Mode.AUDITOR));
        operator.setOnAction(e -> {
            if (vm.modeProperty().get() != Mode.OPERATOR && confirmOperator()) {
                vm.modeProperty().set(Mode.OPERATOR);
            }
            showMode.run();
        });
        Label modeHint = new Label();
        modeHint.getStyleClass().add(StyleClasses.HINT);
        modeHint.setWrapText(true);
        modeHint.textProperty().bind(Bindings.when(vm.modeProperty().isEqualTo(Mode.OPERATOR))
                .then("Operator: may start restores and approval requests. Every action is journaled.")
                .otherwise("Auditor: Redoubt refuses every write to AWS inside the process, before it is signed. Applies to the next sign-in."));
        HBox modeRow = new HBox(12, new HBox(auditor, operator), modeHint);
        modeRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(modeHint, Priority.ALWAYS);

        Button reload = new Button(null, new FontIcon(Material2OutlinedMZ.REFRESH));
        reload.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        reload.setTooltip(new Tooltip("Read the AWS config again"));
        reload.setOnAction(e -> vm.refresh());
        HBox head = new HBox(10, icon, title, new Spacer(), recentProfiles(), reload);
        head.setAlignment(Pos.CENTER_LEFT);

        TableView<ProfileRow> table = profilesTable();
        Label note = new Label();
        note.setId(ID_PROFILES_NOTE);
        note.setWrapText(true);
        note.textProperty().bind(vm.profilesNoteProperty());
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());
        Label config = new Label();
        config.getStyleClass().add(StyleClasses.HINT);
        config.textProperty().bind(Bindings.concat("Profiles as the AWS CLI reads them, from ", vm.configFileProperty(),
                ". IAM Identity Center sign-ins are shared with the AWS CLI."));
        config.setWrapText(true);

        VBox card = new VBox(head, modeRow, table, note, config);
        card.getStyleClass().add(StyleClasses.CARD);
        return card;
    }

    private TableView<ProfileRow> profilesTable() {
        TableView<ProfileRow> table = new TableView<>(vm.profiles());
        table.setId(ID_PROFILES);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, "profiles-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No profiles found"));
        table.setFixedCellSize(38);
        table.prefHeightProperty().bind(Bindings.max(3, Bindings.min(8, Bindings.size(vm.profiles()))).multiply(38).add(48));
        table.getColumns().addAll(List.of(
                column("Profile", 190, r -> r.name() + (r.isDefault() ? "  (default)" : "")),
                column("Signs in with", 165, ProfileRow::kind),
                column("Account · role", 300, ProfileRow::target),
                column("Region", 100, ProfileRow::region),
                signInColumn(),
                actionColumn()));
        table.setRowFactory(t -> {
            TableRow<ProfileRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && !vm.busyProperty().get()) {
                    vm.signIn(row.getItem().name());
                }
            });
            return row;
        });
        return table;
    }

    private static TableColumn<ProfileRow, String> column(String title, double width, Function<ProfileRow, String> value) {
        TableColumn<ProfileRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private static TableColumn<ProfileRow, ProfileRow> signInColumn() {
        TableColumn<ProfileRow, ProfileRow> c = new TableColumn<>("Sign-in");
        c.setPrefWidth(190);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ProfileRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                FontIcon icon = new FontIcon(switch (r.state()) {
                    case SIGNED_IN -> Material2OutlinedAL.CHECK_CIRCLE;
                    case EXPIRED -> Material2OutlinedMZ.SCHEDULE;
                    case NOT_SIGNED_IN -> Material2OutlinedAL.LOGIN;
                    case NOT_SSO -> Material2OutlinedMZ.VPN_KEY;
                });
                icon.getStyleClass().add("sign-in-" + r.state().name().toLowerCase(java.util.Locale.ROOT));
                setGraphic(icon);
                setText(r.signIn());
            }
        });
        return c;
    }

    private TableColumn<ProfileRow, ProfileRow> actionColumn() {
        TableColumn<ProfileRow, ProfileRow> c = new TableColumn<>("");
        c.setPrefWidth(150);
        c.setSortable(false);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final Button button = new Button();

            {
                button.getStyleClass().add(Styles.SMALL);
                button.disableProperty().bind(vm.busyProperty());
            }

            @Override
            protected void updateItem(ProfileRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                button.setText(r.needsSignIn() ? "Sign in with SSO" : "Sign in");
                button.setId("signIn-" + r.name());
                button.getStyleClass().remove(Styles.ACCENT);
                if (r.needsSignIn()) {
                    button.getStyleClass().add(Styles.ACCENT);
                }
                button.setOnAction(e -> vm.signIn(r.name()));
                setGraphic(button);
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        return c;
    }

    /** The last captures used, as links (at most three; the start screen stays above the fold). */
    private Node recentCaptures() {
        VBox list = new VBox(2);
        list.setId(ID_RECENT);
        Label heading = new Label("Recently opened");
        heading.getStyleClass().add(StyleClasses.HINT);
        Runnable render = () -> {
            list.getChildren().setAll(heading);
            vm.recentCaptures().stream().limit(3).forEach(r -> {
                Hyperlink link = new Hyperlink(r.name(), new FontIcon(Material2OutlinedAL.DESCRIPTION));
                link.setOnAction(e -> vm.openCapture(r.file()));
                link.disableProperty().bind(vm.busyProperty());
                link.setTooltip(new Tooltip(r.file().toString()));
                Label when = new Label(r.when());
                when.getStyleClass().add(StyleClasses.HINT);
                HBox line = new HBox(8, link, when);
                line.setAlignment(Pos.CENTER_LEFT);
                list.getChildren().add(line);
            });
        };
        vm.recentCaptures().addListener((javafx.collections.ListChangeListener<RecentRow>) c -> render.run());
        render.run();
        list.managedProperty().bind(Bindings.isNotEmpty(vm.recentCaptures()));
        list.visibleProperty().bind(list.managedProperty());
        return list;
    }

    /** The profiles used lately, one click to sign in again. */
    private Node recentProfiles() {
        Label heading = new Label("Recently used:");
        heading.getStyleClass().add(StyleClasses.HINT);
        HBox box = new HBox(6);
        box.setAlignment(Pos.CENTER_LEFT);
        Runnable render = () -> {
            box.getChildren().setAll(heading);
            vm.recentProfiles().stream().limit(3).forEach(p -> {
                Button b = new Button(p);
                b.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
                b.disableProperty().bind(vm.busyProperty());
                b.setOnAction(e -> vm.signIn(p));
                box.getChildren().add(b);
            });
        };
        vm.recentProfiles().addListener((javafx.collections.ListChangeListener<String>) c -> render.run());
        render.run();
        box.managedProperty().bind(Bindings.isNotEmpty(vm.recentProfiles()));
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    private boolean confirmOperator() {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.setTitle("Operator mode");
        alert.setHeaderText("Work as an operator?");
        alert.setContentText("An operator may start restores and approval requests in your AWS accounts. An auditor can only read: "
                + "Redoubt refuses every write before it is signed. Operator mode applies to your next sign-in.");
        ButtonType yes = new ButtonType("Work as operator", ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Stay read-only", ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(no, yes);
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
            alert.getDialogPane().getStylesheets().addAll(root.getScene().getStylesheets());
        }
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean done = false;
        if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1 && !vm.busyProperty().get()) {
            vm.openCapture(e.getDragboard().getFiles().get(0).toPath());
            done = true;
        }
        e.setDropCompleted(done);
        e.consume();
    }

    private static Path chooseWithDialog(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a capture");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Captures (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(owner);
        return f == null ? null : f.toPath();
    }
}
