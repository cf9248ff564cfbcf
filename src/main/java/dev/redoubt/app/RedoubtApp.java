package dev.redoubt.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application (placeholder until the shell lands). */
public final class RedoubtApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Redoubt");
        stage.setScene(new Scene(new Label("Redoubt"), 800, 600));
        stage.show();
    }
}
