package dev.redoubt.ui.shell;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the main window: product, identity, mode, navigation and status. Holds properties only,
 * no controls, so plain unit tests can drive it.
 */
public final class ShellViewModel {
    public static final String PRODUCT_NAME = "Redoubt";
    public static final String NOT_SIGNED_IN = "Not signed in";
    public static final String OFFLINE = "Offline";
    public static final String READY = "Ready";

    private final ReadOnlyStringWrapper identity = new ReadOnlyStringWrapper(NOT_SIGNED_IN);
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper(OFFLINE);
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(READY);
    private final String version;
    private final ObservableList<NavigationItem> navigation;
    private final ReadOnlyObjectWrapper<Destination> selectedDestination = new ReadOnlyObjectWrapper<>();

    /**
     * @param version the build's version, shown in the status bar
     * @param availableScreens destinations whose screens exist; the rest are listed as coming soon
     */
    public ShellViewModel(String version, Set<Destination> availableScreens) {
        this.version = Objects.requireNonNull(version, "version");
        Objects.requireNonNull(availableScreens, "availableScreens");
        this.navigation = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(
                Arrays.stream(Destination.values())
                        .map(d -> new NavigationItem(d, availableScreens.contains(d)))
                        .toList()));
    }

    /** The shell before any screen exists: every destination is coming soon. */
    public static ShellViewModel withoutScreens(String version) {
        return new ShellViewModel(version, Set.of());
    }

    public String productName() {
        return PRODUCT_NAME;
    }

    public String version() {
        return version;
    }

    public ObservableList<NavigationItem> navigation() {
        return navigation;
    }

    public ReadOnlyStringProperty identityProperty() {
        return identity.getReadOnlyProperty();
    }

    /** Who Redoubt acts as (an account and role, a profile, or the demo sandbox). */
    public void showIdentity(String who) {
        identity.set(who == null || who.isBlank() ? NOT_SIGNED_IN : who);
    }

    public ReadOnlyStringProperty modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** What Redoubt is connected to, e.g. offline, the demo sandbox or an AWS account. */
    public void showMode(String what) {
        mode.set(what == null || what.isBlank() ? OFFLINE : what);
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    public void showStatus(String message) {
        statusMessage.set(message == null || message.isBlank() ? READY : message);
    }

    /** The screen on show; empty while the welcome page is shown. */
    public ReadOnlyObjectProperty<Destination> selectedDestinationProperty() {
        return selectedDestination.getReadOnlyProperty();
    }

    public Optional<Destination> selectedDestination() {
        return Optional.ofNullable(selectedDestination.get());
    }

    /** Goes to a destination if its screen exists; returns false (and stays put) for one that is coming soon. */
    public boolean select(Destination destination) {
        boolean available = navigation.stream()
                .anyMatch(item -> item.destination() == destination && item.available());
        if (available) {
            selectedDestination.set(destination);
        }
        return available;
    }
}
