package dev.redoubt.ui.vaults;

import dev.redoubt.findings.access.AccessAnswer;
import dev.redoubt.findings.restorability.Restorability;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The vaults screen's state: the table (rows built once per estate off the UI thread, then scoped,
 * filtered and sorted off it too, published with one setAll) and the page of one vault (its detail
 * built off the UI thread). The shell calls {@link #open(String)} with a vault ARN, or null for the list.
 */
public final class VaultsViewModel {
    private final BrowseContext ctx;
    private final ObservableList<VaultRow> rows = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<VaultSort> sort = new SimpleObjectProperty<>(VaultSort.DEFAULT);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("No estate open");
    private final ReadOnlyStringWrapper badge = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<VaultDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper detailStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper();
    private final ObjectProperty<AccessAnswer.Question> question = new SimpleObjectProperty<>(AccessAnswer.Question.DELETE_RECOVERY_POINTS);

    private EstateCatalog built;
    private List<VaultRow> all;
    private boolean computing;
    private boolean again;
    private long detailSerial;
    private Cached cached;

    /** The estate-wide restorability index, built once per catalog on first use (off the UI thread). */
    private record Cached(EstateCatalog catalog, Restorability restorability) {
    }

    public VaultsViewModel(BrowseContext ctx) {
        this.ctx = ctx;
        ctx.workspace().catalogProperty().addListener((o, a, b) -> rebuild());
        ctx.workspace().scopeProperty().addListener((o, a, b) -> recompute());
        filter.addListener((o, a, b) -> recompute());
        sort.addListener((o, a, b) -> recompute());
        rebuild();
    }

    // ---- routing

    /** Shows a vault's page (its ARN), or the list as it was left (null). */
    public void open(String vaultArn) {
        target.set(vaultArn);
        if (vaultArn == null) {
            detailSerial++;
            detail.set(null);
            detailStatus.set("");
            return;
        }
        loadDetail();
    }

    /** The vault on show (its ARN), null while the list is. */
    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** Goes to a vault's page (through the navigator, so back returns to the list). */
    public void openVault(String vaultArn) {
        if (vaultArn != null) {
            ctx.navigator().open(Place.of(Destinations.VAULTS, vaultArn));
        }
    }

    /** Goes to the recovery points of the vault on show. */
    public void showRecoveryPoints() {
        VaultDetail d = detail.get();
        if (d != null) {
            ctx.navigator().open(Place.of(Destinations.RECOVERY_POINTS, "vault=" + d.arn()));
        }
    }

    /** Shows the whole organization again. */
    public void clearScope() {
        ctx.workspace().scopeProperty().set(BrowseScope.ALL);
    }

    public BrowseContext context() {
        return ctx;
    }

    // ---- the table

    public ObservableList<VaultRow> rows() {
        return rows;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<VaultSort> sortProperty() {
        return sort;
    }

    /** Sorts by a column; the same column again flips the direction. */
    public void sortBy(VaultColumn column) {
        VaultSort now = sort.get();
        sort.set(new VaultSort(column, now.column() == column ? !now.ascending() : column != VaultColumn.WORST && column != VaultColumn.RECOVERY_POINTS));
    }

    /** "12 of 21 vaults". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** What the empty table says: "No estate open", "Listing the vaults…", "No vault matches …". */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** The navigation badge: how many vaults the estate has. */
    public ObservableValue<String> badge() {
        return badge.getReadOnlyProperty();
    }

    // ---- the page of one vault

    /** The vault on show; null while the list is, or while it is being built. */
    public ReadOnlyObjectProperty<VaultDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public VaultDetail detail() {
        return detail.get();
    }

    /** "Loading the vault…", "This estate has no vault …", or "" when the page is on show. */
    public ReadOnlyStringProperty detailStatusProperty() {
        return detailStatus.getReadOnlyProperty();
    }

    /** Whose statements the policy viewer marks. */
    public ObjectProperty<AccessAnswer.Question> questionProperty() {
        return question;
    }

    // ---- the pipeline

    private void rebuild() {
        EstateCatalog catalog = ctx.catalog();
        if (catalog == built) {
            return;
        }
        built = catalog;
        all = null;
        if (catalog == null) {
            rows.clear();
            countText.set("");
            badge.set("");
            placeholder.set("No estate open");
            if (target.get() != null) {
                loadDetail();
            }
            return;
        }
        working.set(true);
        placeholder.set("Listing the vaults…");
        // Indexes where every resource's copies are, once per estate, so a vault's page opens without walking every recovery point.
        ctx.actions().tasks().run("Indexing copies for the vault pages", false, c -> restorability(catalog), r -> { }, t -> { });
        ctx.actions().tasks().run("Listing the vaults", false, c -> VaultRows.build(catalog), list -> {
            if (catalog != built) {
                return;
            }
            all = list;
            badge.set(list.isEmpty() ? "" : String.format(Locale.ROOT, "%,d", list.size()));
            recompute();
        }, t -> {
            working.set(false);
            placeholder.set("Could not list the vaults: " + t.getMessage());
        });
        if (target.get() != null) {
            loadDetail();
        }
    }

    private void recompute() {
        if (all == null) {
            return;
        }
        if (computing) {
            again = true;
            return;
        }
        computing = true;
        again = false;
        working.set(true);
        List<VaultRow> base = all;
        BrowseScope scope = ctx.workspace().scope();
        String text = filter.get();
        VaultSort order = sort.get();
        ctx.actions().tasks().run("Filtering the vaults", false, c -> VaultRows.view(base, scope, text, order), list -> {
            computing = false;
            if (base != all || again) {
                recompute();
                return;
            }
            rows.setAll(list);
            working.set(false);
            countText.set(String.format(Locale.ROOT, "%,d of %,d vaults", list.size(), base.size()));
            placeholder.set(list.isEmpty() ? emptyText(scope, text) : "");
        }, t -> {
            computing = false;
            working.set(false);
            placeholder.set("Could not filter the vaults: " + t.getMessage());
        });
    }

    private String emptyText(BrowseScope scope, String text) {
        if (all.isEmpty()) {
            return "This estate has no vaults";
        }
        if (text != null && !text.isBlank()) {
            return "No vault matches \u201c" + text.trim() + "\u201d" + (scope.isAll() ? "" : " in " + scope.label());
        }
        return "No vault in " + scope.label();
    }

    private void loadDetail() {
        String arn = target.get();
        EstateCatalog catalog = ctx.catalog();
        long serial = ++detailSerial;
        if (catalog == null) {
            detail.set(null);
            detailStatus.set("Open an estate to see this vault.");
            return;
        }
        if (detail.get() == null || !arn.equals(detail.get().arn())) {
            detail.set(null);
        }
        detailStatus.set("Loading the vault…");
        ctx.actions().tasks().run("Opening the vault", false, c -> VaultDetail.build(catalog, restorability(catalog), arn), d -> {
            if (serial != detailSerial) {
                return;
            }
            detail.set(d);
            detailStatus.set(d == null ? "This estate has no vault " + arn + "." : "");
        }, t -> {
            if (serial == detailSerial) {
                detail.set(null);
                detailStatus.set("Could not open the vault: " + t.getMessage());
            }
        });
    }

    /** The estate's restorability index, built once per catalog (on a task thread; shared by later pages). */
    private synchronized Restorability restorability(EstateCatalog catalog) {
        Cached c = cached;
        if (c == null || c.catalog() != catalog) {
            c = new Cached(catalog, Restorability.of(catalog.index()));
            cached = c;
        }
        return c.restorability();
    }
}
