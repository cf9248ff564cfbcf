package dev.redoubt.ui.shell;

import atlantafx.base.theme.Styles;
import dev.redoubt.ui.AppIcon;
import dev.redoubt.ui.StyleClasses;
import dev.redoubt.ui.Theme;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * What the window shows when Redoubt cannot start (a settings file that is not valid JSON, a
 * journal that does not open): the problem in one sentence, what to do, and Quit. Nothing is changed.
 */
public final class StartupProblemView {
    public static final String ID = "startupProblem";
    public static final String ID_MESSAGE = "startupMessage";

    private final VBox root;

    public StartupProblemView(String problem, String advice) {
        ImageView icon = new ImageView(AppIcon.image(64));
        icon.setFitWidth(48);
        icon.setFitHeight(48);
        Label title = new Label("Redoubt cannot start");
        title.getStyleClass().add(Styles.TITLE_2);
        Label message = new Label(problem);
        message.setId(ID_MESSAGE);
        message.setWrapText(true);
        message.getStyleClass().add(StyleClasses.MONO);
        Label hint = new Label(advice);
        hint.setWrapText(true);
        hint.getStyleClass().add(StyleClasses.HINT);
        Button quit = new Button("Quit");
        quit.setDefaultButton(true);
        quit.setOnAction(e -> Platform.exit());
        HBox buttons = new HBox(quit);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        HBox head = new HBox(14, icon, title);
        head.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(16, head, message, hint, buttons);
        root.setId(ID);
        root.getStyleClass().addAll(StyleClasses.SCREEN, StyleClasses.CARD);
        root.setMaxWidth(720);
        root.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // a card as tall as its text, also in a larger window
    }

    public Parent root() {
        return root;
    }

    /** Shows the problem in {@code stage}. */
    public Scene show(Stage stage) {
        javafx.scene.layout.StackPane frame = new javafx.scene.layout.StackPane(root);
        frame.getStyleClass().add(StyleClasses.SHELL);
        frame.setPadding(new javafx.geometry.Insets(24));
        Scene scene = new Scene(frame, 800, 330);
        Theme.style(scene);
        stage.titleProperty().unbind();
        stage.setTitle("Redoubt cannot start");
        stage.getIcons().setAll(AppIcon.stageIcons());
        stage.setScene(scene);
        stage.show();
        return scene;
    }
}
