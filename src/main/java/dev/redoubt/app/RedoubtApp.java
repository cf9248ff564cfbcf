package dev.redoubt.app;

import dev.redoubt.ui.Theme;
import dev.redoubt.ui.shell.ShellViewModel;
import dev.redoubt.ui.shell.ShellWindow;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: the main window with the shell. */
public final class RedoubtApp extends Application {
    private static volatile ConsoleStart pending = ConsoleStart.startScreen();

    /** Application.launch builds this class itself: what to open on is handed over before. */
    static void handOff(ConsoleStart start) {
        pending = start;
    }

    @Override
    public void start(Stage stage) {
        Theme.applyBaseTheme();
        new ShellWindow(ShellViewModel.withoutScreens(AppVersion.version())).show(stage);
    }
}
