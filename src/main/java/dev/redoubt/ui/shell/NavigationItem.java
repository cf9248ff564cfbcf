package dev.redoubt.ui.shell;

import java.util.Objects;

/** One entry of the navigation: a destination, and whether its screen exists yet. */
public record NavigationItem(Destination destination, boolean available) {
    public NavigationItem {
        Objects.requireNonNull(destination, "destination");
    }

    public String title() {
        return destination.title();
    }
}
