package dev.redoubt.ui.console;

import static dev.redoubt.ui.support.FxReads.fx;
import static dev.redoubt.ui.support.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.app.cli.CliRun;
import dev.redoubt.sandbox.RequestLog;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.overview.OverviewView;
import dev.redoubt.ui.start.StartView;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
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

/**
 * The newcomer's path, clicked through: "Explore the demo" starts the sandbox in the process, signs in
 * through its SSO flow, scans it and shows the scorecard; then an auditor's tour of every screen.
 */
@ExtendWith(ApplicationExtension.class)
class DemoInTheWindowTest {
    /** The operations a read-only sign-in and scan may call: reads, and the sign-in itself. */
    private static final String READS = "(Describe|Get|List).*|RegisterClient|StartDeviceAuthorization|CreateToken|AssumeRole";

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
        robot.clickOn("#" + StartView.ID_OPEN_DEMO);
        waitUntil(90, () -> robot.lookup("#" + OverviewView.ID_RESULTS_DIGEST).tryQuery().isPresent()
                && !robot.lookup("#" + OverviewView.ID_RESULTS_DIGEST).queryAs(TextField.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theDemosScorecardIsTheOneTheCommandLineReports(FxRobot robot) throws Exception {
        openDemo(robot);

        String digest = fx(() -> robot.lookup("#" + OverviewView.ID_RESULTS_DIGEST).queryAs(TextField.class).getText());
        CliRun cli = CliRun.run(dir.resolve("cli-" + System.nanoTime()), "audit", "--demo", "--format", "json");
        assertThat(cli.err()).contains("Results SHA-256: " + digest);
        assertThat(fixture.console.shell().selected()).contains(Destinations.OVERVIEW);
        assertThat(fixture.scene.getWindow()).isInstanceOfSatisfying(Stage.class,
                s -> assertThat(s.getTitle()).isEqualTo("Redoubt — Northwind (demo) — Auditor"));
        assertThat(fx(() -> robot.lookup("#identity").queryAs(Label.class).getText())).isEqualTo("alice · AuditReadOnly @ 536470192834");
        assertThat(fx(() -> robot.lookup("#mode").queryAs(Label.class).getText())).isEqualTo("AUDITOR · READ-ONLY");
        assertThat(fx(() -> robot.lookup("#freshness").queryAs(Label.class).getText())).startsWith("as of 28 Nov 09:00");
        assertThat(fx(() -> robot.lookup("#nav-scan").query().isDisabled())).as("the scan screen can be opened once signed in").isFalse();
        assertThat(Screenshots.write(fixture.scene, "overview-demo")).isNotEmptyFile();
    }

    @Test
    void aCaptureOpenedFromTheCommandLineTitlesTheWindowWithItsEstatesName(FxRobot robot) throws Exception {
        Path file = dir.resolve("capture-" + System.nanoTime() + ".json");
        new dev.redoubt.estate.EstateFile().write(dev.redoubt.estate.demo.NorthwindDemo.build(), file);

        robot.interact(() -> fixture.console.open(new dev.redoubt.app.ConsoleStart(dev.redoubt.app.ConsoleStart.Kind.ESTATE, file, null,
                List.of(), List.of(), null, dev.redoubt.journal.Mode.AUDITOR)));
        waitUntil(30, () -> fixture.console.workspace().audit() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> ((Stage) fixture.scene.getWindow()).getTitle())).isEqualTo("Redoubt — Northwind (demo) — Auditor");
        assertThat(fx(() -> robot.lookup("#identity").queryAs(Label.class).getText())).isEqualTo("Offline · capture file");
        assertThat(fixture.console.shell().selected()).contains(Destinations.OVERVIEW);
    }

    @Test
    void anAuditorsTourOfEveryScreenWritesNothingToAws(FxRobot robot) throws Exception {
        openDemo(robot);
        RequestLog log = fixture.context.demo().sandbox().requestLog();

        for (String screen : List.of("start", "scan", "overview", "findings", "overview")) {
            robot.clickOn("#nav-" + screen);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fixture.console.shell().selected().map(d -> d.id())).contains(screen);
        }
        robot.interact(() -> fixture.console.actions().refresh());
        waitUntil(60, () -> fixture.console.workspace().scan() != null
                && fixture.console.workspace().scan().estate() != null && !fixture.console.workspace().busy());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(log.entries()).isNotEmpty().allSatisfy(e -> assertThat(e.operation()).as(e.line()).matches(READS));
        assertThat(log.entries()).noneSatisfy(e -> assertThat(e.outcome()).isEqualTo("AccessDenied"));
    }
}
