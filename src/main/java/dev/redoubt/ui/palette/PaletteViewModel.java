package dev.redoubt.ui.palette;

import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.browse.BrowseContext;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Ctrl+K: type a name, an ID or an ARN, pick a match, go there. The index is built off the UI
 * thread on the first opening per estate; searches run off it too, the latest query winning.
 */
public final class PaletteViewModel {
    private final BrowseContext ctx;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<PaletteEntry> matches = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private PaletteIndex index;
    private long asked;

    public PaletteViewModel(BrowseContext ctx) {
        this.ctx = ctx;
        query.addListener((o, a, b) -> search());
    }

    /** Opens the palette empty; false when there is nothing to search (no estate open). */
    public boolean show() {
        EstateCatalog catalog = ctx.catalog();
        if (catalog == null) {
            return false;
        }
        query.set("");
        open.set(true);
        if (index == null || index.catalog() != catalog) {
            index = null;
            matches.clear();
            status.set("Indexing the estate…");
            ctx.actions().tasks().run("Indexing for search", false, c -> PaletteIndex.of(catalog), built -> {
                if (ctx.catalog() == catalog) {
                    index = built;
                    search();
                }
            }, t -> status.set("Could not index the estate: " + t.getMessage()));
        } else {
            search();
        }
        return true;
    }

    public void close() {
        open.set(false);
    }

    /** True while the palette is on screen. */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<PaletteEntry> matches() {
        return matches;
    }

    /** "12 matches", "No match for …", "Indexing the estate…". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Goes to an entry's page and closes the palette. */
    public void go(PaletteEntry entry) {
        if (entry == null) {
            return;
        }
        close();
        ctx.navigator().open(entry.place());
    }

    private void search() {
        PaletteIndex i = index;
        if (i == null) {
            return;
        }
        String q = query.get();
        long ticket = ++asked;
        ctx.actions().tasks().run("Searching", false, c -> i.search(q), found -> {
            if (ticket != asked) {
                return; // a later keystroke asked again
            }
            matches.setAll(found);
            status.set(found.isEmpty() ? "No match for \u201c" + q.trim() + "\u201d" : q.isBlank() ? "Type a name, an ID or an ARN"
                    : found.size() >= PaletteIndex.LIMIT ? "The first " + found.size() + " matches" : found.size() + (found.size() == 1 ? " match" : " matches"));
        }, t -> status.set("Search failed: " + t.getMessage()));
    }
}
