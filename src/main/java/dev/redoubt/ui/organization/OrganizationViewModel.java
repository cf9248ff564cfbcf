package dev.redoubt.ui.organization;

import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.navigation.Destination;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The organization tree's state: the tree (built off the UI thread from the catalog, then cut down
 * by the filter), the node selected (which scopes the other screens), and the path to reveal when
 * the user arrives at an account by a link.
 */
public final class OrganizationViewModel {
    private final BrowseContext ctx;
    private final ReadOnlyObjectWrapper<OrgNode> full = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<OrgNode> tree = new ReadOnlyObjectWrapper<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<OrgNode> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<List<String>> reveal = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No estate open");
    private final ReadOnlyStringWrapper badge = new ReadOnlyStringWrapper("");
    private EstateCatalog built;
    private String pending;

    public OrganizationViewModel(BrowseContext ctx) {
        this.ctx = ctx;
        ctx.workspace().catalogProperty().addListener((o, a, b) -> rebuild());
        filter.addListener((o, a, b) -> applyFilter());
        selected.addListener((o, a, node) -> {
            if (node != null) {
                ctx.workspace().scopeProperty().set(node.scope());
            }
        });
        ctx.workspace().scopeProperty().addListener((o, a, scope) -> {
            OrgNode n = selected.get();
            if (n != null && scope != null && !scope.equals(n.scope())) {
                selected.set(null); // the scope was cleared elsewhere (the chip on a list screen)
            }
        });
        rebuild();
    }

    /** Shows the node with this ID (an account ID, an "account/region", a vault ARN); null: the tree as it was. */
    public void open(String target) {
        if (target == null) {
            return;
        }
        pending = target;
        revealPending();
    }

    public ReadOnlyObjectProperty<OrgNode> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The node selected; selecting one scopes the other screens to it. */
    public ObjectProperty<OrgNode> selectedProperty() {
        return selected;
    }

    /** The IDs from the root to a node to expand and select (after a link to an account). */
    public ReadOnlyObjectProperty<List<String>> revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    /** "Building the tree…", "No estate open", "" when the tree is on show, or "Nothing matches ...". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The navigation badge: the number of accounts. */
    public ObservableValue<String> badge() {
        return badge.getReadOnlyProperty();
    }

    /** Goes to a screen, scoped to the selected node (the whole organization when none is). */
    public void show(Destination destination) {
        ctx.navigator().open(Place.of(destination));
    }

    /** Opens the selected vault's page. */
    public void openVault() {
        OrgNode n = selected.get();
        if (n != null && n.kind() == OrgNode.Kind.VAULT) {
            ctx.navigator().open(Place.of(Destinations.VAULTS, n.id()));
        }
    }

    /** Shows the whole organization again on every screen. */
    public void clearScope() {
        selected.set(null);
        ctx.workspace().scopeProperty().set(BrowseScope.ALL);
    }

    private void rebuild() {
        EstateCatalog catalog = ctx.catalog();
        if (catalog == built) {
            return;
        }
        built = catalog;
        if (catalog == null) {
            full.set(null);
            tree.set(null);
            badge.set("");
            status.set("No estate open");
            return;
        }
        status.set("Building the tree…");
        ctx.actions().tasks().run("Building the organization tree", false, c -> OrgTree.build(catalog), root -> {
            if (catalog != built) {
                return;
            }
            full.set(root);
            badge.set(root.accounts() == 0 ? "" : String.format(java.util.Locale.ROOT, "%,d", root.accounts()));
            selected.set(null);
            applyFilter();
            revealPending();
        }, t -> status.set("Could not build the tree: " + t.getMessage()));
    }

    private void applyFilter() {
        OrgNode root = full.get();
        if (root == null) {
            return;
        }
        OrgNode cut = OrgTree.filter(root, filter.get());
        tree.set(cut);
        status.set(cut.children().isEmpty() && !filter.get().isBlank() ? "Nothing matches \u201c" + filter.get().trim() + "\u201d" : "");
    }

    private void revealPending() {
        OrgNode root = tree.get();
        if (pending == null || root == null) {
            return;
        }
        List<String> path = OrgTree.pathTo(root, pending);
        if (path.isEmpty() && !filter.get().isBlank()) {
            filter.set("");
            root = tree.get();
            path = OrgTree.pathTo(root, pending);
        }
        pending = null;
        if (!path.isEmpty()) {
            reveal.set(path);
            selected.set(find(root, path.get(path.size() - 1)));
        }
    }

    static OrgNode find(OrgNode n, String id) {
        if (n.id().equals(id)) {
            return n;
        }
        for (OrgNode c : n.children()) {
            OrgNode f = find(c, id);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
