package dev.redoubt.app;

import dev.redoubt.app.cli.VersionProvider;
import dev.redoubt.ui.Theme;
import dev.redoubt.ui.shell.ShellViewModel;
import dev.redoubt.ui.shell.ShellWindow;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: the main window with the shell. */
public final class RedoubtApp extends Application {
    @Override
    public void start(Stage stage) {
        Theme.applyBaseTheme();
        new ShellWindow(ShellViewModel.withoutScreens(VersionProvider.version())).show(stage);
    }
}
