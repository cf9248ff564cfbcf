package dev.redoubt.ui.recoverypoints;

import static dev.redoubt.ui.support.FxReads.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.restorability.Restorability;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.FxReads;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/** The recovery points screen in the whole console, on the Northwind demo opened as a capture file. */
@ExtendWith(ApplicationExtension.class)
class RecoveryPointsScreenTest {
    private static final String SHOP_PROD_VAULT = "arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-prod";

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

    private TableView<PointRow> openPoints(FxRobot robot) throws Exception {
        Path file = dir.resolve("northwind-" + System.nanoTime() + ".json");
        new EstateFile().write(NorthwindDemo.build(), file);
        robot.interact(() -> fixture.console.actions().openCapture(file));
        FxReads.waitUntil(60, () -> fixture.console.workspace().catalog() != null);
        robot.interact(() -> fixture.console.shell().select(Destinations.RECOVERY_POINTS));
        TableView<PointRow> table = fx(() -> robot.lookup("#" + RecoveryPointsView.ID_TABLE).query());
        waitUntil(() -> !table.getItems().isEmpty());
        robot.interact(() -> fixture.console.actions().notices().shown().clear());
        return table;
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        FxReads.waitUntil(30, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int total() {
        return fixture.console.workspace().catalog().index().vaults().stream().mapToInt(v -> v.points().size()).sum();
    }

    private static String label(FxRobot robot, String query) throws Exception {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    @Test
    void typingFiltersTheRowsAndARowOpensItsPageWithItsVerdict(FxRobot robot) throws Exception {
        TableView<PointRow> table = openPoints(robot);
        int total = total();
        assertThat(fx(() -> List.copyOf(table.getItems()))).hasSize(total);
        assertThat(fx(() -> robot.lookup(".list-count").queryAs(Label.class).getText()))
                .isEqualTo(String.format(Locale.ROOT, "%,d of %,d recovery points", total, total));

        robot.clickOn("#" + RecoveryPointsView.ID_SEARCH).write("shop-orders");
        waitUntil(() -> table.getItems().size() < total && table.getItems().stream().allMatch(r -> r.resourceName().equals("shop-orders")));
        int orders = fixture.console.workspace().catalog().index().pointsOf("arn:aws:rds:eu-west-1:645019283746:db:shop-orders").size();
        assertThat(fx(() -> List.copyOf(table.getItems()))).hasSize(orders);
        assertThat(fx(() -> robot.lookup(".list-count").queryAs(Label.class).getText()))
                .isEqualTo(String.format(Locale.ROOT, "%,d of %,d recovery points", orders, total));
        // the rows the table draws say what the estate holds
        Node firstCell = fx(() -> robot.lookup("#col-resource").nth(1).query());
        assertThat(firstCell).isNotNull();

        // A header click sorts (the view model does it off the FX thread), the arrow follows.
        robot.clickOn(fx(() -> robot.lookup(".column-header").match(n -> n.getId() != null && n.getId().equals("col-vault")).queryAs(Node.class)));
        waitUntil(() -> table.getItems().size() == orders && isSortedByVault(table));
        assertThat(fx(() -> table.getSortOrder().stream().map(c -> c.getUserData()).toList())).containsExactly(PointSort.Column.VAULT);
        robot.clickOn(fx(() -> robot.lookup(".column-header").match(n -> n.getId() != null && n.getId().equals("col-created")).queryAs(Node.class)));
        waitUntil(() -> table.getItems().size() == orders && isSortedByCreatedAscending(table));
        robot.clickOn(fx(() -> robot.lookup(".column-header").match(n -> n.getId() != null && n.getId().equals("col-created")).queryAs(Node.class)));
        waitUntil(() -> table.getItems().size() == orders && !isSortedByCreatedAscending(table));
        assertThat(fixture.console.shell().placeProperty().get()).isEqualTo(Place.of(Destinations.RECOVERY_POINTS));
        Screenshots.write(fixture.scene, "recovery-points");

        // The shop's order database point that a restore test used: its page.
        EstateIndex x = fixture.console.workspace().catalog().index();
        Restorability r = Restorability.of(x);
        EstateIndex.VaultRef shopProd = x.vault(SHOP_PROD_VAULT);
        String tested = shopProd.points().stream().filter(p -> "shop-orders".equals(p.resourceName()))
                .filter(p -> !r.restoresOf(p.recoveryPointArn()).isEmpty())
                .max(Comparator.comparing(p -> p.creationDate())).orElseThrow().recoveryPointArn();
        int row = fx(() -> indexOf(table, tested));
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(row);
            table.scrollTo(Math.max(0, row - 3));
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#" + RecoveryPointPage.ID_VERDICT_TITLE).tryQuery().isPresent());
        assertThat(fixture.console.shell().placeProperty().get()).isEqualTo(Place.of(Destinations.RECOVERY_POINTS, tested));
        assertThat(label(robot, "#" + RecoveryPointPage.ID_VERDICT_TITLE)).isEqualTo(Restorability.Level.RESTORABLE.title());
        assertThat(fx(() -> robot.lookup("#" + RecoveryPointPage.ID_COPIES).queryParent().lookupAll(".hyperlink").stream()
                .map(n -> ((javafx.scene.control.Hyperlink) n).getText()).toList())).contains("central-eu-central-1", "central-eu-west-1");
        assertThat(fx(() -> robot.lookup("#" + RecoveryPointPage.ID_RESTORES).queryParent().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).toList())).anySatisfy(t -> assertThat(t).startsWith("Restore test · "));
        assertThat(fx(() -> robot.lookup("#" + RecoveryPointPage.ID_TIMELINE).tryQuery())).isPresent();
        Screenshots.write(fixture.scene, "recovery-point-detail");
        if (Boolean.getBoolean("screenshots.more")) {
            robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup(".edge-to-edge").match(n -> n instanceof javafx.scene.control.ScrollPane
                    && n.isVisible()).query()).setVvalue(1));
            Screenshots.write(fixture.scene, "recovery-point-detail-bottom");
            robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup(".edge-to-edge").match(n -> n instanceof javafx.scene.control.ScrollPane
                    && n.isVisible()).query()).setVvalue(0.5));
            Screenshots.write(fixture.scene, "recovery-point-detail-middle");
            robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup(".edge-to-edge").match(n -> n instanceof javafx.scene.control.ScrollPane
                    && n.isVisible()).query()).setVvalue(0));
        }

        // Back returns to the list as it was left.
        robot.interact(() -> fixture.console.shell().back());
        waitUntil(() -> table.isVisible() || table.getScene() != null);
        assertThat(fx(() -> robot.lookup("#" + RecoveryPointsView.ID_TABLE).queryTableView().isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup("#" + RecoveryPointsView.ID_SEARCH).queryTextInputControl().getText())).isEqualTo("shop-orders");
        assertThat(fx(() -> List.copyOf(table.getItems()))).hasSize(orders);
    }

    @Test
    void aVaultLinkListsThatVaultsPointsAndTheFiltersWork(FxRobot robot) throws Exception {
        TableView<PointRow> table = openPoints(robot);
        robot.interact(() -> fixture.console.shell().open(Place.of(Destinations.RECOVERY_POINTS, "vault=" + SHOP_PROD_VAULT)));
        int inVault = fixture.console.workspace().catalog().index().vault(SHOP_PROD_VAULT).points().size();
        waitUntil(() -> table.getItems().size() == inVault);
        ComboBox<?> vault = fx(() -> robot.lookup("#" + RecoveryPointsView.ID_VAULT).queryAs(ComboBox.class));
        assertThat(fx(() -> vault.getValue().toString())).isEqualTo("shop-prod · northwind-shop-prod · eu-west-1");
        assertThat(fx(() -> List.copyOf(table.getItems()))).allSatisfy(r -> assertThat(r.vault().arn()).isEqualTo(SHOP_PROD_VAULT));

        robot.clickOn("#" + RecoveryPointsView.ID_OLDER_THAN).write("20");
        waitUntil(() -> table.getItems().size() < inVault);
        assertThat(fx(() -> List.copyOf(table.getItems()))).isNotEmpty().allSatisfy(r -> assertThat(r.created())
                .isBefore(fixture.console.workspace().catalog().index().at().minus(java.time.Duration.ofDays(20))));

        robot.clickOn("#" + RecoveryPointsView.ID_CLEAR_FILTERS);
        waitUntil(() -> table.getItems().size() == total());
        assertThat(fx(() -> vault.getValue().toString())).isEqualTo("Any vault");
        assertThat(fx(() -> robot.lookup("#" + RecoveryPointsView.ID_OLDER_THAN).queryTextInputControl().getText())).isEmpty();

        robot.clickOn("#" + RecoveryPointsView.ID_NO_COPY);
        waitUntil(() -> table.getItems().size() < total());
        assertThat(fx(() -> List.copyOf(table.getItems()))).isNotEmpty().allSatisfy(r -> assertThat(r.copyElsewhere()).isFalse());
    }

    private static int indexOf(TableView<PointRow> table, String arn) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (arn.equals(table.getItems().get(i).arn())) {
                return i;
            }
        }
        throw new AssertionError(arn + " is not listed");
    }

    private static boolean isSortedByVault(TableView<PointRow> table) {
        for (int i = 1; i < table.getItems().size(); i++) {
            if (String.CASE_INSENSITIVE_ORDER.compare(table.getItems().get(i - 1).vault().name(), table.getItems().get(i).vault().name()) > 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSortedByCreatedAscending(TableView<PointRow> table) {
        for (int i = 1; i < table.getItems().size(); i++) {
            if (table.getItems().get(i - 1).created().isAfter(table.getItems().get(i).created())) {
                return false;
            }
        }
        return true;
    }
}
