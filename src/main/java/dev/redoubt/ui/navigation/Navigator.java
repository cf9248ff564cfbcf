package dev.redoubt.ui.navigation;

/** Moves the console to a screen; the shell implements it. */
@FunctionalInterface
public interface Navigator {
    void show(Destination destination);

    Navigator NONE = d -> { };
}
