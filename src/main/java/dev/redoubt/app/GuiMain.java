package dev.redoubt.app;

import javafx.application.Application;

/** Starts the JavaFX application; kept apart from {@link Launcher} so the CLI never loads JavaFX classes. */
final class GuiMain {
    private GuiMain() {
    }

    static void start(String[] args) {
        Application.launch(RedoubtApp.class, args);
    }
}
