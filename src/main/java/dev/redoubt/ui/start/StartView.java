package dev.redoubt.ui.start;

import dev.redoubt.ui.shell.Screen;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** The start screen (being built). */
public final class StartView implements Screen {
    private final StackPane root = new StackPane(new Label("Start"));

    public StartView(StartViewModel viewModel) {
        root.setId("startScreen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
