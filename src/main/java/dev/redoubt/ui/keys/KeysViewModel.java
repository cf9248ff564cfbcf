package dev.redoubt.ui.keys;

import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.Result;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.Formats;
import dev.redoubt.ui.findings.FindingsQuery;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.workspace.FailureText;
import dev.redoubt.ui.workspace.Notice;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The keys screen's state and commands: every key in scope (the estate's, and those vaults and
 * recovery points use that it does not hold), listed, filtered and sorted off the FX thread and
 * published with one setAll; and the page of one key, opened by its ARN through the shell
 * ({@link #open(String)}), built off the FX thread too. Subscribes to the workspace between
 * {@link #activate()} and {@link #deactivate()}.
 */
public final class KeysViewModel {
    private final BrowseContext ctx;
    private final Consumer<FindingsQuery> showFindings;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<KeySort> sort = new SimpleObjectProperty<>(KeySort.NAME);
    private final BooleanProperty ascending = new SimpleBooleanProperty(true);
    private final ObservableList<KeyRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No estate open");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<KeyDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper detailStatus = new ReadOnlyStringWrapper("");
    private final StringBinding badge;
    private final ChangeListener<Object> sourceListener = (o, a, b) -> rebuild();

    private boolean active;
    private List<KeyRow> base;
    private EstateCatalog builtCatalog;
    private BrowseScope builtScope;
    private EstateCatalog building;
    private boolean computing;
    private boolean again;
    /** The key whose page is open (its ARN or AWS-owned ID), null for the list. */
    private String target;
    private EstateCatalog detailCatalog;

    /**
     * @param showFindings shows the findings screen with a query (a key's finding selected); the console
     *                     wires it to the findings screen, tests record it
     */
    public KeysViewModel(BrowseContext ctx, Consumer<FindingsQuery> showFindings) {
        this.ctx = ctx;
        this.showFindings = showFindings;
        text.addListener((o, a, b) -> recompute());
        sort.addListener((o, a, b) -> recompute());
        ascending.addListener((o, a, b) -> recompute());
        // The navigation badge: keys with a failing finding; a look-up per key of the estate, no walk over recovery points.
        badge = Bindings.createStringBinding(() -> {
            EstateCatalog c = ctx.workspace().catalog();
            if (c == null) {
                return "";
            }
            long failing = c.index().keys().stream().map(KeyRef::arn).filter(a -> c.worstFailing(a) != null).count();
            return failing == 0 ? "" : Formats.count(failing);
        }, ctx.workspace().catalogProperty());
    }

    public BrowseContext context() {
        return ctx;
    }

    /** Subscribes to the catalog and the scope, and lists the keys if either changed since the last visit. */
    public void activate() {
        if (active) {
            return;
        }
        active = true;
        ctx.workspace().catalogProperty().addListener(sourceListener);
        ctx.workspace().scopeProperty().addListener(sourceListener);
        rebuild();
    }

    public void deactivate() {
        if (!active) {
            return;
        }
        active = false;
        ctx.workspace().catalogProperty().removeListener(sourceListener);
        ctx.workspace().scopeProperty().removeListener(sourceListener);
    }

    /** Shows a key's page (its ARN, an alias ARN, or an AWS-owned key's ID); null: the list, as the user left it. Only the shell calls it. */
    public void open(String key) {
        target = key == null || key.isBlank() ? null : key;
        loadDetail();
    }

    // ---- the list

    /** The text filter: every word must appear in the key's alias, ARN, account, region, kind, state or vaults. */
    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<KeySort> sortProperty() {
        return sort;
    }

    public BooleanProperty ascendingProperty() {
        return ascending;
    }

    /** Sorts by a column (the table's header clicks). */
    public void sort(KeySort column, boolean up) {
        if (column == sort.get() && up == ascending.get()) {
            return;
        }
        KeySort previous = sort.get();
        ascending.set(up);
        if (column == previous) {
            return;
        }
        sort.set(column);
    }

    /** The rows on show; replaced with one setAll per change. */
    public ObservableList<KeyRow> rows() {
        return rows;
    }

    /** "12 of 15 keys". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** What the list shows instead of rows: "No estate open", "Listing the keys…", "No key matches …"; "" when rows are on show. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** Opens a row's page (through the shell, so back returns to the list). */
    public void select(KeyRow row) {
        if (row != null) {
            ctx.navigator().open(Place.of(Destinations.KEYS, row.id()));
        }
    }

    /** Shows the whole organization again. */
    public void clearScope() {
        ctx.workspace().scopeProperty().set(BrowseScope.ALL);
    }

    /** The navigation badge: how many keys have a failing finding. */
    public ObservableValue<String> badge() {
        return badge;
    }

    // ---- the page of a key

    /** The page on show, null when the list is. */
    public ReadOnlyObjectProperty<KeyDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public KeyDetail detail() {
        return detail.get();
    }

    /** "Reading the key…", or why the page cannot be shown; "" otherwise. */
    public ReadOnlyStringProperty detailStatusProperty() {
        return detailStatus.getReadOnlyProperty();
    }

    /** The recovery points the key encrypts, on the recovery points screen. */
    public void showRecoveryPoints() {
        KeyDetail d = detail.get();
        if (d != null && d.pointsTarget() != null) {
            ctx.navigator().open(Place.of(Destinations.RECOVERY_POINTS, d.pointsTarget()));
        } else if (d != null && d.vaults().size() == 1) {
            ctx.navigator().open(Place.of(Destinations.RECOVERY_POINTS, "vault=" + d.vaults().get(0).arn()));
        }
    }

    /** Shows one of the key's findings on the findings screen, selected. */
    public void showFinding(Result r) {
        if (r != null && showFindings != null) {
            showFindings.accept(FindingsQuery.result(r.checkId(), r.resourceArn()));
        }
    }

    // ---- the pipeline

    private void rebuild() {
        EstateCatalog catalog = ctx.catalog();
        BrowseScope scope = ctx.workspace().scope();
        if (detailCatalog != catalog && target != null) {
            loadDetail();
        }
        if (catalog == null) {
            base = null;
            builtCatalog = null;
            building = null;
            rows.clear();
            countText.set("");
            status.set("No estate open");
            working.set(false);
            return;
        }
        if (catalog == builtCatalog && scope.equals(builtScope) || catalog == building) {
            return;
        }
        building = catalog;
        working.set(true);
        if (base == null) {
            status.set("Listing the keys…");
        }
        ZoneId zone = ctx.clock().getZone();
        ctx.actions().tasks().run("Listing the keys", false, c -> KeysIndex.build(catalog, scope, zone), built -> {
            if (building != catalog) {
                return;
            }
            building = null;
            builtCatalog = catalog;
            builtScope = scope;
            base = built;
            if (!ctx.workspace().scope().equals(scope) && active) {
                rebuild();
                return;
            }
            recompute();
        }, t -> {
            building = null;
            working.set(false);
            status.set("Could not list the keys: " + t.getMessage());
            ctx.actions().notices().post(FailureText.of("Could not list the keys", t, ctx.actions()::signIn));
        });
    }

    private void recompute() {
        if (base == null) {
            return;
        }
        if (computing) {
            again = true;
            return;
        }
        computing = true;
        again = false;
        working.set(true);
        List<KeyRow> b = base;
        String t = text.get();
        KeySort s = sort.get();
        boolean up = ascending.get();
        ctx.actions().tasks().run("Filtering the keys", false, c -> KeysIndex.view(b, t, s, up), shown -> {
            computing = false;
            if (again || b != base) {
                recompute();
                return;
            }
            working.set(building != null);
            rows.setAll(shown);
            countText.set(Formats.count(shown.size()) + " of " + Formats.count(b.size()) + (b.size() == 1 ? " key" : " keys"));
            status.set(!shown.isEmpty() ? "" : b.isEmpty() ? (ctx.workspace().scope().isAll() ? "The estate holds no KMS key." : "No key in this scope.")
                    : "No key matches \u201c" + t.trim() + "\u201d.");
        }, e -> {
            computing = false;
            working.set(false);
            ctx.actions().notices().post(FailureText.of("Could not filter the keys", e, ctx.actions()::signIn));
        });
    }

    private void loadDetail() {
        String key = target;
        EstateCatalog catalog = ctx.catalog();
        detailCatalog = catalog;
        if (key == null) {
            detail.set(null);
            detailStatus.set("");
            return;
        }
        if (catalog == null) {
            detail.set(null);
            detailStatus.set("Open an estate to see this key.");
            return;
        }
        KeyDetail shown = detail.get();
        if (shown == null || !key.equals(shown.id())) {
            detailStatus.set("Reading the key…");
        }
        ZoneId zone = ctx.clock().getZone();
        ctx.actions().tasks().run("Reading the key", false, c -> java.util.Optional.ofNullable(KeyDetails.build(catalog, key, zone)), d -> {
            if (!key.equals(target) || catalog != ctx.catalog()) {
                return;
            }
            if (d.isEmpty()) {
                detail.set(null);
                detailStatus.set("");
                ctx.actions().notices().post(Notice.of(Notice.Kind.INFO, "No such key", "The estate on show names no key " + key + "."));
                return;
            }
            detailStatus.set("");
            detail.set(d.get());
        }, t -> {
            detailStatus.set("Could not read the key: " + t.getMessage());
            ctx.actions().notices().post(FailureText.of("Could not read the key", t, ctx.actions()::signIn));
        });
    }
}
