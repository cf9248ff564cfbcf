package dev.redoubt.ui.organization;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.redoubt.ui.browse.BrowseStyles;
import dev.redoubt.ui.browse.SeverityLabel;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.shell.Screen;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The organization tree: organization, OUs, accounts, regions and vaults, each with its counts,
 * its worst failing severity and, where something could not be read, AWS's reason; a filter box
 * above; and beside it the node selected, which scopes the other screens, with links to them.
 */
public final class OrganizationView implements Screen {
    public static final String ID_TREE = "orgTree";
    public static final String ID_FILTER = "orgFilter";
    public static final String ID_SUMMARY = "orgSummary";
    public static final String ID_OPEN_VAULT = "orgOpenVault";

    private final OrganizationViewModel vm;
    private final TreeView<OrgNode> tree = new TreeView<>();
    private final VBox summary = new VBox(12);
    private final Label status = new Label();
    private final SplitPane root;
    private boolean selecting;

    public OrganizationView(OrganizationViewModel vm) {
        this.vm = vm;
        Label title = new Label("Organization");
        title.getStyleClass().add(BrowseStyles.LIST_TITLE);
        CustomTextField filter = new CustomTextField();
        filter.setId(ID_FILTER);
        filter.setPromptText("Filter by OU, account, region or vault");
        filter.setLeft(new FontIcon(Material2OutlinedMZ.SEARCH));
        filter.textProperty().bindBidirectional(vm.filterProperty());

        tree.setId(ID_TREE);
        tree.setShowRoot(true);
        tree.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        tree.setCellFactory(t -> new NodeCell());
        VBox.setVgrow(tree, Priority.ALWAYS);
        status.getStyleClass().add(BrowseStyles.PLACEHOLDER);
        status.textProperty().bind(vm.statusProperty());
        status.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        VBox left = new VBox(10, title, filter, status, tree);
        left.setMinWidth(320);
        BrowseStyles.apply(left);

        summary.setId(ID_SUMMARY);
        summary.getStyleClass().add(BrowseStyles.DETAIL);
        StackPane right = new StackPane(summary);
        right.setAlignment(Pos.TOP_LEFT);
        BrowseStyles.apply(right);

        root = new SplitPane(left, right);
        root.setOrientation(Orientation.HORIZONTAL);
        root.setDividerPositions(0.58);
        BrowseStyles.apply(root);

        vm.treeProperty().addListener((o, a, n) -> showTree(n));
        vm.revealProperty().addListener((o, a, path) -> reveal(path));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!selecting) {
                vm.selectedProperty().set(item == null ? null : item.getValue());
            }
        });
        vm.selectedProperty().addListener((o, a, n) -> {
            renderSummary(n);
            if (n == null) {
                selecting = true;
                tree.getSelectionModel().clearSelection();
                selecting = false;
            }
        });
        showTree(vm.treeProperty().get());
        renderSummary(vm.selectedProperty().get());
    }

    @Override
    public Parent root() {
        return root;
    }

    private void showTree(OrgNode n) {
        if (n == null) {
            tree.setRoot(null);
            return;
        }
        LazyItem item = new LazyItem(n);
        item.setExpanded(true);
        // A short tree opens whole; a big one shows its OUs and accounts, and regions and vaults on demand.
        expand(item, n.vaults() <= 60 || !vm.filterProperty().get().isBlank());
        tree.setRoot(item);
        reveal(vm.revealProperty().get());
    }

    private static void expand(TreeItem<OrgNode> item, boolean all) {
        for (TreeItem<OrgNode> c : item.getChildren()) {
            OrgNode.Kind k = c.getValue().kind();
            if (k == OrgNode.Kind.UNIT || all && k != OrgNode.Kind.VAULT) {
                c.setExpanded(true);
                expand(c, all);
            }
        }
    }

    private void reveal(List<String> path) {
        TreeItem<OrgNode> item = tree.getRoot();
        if (item == null || path == null || path.isEmpty() || !item.getValue().id().equals(path.get(0))) {
            return;
        }
        for (int i = 1; i < path.size(); i++) {
            item.setExpanded(true);
            TreeItem<OrgNode> next = null;
            for (TreeItem<OrgNode> c : item.getChildren()) {
                if (c.getValue().id().equals(path.get(i))) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                return;
            }
            item = next;
        }
        selecting = true;
        tree.getSelectionModel().select(item);
        selecting = false;
        int row = tree.getRow(item);
        if (row >= 0) {
            tree.scrollTo(Math.max(0, row - 3));
        }
    }

    private void renderSummary(OrgNode n) {
        summary.getChildren().clear();
        if (n == null) {
            Label hint = new Label("Select an OU, an account, a region or a vault: the other screens then show only what it holds.");
            hint.setWrapText(true);
            hint.getStyleClass().add(BrowseStyles.PLACEHOLDER);
            summary.getChildren().add(hint);
            return;
        }
        Label kind = new Label(n.kind().title());
        kind.getStyleClass().add(BrowseStyles.DETAIL_KIND);
        Label name = new Label(n.name());
        name.getStyleClass().add(BrowseStyles.DETAIL_TITLE);
        name.setWrapText(true);
        VBox head = new VBox(2, kind, name);
        if (n.detail() != null) {
            Label d = new Label(n.detail());
            d.getStyleClass().add(BrowseStyles.DETAIL_SUBTITLE);
            head.getChildren().add(d);
        }
        summary.getChildren().add(head);

        Label counts = new Label(n.counts());
        HBox worst = new HBox(8, new Label("Worst failing finding:"), SeverityLabel.of(n.worst()));
        worst.setAlignment(Pos.CENTER_LEFT);
        VBox facts = new VBox(8, counts, worst);
        summary.getChildren().add(facts);

        if (n.problem() != null) {
            Label p = new Label("Not read in full. AWS said: " + n.problem()
                    + ". The checks of what could not be read report UNKNOWN.", new FontIcon(Material2OutlinedMZ.WARNING));
            p.setWrapText(true);
            p.getStyleClass().add(BrowseStyles.VERDICT_WARN);
            p.setMaxWidth(Double.MAX_VALUE);
            summary.getChildren().add(p);
        } else if (n.hasProblemBelow()) {
            Label p = new Label("Part of what this holds could not be read: the nodes marked below it say why.",
                    new FontIcon(Material2OutlinedMZ.WARNING));
            p.setWrapText(true);
            p.getStyleClass().add(BrowseStyles.VERDICT_WARN);
            p.setMaxWidth(Double.MAX_VALUE);
            summary.getChildren().add(p);
        }

        Label scoped = new Label(n.scope().isAll() ? "The other screens show the whole organization."
                : "The other screens now show only " + n.scope().label() + ".");
        scoped.setWrapText(true);
        scoped.getStyleClass().add(BrowseStyles.MUTED);
        FlowPane go = new FlowPane(8, 8);
        if (n.kind() == OrgNode.Kind.VAULT) {
            Button open = new Button("Open the vault", new FontIcon(Material2OutlinedAL.LOCK));
            open.setId(ID_OPEN_VAULT);
            open.getStyleClass().add(Styles.ACCENT);
            open.setOnAction(e -> vm.openVault());
            go.getChildren().add(open);
        }
        go.getChildren().addAll(goButton("Vaults", Material2OutlinedAL.LOCK, () -> vm.show(Destinations.VAULTS)),
                goButton("Recovery points", Material2OutlinedAL.HISTORY, () -> vm.show(Destinations.RECOVERY_POINTS)),
                goButton("Keys", Material2OutlinedMZ.VPN_KEY, () -> vm.show(Destinations.KEYS)),
                goButton("Backup plans", Material2OutlinedAL.EVENT_NOTE, () -> vm.show(Destinations.PLANS)));
        if (!n.scope().isAll()) {
            Button clear = new Button("Whole organization", new FontIcon(Material2OutlinedAL.CLOSE));
            clear.getStyleClass().add(Styles.FLAT);
            clear.setOnAction(e -> vm.clearScope());
            go.getChildren().add(clear);
        }
        summary.getChildren().addAll(scoped, go);
    }

    private static Button goButton(String text, Ikon icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Ikon icon(OrgNode.Kind kind) {
        return switch (kind) {
            case ORGANIZATION -> Material2OutlinedAL.CORPORATE_FARE;
            case UNIT -> Material2OutlinedAL.FOLDER;
            case ACCOUNT -> Material2OutlinedAL.ACCOUNT_CIRCLE;
            case REGION -> Material2OutlinedMZ.PUBLIC;
            case VAULT -> Material2OutlinedAL.LOCK;
        };
    }

    /** Children made on the first expansion: a 10,000-vault organization costs only what is open. */
    private static final class LazyItem extends TreeItem<OrgNode> {
        private boolean built;

        LazyItem(OrgNode node) {
            super(node);
        }

        @Override
        public boolean isLeaf() {
            return getValue().children().isEmpty();
        }

        @Override
        public ObservableList<TreeItem<OrgNode>> getChildren() {
            if (!built) {
                built = true;
                ObservableList<TreeItem<OrgNode>> items = FXCollections.observableArrayList();
                for (OrgNode c : getValue().children()) {
                    items.add(new LazyItem(c));
                }
                super.getChildren().setAll(items);
            }
            return super.getChildren();
        }
    }

    private final class NodeCell extends TreeCell<OrgNode> {
        private final FontIcon icon = new FontIcon();
        private final Label name = new Label();
        private final Label counts = new Label();
        private final Label severity = new Label();
        private final FontIcon problem = new FontIcon(Material2OutlinedMZ.WARNING);
        private final HBox box = new HBox(8, icon, name, severity, problem, counts);

        NodeCell() {
            box.setAlignment(Pos.CENTER_LEFT);
            counts.getStyleClass().add(BrowseStyles.MUTED);
            problem.getStyleClass().add(Styles.WARNING);
            problem.setIconColor(javafx.scene.paint.Color.web("#bf8700"));
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null
                        && getItem().kind() == OrgNode.Kind.VAULT) {
                    vm.openVault();
                }
            });
        }

        @Override
        protected void updateItem(OrgNode n, boolean empty) {
            super.updateItem(n, empty);
            setText(null);
            if (empty || n == null) {
                setGraphic(null);
                setTooltip(null);
                setId(null);
                return;
            }
            setId("org-" + n.id().replaceAll("[^A-Za-z0-9_-]", "_"));
            icon.setIconCode(icon(n.kind()));
            name.setText(n.name());
            counts.setText(n.detail() == null || n.kind() == OrgNode.Kind.ORGANIZATION ? n.counts() : n.detail() + " · " + n.counts());
            SeverityLabel.set(severity, n.worst());
            severity.setVisible(n.worst() != null);
            severity.setManaged(n.worst() != null);
            problem.setVisible(n.problem() != null);
            problem.setManaged(n.problem() != null);
            setTooltip(n.problem() == null ? null : new Tooltip("Not read in full. AWS said: " + n.problem()));
            setGraphic(box);
        }
    }
}
