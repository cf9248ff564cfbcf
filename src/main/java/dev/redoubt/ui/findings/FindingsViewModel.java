package dev.redoubt.ui.findings;

import dev.redoubt.ui.workspace.ConsoleActions;

/** The findings screen's state and commands (being built). */
public final class FindingsViewModel {
    private final ConsoleActions actions;

    public FindingsViewModel(ConsoleActions actions) {
        this.actions = actions;
    }

    /** Shows what another screen asked for (filters, and the result to select). */
    public void open(FindingsQuery query) {
    }

    public ConsoleActions actions() {
        return actions;
    }
}
