package dev.redoubt.ui.vaults;

import static dev.redoubt.ui.support.FxReads.fx;
import static dev.redoubt.ui.support.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.ui.browse.DetailPane;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.policy.PolicyViewer;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The vaults screen in the whole console, on the Northwind demo opened as a capture file. */
@ExtendWith(ApplicationExtension.class)
class VaultsScreenTest {
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

    private TableView<VaultRow> openVaults(FxRobot robot) throws Exception {
        Path file = dir.resolve("northwind-" + System.nanoTime() + ".json");
        new EstateFile().write(NorthwindDemo.build(), file);
        robot.interact(() -> fixture.console.actions().openCapture(file));
        waitUntil(60, () -> fixture.console.workspace().catalog() != null);
        robot.interact(() -> fixture.console.shell().select(Destinations.VAULTS));
        TableView<VaultRow> table = fx(() -> robot.lookup("#" + VaultsView.ID_TABLE).query());
        waitUntil(30, () -> !table.getItems().isEmpty());
        robot.interact(() -> fixture.console.actions().notices().shown().clear());
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    @Test
    void theTableListsTheVaultsAndAClickOpensAVaultThatAnswersWhetherItsBackupsCouldBeDestroyed(FxRobot robot) throws Exception {
        TableView<VaultRow> table = openVaults(robot);
        assertThat(fx(() -> List.copyOf(table.getItems()))).hasSize(fixture.console.workspace().catalog().index().vaults().size());
        Screenshots.write(fixture.scene, "vaults");

        robot.clickOn("#" + VaultsView.ID_FILTER).write("shop-prod");
        waitUntil(10, () -> table.getItems().stream().allMatch(r -> r.search().contains("shop-prod")));
        robot.clickOn(fx(() -> robot.lookup(".hyperlink").match((Hyperlink h) -> h.getText().equals("shop-prod")).queryAs(Hyperlink.class)));
        waitUntil(30, () -> robot.lookup("#" + VaultsView.ID_DESTROY_PANEL).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node panel = fx(() -> robot.lookup("#" + VaultsView.ID_DESTROY_PANEL).query());
        assertThat(fx(() -> robot.from(panel).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList()))
                .contains("Could these backups be destroyed?", "Could they be deleted?", "Could they be made unreadable?",
                        "Is there a safe copy elsewhere?")
                .anySatisfy(t -> assertThat(t).startsWith("Any principal of northwind-shop-prod"));
        assertThat(fx(() -> robot.lookup("#" + PolicyViewer.ID).tryQuery())).isPresent();
        Screenshots.write(fixture.scene, "vault-detail");

        RadioButton removeLock = fx(() -> robot.lookup(".radio-button").match((RadioButton r) -> r.getText().startsWith("Who can remove the vault lock"))
                .queryAs(RadioButton.class));
        robot.interact(() -> removeLock.setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList()))
                .as("the reasons under the policy follow the question chosen").contains("Why: Who can remove the vault lock?");
        assertThat(fixture.console.shell().placeProperty().get().target()).endsWith(":backup-vault:shop-prod");
        robot.interact(() -> robot.lookup("#" + DetailPane.ID_BACK_TO_LIST).queryButton().fire());

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.console.shell().placeProperty().get().target()).as("back to the list").isNull();
        assertThat(fx(() -> table.getParent().isVisible())).isTrue();
        assertThat(fx(() -> List.copyOf(table.getItems()))).as("the filter as the user left it").allSatisfy(r -> assertThat(r.search()).contains("shop-prod"));
    }
}
