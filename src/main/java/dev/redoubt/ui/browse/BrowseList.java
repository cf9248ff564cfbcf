package dev.redoubt.ui.browse;

import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.navigation.Destination;
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
 * A list screen's state and commands, shared by the screens that list one kind of thing (backup
 * plans, restore testing plans, restore jobs): the things in scope, filtered by text and sorted by
 * a column (off the FX thread, published with one setAll), and one thing in full when the shell
 * opens it. Subscribes to the workspace between {@link #activate()} and {@link #deactivate()}.
 * A screen says how its rows, its view and its detail are made, and what its things are called.
 *
 * @param <R> a row (an immutable record)
 * @param <C> the columns to sort by
 * @param <D> the thing shown in full
 */
public abstract class BrowseList<R, C, D> implements Routable {
    /** What the screen's things are called ("backup plan", "backup plans"), and why one may be missing from a capture. */
    public record Words(String one, String many, String whyMissing) {
    }

    private final BrowseContext ctx;
    private final Destination destination;
    private final Words words;
    private final C defaultColumn;
    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<C> sortColumn = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> ascending = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<D> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ChangeListener<Object> reload = (o, old, now) -> reload();
    private boolean active;
    private List<R> all = List.of();
    private EstateCatalog listed;
    private BrowseScope listedScope;
    private long loads;
    private long views;

    protected BrowseList(BrowseContext ctx, Destination destination, Words words, C defaultColumn, boolean defaultAscending) {
        this.ctx = ctx;
        this.destination = destination;
        this.words = words;
        this.defaultColumn = defaultColumn;
        sortColumn.set(defaultColumn);
        ascending.set(defaultAscending);
        text.addListener((o, old, now) -> recompute());
        sortColumn.addListener((o, old, now) -> recompute());
        ascending.addListener((o, old, now) -> recompute());
    }

    /** The rows of everything in scope (off the FX thread). */
    protected abstract List<R> list(EstateCatalog catalog, BrowseScope scope);

    /** The rows shown: filtered by text and sorted (off the FX thread). */
    protected abstract List<R> view(List<R> base, String filter, C column, boolean ascending);

    /** One thing in full, or null when the capture holds none such (off the FX thread). */
    protected abstract D find(EstateCatalog catalog, String target);

    /** The target of a row's page (its ARN or ID), or null. */
    protected abstract String targetOf(R row);

    public BrowseContext context() {
        return ctx;
    }

    /** Subscribes to the workspace (its catalog and scope) and lists the things if they changed since the last visit. */
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

    /** Shows one thing in full (its ARN or ID), or the list (null) as the user left it. Only the shell calls it. */
    @Override
    public void open(String wanted) {
        target.set(wanted);
        if (wanted == null) {
            detail.set(null);
            problem.set(null);
            return;
        }
        EstateCatalog catalog = ctx.catalog();
        if (catalog == null) {
            detail.set(null);
            problem.set("Open an estate to see its " + words.many() + ".");
            return;
        }
        ctx.actions().tasks().run("Reading the " + words.one(), false, c -> java.util.Optional.ofNullable(find(catalog, wanted)), d -> {
            if (!wanted.equals(target.get())) {
                return; // the user went elsewhere meanwhile
            }
            detail.set(d.orElse(null));
            problem.set(d.isPresent() ? null : "This capture holds no " + words.one() + " " + wanted + ". " + words.whyMissing());
        }, t -> {
            detail.set(null);
            problem.set("Could not read the " + words.one() + ": " + FailureText.of("", t, null).text());
        });
    }

    /** Goes to a row's page (recorded in the history, so back returns to the list). */
    public void show(R row) {
        String to = row == null ? null : targetOf(row);
        if (to != null) {
            ctx.navigator().open(Place.of(destination, to));
        }
    }

    /** Back to the list, through the history. */
    public void showList() {
        ctx.navigator().open(Place.of(destination));
    }

    /** Shows the whole organization again. */
    public void clearScope() {
        ctx.workspace().scopeProperty().set(BrowseScope.ALL);
    }

    public void sortBy(C column, boolean ascendingOrder) {
        sortColumn.set(column == null ? defaultColumn : column);
        ascending.set(ascendingOrder);
    }

    // ---- properties

    /** The rows shown: in scope, filtered, sorted. Replaced with one setAll per change. */
    public ObservableList<R> rows() {
        return rows;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<C> sortColumnProperty() {
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

    /** The thing shown in full, or null while the list shows. */
    public ReadOnlyObjectProperty<D> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public D detail() {
        return detail.get();
    }

    /** The ARN the shell asked to show (null: the list). */
    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** Why the thing asked for cannot be shown, in a sentence; null when it can. */
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
            open(target.get()); // the same thing in the new audit (after a suppression, say)
        }
        if (catalog == null) {
            all = List.of();
            rows.clear();
            countText.set("");
            return;
        }
        long gen = ++loads;
        working.set(true);
        ctx.actions().tasks().run("Listing the " + words.many(), false, c -> list(catalog, scope), r -> {
            if (gen != loads) {
                return;
            }
            all = r;
            recompute();
        }, this::failed);
    }

    private void recompute() {
        List<R> base = all;
        String filter = text.get();
        C column = sortColumn.get();
        boolean up = ascending.get() == null || ascending.get();
        long gen = ++views;
        working.set(true);
        ctx.actions().tasks().run("Filtering the " + words.many(), false, c -> view(base, filter, column, up), v -> {
            if (gen != views) {
                return;
            }
            working.set(false);
            rows.setAll(v);
            countText.set(Formats.count(v.size()) + " of " + Formats.count(base.size()) + (base.size() == 1 ? " " + words.one() : " " + words.many()));
        }, this::failed);
    }

    private void failed(Throwable t) {
        working.set(false);
        ctx.actions().notices().post(FailureText.of("Could not list the " + words.many(), t, null));
    }
}
