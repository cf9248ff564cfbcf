package dev.redoubt.ui.navigation;

import java.util.Objects;

/**
 * Where the console is: a screen and what it shows there (an ARN, an account ID, a filter), or
 * null for the screen as it was left. Back and forward move between places.
 */
public record Place(Destination destination, String target) {
    public Place {
        Objects.requireNonNull(destination, "destination");
    }

    public static Place of(Destination destination) {
        return new Place(destination, null);
    }

    public static Place of(Destination destination, String target) {
        return new Place(destination, target);
    }
}
