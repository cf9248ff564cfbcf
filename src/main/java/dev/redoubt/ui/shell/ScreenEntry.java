package dev.redoubt.ui.shell;

import dev.redoubt.ui.navigation.Destination;
import dev.redoubt.ui.navigation.Routable;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;

/**
 * One screen in the navigation: where it is, how its view is built (on the first visit), the
 * badge beside its title (a count, a score; null for none), when it can be opened (null: always),
 * and, for a screen that shows one thing among many, how it is told which (null: it shows one thing).
 */
public record ScreenEntry(Destination destination, Supplier<Screen> factory, ObservableValue<String> badge,
                          ObservableValue<Boolean> available, Routable route) {
    public ScreenEntry {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(factory, "factory");
    }

    public ScreenEntry(Destination destination, Supplier<Screen> factory, ObservableValue<String> badge, ObservableValue<Boolean> available) {
        this(destination, factory, badge, available, null);
    }

    public static ScreenEntry of(Destination destination, Supplier<Screen> factory) {
        return new ScreenEntry(destination, factory, null, null, null);
    }
}
