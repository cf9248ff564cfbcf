package dev.redoubt.ui.overview;

import dev.redoubt.ui.workspace.ConsoleActions;

/** The overview screen's state and commands (being built). */
public final class OverviewViewModel {
    private final ConsoleActions actions;

    public OverviewViewModel(ConsoleActions actions) {
        this.actions = actions;
    }

    public ConsoleActions actions() {
        return actions;
    }
}
