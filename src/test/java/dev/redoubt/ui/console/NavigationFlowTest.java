package dev.redoubt.ui.console;

import static dev.redoubt.ui.support.FxReads.fx;
import static dev.redoubt.ui.support.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.organization.OrgNode;
import dev.redoubt.ui.organization.OrganizationView;
import dev.redoubt.ui.palette.PaletteView;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console as an admin investigating an incident uses it: a vault opened from the organization
 * tree, its key followed by its link, back with Alt+Left, and a jump with Ctrl+K.
 */
@ExtendWith(ApplicationExtension.class)
class NavigationFlowTest {
    private static final String SHOP_PROD_VAULT = "arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-prod";
    private static final String SHOP_US_VAULT = "arn:aws:backup:us-east-1:645019283746:backup-vault:shop-us";

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

    private void openDemo(FxRobot robot) throws Exception {
        Path file = dir.resolve("northwind-" + System.nanoTime() + ".json");
        new EstateFile().write(NorthwindDemo.build(), file);
        robot.interact(() -> fixture.console.actions().openCapture(file));
        waitUntil(60, () -> fixture.console.workspace().catalog() != null);
        robot.interact(() -> fixture.console.actions().notices().shown().clear());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Place place() {
        return fixture.console.shell().placeProperty().get();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(30, () -> fixture.console.shell().runningTasks().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void openAVaultFromTheTreeFollowItsKeyAndGoBack(FxRobot robot) throws Exception {
        openDemo(robot);
        robot.clickOn("#nav-organization");
        TreeView<OrgNode> tree = fx(() -> robot.lookup("#" + OrganizationView.ID_TREE).query());
        waitUntil(30, () -> tree.getRoot() != null);
        robot.interact(() -> fixture.console.shell().open(Place.of(Destinations.ORGANIZATION, SHOP_PROD_VAULT)));
        settle();
        assertThat(fx(() -> tree.getSelectionModel().getSelectedItem().getValue().id())).isEqualTo(SHOP_PROD_VAULT);
        robot.clickOn("#" + OrganizationView.ID_OPEN_VAULT);
        settle();
        assertThat(place()).isEqualTo(Place.of(Destinations.VAULTS, SHOP_PROD_VAULT));
        assertThat(fx(() -> robot.lookup("#vaultDetail").tryQuery())).isPresent();

        String keyArn = fixture.console.workspace().catalog().index().key(
                fixture.console.workspace().catalog().index().vault(SHOP_PROD_VAULT).vault().encryptionKeyArn()).arn();
        Node keyLink = fx(() -> robot.lookup(".arn-link").match(n -> n instanceof Hyperlink h && h.isVisible() && h.getTooltip() != null
                && keyArn.equals(h.getTooltip().getText())).query());
        robot.interact(() -> ((Hyperlink) keyLink).fire());
        settle();
        assertThat(place()).isEqualTo(Place.of(Destinations.KEYS, keyArn));

        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        settle();
        assertThat(place()).isEqualTo(Place.of(Destinations.VAULTS, SHOP_PROD_VAULT));
        assertThat(fx(() -> robot.lookup("#vaultDetail").tryQuery())).isPresent();

        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        settle();
        assertThat(place()).isEqualTo(Place.of(Destinations.KEYS, keyArn));
    }

    @Test
    void ctrlKJumpsToAVaultByName(FxRobot robot) throws Exception {
        openDemo(robot);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        settle();
        assertThat(fx(() -> robot.lookup("#" + PaletteView.ID).tryQuery())).isPresent();
        robot.write("shop-us");
        settle();
        Screenshots.write(fixture.scene, "palette");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        settle();
        assertThat(place()).isEqualTo(Place.of(Destinations.VAULTS, SHOP_US_VAULT));
        assertThat(fx(() -> robot.lookup("#" + PaletteView.ID).tryQuery().filter(Node::isVisible))).isEmpty();
    }
}
