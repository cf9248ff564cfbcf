package dev.redoubt.ui.scan;

import static dev.redoubt.ui.support.FxReads.fx;
import static dev.redoubt.ui.support.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.Estate;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxOptions;
import dev.redoubt.services.ScanOutcome;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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

/** The scan screen in the whole console: sign in to the sandbox serving Northwind through SSO, choose, scan, see the outcome. */
@ExtendWith(ApplicationExtension.class)
class ScanScreenTest {
    @TempDir
    static Path dir;

    private static final String BACKUP_ACCOUNT = "536470192834";
    private static final String KEYS_PROFILE = "backup-keys";

    private Sandbox sandbox;
    private ConsoleFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        Estate demo = NorthwindDemo.build();
        sandbox = Sandbox.start(SandboxOptions.forTests(demo, Clock.fixed(demo.capturedAt(), ZoneOffset.UTC)).withAsCaptured(true)
                .withAutoApprove(true));
        Path here = dir.resolve(String.valueOf(System.nanoTime()));
        SandboxProfiles.sso(here.resolve("user"), sandbox, BACKUP_ACCOUNT, "AuditReadOnly", "eu-west-1");
        SandboxProfiles.addKeys(here.resolve("user"), sandbox, KEYS_PROFILE, sandbox.credential(BACKUP_ACCOUNT, "AuditReadOnly"), "eu-west-1");
        fixture = ConsoleFixture.create(here, java.util.Map.of(), Clock.systemUTC());
        fixture.show(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
        sandbox.close();
    }

    @Test
    void scansEverythingNorthwindOffersAndOpensTheOverview(FxRobot robot) throws Exception {
        robot.interact(() -> fixture.console.actions().signIn(SandboxProfiles.PROFILE));
        waitUntil(30, () -> robot.lookup("#" + ScanView.ID_ACCOUNT_TREE).tryQuery().isPresent()
                && robot.lookup("#" + ScanView.ID_ACCOUNT_TREE).queryAs(TreeView.class).getRoot() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fixture.console.shell().selected()).contains(Destinations.SCAN);
        robot.interact(() -> fixture.console.shell().notices().clear());
        @SuppressWarnings("unchecked")
        TreeView<AccountNode> tree = fx(() -> robot.lookup("#" + ScanView.ID_ACCOUNT_TREE).queryAs(TreeView.class));
        AccountNode all = fx(() -> tree.getRoot().getValue());
        assertThat(all.accountCount()).isEqualTo(7);
        assertThat(fx(all::checked)).isTrue();
        assertThat(fx(() -> robot.lookup("#" + ScanView.ID_IDENTITY).queryAs(Label.class).getText()))
                .isEqualTo("Scanning as alice · AuditReadOnly, read-only");
        assertThat(fx(() -> robot.lookup("#" + ScanView.ID_ACCOUNTS_TEXT).queryAs(Label.class).getText())).isEqualTo("All 7 accounts selected");
        Button start = fx(() -> robot.lookup("#" + ScanView.ID_START).queryButton());
        assertThat(fx(start::isDisabled)).isFalse();
        assertThat(Screenshots.write(fixture.scene, "scan-choose")).isNotEmptyFile();

        robot.clickOn("#" + ScanView.ID_ALL_REGIONS);
        robot.clickOn("#" + ScanView.ID_NO_REGIONS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(start::isDisabled)).isTrue();
        assertThat(fx(() -> robot.lookup("#" + ScanView.ID_START_BLOCKED).queryAs(Label.class).getText())).isEqualTo(ScanViewModel.NO_REGION);
        robot.clickOn("#" + ScanView.ID_ALL_REGIONS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(start::isDisabled)).isFalse();

        AtomicInteger mostRows = new AtomicInteger();
        fixture.console.workspace().scanProgressProperty().addListener((o, a, status) -> {
            if (status != null) {
                mostRows.accumulateAndGet(status.scopes().size(), Math::max);
            }
        });
        robot.clickOn("#" + ScanView.ID_START);

        waitUntil(60, () -> fixture.console.workspace().scan() != null
                && fixture.console.shell().selected().orElseThrow().equals(Destinations.OVERVIEW));
        WaitForAsyncUtils.waitForFxEvents();
        ScanOutcome outcome = fixture.console.workspace().scan();
        assertThat(outcome.outcome()).isEqualTo(ScanOutcome.Outcome.COMPLETE);

        robot.interact(() -> {
            fixture.console.shell().notices().clear();
            fixture.console.shell().select(Destinations.SCAN);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> robot.lookup("#" + ScanView.ID_HEADLINE).queryAs(Label.class).getText())).isEqualTo("Scan complete");
        assertThat(fx(() -> robot.lookup("#" + ScanView.ID_SHA256).queryAs(TextField.class).getText())).isEqualTo(outcome.sha256());
        assertThat(fx(() -> robot.lookup("#" + ScanView.ID_CAPTURE).queryAs(TextField.class).getText()))
                .isEqualTo(outcome.capture().toAbsolutePath().toString());
        assertThat(fx(() -> List.copyOf(robot.lookup("#" + ScanView.ID_READ).queryAs(TableView.class).getItems()))).as("one line per account and region read")
                .hasSize(10);
        assertThat(Screenshots.write(fixture.scene, "scan-done")).isNotEmptyFile();
        robot.clickOn("#" + ScanView.ID_OPEN_OVERVIEW);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.console.shell().selected()).contains(Destinations.OVERVIEW);

        robot.interact(() -> fixture.console.shell().select(Destinations.SCAN));
        assertThat(SmallWindow.screenshot(fixture.scene, "scan-done-1024")).isNotEmptyFile();
        robot.clickOn("#" + ScanView.ID_NEW_SCAN);
        assertThat(SmallWindow.screenshot(fixture.scene, "scan-choose-1024")).isNotEmptyFile();
        assertThat(mostRows.get()).as("one row per account and region while scanning").isGreaterThanOrEqualTo(7);
    }


    @Test
    void saysWhatCouldNotBeListedAndWhyTheScanCannotStart(FxRobot robot) throws Exception {
        robot.interact(() -> fixture.console.actions().signIn(KEYS_PROFILE));
        waitUntil(30, () -> robot.lookup("#" + ScanView.ID_ACCOUNT_TREE).tryQueryAs(TreeView.class)
                .map(t -> t.getRoot() != null).orElse(false));
        robot.interact(() -> fixture.console.shell().notices().clear());
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.Node problems = fx(() -> robot.lookup("#" + ScanView.ID_PROBLEMS).query());
        assertThat(fx(problems::isVisible)).as("a member account's keys may not list the organization").isTrue();
        assertThat(fx(() -> robot.from(problems).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList()))
                .anyMatch(t -> t.contains("organizations:ListAccounts"));
        robot.clickOn("#" + ScanView.ID_ACCOUNT_FILTER).write("5364");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(fx(() -> robot.lookup(".check-box").match((javafx.scene.control.CheckBox b) -> "All accounts".equals(b.getText()) && b.isVisible())
                .queryAs(javafx.scene.control.CheckBox.class)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> robot.lookup("#" + ScanView.ID_START).queryButton().isDisabled())).isTrue();
        assertThat(fx(() -> robot.lookup("#" + ScanView.ID_START_BLOCKED).queryAs(Label.class).getText())).isEqualTo(ScanViewModel.NO_ACCOUNT);
        assertThat(Screenshots.write(fixture.scene, "scan-choose-problems")).isNotEmptyFile();
    }
}
