package dev.redoubt.ui.shell;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.Region;
import dev.redoubt.journal.Mode;
import dev.redoubt.services.Connection;
import dev.redoubt.services.EstateOrigin;
import dev.redoubt.services.Identity;
import dev.redoubt.services.LoadedEstate;
import dev.redoubt.ui.navigation.Destination;
import dev.redoubt.ui.navigation.Navigator;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.navigation.Routable;
import dev.redoubt.ui.tasks.BackgroundTasks;
import dev.redoubt.ui.tasks.RunningTask;
import dev.redoubt.ui.workspace.Notice;
import dev.redoubt.ui.workspace.Notices;
import dev.redoubt.ui.workspace.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state: the title, the header (identity, mode, what estate, how fresh), the
 * navigation with its badges, the running tasks and the notices. Properties only, no nodes, so
 * plain unit tests can drive it; it is also the console's {@link Navigator}.
 */
public final class ShellViewModel implements Navigator {
    public static final String PRODUCT_NAME = "Redoubt";
    public static final String NOT_SIGNED_IN = "Not signed in";
    public static final String NO_ESTATE = "No estate open";
    public static final String AUDITOR_BADGE = "AUDITOR · READ-ONLY";
    public static final String OPERATOR_BADGE = "OPERATOR";

    /** How many places back remembers. */
    public static final int HISTORY = 100;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ROOT);

    private final String version;
    private final Workspace workspace;
    private final BackgroundTasks tasks;
    private final Notices notices;
    private final Clock clock;
    private final ObservableList<NavigationItem> navigation = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Destination> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(PRODUCT_NAME);
    private final ReadOnlyStringWrapper estateName = new ReadOnlyStringWrapper(NO_ESTATE);
    private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper freshness = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper origin = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper identity = new ReadOnlyStringWrapper(NOT_SIGNED_IN);
    private final ReadOnlyStringWrapper identityDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper modeBadge = new ReadOnlyStringWrapper(AUDITOR_BADGE);
    private final ReadOnlyBooleanWrapper operator = new ReadOnlyBooleanWrapper();
    private final Map<Destination, Routable> routes = new HashMap<>();
    private final Deque<Place> backward = new ArrayDeque<>();
    private final Deque<Place> onward = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<Place> place = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper();

    public ShellViewModel(String version, Workspace workspace, BackgroundTasks tasks, Notices notices, Clock clock) {
        this.version = version;
        this.workspace = workspace;
        this.tasks = tasks;
        this.notices = notices;
        this.clock = clock;
        workspace.estateProperty().addListener((o, a, b) -> refresh());
        workspace.connectionProperty().addListener((o, a, b) -> refresh());
        workspace.modeProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** Adds a screen to the navigation, in order. */
    public void addDestination(Destination destination, ObservableValue<String> badge, ObservableValue<Boolean> available) {
        addDestination(destination, badge, available, null);
    }

    /** Adds a screen that shows one thing among many; {@code route} is told which when the user goes there. */
    public void addDestination(Destination destination, ObservableValue<String> badge, ObservableValue<Boolean> available, Routable route) {
        navigation.add(new NavigationItem(destination, badge, available));
        if (route != null) {
            routes.put(destination, route);
        }
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

    public ObservableList<RunningTask> runningTasks() {
        return tasks.running();
    }

    public ObservableList<Notice> notices() {
        return notices.shown();
    }

    public void dismiss(Notice notice) {
        notices.dismiss(notice);
    }

    /** "Redoubt — Northwind (demo) — Auditor" once an estate is open. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty estateNameProperty() {
        return estateName.getReadOnlyProperty();
    }

    /** "7 accounts · 3 regions · 20 vaults · 2,883 recovery points". */
    public ReadOnlyStringProperty scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    /** "as of 14:02, 3 min ago", and "partial capture" when so. */
    public ReadOnlyStringProperty freshnessProperty() {
        return freshness.getReadOnlyProperty();
    }

    /** Where the estate on show comes from (the capture file, the demo, a scan), for a tooltip. */
    public ReadOnlyStringProperty originProperty() {
        return origin.getReadOnlyProperty();
    }

    /** "alice · AuditReadOnly @ 536470192834". */
    public ReadOnlyStringProperty identityProperty() {
        return identity.getReadOnlyProperty();
    }

    /** The caller's full ARN and the profile, for a tooltip. */
    public ReadOnlyStringProperty identityDetailProperty() {
        return identityDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modeBadgeProperty() {
        return modeBadge.getReadOnlyProperty();
    }

    /** True in operator mode: the badge takes the warning colour. */
    public ReadOnlyBooleanProperty operatorProperty() {
        return operator.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Destination> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public Optional<Destination> selected() {
        return Optional.ofNullable(selected.get());
    }

    /** Goes to a screen that can be opened now (its list, for a screen of many things); false (staying put) for one that cannot. */
    public boolean select(Destination destination) {
        return open(Place.of(destination));
    }

    @Override
    public void show(Destination destination) {
        select(destination);
    }

    /**
     * Goes to a place: the screen, and the thing on it. The place left behind is kept for back
     * (at most {@value #HISTORY} places); going somewhere new forgets what forward would have shown.
     */
    @Override
    public boolean open(Place to) {
        if (!available(to.destination())) {
            return false;
        }
        Place now = place.get();
        if (now != null && !now.equals(to)) {
            backward.push(now);
            while (backward.size() > HISTORY) {
                backward.removeLast();
            }
            onward.clear();
        }
        go(to);
        return true;
    }

    /** Returns to the place before (Alt+Left, the mouse's back button); false when there is none to return to. */
    public boolean back() {
        while (!backward.isEmpty()) {
            Place to = backward.pop();
            if (available(to.destination())) {
                onward.push(place.get());
                go(to);
                return true;
            }
        }
        updateHistory();
        return false;
    }

    /** Goes forward again after back (Alt+Right, the mouse's forward button). */
    public boolean forward() {
        while (!onward.isEmpty()) {
            Place to = onward.pop();
            if (available(to.destination())) {
                backward.push(place.get());
                go(to);
                return true;
            }
        }
        updateHistory();
        return false;
    }

    /** The place on show: the screen and what it shows. */
    public ReadOnlyObjectProperty<Place> placeProperty() {
        return place.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    private void go(Place to) {
        place.set(to);
        selected.set(to.destination());
        Routable route = routes.get(to.destination());
        if (route != null) {
            route.open(to.target());
        }
        updateHistory();
    }

    private void updateHistory() {
        canGoBack.set(!backward.isEmpty());
        canGoForward.set(!onward.isEmpty());
    }

    private boolean available(Destination destination) {
        for (NavigationItem item : navigation) {
            if (item.destination().equals(destination)) {
                return item.available();
            }
        }
        return false;
    }

    /** Recomputes the header from the workspace and the clock ("3 min ago" ages); the view calls it every half minute. */
    public void refresh() {
        Connection c = workspace.connection();
        Mode mode = c != null ? c.mode() : workspace.mode();
        operator.set(mode == Mode.OPERATOR);
        modeBadge.set(mode == Mode.OPERATOR ? OPERATOR_BADGE : AUDITOR_BADGE);
        if (c != null) {
            Identity id = c.identity();
            String who = id.principal() != null ? id.principal() : id.arn();
            identity.set(who + (id.roleName() != null ? " · " + id.roleName() : "") + " @ " + id.accountId());
            identityDetail.set(id.arn() + "\nprofile " + id.profile() + (c.endpoint() != null ? "\nendpoint " + c.endpoint() : "")
                    + (c.demo() ? "\nthe demo organization, served by Redoubt's sandbox" : ""));
        } else {
            LoadedEstate on = workspace.estate();
            identity.set(on != null && on.origin().kind() == EstateOrigin.Kind.FILE ? "Offline · capture file" : NOT_SIGNED_IN);
            identityDetail.set("");
        }
        LoadedEstate on = workspace.estate();
        if (on == null) {
            estateName.set(NO_ESTATE);
            scope.set("");
            freshness.set("");
            origin.set("");
            title.set(PRODUCT_NAME);
            return;
        }
        Estate e = on.estate();
        String name = e.name() == null || e.name().isBlank() ? "Unnamed estate" : e.name();
        estateName.set(name);
        title.set(PRODUCT_NAME + " — " + name + " — " + (mode == Mode.OPERATOR ? "Operator" : "Auditor"));
        scope.set(scopeOf(e));
        String when = e.capturedAt() == null ? "time of capture unknown" : "as of " + when(e.capturedAt());
        freshness.set(when + (e.incomplete() != null ? " · partial capture" : ""));
        origin.set(switch (on.origin().kind()) {
            case FILE -> "Capture file " + on.origin().file();
            case DEMO -> "The demo organization, served by Redoubt's sandbox" + (on.origin().file() == null ? "" : "; capture kept in " + on.origin().file());
            case LIVE -> "Scanned with profile " + on.origin().profile() + (on.origin().file() == null ? "" : "; capture kept in " + on.origin().file());
        });
    }

    /** "14:02, 3 min ago" today; "28 Nov 09:00, 8 days ago" otherwise (in the clock's zone). */
    String when(Instant at) {
        ZonedDateTime t = at.atZone(clock.getZone());
        ZonedDateTime now = clock.instant().atZone(clock.getZone());
        LocalDate day = t.toLocalDate();
        String time = day.equals(now.toLocalDate()) ? TIME.format(t) : day.getYear() == now.getYear() ? DAY_TIME.format(t) : FULL.format(t);
        return time + ", " + ago(Duration.between(at, clock.instant()));
    }

    static String ago(Duration d) {
        if (d.isNegative()) {
            return "in the future";
        }
        long m = d.toMinutes();
        if (m < 1) {
            return "just now";
        }
        if (m < 60) {
            return m + " min ago";
        }
        long h = d.toHours();
        if (h < 48) {
            return h + (h == 1 ? " hour ago" : " hours ago");
        }
        long days = d.toDays();
        return days + " days ago";
    }

    static String scopeOf(Estate e) {
        int accounts = 0;
        Set<String> regions = new HashSet<>();
        int vaults = 0;
        long points = 0;
        if (e.accounts() != null) {
            for (Account a : e.accounts()) {
                accounts++;
                if (a.regions() == null) {
                    continue;
                }
                for (var r : a.regions().entrySet()) {
                    Region region = r.getValue();
                    if (region.backupVaults() != null && !region.backupVaults().isEmpty()) {
                        regions.add(r.getKey());
                    }
                    if (region.backupVaults() != null) {
                        for (BackupVault v : region.backupVaults()) {
                            vaults++;
                            points += v.recoveryPoints() == null ? 0 : v.recoveryPoints().size();
                        }
                    }
                }
            }
        }
        return String.format(Locale.ROOT, "%d account%s · %d region%s · %d vault%s · %,d recovery point%s", accounts, accounts == 1 ? "" : "s",
                regions.size(), regions.size() == 1 ? "" : "s", vaults, vaults == 1 ? "" : "s", points, points == 1 ? "" : "s");
    }
}
