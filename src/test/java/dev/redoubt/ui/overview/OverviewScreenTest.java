package dev.redoubt.ui.overview;

import static dev.redoubt.ui.support.FxReads.fx;
import static dev.redoubt.ui.support.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.app.cli.CliRun;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.findings.Counts;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Summary;
import dev.redoubt.services.AuditRun;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.shell.NavigationItem;
import dev.redoubt.ui.shell.ShellWindow;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The overview on the Northwind demo opened as a capture, in the whole console (headless under Monocle). */
@ExtendWith(ApplicationExtension.class)
class OverviewScreenTest {
    @TempDir
    static Path dir;

    private ConsoleFixture fixture;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fixture = ConsoleFixture.create(dir.resolve(String.valueOf(System.nanoTime())));
        fixture.show(stage);
        // TestFX keeps one stage for every test: start each at the window's default size.
        stage.setWidth(ShellWindow.DEFAULT_WIDTH);
        stage.setHeight(ShellWindow.DEFAULT_HEIGHT);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private AuditRun openDemo(FxRobot robot) throws Exception {
        Path file = dir.resolve("northwind-" + System.nanoTime() + ".json");
        new EstateFile().write(NorthwindDemo.build(), file);
        robot.interact(() -> fixture.console.actions().openCapture(file));
        waitUntil(60, () -> robot.lookup("#" + OverviewView.ID_OVERALL_SCORE).tryQuery()
                .map(n -> n.getScene() != null && n.isVisible() && fixture.console.workspace().audit() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        return fixture.console.workspace().audit();
    }

    @Test
    void showsTheAuditsScoresAndItsDigestAndWritesTheScreenshot(FxRobot robot) throws Exception {
        AuditRun audit = openDemo(robot);
        Summary summary = audit.summary();

        assertThat(fixture.console.shell().selected()).contains(Destinations.OVERVIEW);
        for (Facet f : Facet.values()) {
            Counts c = summary.byFacet().get(f);
            assertThat(text(robot, OverviewView.facetScoreId(f))).as(f.name()).isEqualTo(Score.text(c)).endsWith("%");
            assertThat(text(robot, OverviewView.facetCountsId(f))).as(f.name())
                    .isEqualTo(String.format("%,d passing · %,d failing%n%,d unknown · %,d suppressed", c.pass(), c.fail(), c.unknown(), c.suppressed())
                            .replace(System.lineSeparator(), "\n"));
        }
        assertThat(text(robot, OverviewView.facetScoreId(Facet.ACC))).isEqualTo(Math.round(100.0 * summary.byFacet().get(Facet.ACC).pass()
                / (summary.byFacet().get(Facet.ACC).pass() + summary.byFacet().get(Facet.ACC).fail())) + "%");
        assertThat(text(robot, OverviewView.ID_OVERALL_SCORE)).isEqualTo(Score.text(summary.total()));
        assertThat(text(robot, OverviewView.ID_OVERALL_COUNTS)).contains(String.format("%,d failing", summary.total().fail()));

        String digest = fx(() -> robot.lookup("#" + OverviewView.ID_RESULTS_DIGEST).queryAs(TextField.class).getText());
        assertThat(digest).isEqualTo(audit.digest()).hasSize(64);
        CliRun cli = CliRun.run(dir.resolve("cli-home-" + System.nanoTime()), "audit", "--demo", "--format", "json");
        assertThat(cli.err()).as("redoubt audit --demo gives the same results").contains("Results SHA-256: " + digest);

        ListView<NavigationItem> navigation = fx(() -> robot.lookup("#navigation").queryListView());
        NavigationItem overview = fx(() -> navigation.getItems().stream().filter(i -> i.destination().equals(Destinations.OVERVIEW)).findFirst().orElseThrow());
        assertThat(fx(() -> overview.badgeProperty().get())).isEqualTo(Score.text(summary.total()));

        assertThat(text(robot, OverviewView.ID_UNREAD_STATUS)).isEqualTo("Everything was read");
        assertThat(fx(() -> fixture.scene.getWidth())).isEqualTo(ShellWindow.DEFAULT_WIDTH);
        assertThat(Screenshots.write(fixture.scene, "overview")).isNotEmptyFile();
        javafx.scene.Node content = fx(() -> robot.lookup("#" + OverviewView.ID_CONTENT).query());
        assertThat(Screenshots.write(WaitForAsyncUtils.asyncFx(() -> content.snapshot(null, null)).get(20, TimeUnit.SECONDS), "overview-full"))
                .isNotEmptyFile();
    }

    @Test
    void aHeatMapCellSendsTheUserToThatAccountsFailuresInThatFacet(FxRobot robot) throws Exception {
        HeatMap map = OverviewModel.of(openDemo(robot)).heatMap();
        HeatMap.Cell failing = map.rows().stream().flatMap(r -> r.cells().stream()).filter(c -> c.counts().fail() > 0).findFirst().orElseThrow();

        robot.clickOn("#" + OverviewView.heatCellId(failing.accountId(), failing.facet()));
        waitUntil(10, () -> fixture.console.shell().selected().filter(Destinations.FINDINGS::equals).isPresent());

        assertThat(fixture.console.shell().selected()).contains(Destinations.FINDINGS);
    }

    /** An organization of 200 accounts: the map draws the 20 with the most failures and sends the user to the others. */
    @Test
    void aLargeOrganizationsMapShowsTheWorstAccountsAndLinksToEveryAccount(FxRobot robot) throws Exception {
        Path file = dir.resolve("wide-" + System.nanoTime() + ".json");
        EstateFile estates = new EstateFile();
        estates.write(new dev.redoubt.estate.generate.EstateGenerator(estates)
                .generate(new dev.redoubt.estate.generate.GeneratorSpec(200, 1, 1, 2000, 1, null)), file);
        robot.interact(() -> fixture.console.actions().openCapture(file));
        waitUntil(90, () -> robot.lookup("#" + OverviewView.ID_HEAT_MAP_MORE).tryQuery().map(n -> n.getScene() != null && n.isVisible()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();

        long cells = fx(() -> robot.lookup(".heat-cell").queryAll().size());
        assertThat(cells).as("20 accounts x 6 facets").isEqualTo(HeatMap.MAX_ROWS * 6L);
        assertThat(fx(() -> robot.lookup("#" + OverviewView.ID_HEAT_MAP_MORE).queryAs(javafx.scene.Parent.class).getChildrenUnmodifiable().stream()
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).toList()))
                .containsExactly("The 20 accounts with the most failures, of 200.", "See every account");
        assertThat(fx(() -> robot.lookup("#" + OverviewView.ID_COVERAGE_MORE).queryAs(Label.class).getText()))
                .isEqualTo("The 20 accounts with the most protected resources not tested, of 200.");
        Node content = fx(() -> robot.lookup("#" + OverviewView.ID_CONTENT).query());
        assertThat(Screenshots.write(WaitForAsyncUtils.asyncFx(() -> content.snapshot(null, null)).get(20, TimeUnit.SECONDS), "overview-200-accounts-full"))
                .isNotEmptyFile();
        Node map = fx(() -> robot.lookup("#" + OverviewView.ID_HEAT_MAP).query());
        assertThat(Screenshots.write(WaitForAsyncUtils.asyncFx(() -> map.snapshot(null, null)).get(20, TimeUnit.SECONDS), "overview-heat-map-200-accounts"))
                .isNotEmptyFile();

        robot.interact(() -> ((javafx.scene.control.Hyperlink) robot.lookup("#" + OverviewView.ID_HEAT_MAP_MORE + " .hyperlink").query()).fire());
        waitUntil(10, () -> fixture.console.shell().selected().filter(Destinations.ORGANIZATION::equals).isPresent());
    }

    @Test
    void fitsTheSmallestWindow(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(ShellWindow.MIN_WIDTH);
            stage.setHeight(ShellWindow.MIN_HEIGHT);
        });
        openDemo(robot);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node heat = fx(() -> robot.lookup("#" + OverviewView.ID_HEAT_MAP).query());
        javafx.scene.Node failures = fx(() -> robot.lookup("#" + OverviewView.ID_TOP_FAILURES).query());
        assertThat(fx(() -> failures.localToScene(0, 0).getY())).as("one column: the failures under the map")
                .isGreaterThan(fx(() -> heat.localToScene(0, 0).getY()) + 100);
        assertThat(Screenshots.write(fixture.scene, "overview-1024x640")).isNotEmptyFile();
        javafx.scene.Node content = fx(() -> robot.lookup("#" + OverviewView.ID_CONTENT).query());
        assertThat(Screenshots.write(WaitForAsyncUtils.asyncFx(() -> content.snapshot(null, null)).get(20, TimeUnit.SECONDS), "overview-1024x640-full"))
                .isNotEmptyFile();
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }
}
