package dev.redoubt.ui.recoverypoints;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.Formats;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.recoverypoints.PointIndex.Base;
import dev.redoubt.ui.recoverypoints.PointIndex.View;
import dev.redoubt.ui.workspace.FailureText;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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
 * The recovery points screen's state and commands: every recovery point in scope (the organization
 * tree's choice) in one list, filtered by text, type, vault, account, status, encryption, key,
 * creation dates, age and "no copy in another account or region", sorted by any column; and one
 * point's page with its restorability verdict. Rows are listed, sorted and filtered off the FX
 * thread and published with one setAll; each change starts a new run and makes the runs before it
 * stop (the latest keystroke wins), and typing further filters only the rows the last run left.
 * An estate's rows are listed as soon as it opens, so going to the screen costs no wait.
 */
public final class RecoveryPointsViewModel {
    private static final String VAULT = "vault=";
    private static final String RESOURCE = "resource=";
    private static final String KEY = "key=";

    private final BrowseContext ctx;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<String> type = new SimpleObjectProperty<>();
    private final ObjectProperty<String> vault = new SimpleObjectProperty<>();
    private final ObjectProperty<String> account = new SimpleObjectProperty<>();
    private final ObjectProperty<String> status = new SimpleObjectProperty<>();
    private final ObjectProperty<Encryption> encryption = new SimpleObjectProperty<>();
    private final ObjectProperty<String> key = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> createdFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> createdTo = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> olderThanDays = new SimpleObjectProperty<>();
    private final BooleanProperty noCopyElsewhere = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<String> resource = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper resourceLabel = new ReadOnlyStringWrapper("");
    private final ObjectProperty<PointSort> sort = new SimpleObjectProperty<>(PointSort.DEFAULT);

    private final ObservableList<Choice> typeChoices = FXCollections.observableArrayList();
    private final ObservableList<Choice> vaultChoices = FXCollections.observableArrayList();
    private final ObservableList<Choice> accountChoices = FXCollections.observableArrayList();
    private final ObservableList<Choice> statusChoices = FXCollections.observableArrayList();
    private final ObservableList<Choice> keyChoices = FXCollections.observableArrayList();

    private final ObservableList<PointRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper inScope = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("Open the demo, a capture or a scan to list its recovery points.");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper filtered = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<PointFilter> shownFilter = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PointSort> shownSort = new ReadOnlyObjectWrapper<>();

    private final ReadOnlyBooleanWrapper showingDetail = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<PointDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper detailProblem = new ReadOnlyStringWrapper();
    private final ObservableValue<String> badge;

    private final AtomicLong generation = new AtomicLong();
    private final ChangeListener<Object> filterListener = (o, a, b) -> changed();
    private boolean active;
    private boolean dirty;
    private boolean batching;
    private Base base;
    private EstateCatalog building;
    private List<PointRow> sorted;
    private PointSort sortedFor;
    private View last;
    private String pendingDetail;
    private String lastPreset;

    public RecoveryPointsViewModel(BrowseContext ctx) {
        this.ctx = ctx;
        for (ObservableValue<?> p : List.of(text, type, vault, account, status, encryption, key, createdFrom, createdTo, olderThanDays,
                noCopyElsewhere, resource, sort)) {
            p.addListener(filterListener);
        }
        ctx.workspace().catalogProperty().addListener((o, a, b) -> catalogChanged());
        ctx.workspace().scopeProperty().addListener((o, a, b) -> {
            if (active) {
                recompute();
            } else {
                dirty = true;
            }
        });
        badge = Bindings.createStringBinding(() -> {
            EstateCatalog c = ctx.catalog();
            if (c == null) {
                return "";
            }
            long n = 0;
            for (EstateIndex.VaultRef v : c.index().vaults()) {
                n += v.points().size();
            }
            return n == 0 ? "" : Formats.count(n);
        }, ctx.workspace().catalogProperty());
    }

    // ---- lifecycle and routing

    /** Lists the estate on show if it is not listed yet, and applies what changed while the screen was hidden. */
    public void activate() {
        active = true;
        if (ctx.catalog() != null && base == null && building == null) {
            rebuild();
        } else if (dirty) {
            recompute();
        }
        dirty = false;
    }

    public void deactivate() {
        active = false;
    }

    /**
     * Shows what the target names: a recovery point's ARN opens its page; {@code vault=ARN},
     * {@code resource=ARN} and {@code key=ARN} list the points of that vault, resource or key (the
     * other filters cleared); null shows the list as the user left it.
     */
    public void open(String target) {
        if (target == null || target.isBlank()) {
            closeDetail();
            return;
        }
        if (target.startsWith(VAULT) || target.startsWith(RESOURCE) || target.startsWith(KEY)) {
            closeDetail();
            if (!target.equals(lastPreset)) {
                preset(target);
            }
            lastPreset = target;
            ensureBuilt();
            return;
        }
        pendingDetail = target;
        showingDetail.set(true);
        detail.set(null);
        detailProblem.set(null);
        ensureBuilt();
        showDetail();
    }

    private void preset(String target) {
        batching = true;
        try {
            clearFilterValues();
            String arn = target.substring(target.indexOf('=') + 1);
            if (target.startsWith(VAULT)) {
                vault.set(arn);
            } else if (target.startsWith(RESOURCE)) {
                resource.set(arn);
            } else {
                EstateCatalog c = ctx.catalog();
                EstateIndex.KeyRef k = c == null ? null : c.index().key(arn);
                key.set(k != null ? k.arn() : arn);
            }
        } finally {
            batching = false;
        }
        changed();
    }

    /** Opens a row's page (through the navigator, so back returns to the list). */
    public void openRow(PointRow row) {
        if (row != null && row.arn() != null) {
            ctx.navigator().open(Place.of(Destinations.RECOVERY_POINTS, row.arn()));
        }
    }

    /** Back to the list, as a place of its own (back returns to the page). */
    public void backToList() {
        ctx.navigator().open(Place.of(Destinations.RECOVERY_POINTS));
    }

    /** Goes to the page of an ARN or account ID; false when the console has none. */
    public boolean openArn(String arnOrId) {
        return ctx.openArn(arnOrId);
    }

    public BrowseContext context() {
        return ctx;
    }

    // ---- filters

    public StringProperty textProperty() {
        return text;
    }

    /** The resource type (as AWS names it: "EBS", "RDS"), null for any. */
    public ObjectProperty<String> typeProperty() {
        return type;
    }

    /** The vault's ARN, null for any. */
    public ObjectProperty<String> vaultProperty() {
        return vault;
    }

    /** The account's ID, null for any. */
    public ObjectProperty<String> accountProperty() {
        return account;
    }

    /** The status as AWS names it, {@link PointFilter#NOT_READ} for "not read", null for any. */
    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public ObjectProperty<Encryption> encryptionProperty() {
        return encryption;
    }

    /** The key's ARN, {@link PointFilter#AWS_OWNED} for AWS-owned keys, null for any. */
    public ObjectProperty<String> keyProperty() {
        return key;
    }

    public ObjectProperty<LocalDate> createdFromProperty() {
        return createdFrom;
    }

    public ObjectProperty<LocalDate> createdToProperty() {
        return createdTo;
    }

    /** Only points created more than this many days before the capture; null for any age. */
    public ObjectProperty<Integer> olderThanDaysProperty() {
        return olderThanDays;
    }

    /** Only points whose resource has no copy in another account or region. */
    public BooleanProperty noCopyElsewhereProperty() {
        return noCopyElsewhere;
    }

    /** The resource a link asked for (its ARN), null for any: cleared with {@link #clearResource()}. */
    public ReadOnlyObjectProperty<String> resourceProperty() {
        return resource.getReadOnlyProperty();
    }

    /** "shop-orders (arn:aws:rds:...)" for the chip that shows the resource filter. */
    public ReadOnlyStringProperty resourceLabelProperty() {
        return resourceLabel.getReadOnlyProperty();
    }

    public void clearResource() {
        resource.set(null);
    }

    public ObjectProperty<PointSort> sortProperty() {
        return sort;
    }

    /** Sorts by a column: a new column ascending (dates newest first), the same column the other way. */
    public void sortBy(PointSort.Column column) {
        PointSort now = sort.get();
        boolean ascending = now.column() == column ? !now.ascending() : column != PointSort.Column.CREATED && column != PointSort.Column.DELETE_AT
                && column != PointSort.Column.SIZE;
        sort.set(new PointSort(column, ascending));
    }

    /** The filter the properties make now. */
    public PointFilter filter() {
        return new PointFilter(text.get(), type.get(), vault.get(), account.get(), status.get(), encryption.get(), key.get(), createdFrom.get(),
                createdTo.get(), olderThanDays.get() == null || olderThanDays.get() < 0 ? null : olderThanDays.get(), noCopyElsewhere.get(),
                resource.get());
    }

    /** Removes every filter (the scope stays: the chip clears it). */
    public void clearFilters() {
        batching = true;
        try {
            clearFilterValues();
        } finally {
            batching = false;
        }
        lastPreset = null;
        changed();
    }

    private void clearFilterValues() {
        text.set("");
        type.set(null);
        vault.set(null);
        account.set(null);
        status.set(null);
        encryption.set(null);
        key.set(null);
        createdFrom.set(null);
        createdTo.set(null);
        olderThanDays.set(null);
        noCopyElsewhere.set(false);
        resource.set(null);
    }

    /** True when a filter is set (so "Clear filters" has something to do). */
    public ReadOnlyBooleanProperty filteredProperty() {
        return filtered.getReadOnlyProperty();
    }

    public ObservableList<Choice> typeChoices() {
        return typeChoices;
    }

    public ObservableList<Choice> vaultChoices() {
        return vaultChoices;
    }

    public ObservableList<Choice> accountChoices() {
        return accountChoices;
    }

    public ObservableList<Choice> statusChoices() {
        return statusChoices;
    }

    public ObservableList<Choice> keyChoices() {
        return keyChoices;
    }

    // ---- the table

    /** The rows on show, in the order asked; replaced with one setAll per change. */
    public ObservableList<PointRow> rows() {
        return rows;
    }

    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** How many recovery points the scope holds. */
    public ReadOnlyIntegerProperty inScopeProperty() {
        return inScope.getReadOnlyProperty();
    }

    /** "1,234 of 200,000 recovery points". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** What the table says when it shows no row. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** True while the rows are being listed, sorted or filtered. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** The filter of the rows on show (null before the first): set when they are published. */
    public ReadOnlyObjectProperty<PointFilter> shownFilterProperty() {
        return shownFilter.getReadOnlyProperty();
    }

    /** The order of the rows on show: set when they are published. */
    public ReadOnlyObjectProperty<PointSort> shownSortProperty() {
        return shownSort.getReadOnlyProperty();
    }

    /** The navigation badge: how many recovery points the estate holds. */
    public ObservableValue<String> badge() {
        return badge;
    }

    // ---- the detail page

    /** True while a point's page is on show (or being prepared). */
    public ReadOnlyBooleanProperty showingDetailProperty() {
        return showingDetail.getReadOnlyProperty();
    }

    /** The page's content; null while it is being prepared or when the point is not in the estate. */
    public ReadOnlyObjectProperty<PointDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Why no page can be shown ("No recovery point ... in this estate"), or null. */
    public ReadOnlyStringProperty detailProblemProperty() {
        return detailProblem.getReadOnlyProperty();
    }

    private void closeDetail() {
        pendingDetail = null;
        showingDetail.set(false);
        detail.set(null);
        detailProblem.set(null);
    }

    private void showDetail() {
        String arn = pendingDetail;
        Base b = base;
        if (arn == null) {
            return;
        }
        if (b == null) {
            if (ctx.catalog() == null) {
                detailProblem.set("Open an estate first: no recovery point is on show.");
            }
            return; // shown when the rows are listed
        }
        EstateIndex.PointRef ref = b.catalog().point(arn);
        if (ref == null) {
            detailProblem.set("The estate on show holds no recovery point " + arn + ".");
            return;
        }
        ctx.actions().tasks().run("Judging the recovery point", false, c -> PointDetail.of(b, b.rowOf(ref)), d -> {
            if (arn.equals(pendingDetail) && b == base) {
                detail.set(d);
            }
        }, t -> {
            if (arn.equals(pendingDetail)) {
                detailProblem.set("Could not judge this recovery point: " + FailureText.of("", t, ctx.actions()::signIn).text());
            }
        });
    }

    // ---- the pipeline

    private void catalogChanged() {
        base = null;
        last = null;
        sorted = null;
        sortedFor = null;
        lastPreset = lastPreset != null && ctx.catalog() != null ? lastPreset : null;
        if (ctx.catalog() == null) {
            building = null;
            generation.incrementAndGet();
            rows.clear();
            shown.set(0);
            inScope.set(0);
            countText.set("");
            placeholder.set("Open the demo, a capture or a scan to list its recovery points.");
            for (ObservableList<Choice> l : List.of(typeChoices, vaultChoices, accountChoices, statusChoices, keyChoices)) {
                l.clear();
            }
            if (showingDetail.get()) {
                detail.set(null);
                detailProblem.set("Open an estate first: no recovery point is on show.");
            }
            return;
        }
        // Listed at once, off the FX thread, even while the screen is hidden: going to it then costs no wait.
        rebuild();
    }

    private void ensureBuilt() {
        if (base == null && building == null && ctx.catalog() != null) {
            rebuild();
        }
    }

    private void rebuild() {
        EstateCatalog catalog = ctx.catalog();
        if (catalog == null) {
            return;
        }
        building = catalog;
        long gen = generation.incrementAndGet();
        PointFilter f = filter();
        BrowseScope scope = ctx.workspace().scope();
        PointSort s = sort.get();
        ZoneId zone = ctx.clock().getZone();
        working.set(true);
        placeholder.set("Listing the recovery points…");
        ctx.actions().tasks().run("Listing the recovery points", false, c -> {
            Base b = PointIndex.build(catalog, zone);
            return PointIndex.view(b, s, null, null, f, scope, () -> false);
        }, v -> {
            if (building != catalog) {
                return; // another estate opened meanwhile
            }
            building = null;
            base = v.base();
            typeChoices.setAll(v.base().typeChoices());
            vaultChoices.setAll(v.base().vaultChoices());
            accountChoices.setAll(v.base().accountChoices());
            statusChoices.setAll(v.base().statusChoices());
            keyChoices.setAll(v.base().keyChoices());
            if (generation.get() == gen) {
                publish(v);
            } else {
                recompute();
            }
            showDetail();
        }, t -> {
            if (building == catalog) {
                building = null;
            }
            working.set(false);
            placeholder.set("Could not list the recovery points.");
            ctx.actions().notices().post(FailureText.of("Could not list the recovery points", t, ctx.actions()::signIn));
        });
    }

    private void changed() {
        if (batching) {
            return;
        }
        PointFilter f = filter();
        filtered.set(!f.isEmpty());
        String r = resource.get();
        resourceLabel.set(r == null ? "" : resourceName(r));
        recompute();
    }

    private String resourceName(String arn) {
        if (base != null && base.resourcesByArn().get(arn) != null) {
            return base.resourcesByArn().get(arn).name();
        }
        return PointIndex.lastPart(arn);
    }

    private void recompute() {
        if (batching || base == null) {
            return;
        }
        long gen = generation.incrementAndGet();
        Base b = base;
        PointFilter f = filter();
        BrowseScope scope = ctx.workspace().scope();
        PointSort s = sort.get();
        List<PointRow> inOrder = s.equals(sortedFor) ? sorted : null;
        List<PointRow> narrow = inOrder != null && last != null && last.base() == b && last.sort().equals(s)
                && Objects.equals(last.scope(), scope) && f.narrows(last.filter()) ? last.rows() : null;
        working.set(true);
        ctx.actions().tasks().run(inOrder == null ? "Sorting the recovery points" : "Filtering the recovery points", false,
                c -> {
                    try {
                        return PointIndex.view(b, s, inOrder, narrow, f, scope, () -> generation.get() != gen);
                    } catch (CancellationException superseded) {
                        return null; // a newer run replaced it
                    }
                }, v -> {
                    if (v != null && generation.get() == gen && v.base() == base) {
                        publish(v);
                    }
                }, t -> {
                    if (generation.get() == gen) {
                        working.set(false);
                    }
                    ctx.actions().notices().post(FailureText.of("Could not filter the recovery points", t, ctx.actions()::signIn));
                });
    }

    private void publish(View v) {
        sorted = v.sorted();
        sortedFor = v.sort();
        last = v;
        rows.setAll(v.rows());
        shown.set(v.rows().size());
        inScope.set(v.inScope());
        countText.set(Formats.count(v.rows().size()) + " of " + Formats.count(v.inScope()) + (v.inScope() == 1 ? " recovery point" : " recovery points"));
        if (v.rows().isEmpty()) {
            BrowseScope scope = v.scope();
            placeholder.set(v.inScope() == 0 ? (scope == null || scope.isAll() ? "This estate holds no recovery points."
                    : "No recovery points in " + scope.label() + ". Clear the scope to see the whole organization.")
                    : "No recovery point matches these filters.");
        }
        working.set(false);
        shownSort.set(v.sort());
        shownFilter.set(v.filter());
    }
}
