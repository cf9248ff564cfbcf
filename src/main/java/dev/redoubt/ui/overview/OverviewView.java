package dev.redoubt.ui.overview;

import dev.redoubt.ui.shell.Screen;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** The overview screen (being built). */
public final class OverviewView implements Screen {
    private final StackPane root = new StackPane(new Label("Overview"));

    public OverviewView(OverviewViewModel viewModel) {
        root.setId("overviewScreen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
