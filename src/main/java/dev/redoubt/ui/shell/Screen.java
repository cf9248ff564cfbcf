package dev.redoubt.ui.shell;

import javafx.scene.Parent;

/**
 * A screen's view as the shell holds it: its root node, and being told when it is shown and
 * hidden, so it subscribes to what it shows only while on screen.
 */
public interface Screen {
    Parent root();

    default void shown() {
    }

    default void hidden() {
    }
}
