package dev.redoubt.ui.overview;

import static dev.redoubt.ui.support.FxReads.fx;
import static dev.redoubt.ui.support.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.drills.DrillState;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.journal.Mode;
import dev.redoubt.services.Cancellation;
import dev.redoubt.services.Connection;
import dev.redoubt.services.DrillService;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The overview's "Restore drills" card in the whole console (headless under Monocle), after a rehearsal begun through DrillService. */
@ExtendWith(ApplicationExtension.class)
class OverviewDrillsScreenTest {
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

    @Test
    void theCardShowsOverdueResourcesAndTheRehearsalApartAndOpensTheDrills(FxRobot robot) throws Exception {
        Path file = dir.resolve("northwind-" + System.nanoTime() + ".json");
        new EstateFile().write(NorthwindDemo.build(), file);
        robot.interact(() -> fixture.console.actions().openCapture(file));
        waitUntil(60, () -> fixture.console.workspace().audit() != null);
        waitUntil(60, () -> robot.lookup("#" + DrillsCard.ID_FIGURE).tryQuery().isPresent());
        int resources = fixture.console.workspace().audit().index().protectedResources().size();
        assertThat(text(robot, DrillsCard.ID_FIGURE)).isEqualTo(resources + " of " + resources);
        assertThat(fx(() -> robot.lookup("#" + DrillsCard.ID_REHEARSAL).tryQuery())).as("no rehearsal yet").isEmpty();

        // A rehearsal of the shop's database, journaled by DrillService; the overview shown again reads it.
        DrillService drills = fixture.context.drills();
        EstateCatalog catalog = EstateCatalog.of(fixture.console.workspace().audit());
        String orders = OverviewDrillsViewModelTest.arnOf(catalog.index(), "shop-orders");
        DrillState drill;
        try (Connection alice = fixture.context.demo().connect(Mode.OPERATOR, c -> { }, Cancellation.none())) {
            drill = drills.begin(alice, drills.plan(catalog, "Shop orders", List.of(orders)));
        }
        robot.interact(() -> fixture.console.shell().select(Destinations.FINDINGS));
        robot.interact(() -> fixture.console.shell().select(Destinations.OVERVIEW));
        waitUntil(30, () -> robot.lookup("#" + DrillsCard.ID_REHEARSAL).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, DrillsCard.ID_REHEARSAL)).startsWith("shop-orders, ").contains("(sandbox: not a verified restore)");
        assertThat(text(robot, DrillsCard.ID_VERIFIED)).startsWith("No verified restore yet");
        assertThat(text(robot, DrillsCard.ID_FIGURE)).as("a rehearsal does not make a resource up to date").isEqualTo(resources + " of " + resources);
        assertThat(text(robot, DrillsCard.ID_HEADLINE)).isEqualTo("protected resources overdue for a restore drill (every 180 days)");

        Node card = fx(() -> robot.lookup("#" + DrillsCard.ID_CARD).query());
        robot.interact(() -> {
            ScrollPane scroll = (ScrollPane) robot.lookup(".edge-to-edge").match(n -> n instanceof ScrollPane && n.isVisible()).query();
            double y = card.localToScene(0, 0).getY() - scroll.getContent().localToScene(0, 0).getY();
            double max = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.min(1, Math.max(0, (y - 120) / max)));
        });
        assertThat(Screenshots.write(fixture.scene, "overview-drills")).isNotEmptyFile();

        robot.clickOn("#" + DrillsCard.ID_REHEARSAL + "Drill");
        waitUntil(10, () -> Place.of(Destinations.DRILLS, drill.id()).equals(fixture.console.shell().placeProperty().get()));
        assertThat(fixture.console.shell().placeProperty().get()).isEqualTo(Place.of(Destinations.DRILLS, drill.id()));
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }
}
