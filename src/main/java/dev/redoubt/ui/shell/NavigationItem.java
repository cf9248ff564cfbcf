package dev.redoubt.ui.shell;

import dev.redoubt.ui.navigation.Destination;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/** An entry of the navigation as the view model sees it: the destination, its badge, and whether it can be opened now. */
public final class NavigationItem {
    private final Destination destination;
    private final ReadOnlyStringWrapper badge = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(true);

    NavigationItem(Destination destination, ObservableValue<String> badge, ObservableValue<Boolean> available) {
        this.destination = destination;
        if (badge != null) {
            this.badge.bind(badge);
        }
        if (available != null) {
            this.available.bind(available);
        }
    }

    public Destination destination() {
        return destination;
    }

    public String title() {
        return destination.title();
    }

    public ReadOnlyStringProperty badgeProperty() {
        return badge.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public boolean available() {
        return available.get();
    }
}
