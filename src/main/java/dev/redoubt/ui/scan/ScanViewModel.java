package dev.redoubt.ui.scan;

import dev.redoubt.ui.workspace.ConsoleActions;

/** The scan screen's state and commands (being built). */
public final class ScanViewModel {
    private final ConsoleActions actions;

    public ScanViewModel(ConsoleActions actions) {
        this.actions = actions;
    }

    public ConsoleActions actions() {
        return actions;
    }
}
