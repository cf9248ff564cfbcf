package dev.redoubt.ui.drills;

import static dev.redoubt.ui.support.FxReads.fx;
import static dev.redoubt.ui.support.FxReads.press;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillStatus;
import dev.redoubt.journal.Mode;
import dev.redoubt.ui.overview.OverviewView;
import dev.redoubt.ui.start.StartView;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.FxReads;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
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

/**
 * A restore drill clicked through in the window on the demo: shop-orders and shop-web-data-1 as one
 * recovery group, preflight, the name typed, the restore followed (skipping ahead on the sandbox's
 * clock) until it completed, validated, cleaned up, summarized, signed off by bob, the report
 * exported; and an auditor who may look but not start.
 */
@ExtendWith(ApplicationExtension.class)
class DrillInTheWindowTest {
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

    private void openDemo(FxRobot robot, Mode mode) throws Exception {
        robot.interact(() -> fixture.console.workspace().modeProperty().set(mode));
        robot.clickOn("#" + StartView.ID_OPEN_DEMO);
        FxReads.waitUntil(90, () -> robot.lookup("#" + OverviewView.ID_RESULTS_DIGEST).tryQuery().isPresent()
                && !robot.lookup("#" + OverviewView.ID_RESULTS_DIGEST).queryAs(TextField.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private DrillsViewModel drills(FxRobot robot) throws Exception {
        return fx(() -> DrillsView.of(robot.lookup("#" + DrillsView.ID).query()).viewModel());
    }

    private static void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            FxReads.waitUntil(30, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited for " + what + "; the wizard says: " + fixture.console.shell().notices(), e);
        }
        settle();
    }

    private void add(FxRobot robot, String name) throws Exception {
        robot.interact(() -> robot.lookup("#" + DrillWizardView.ID_FILTER).queryAs(TextField.class).setText(name));
        settle();
        ListView<ResourceChoice> list = fx(() -> robot.lookup("#" + DrillWizardView.ID_RESOURCES).queryListView());
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow()));
        robot.clickOn("#" + DrillWizardView.ID_ADD);
        settle();
    }

    @Test
    void anOperatorRehearsesARecoveryGroupAndBobSignsItOff(FxRobot robot) throws Exception {
        openDemo(robot, Mode.OPERATOR);
        robot.clickOn("#nav-drills");
        settle();
        DrillsViewModel vm = drills(robot);
        DrillWizardViewModel w = vm.wizard();
        Path report = dir.resolve("drill-report.html");
        robot.interact(() -> DrillsView.of(robot.lookup("#" + DrillsView.ID).query()).reportFile(name -> report));

        assertThat(fx(() -> robot.lookup("#" + DrillsView.ID_NEW).queryButton().isDisabled())).as("an operator may start a drill").isFalse();

        // From the page of shop-orders' suggested recovery point: "Restore drill…" opens the wizard on it.
        var catalog = fixture.console.workspace().catalog();
        String orders = catalog.index().protectedResources().stream().filter(r -> "shop-orders".equals(r.resource().resourceName()))
                .findFirst().orElseThrow().resource().resourceArn();
        String point = fixture.context.services().drills().choices(catalog, orders).get(0).recoveryPointArn();
        robot.interact(() -> fixture.console.shell().open(dev.redoubt.ui.navigation.Place.of(dev.redoubt.ui.navigation.Destinations.RECOVERY_POINTS, point)));
        waitUntil("the recovery point's page", () -> robot.lookup("#pointRestoreDrill").tryQuery().map(Node::isVisible).orElse(false));
        press(robot, "pointRestoreDrill");
        waitUntil("the wizard", () -> vm.pageProperty().get() == DrillsViewModel.Page.WIZARD);
        assertThat(fx(() -> robot.lookup("#" + DrillNodes.ID_REHEARSAL_BANNER).queryAs(Label.class).getText())).isEqualTo(DrillWords.REHEARSAL_BANNER);
        assertThat(w.group()).extracting(ResourceChoice::name).containsExactly("shop-orders");
        add(robot, "shop-web-data-1");
        robot.interact(() -> robot.lookup("#" + DrillWizardView.ID_FILTER).queryAs(TextField.class).setText(""));
        assertThat(w.group()).extracting(ResourceChoice::name).containsExactly("shop-orders", "shop-web-data-1");
        Screenshots.write(fixture.scene, "drill-choose");

        robot.clickOn("#" + DrillWizardView.ID_BEGIN);
        waitUntil("the recovery points", () -> w.drillId() != null && !w.choices().isEmpty() && !w.busyProperty().get());
        assertThat(w.chosen()).containsEntry(0, point);
        Screenshots.write(fixture.scene, "drill-choose-points");
        press(robot, DrillWizardView.ID_TO_PREFLIGHT);
        waitUntil("the preflight", () -> w.step() == WizardStep.PREFLIGHT && !w.busyProperty().get());
        assertThat(fx(() -> robot.lookup("#drillPreflight-0-point-usable").queryAs(Label.class).getText())).isEqualTo("Pass");
        Screenshots.write(fixture.scene, "drill-preflight");
        press(robot, DrillWizardView.ID_PREFLIGHT_AGAIN);
        waitUntil("the preflight again", () -> !w.busyProperty().get());

        press(robot, DrillWizardView.ID_TO_CONFIRM);
        settle();
        assertThat(w.step()).as("the confirmation: " + w.errorProperty().get()).isEqualTo(WizardStep.CONFIRM);
        Button start = fx(() -> robot.lookup("#" + DrillWizardView.ID_START).queryButton());
        assertThat(fx(start::isDisabled)).as("nothing typed yet").isTrue();
        robot.clickOn("#" + DrillWizardView.ID_CONFIRM_TEXT).write("shop-orders");
        assertThat(fx(start::isDisabled)).as("not the drill's name").isTrue();
        robot.interact(() -> robot.lookup("#" + DrillWizardView.ID_CONFIRM_TEXT).queryAs(TextField.class).setText(w.expectedProperty().get()));
        assertThat(fx(start::isDisabled)).isFalse();
        Screenshots.write(fixture.scene, "drill-confirm");
        press(robot, DrillWizardView.ID_START);
        waitUntil("the restore to start", () -> w.step() == WizardStep.MONITOR && !w.busyProperty().get());
        assertThat(w.drill().status()).isEqualTo(DrillStatus.RESTORING);

        boolean shot = false;
        for (int i = 0; i < 40 && !w.jobsEnded(); i++) {
            press(robot, DrillWizardView.ID_SKIP_AHEAD);
            waitUntil("the clock to move", () -> !w.busyProperty().get());
            FxReads.waitUntil(10, () -> w.drill().members().get(0).lastSeen() != null);
            settle();
            if (!shot && "COMPLETED".equals(w.drill().members().get(0).jobStatus()) && w.drill().members().get(1).lastSeen() != null
                    && !w.drill().members().get(1).lastSeen().ended()) {
                // the database restored, its volume on its way: the page at its most telling
                Screenshots.write(fixture.scene, "drill-monitor");
                shot = true;
            }
        }
        assertThat(shot).as("the volume's job was seen running after the database's completed").isTrue();
        waitUntil("every job to end", w::jobsEnded);
        assertThat(w.drill().members()).allSatisfy(m -> assertThat(m.jobStatus()).isEqualTo("COMPLETED"));

        press(robot, DrillWizardView.ID_TO_VALIDATE);
        settle();
        for (int m = 0; m < 2; m++) {
            int member = m;
            int checks = w.checks().stream().filter(c -> c.member() == member).findFirst().orElseThrow().lines().size();
            for (int k = 0; k < checks; k++) {
                String check = "#drillCheck-" + m + "-" + k + "-passed";
                robot.interact(() -> ((javafx.scene.control.RadioButton) robot.lookup(check).query()).fire());
            }
            robot.interact(() -> robot.lookup("#drillValidationNotes-" + member).queryAs(javafx.scene.control.TextArea.class).setText("Checked by hand."));
            robot.interact(() -> robot.lookup("#drillRecordValidation-" + member).queryButton().fire());
            waitUntil("the validation of member " + m, () -> !w.busyProperty().get() && w.drill().members().get(member).validation() != null);
        }
        assertThat(fx(() -> robot.lookup("#drillValidationAws-0").queryAs(Label.class).getText())).startsWith("Recorded in the journal; AWS did not take the result");
        Screenshots.write(fixture.scene, "drill-validate");

        robot.interact(() -> robot.lookup("#" + DrillWizardView.ID_TO_CLEAN_UP).queryButton().fire());
        settle();
        robot.interact(() -> robot.lookup("#" + DrillWizardView.ID_CLEAN_UP_CONFIRMED).queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        Screenshots.write(fixture.scene, "drill-cleanup");
        robot.interact(() -> robot.lookup("#" + DrillWizardView.ID_RECORD_CLEAN_UP).queryButton().fire());
        waitUntil("the summary", () -> w.step() == WizardStep.SUMMARY && !w.busyProperty().get());
        robot.interact(() -> robot.lookup("#" + DrillWizardView.ID_SUMMARY_NOTES).queryAs(javafx.scene.control.TextArea.class)
                .setText("Both restored well within the 12 h target."));
        Screenshots.write(fixture.scene, "drill-summary");
        robot.interact(() -> robot.lookup("#" + DrillWizardView.ID_SUMMARIZE).queryButton().fire());
        waitUntil("the sign-off page", () -> w.step() == WizardStep.SIGN_OFF && !w.busyProperty().get());

        robot.interact(() -> robot.lookup("#" + DrillNodes.ID_SIGN_OFF).queryButton().fire());
        waitUntil("bob offered", () -> "bob".equals(vm.signerProperty().get()));
        robot.interact(() -> robot.lookup("#" + DrillNodes.ID_SIGN_IN_AND_SIGN_OFF).queryButton().fire());
        waitUntil("bob's sign-off", () -> w.drill().status() == DrillStatus.SIGNED_OFF);
        DrillState signed = w.drill();
        assertThat(signed.operator()).contains("alice");
        assertThat(signed.signer()).contains("bob");
        settle();
        Screenshots.write(fixture.scene, "drill-signed-off");

        // A second drill left at its first step: the list puts it on top, with Resume and Abandon.
        robot.interact(vm::newDrill);
        robot.interact(() -> {
            w.addByName("erp-db");
            w.begin();
        });
        waitUntil("the second drill", () -> w.drillId() != null && !w.drillId().equals(signed.id()) && !w.busyProperty().get());
        String second = w.drillId();
        robot.interact(vm::backToList);
        waitUntil("the list", () -> vm.rows().size() == 2 && vm.rows().stream().anyMatch(r -> r.id().equals(signed.id()) && r.statusText().equals("Signed off")));
        assertThat(vm.rows()).extracting(DrillRow::id).containsExactly(second, signed.id());
        assertThat(fx(() -> robot.lookup("#" + DrillsView.ID_RESUME + "-" + second).tryQuery())).isPresent();
        Screenshots.write(fixture.scene, "drills-list");
        robot.interact(() -> vm.show(vm.rows().get(1)));
        waitUntil("the drill's record", () -> vm.pageProperty().get() == DrillsViewModel.Page.RECORD
                && robot.lookup("#" + DrillsView.ID_RECORD).lookup("#" + DrillNodes.ID_STEPS).tryQuery().isPresent());
        Screenshots.write(fixture.scene, "drill-record");

        Button export = fx(() -> robot.from((Node) robot.lookup("#" + DrillsView.ID_RECORD).query()).lookup("#" + DrillNodes.ID_EXPORT).queryButton());
        robot.interact(export::fire);
        waitUntil("the report", () -> report.toFile().exists());
        assertThat(report).content().contains(signed.id()).contains("REHEARSAL");
    }

    @Test
    void aRestoreThatFailsShowsAwsReasonInPlace(FxRobot robot) throws Exception {
        openDemo(robot, Mode.OPERATOR);
        // A capture taken while the CRM key was still enabled; in the sandbox it is disabled now.
        dev.redoubt.estate.EstateFile files = new dev.redoubt.estate.EstateFile();
        com.fasterxml.jackson.databind.JsonNode tree = files.toTree(dev.redoubt.estate.demo.NorthwindDemo.build());
        enableKeys(tree);
        Path stale = dir.resolve("stale-" + System.nanoTime() + ".json");
        files.write(files.fromTree(tree, "stale capture"), stale);
        robot.interact(() -> fixture.console.actions().openCapture(stale));
        waitUntil("the stale capture", () -> !fixture.console.workspace().busy() && fixture.console.workspace().estate().origin().file() != null
                && fixture.console.workspace().estate().origin().file().equals(stale));
        robot.clickOn("#nav-drills");
        settle();
        DrillsViewModel vm = drills(robot);
        DrillWizardViewModel w = vm.wizard();
        robot.clickOn("#" + DrillsView.ID_NEW);
        settle();
        robot.interact(() -> {
            w.addByName("legacy-crm-db", "legacy-crm-files");
            w.titleProperty().set("CRM");
            w.begin();
        });
        waitUntil("the recovery points", () -> !w.choices().isEmpty() && !w.busyProperty().get());
        press(robot, DrillWizardView.ID_TO_PREFLIGHT);
        waitUntil("the preflight", () -> w.step() == WizardStep.PREFLIGHT && !w.busyProperty().get());
        press(robot, DrillWizardView.ID_TO_CONFIRM);
        robot.interact(() -> robot.lookup("#" + DrillWizardView.ID_CONFIRM_TEXT).queryAs(TextField.class).setText("CRM"));
        press(robot, DrillWizardView.ID_START);
        waitUntil("the restore to start", () -> w.step() == WizardStep.MONITOR && !w.busyProperty().get());
        for (int i = 0; i < 10 && !w.jobsEnded(); i++) {
            press(robot, DrillWizardView.ID_SKIP_AHEAD);
            waitUntil("the clock to move", () -> !w.busyProperty().get());
        }
        waitUntil("the failure", () -> w.jobsEnded() && robot.lookup("#drillJobReason-0").tryQuery().isPresent());

        assertThat(fx(() -> robot.lookup("#drillJobStatus-0").queryAs(Label.class).getText())).isEqualTo("Failed");
        assertThat(fx(() -> robot.lookup("#drillJobReason-0").queryAs(Label.class).getText())).startsWith("AWS's reason: ").contains("is disabled");
        assertThat(fx(() -> robot.lookup("#drillJobStatus-1").queryAs(Label.class).getText())).isEqualTo("Not started: the one before it failed");
        java.util.List<String> texts = fx(() -> robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList());
        assertThat(texts).as("the skipped member is not blamed on AWS").contains("None: never started").doesNotContain("Not started: AWS refused it");
        Screenshots.write(fixture.scene, "drill-monitor-failed");
    }

    private static void enableKeys(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            if ("Disabled".equals(o.path("KeyState").asText())) {
                o.put("KeyState", "Enabled");
                o.put("Enabled", true);
            }
            o.elements().forEachRemaining(DrillInTheWindowTest::enableKeys);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(DrillInTheWindowTest::enableKeys);
        }
    }

    @Test
    void anAuditorSeesDrillsButCannotStartOne(FxRobot robot) throws Exception {
        openDemo(robot, Mode.AUDITOR);
        robot.clickOn("#nav-drills");
        settle();

        assertThat(fx(() -> robot.lookup("#" + DrillsView.ID_NEW).queryButton().isDisabled())).isTrue();
        assertThat(fx(() -> robot.lookup("#" + DrillsView.ID_WHY_NOT).queryAs(Label.class).getText())).isEqualTo("Sign in as an operator to run a drill");
        assertThat(fx(() -> robot.lookup("#" + DrillsView.ID_NEW).queryButton().getTooltip().getText())).isEqualTo("Sign in as an operator to run a drill");
        Screenshots.write(fixture.scene, "drills-auditor");
    }
}
