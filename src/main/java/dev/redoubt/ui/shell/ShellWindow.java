package dev.redoubt.ui.shell;

import dev.redoubt.ui.AppIcon;
import dev.redoubt.ui.Theme;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Puts the shell into a stage: scene, stylesheet, title (bound), icons and size. */
public final class ShellWindow {
    public static final double DEFAULT_WIDTH = 1360;
    public static final double DEFAULT_HEIGHT = 860;
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 640;

    private final ShellViewModel viewModel;
    private final ShellView view;

    public ShellWindow(ShellViewModel viewModel, ShellView view) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.view = Objects.requireNonNull(view, "view");
    }

    /** Fills and shows the stage; call on the FX thread after {@link Theme#applyBaseTheme()}. */
    public Scene show(Stage stage) {
        Scene scene = new Scene(view.root(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        Theme.style(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.getIcons().setAll(AppIcon.stageIcons());
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setScene(scene);
        stage.show();
        return scene;
    }
}
