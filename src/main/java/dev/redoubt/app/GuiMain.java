package dev.redoubt.app;

import javafx.application.Application;

/** Starts the JavaFX application; kept apart from {@link Launcher} so the CLI never loads JavaFX classes. */
final class GuiMain {
    private GuiMain() {
    }

    /** Opens the window on {@code start} and returns when it is closed. */
    static void start(ConsoleStart start) {
        RedoubtApp.handOff(start);
        Application.launch(RedoubtApp.class);
    }
}
