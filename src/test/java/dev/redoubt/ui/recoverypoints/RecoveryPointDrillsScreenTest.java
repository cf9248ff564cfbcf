package dev.redoubt.ui.recoverypoints;

import static dev.redoubt.ui.support.FxReads.fx;
import static dev.redoubt.ui.support.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.drills.DrillState;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.findings.EstateIndex;
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
import java.util.Comparator;
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

/** "Restore drills of this resource" on a recovery point's page, in the whole console (headless under Monocle). */
@ExtendWith(ApplicationExtension.class)
class RecoveryPointDrillsScreenTest {
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
    void aPointOfARehearsedResourceShowsTheRehearsalMarkedAndNoVerifiedRestoreAndLinksToTheDrill(FxRobot robot) throws Exception {
        Path file = dir.resolve("northwind-" + System.nanoTime() + ".json");
        new EstateFile().write(NorthwindDemo.build(), file);
        robot.interact(() -> fixture.console.actions().openCapture(file));
        waitUntil(60, () -> fixture.console.workspace().catalog() != null);

        DrillService drills = fixture.context.drills();
        EstateCatalog catalog = fixture.console.workspace().catalog();
        String orders = ResourceDrillsTest.ORDERS;
        DrillState drill;
        try (Connection alice = fixture.context.demo().connect(Mode.OPERATOR, c -> { }, Cancellation.none())) {
            drill = drills.begin(alice, drills.plan(catalog, "Shop: orders database", List.of(orders)));
        }
        EstateIndex x = catalog.index();
        String point = x.pointsOf(orders).stream().max(Comparator.comparing(p -> p.point().creationDate())).orElseThrow().point().recoveryPointArn();

        robot.interact(() -> fixture.console.shell().open(Place.of(Destinations.RECOVERY_POINTS, point)));
        waitUntil(30, () -> robot.lookup("#" + ResourceDrillsSection.ID_REHEARSAL).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, ResourceDrillsSection.ID_VERIFIED)).startsWith("None yet: a drill against AWS");
        assertThat(text(robot, ResourceDrillsSection.ID_DUE)).isEqualTo("Overdue: it has never had a verified restore (a drill is due every 180 days).");
        assertThat(text(robot, ResourceDrillsSection.ID_REHEARSAL)).endsWith(", in the sandbox: not a verified restore.");
        assertThat(text(robot, ResourceDrillsSection.ID_COUNT)).isEqualTo("1 drill of this resource, rehearsals included.");
        assertThat(fx(() -> robot.lookup("#" + ResourceDrillsSection.ID_SECTION).query().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).toList())).contains("Last verified restore", "Next drill", "Last rehearsal", "REHEARSAL");
        assertThat(fx(() -> robot.lookup(".label").match(n -> "Restore drills of this resource".equals(((Label) n).getText())).tryQuery())).isPresent();

        Node section = fx(() -> robot.lookup("#" + ResourceDrillsSection.ID_SECTION).query());
        robot.interact(() -> {
            ScrollPane scroll = (ScrollPane) robot.lookup(".edge-to-edge").match(n -> n instanceof ScrollPane && n.isVisible()
                    && ((ScrollPane) n).getContent() != null && section.getScene() != null && isInside(section, ((ScrollPane) n).getContent())).query();
            double y = section.localToScene(0, 0).getY() - scroll.getContent().localToScene(0, 0).getY();
            double max = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.min(1, Math.max(0, (y - 420) / max)));
        });
        assertThat(Screenshots.write(fixture.scene, "recovery-point-detail-drills")).isNotEmptyFile();

        robot.clickOn("#" + ResourceDrillsSection.ID_OPEN_REHEARSAL);
        waitUntil(10, () -> Place.of(Destinations.DRILLS, drill.id()).equals(fixture.console.shell().placeProperty().get()));
        assertThat(fixture.console.shell().placeProperty().get()).isEqualTo(Place.of(Destinations.DRILLS, drill.id()));
    }

    private static boolean isInside(Node node, Node container) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == container) {
                return true;
            }
        }
        return false;
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }
}
