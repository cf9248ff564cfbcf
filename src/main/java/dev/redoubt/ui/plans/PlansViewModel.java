package dev.redoubt.ui.plans;

import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.Formats;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.navigation.Routable;
import dev.redoubt.ui.workspace.FailureText;
import java.util.List;
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
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The backup plans screen's state and commands: the plans in scope, filtered by text and sorted by
 * a column (off the FX thread, published with one setAll), and one plan in full when the shell
 * opens it. Subscribes to the workspace between {@link #activate()} and {@link #deactivate()}.
 */
public final class PlansViewModel implements Routable {
    private final BrowseContext ctx;
    private final ObservableList<PlanRow> rows = FXCollections.observableArrayList();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<PlanColumn> sortColumn = new SimpleObjectProperty<>(PlanColumn.NAME);
    private final ObjectProperty<Boolean> ascending = new SimpleObjectProperty<>(true);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<PlanDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ChangeListener<Object> reload = (o, old, now) -> reload();
    private boolean active;
    private List<PlanRow> all = List.of();
    private EstateCatalog listed;
    private BrowseScope listedScope;
    private long loads;
    private long views;

    public PlansViewModel(BrowseContext ctx) {
        this.ctx = ctx;
        text.addListener((o, old, now) -> recompute());
        sortColumn.addListener((o, old, now) -> recompute());
        ascending.addListener((o, old, now) -> recompute());
    }

    public BrowseContext context() {
        return ctx;
    }

    /** Subscribes to the workspace (its catalog and scope) and lists the plans if they changed since the last visit. */
    public void activate() {
        if (active) {
            return;
        }
        active = true;
        ctx.workspace().catalogProperty().addListener(reload);
        ctx.workspace().scopeProperty().addListener(reload);
        if (listed != ctx.catalog() || listedScope != ctx.workspace().scope()) {
            reload();
        }
    }

    public void deactivate() {
        if (!active) {
            return;
        }
        active = false;
        ctx.workspace().catalogProperty().removeListener(reload);
        ctx.workspace().scopeProperty().removeListener(reload);
    }

    /** Shows one plan in full (its ARN), or the list (null) as the user left it. Only the shell calls it. */
    @Override
    public void open(String planArn) {
        target.set(planArn);
        if (planArn == null) {
            detail.set(null);
            problem.set(null);
            return;
        }
        EstateCatalog catalog = ctx.catalog();
        if (catalog == null) {
            detail.set(null);
            problem.set("Open an estate to see its backup plans.");
            return;
        }
        ctx.actions().tasks().run("Reading the backup plan", false, c -> java.util.Optional.ofNullable(PlanList.detail(catalog, planArn)), d -> {
            if (!planArn.equals(target.get())) {
                return; // the user went elsewhere meanwhile
            }
            detail.set(d.orElse(null));
            problem.set(d.isPresent() ? null : "This capture holds no backup plan " + planArn + ". It may have been deleted, or read in another scan.");
        }, t -> {
            detail.set(null);
            problem.set("Could not read the backup plan: " + FailureText.of("", t, null).text());
        });
    }

    /** Goes to a plan's page (recorded in the history, so back returns to the list). */
    public void show(PlanRow row) {
        if (row != null && row.arn() != null) {
            ctx.navigator().open(Place.of(Destinations.PLANS, row.arn()));
        }
    }

    /** Back to the list, through the history. */
    public void showList() {
        ctx.navigator().open(Place.of(Destinations.PLANS));
    }

    /** Shows the whole organization again. */
    public void clearScope() {
        ctx.workspace().scopeProperty().set(BrowseScope.ALL);
    }

    public void sortBy(PlanColumn column, boolean ascendingOrder) {
        sortColumn.set(column == null ? PlanColumn.NAME : column);
        ascending.set(ascendingOrder);
    }

    // ---- properties

    /** The plans shown: in scope, filtered, sorted. Replaced with one setAll per change. */
    public ObservableList<PlanRow> rows() {
        return rows;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<PlanColumn> sortColumnProperty() {
        return sortColumn;
    }

    public ObjectProperty<Boolean> ascendingProperty() {
        return ascending;
    }

    /** "3 of 12 backup plans". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** The plan shown in full, or null while the list shows. */
    public ReadOnlyObjectProperty<PlanDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public PlanDetail detail() {
        return detail.get();
    }

    /** The ARN the shell asked to show (null: the list). */
    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** Why the plan asked for cannot be shown, in a sentence; null when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    // ---- the pipeline

    private void reload() {
        EstateCatalog catalog = ctx.catalog();
        BrowseScope scope = ctx.workspace().scope();
        listed = catalog;
        listedScope = scope;
        if (target.get() != null) {
            open(target.get()); // the same plan in the new audit (after a suppression, say)
        }
        if (catalog == null) {
            all = List.of();
            rows.clear();
            countText.set("");
            return;
        }
        long gen = ++loads;
        working.set(true);
        ctx.actions().tasks().run("Listing the backup plans", false, c -> PlanList.rows(catalog, scope), r -> {
            if (gen != loads) {
                return;
            }
            all = r;
            recompute();
        }, this::failed);
    }

    private void recompute() {
        List<PlanRow> base = all;
        String filter = text.get();
        PlanColumn column = sortColumn.get();
        boolean up = ascending.get() == null || ascending.get();
        long gen = ++views;
        working.set(true);
        ctx.actions().tasks().run("Filtering the backup plans", false, c -> PlanList.view(base, filter, column, up), v -> {
            if (gen != views) {
                return;
            }
            working.set(false);
            rows.setAll(v);
            countText.set(Formats.count(v.size()) + " of " + Formats.count(base.size()) + (base.size() == 1 ? " backup plan" : " backup plans"));
        }, this::failed);
    }

    private void failed(Throwable t) {
        working.set(false);
        ctx.actions().notices().post(FailureText.of("Could not list the backup plans", t, null));
    }
}
