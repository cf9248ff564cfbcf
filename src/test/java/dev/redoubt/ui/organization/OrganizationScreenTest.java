package dev.redoubt.ui.organization;

import static dev.redoubt.ui.support.FxReads.fx;
import static dev.redoubt.ui.support.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Path;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The organization tree in the whole console, on the Northwind demo opened as a capture file. */
@ExtendWith(ApplicationExtension.class)
class OrganizationScreenTest {
    private static final String SHOP_PROD = "645019283746";

    @TempDir
    static Path dir;

    private ConsoleFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = ConsoleFixture.create(dir.resolve(String.valueOf(System.nanoTime())));
        fixture.show(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private TreeView<OrgNode> openTree(FxRobot robot) throws Exception {
        Path file = dir.resolve("northwind-" + System.nanoTime() + ".json");
        new EstateFile().write(NorthwindDemo.build(), file);
        robot.interact(() -> fixture.console.actions().openCapture(file));
        waitUntil(60, () -> fixture.console.workspace().catalog() != null);
        robot.interact(() -> fixture.console.shell().select(Destinations.ORGANIZATION));
        TreeView<OrgNode> tree = fx(() -> robot.lookup("#" + OrganizationView.ID_TREE).query());
        waitUntil(30, () -> tree.getRoot() != null);
        robot.interact(() -> fixture.console.actions().notices().shown().clear());
        WaitForAsyncUtils.waitForFxEvents();
        return tree;
    }

    @Test
    void selectingAnAccountScopesTheOtherScreensAndTheFilterFindsVaults(FxRobot robot) throws Exception {
        TreeView<OrgNode> tree = openTree(robot);
        OrgNode root = fx(() -> tree.getRoot().getValue());
        assertThat(root.kind()).isEqualTo(OrgNode.Kind.ORGANIZATION);
        assertThat(root.accounts()).isEqualTo(fixture.console.workspace().estate().estate().accounts().size());

        robot.interact(() -> {
            for (int row = 0; row < tree.getExpandedItemCount(); row++) {
                if (tree.getTreeItem(row).getValue().id().equals(SHOP_PROD)) {
                    tree.scrollTo(Math.max(0, row - 4));
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#org-" + SHOP_PROD);
        WaitForAsyncUtils.waitForFxEvents();
        BrowseScope scope = fixture.console.workspace().scope();
        assertThat(scope.accounts()).containsExactly(SHOP_PROD);
        assertThat(fx(() -> robot.lookup("#" + OrganizationView.ID_SUMMARY).queryParent().lookupAll(".label").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList()))
                .anySatisfy(t -> assertThat(t).contains("now show only northwind-shop-prod"));
        Screenshots.write(fixture.scene, "org-tree");

        robot.clickOn("#" + OrganizationView.ID_FILTER).write("shop-prod");
        WaitForAsyncUtils.waitForFxEvents();
        TreeItem<OrgNode> filtered = fx(tree::getRoot);
        assertThat(fx(() -> leaves(filtered))).isNotEmpty().allSatisfy(n -> assertThat(n.name() + " " + n.id() + " " + n.detail()).containsIgnoringCase("shop-prod"));
    }

    @Test
    void aLinkToAnAccountRevealsItInTheTree(FxRobot robot) throws Exception {
        TreeView<OrgNode> tree = openTree(robot);
        robot.interact(() -> fixture.console.shell().open(dev.redoubt.ui.navigation.Place.of(Destinations.ORGANIZATION, SHOP_PROD)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> tree.getSelectionModel().getSelectedItem())).isNotNull();
        assertThat(fx(() -> tree.getSelectionModel().getSelectedItem().getValue().id())).isEqualTo(SHOP_PROD);
    }

    private static java.util.List<OrgNode> leaves(TreeItem<OrgNode> item) {
        java.util.List<OrgNode> out = new java.util.ArrayList<>();
        collect(item.getValue(), out);
        return out;
    }

    private static void collect(OrgNode n, java.util.List<OrgNode> out) {
        if (n.kind() != OrgNode.Kind.ORGANIZATION && n.kind() != OrgNode.Kind.UNIT && n.name().toLowerCase().contains("shop-prod")) {
            out.add(n);
            return;
        }
        n.children().forEach(c -> collect(c, out));
    }
}
