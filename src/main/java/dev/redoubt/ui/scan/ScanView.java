package dev.redoubt.ui.scan;

import dev.redoubt.ui.shell.Screen;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** The scan screen (being built). */
public final class ScanView implements Screen {
    private final StackPane root = new StackPane(new Label("Scan"));

    public ScanView(ScanViewModel viewModel) {
        root.setId("scanScreen");
    }

    @Override
    public Parent root() {
        return root;
    }
}
