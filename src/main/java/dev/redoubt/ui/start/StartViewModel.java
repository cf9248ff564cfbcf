package dev.redoubt.ui.start;

import dev.redoubt.ui.workspace.ConsoleActions;

/** The start screen's state and commands (being built). */
public final class StartViewModel {
    private final ConsoleActions actions;

    public StartViewModel(ConsoleActions actions) {
        this.actions = actions;
    }

    public ConsoleActions actions() {
        return actions;
    }
}
