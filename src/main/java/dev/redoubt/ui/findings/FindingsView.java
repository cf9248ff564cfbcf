package dev.redoubt.ui.findings;

import dev.redoubt.ui.shell.Screen;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** The findings screen (being built). */
public final class FindingsView implements Screen {
    private final StackPane root = new StackPane(new Label("Findings"));

    public FindingsView(FindingsViewModel viewModel) {
        root.setId("findingsScreen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
