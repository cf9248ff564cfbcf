package dev.redoubt.ui.vaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.ui.browse.DetailPane;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.policy.PolicyViewer;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fixture.console.workspace().catalog() != null);
        robot.interact(() -> fixture.console.shell().select(Destinations.VAULTS));
        TableView<VaultRow> table = robot.lookup("#" + VaultsView.ID_TABLE).query();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        robot.interact(() -> fixture.console.actions().notices().shown().clear());
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    @Test
    void theTableListsTheVaultsAndAClickOpensAVaultThatAnswersWhetherItsBackupsCouldBeDestroyed(FxRobot robot) throws Exception {
        TableView<VaultRow> table = openVaults(robot);
        assertThat(table.getItems()).hasSize(fixture.console.workspace().catalog().index().vaults().size());
        Screenshots.write(fixture.scene, "vaults");

        robot.clickOn("#" + VaultsView.ID_FILTER).write("shop-prod");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().stream().allMatch(r -> r.search().contains("shop-prod")));
        robot.clickOn(robot.lookup(".hyperlink").match((Hyperlink h) -> h.getText().equals("shop-prod")).queryAs(Hyperlink.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#" + VaultsView.ID_DESTROY_PANEL).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node panel = robot.lookup("#" + VaultsView.ID_DESTROY_PANEL).query();
        assertThat(robot.from(panel).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList())
                .contains("Could these backups be destroyed?", "Could they be deleted?", "Could they be made unreadable?",
                        "Is there a safe copy elsewhere?")
                .anySatisfy(t -> assertThat(t).startsWith("Any principal of northwind-shop-prod"));
        assertThat(robot.lookup("#" + PolicyViewer.ID).tryQuery()).isPresent();
        Screenshots.write(fixture.scene, "vault-detail");

        RadioButton removeLock = robot.lookup(".radio-button").match((RadioButton r) -> r.getText().startsWith("Who can remove the vault lock"))
                .queryAs(RadioButton.class);
        javafx.scene.control.ScrollPane scroll = robot.lookup(".browse-detail").queryAs(javafx.scene.layout.VBox.class).getParent() == null ? null
                : (javafx.scene.control.ScrollPane) robot.lookup(".scroll-pane").match(n -> ((javafx.scene.control.ScrollPane) n).getContent() != null
                && ((javafx.scene.control.ScrollPane) n).getContent().getStyleClass().contains("browse-detail")).query();
        for (double v : new double[] {0.25, 0.5, 0.75, 1.0}) {
            robot.interact(() -> scroll.setVvalue(v));
            Screenshots.write(fixture.scene, "tmp-vault-detail-" + (int) (v * 100));
        }
        robot.interact(() -> removeLock.setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.console.shell().placeProperty().get().target()).endsWith(":backup-vault:shop-prod");
        robot.interact(() -> scroll.setVvalue(0));

        robot.clickOn("#" + DetailPane.ID_BACK_TO_LIST);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.isVisible() && table.getScene() != null);
        assertThat(robot.lookup("#" + VaultsView.ID_TABLE).queryAs(TableView.class).isVisible()).isTrue();
    }
}
