package dev.redoubt.ui.navigation;

/** Moves the console to a screen, or to one thing on a screen; the shell implements it and keeps the history. */
@FunctionalInterface
public interface Navigator {
    void show(Destination destination);

    /** Goes to a place, recorded in the history (back returns to where the user was); false when it cannot be opened now. */
    default boolean open(Place place) {
        show(place.destination());
        return true;
    }

    Navigator NONE = d -> { };
}
