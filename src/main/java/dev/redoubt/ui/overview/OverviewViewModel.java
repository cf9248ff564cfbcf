package dev.redoubt.ui.overview;

import dev.redoubt.ui.findings.FindingsQuery;
import dev.redoubt.ui.workspace.ConsoleActions;
import java.util.function.Consumer;

/** The overview screen's state and commands (being built). */
public final class OverviewViewModel {
    private final ConsoleActions actions;
    private final Consumer<FindingsQuery> openFindings;

    public OverviewViewModel(ConsoleActions actions, Consumer<FindingsQuery> openFindings) {
        this.actions = actions;
        this.openFindings = openFindings;
    }

    public ConsoleActions actions() {
        return actions;
    }

    public void openFindings(FindingsQuery query) {
        openFindings.accept(query);
    }
}
