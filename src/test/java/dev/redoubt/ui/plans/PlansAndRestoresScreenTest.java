package dev.redoubt.ui.plans;

import static dev.redoubt.ui.support.FxReads.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.ui.browse.DetailPane;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.restorejobs.RestoreJobRow;
import dev.redoubt.ui.restorejobs.RestoreJobsView;
import dev.redoubt.ui.restoretests.RestoreTestsView;
import dev.redoubt.ui.restoretests.TestPlanRow;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.FxReads;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
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

/** The backup plans, restore testing and restore jobs screens in the whole console, on the Northwind demo opened as a capture file. */
@ExtendWith(ApplicationExtension.class)
class PlansAndRestoresScreenTest {
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
        FxReads.waitUntil(60, () -> fixture.console.workspace().catalog() != null);
        robot.interact(() -> fixture.console.actions().notices().shown().clear());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        FxReads.waitUntil(20, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean showing(FxRobot robot, String text) throws Exception {
        return fx(() -> robot.lookup(n -> n instanceof Label l && l.isVisible() && text.equals(l.getText()) && n.getScene() != null).tryQuery().isPresent());
    }

    private static Hyperlink link(FxRobot robot, String text) throws Exception {
        return fx(() -> robot.lookup(n -> n instanceof Hyperlink h && text.equals(h.getText()) && visible(h)).queryAs(Hyperlink.class));
    }

    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aPlanFromTheListWithItsRulesInWords(FxRobot robot) throws Exception {
        openDemo(robot);
        robot.interact(() -> fixture.console.shell().select(Destinations.PLANS));
        TableView<?> table = fx(() -> robot.lookup("#" + PlansView.ID_TABLE).queryAs(TableView.class));
        waitUntil(() -> table.getItems().size() == 8);

        robot.clickOn("#" + PlansView.ID_FILTER).write("shop");
        waitUntil(() -> table.getItems().size() == 3);
        robot.clickOn(link(robot, "shop-daily"));
        waitUntil(() -> showing(robot, "every day at 03:00 UTC"));
        assertThat(fixture.console.shell().placeProperty().get()).isEqualTo(Place.of(Destinations.PLANS, fx(() -> ((PlanRow) table.getItems().get(0)).arn())));
        assertThat(showing(robot, "cron(0 3 ? * * *)   timezone UTC")).isTrue();
        assertThat(showing(robot, "within 1 hour of the scheduled time")).isTrue();
        assertThat(link(robot, "central-eu-central-1")).isNotNull();
        assertThat(fx(() -> robot.lookup("#" + DetailPane.ID_COPY_ARN).tryQuery())).isPresent();
        assertThat(Screenshots.write(fixture.scene, "plans")).isNotEmptyFile();

        // Back returns to the list as it was left.
        robot.interact(() -> fixture.console.shell().back());
        waitUntil(() -> robot.lookup("#" + PlansView.ID_TABLE).query().isVisible());
        assertThat(fx(() -> List.copyOf(table.getItems()))).hasSize(3);
        assertThat(Screenshots.write(fixture.scene, "plans-list")).isNotEmptyFile();
    }

    @Test
    void aRestoreTestingPlanWithItsRecentJobsLinkingToEachJob(FxRobot robot) throws Exception {
        openDemo(robot);
        robot.interact(() -> fixture.console.shell().select(Destinations.RESTORE_TESTS));
        TableView<?> table = fx(() -> robot.lookup("#" + RestoreTestsView.ID_TABLE).queryAs(TableView.class));
        waitUntil(() -> table.getItems().size() == 4);
        assertThat(Screenshots.write(fixture.scene, "restore-tests-list")).isNotEmptyFile();

        robot.clickOn(link(robot, "central_dr_restore_test"));
        waitUntil(() -> robot.lookup("#" + RestoreTestsView.ID_VERDICT).tryQuery().map(Node::isVisible).orElse(false));
        assertThat(fx(() -> robot.lookup("#" + RestoreTestsView.ID_VERDICT).queryAs(Label.class).getText()))
                .startsWith("Latest run").contains("a restored resource was left behind");
        assertThat(showing(robot, "every Wednesday at 07:00 UTC")).isTrue();
        assertThat(showing(robot, "the latest recovery point within the window")).isTrue();
        assertThat(Screenshots.write(fixture.scene, "restore-tests")).isNotEmptyFile();

        TestPlanRow dr = fx(() -> table.getItems().stream().map(TestPlanRow.class::cast).filter(r -> r.name().equals("central_dr_restore_test")).findFirst()
                .orElseThrow());
        Hyperlink firstJob = fx(() -> robot.lookup("#" + RestoreTestsView.ID_JOBS + " .hyperlink").queryAs(Hyperlink.class));
        robot.clickOn(firstJob);
        waitUntil(() -> robot.lookup("#" + RestoreJobsView.ID_VERDICT).tryQuery().map(Node::isVisible).orElse(false));
        assertThat(fixture.console.shell().placeProperty().get().destination()).isEqualTo(Destinations.RESTORE_JOBS);
        assertThat(fx(() -> robot.lookup("#" + RestoreJobsView.ID_VERDICT).queryAs(Label.class).getText())).contains("not deleted");

        robot.interact(() -> fixture.console.shell().back());
        waitUntil(() -> fixture.console.shell().placeProperty().get().equals(Place.of(Destinations.RESTORE_TESTS, dr.arn())));
        waitUntil(() -> robot.lookup("#" + RestoreTestsView.ID_VERDICT).tryQuery().map(Node::isVisible).orElse(false));
    }

    @Test
    void restoreJobsSortedByDurationWithTheSlowOneOverTarget(FxRobot robot) throws Exception {
        openDemo(robot);
        robot.interact(() -> fixture.console.shell().select(Destinations.RESTORE_JOBS));
        TableView<?> table = fx(() -> robot.lookup("#" + RestoreJobsView.ID_TABLE).queryAs(TableView.class));
        waitUntil(() -> table.getItems().size() == 13);
        assertThat(Screenshots.write(fixture.scene, "restore-jobs")).isNotEmptyFile();

        robot.clickOn(fx(() -> robot.lookup(".column-header .label").match(n -> n instanceof Label l && "Duration".equals(l.getText())).queryAs(Label.class)));
        waitUntil(() -> ((RestoreJobRow) table.getItems().get(0)).minutes() != null && ((RestoreJobRow) table.getItems().get(0)).minutes() < 20);
        robot.clickOn(fx(() -> robot.lookup(".column-header .label").match(n -> n instanceof Label l && "Duration".equals(l.getText())).queryAs(Label.class)));
        waitUntil(() -> ((RestoreJobRow) table.getItems().get(0)).overTarget());
        assertThat(fx(() -> robot.lookup(n -> n instanceof Label l && "over target".equals(l.getText())).tryQuery())).isPresent();

        RestoreJobRow slow = fx(() -> (RestoreJobRow) table.getItems().get(0));
        robot.clickOn(link(robot, slow.jobId().substring(0, 8)));
        waitUntil(() -> robot.lookup("#" + RestoreJobsView.ID_VERDICT).tryQuery().map(Node::isVisible).orElse(false));
        assertThat(fx(() -> robot.lookup("#" + RestoreJobsView.ID_VERDICT).queryAs(Label.class).getText()))
                .isEqualTo("Restored in 19 h: over the 12 h restore-time target.");
        assertThat(Screenshots.write(fixture.scene, "restore-job-detail")).isNotEmptyFile();
    }
}
