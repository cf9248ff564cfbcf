package dev.redoubt.ui.access;

import static dev.redoubt.ui.support.FxReads.fx;
import static dev.redoubt.ui.support.FxReads.press;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.approvals.Outcome;
import dev.redoubt.drills.DrillStatus;
import dev.redoubt.drills.Preflight;
import dev.redoubt.findings.Status;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.JournalVerifier;
import dev.redoubt.journal.Mode;
import dev.redoubt.services.ActivityJournal;
import dev.redoubt.ui.drills.DrillWizardViewModel;
import dev.redoubt.ui.drills.DrillsView;
import dev.redoubt.ui.drills.DrillsViewModel;
import dev.redoubt.ui.drills.WizardStep;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.overview.OverviewView;
import dev.redoubt.ui.start.StartView;
import dev.redoubt.ui.support.ApproverPage;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.FxReads;
import dev.redoubt.ui.support.Screenshots;
import dev.redoubt.ui.vaults.VaultsView;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
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
 * Multi-party approval clicked through in the window on the demo: an operator asks the recovery team for
 * restore access to the air-gapped vault, bob and carol approve on the sandbox's approver page while the
 * window follows the votes, the desktop is told, a drill restores through the opened vault, and the access
 * is revoked (alice and bob approve the revocation); the journal holds all of it and verifies. A request
 * left alone expires on the sandbox's clock; an auditor sees the screen and can change nothing.
 */
@ExtendWith(ApplicationExtension.class)
class AccessInTheWindowTest {
    @TempDir
    static Path dir;

    /** The drill wizard's controls, by their IDs. */
    private static final class Wizard {
        static final String ID_BEGIN = "drillBegin";
        static final String ID_TO_PREFLIGHT = "drillToPreflight";
        static final String ID_TO_CONFIRM = "drillToConfirm";
        static final String ID_CONFIRM_TEXT = "drillConfirmText";
        static final String ID_START = "drillStart";
        static final String ID_SKIP_AHEAD = "drillSkipAhead";
        static final String ID_THROUGH = "drillThroughRestoreAccess";
    }

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

    /** The access page's view model; looked up on the FX thread (through fx, a wait or interact). */
    private AccessViewModel access(FxRobot robot) {
        return AccessView.of(robot.lookup("#" + AccessView.ID).query()).viewModel();
    }

    private void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            FxReads.waitUntil(30, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            String state = fx(() -> {
                AccessView v = AccessView.of(fixture.scene.lookup("#" + AccessView.ID));
                return "notices: " + fixture.console.shell().notices() + "; the page: " + (v == null ? null : v.viewModel().shownProperty().get());
            });
            throw new AssertionError("waited for " + what + "; " + state, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String airGappedVault() {
        return fixture.console.workspace().catalog().index().vaults().stream()
                .filter(v -> "central-airgap-eu-west-1".equals(v.vault().backupVaultName())).findFirst().orElseThrow().arn();
    }

    private List<Entry> journal(String action) {
        return fixture.context.journal().read(new EntryQuery(null, null, action, null, 0));
    }

    @Test
    void anOperatorIsGrantedAccessByTwoApproversDrillsThroughItAndRevokesIt(FxRobot robot) throws Exception {
        openDemo(robot, Mode.OPERATOR);
        String lag = airGappedVault();

        // The air-gapped vault's page offers the request.
        robot.interact(() -> fixture.console.shell().open(Place.of(Destinations.VAULTS, lag)));
        waitUntil("the vault's page", () -> robot.lookup("#" + VaultsView.ID_REQUEST_ACCESS).tryQuery().map(Node::isVisible).orElse(false));
        robot.interact(() -> ((javafx.scene.control.Hyperlink) robot.lookup("#" + VaultsView.ID_REQUEST_ACCESS).query()).fire());
        waitUntil("the request page", () -> robot.lookup("#" + AccessView.ID).tryQuery().isPresent()
                && access(robot).pageProperty().get() == AccessViewModel.Page.REQUEST && access(robot).preflightProperty().get() != null);
        AccessViewModel vm = fx(() -> access(robot));
        assertThat(vm.preflightProperty().get().items()).allSatisfy(i -> assertThat(i.status()).as(i.item()).isEqualTo(Status.PASS));
        Button send = fx(() -> robot.lookup("#" + AccessView.ID_SEND).queryButton());
        assertThat(fx(send::isDisabled)).as("no comment yet").isTrue();
        robot.interact(() -> robot.lookup("#" + AccessView.ID_COMMENT).queryAs(TextArea.class)
                .setText("Restore drill of the order database from the air-gapped copy, CHG-2041"));
        assertThat(fx(send::isDisabled)).isFalse();
        Screenshots.write(fixture.scene, "approval-request");
        press(robot, AccessView.ID_SEND);

        waitUntil("the request followed", () -> vm.pageProperty().get() == AccessViewModel.Page.FOLLOW && vm.shownProperty().get() != null
                && vm.shownProperty().get().sessionArn() != null);
        AccessViewModel.AccessPage page = vm.shownProperty().get();
        String session = page.sessionArn();
        String ra = page.restoreAccessVaultArn();
        assertThat(page.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(fx(() -> robot.lookup("#" + AccessView.ID_VERDICT).queryAs(Label.class).getText())).startsWith("Waiting for approvers: 0 of 2");

        ApproverPage approvers = new ApproverPage(vm.approverPage(), "demo");
        assertThat(approvers.vote("bob", session, true)).contains("Approved.");
        waitUntil("bob's vote in the window", () -> vm.shownProperty().get().votes().stream()
                .anyMatch(v -> v.who().equals("bob") && v.responseText().equals("Approved"))); // named from IAM Identity Center by the scan
        assertThat(fx(() -> robot.lookup("#" + AccessView.ID_VERDICT).queryAs(Label.class).getText())).startsWith("Waiting for approvers: 1 of 2");
        assertThat(fixture.desktop).as("nothing ended yet").isEmpty();
        Screenshots.write(fixture.scene, "approval-pending");

        approvers.vote("carol", session, true);
        waitUntil("the approval and the points", () -> vm.shownProperty().get().outcome() == Outcome.APPROVED
                && !vm.shownProperty().get().points().isEmpty());
        assertThat(fixture.desktop).singleElement().asString().startsWith("Restore access approved: Approved: 2 of 2");
        assertThat(fx(() -> robot.lookup("#" + AccessView.ID_VERDICT).queryAs(Label.class).getText())).startsWith("Approved");
        assertThat(fixture.console.shell().notices()).extracting(dev.redoubt.ui.workspace.Notice::title).contains("Restore access approved");
        Screenshots.write(fixture.scene, "approval-granted-notice");
        robot.interact(() -> fixture.console.shell().notices().clear());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(fixture.scene, "approval-granted");
        assertThat(journal(ActivityJournal.APPROVAL_VOTE)).hasSize(2).extracting(e -> e.detailsTree().path("approverName").asText())
                .as("the journal names the people who voted").containsExactlyInAnyOrder("bob", "carol");
        assertThat(journal(ActivityJournal.APPROVAL_OUTCOME)).singleElement()
                .satisfies(e -> assertThat(e.detailsTree().path("outcome").asText()).isEqualTo("APPROVED"));

        // A drill restores through the restore-access vault.
        int k = 0;
        List<AccessViewModel.PointLine> points = vm.shownProperty().get().points();
        while (points.get(k).whyNoDrill() != null) {
            k++;
        }
        String point = points.get(k).point().recoveryPointArn();
        press(robot, "accessDrill-" + k);
        waitUntil("the drill wizard", () -> robot.lookup("#" + DrillsView.ID).tryQuery().isPresent()
                && DrillsView.of(robot.lookup("#" + DrillsView.ID).query()).viewModel().pageProperty().get() == DrillsViewModel.Page.WIZARD);
        DrillWizardViewModel w = fx(() -> DrillsView.of(robot.lookup("#" + DrillsView.ID).query()).viewModel().wizard());
        assertThat(w.throughProperty().get()).isEqualTo(ra);
        press(robot, Wizard.ID_BEGIN);
        waitUntil("the recovery points", () -> w.drillId() != null && !w.choices().isEmpty() && !w.busyProperty().get());
        assertThat(w.chosen()).containsEntry(0, point);
        assertThat(fx(() -> robot.lookup("#" + Wizard.ID_THROUGH).tryQuery())).as("the point is marked as restored through the vault").isPresent();
        Screenshots.write(fixture.scene, "approval-drill-through");
        press(robot, Wizard.ID_TO_PREFLIGHT);
        waitUntil("the preflight", () -> w.step() == WizardStep.PREFLIGHT && !w.busyProperty().get());
        assertThat(w.drill().members().get(0).preflight()).filteredOn(i -> i.id().equals(Preflight.APPROVAL)).singleElement()
                .satisfies(i -> assertThat(i.verdict()).isEqualTo(Status.PASS));
        press(robot, Wizard.ID_TO_CONFIRM);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#" + Wizard.ID_CONFIRM_TEXT).queryAs(TextField.class).setText(w.expectedProperty().get()));
        press(robot, Wizard.ID_START);
        waitUntil("the restore to start", () -> w.step() == WizardStep.MONITOR && !w.busyProperty().get());
        for (int i = 0; i < 40 && !w.jobsEnded(); i++) {
            press(robot, Wizard.ID_SKIP_AHEAD);
            waitUntil("the clock to move", () -> !w.busyProperty().get());
            FxReads.waitUntil(10, () -> w.drill().members().get(0).lastSeen() != null);
        }
        waitUntil("the restore to end", w::jobsEnded);
        assertThat(w.drill().members().get(0).jobStatus()).isEqualTo("COMPLETED");
        assertThat(w.drill().status()).isNotEqualTo(DrillStatus.ABANDONED);
        List<Entry> chose = journal(ActivityJournal.DRILL_STEP).stream().filter(e -> "choose".equals(e.detailsTree().path("step").asText())).toList();
        assertThat(chose).singleElement().satisfies(e -> {
            assertThat(e.detailsTree().path("vaultArn").asText()).isEqualTo(ra);
            assertThat(e.detailsTree().path("sourceVaultArn").asText()).isEqualTo(lag);
        });

        // Back on the request: revoke, and two approvers approve the revocation.
        robot.interact(() -> fixture.console.shell().open(Place.of(Destinations.ACCESS, ra)));
        waitUntil("the request again", () -> vm.pageProperty().get() == AccessViewModel.Page.FOLLOW && vm.shownProperty().get().revocable());
        robot.interact(() -> robot.lookup("#" + AccessView.ID_REVOKE_COMMENT).queryAs(TextField.class).setText("Drill done, CHG-2041"));
        press(robot, AccessView.ID_REVOKE);
        waitUntil("the revocation asked", () -> vm.shownProperty().get().revocation() == Outcome.PENDING);
        String revocation = journal(ActivityJournal.APPROVAL_REVOKE).get(0).detailsTree().path("sessionArn").asText();
        approvers.vote("alice", revocation, true);
        approvers.vote("bob", revocation, true);
        waitUntil("the revocation approved", () -> vm.shownProperty().get().revocation() == Outcome.APPROVED);
        assertThat(vm.shownProperty().get().granted()).isFalse();
        assertThat(fixture.desktop).hasSize(2).last().asString().startsWith("Restore access revoked");
        Screenshots.write(fixture.scene, "approval-revoked");

        robot.interact(() -> fixture.console.shell().open(Place.of(Destinations.ACCESS)));
        waitUntil("the list", () -> vm.requests().size() == 1 && vm.requests().get(0).statusText().equals("Approved, then revoked"));
        Screenshots.write(fixture.scene, "approval-requests");
        assertThat(JournalVerifier.verify(fixture.context.paths().journalFiles(), Optional.empty()).ok()).isTrue();
    }

    @Test
    void aRequestLeftAloneExpiresOnTheSandboxsClock(FxRobot robot) throws Exception {
        openDemo(robot, Mode.OPERATOR);
        String lag = airGappedVault();
        robot.interact(() -> fixture.console.shell().open(Place.of(Destinations.ACCESS, AccessViewModel.requestTarget(lag))));
        waitUntil("the preflight", () -> access(robot).preflightProperty().get() != null);
        AccessViewModel vm = fx(() -> access(robot));
        robot.interact(() -> vm.commentProperty().set("Forensics on last week's points, INC-77"));
        press(robot, AccessView.ID_SEND);
        waitUntil("the request followed", () -> vm.shownProperty().get() != null && vm.shownProperty().get().sessionArn() != null);
        for (int i = 0; i < 30 && vm.shownProperty().get().outcome() == Outcome.PENDING; i++) {
            press(robot, AccessView.ID_SKIP);
            waitUntil("the clock to move", () -> !vm.busyProperty().get());
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        }
        waitUntil("the expiry", () -> vm.shownProperty().get().outcome() == Outcome.EXPIRED);
        assertThat(fx(() -> robot.lookup("#" + AccessView.ID_VERDICT).queryAs(Label.class).getText()))
                .matches("Expired at \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d UTC with 0 of 2 required approvals \\([^)]*[^.]\\)\\. Nothing can be restored.*");
        assertThat(fixture.desktop).singleElement().asString().startsWith("Restore access request expired");
        assertThat(journal(ActivityJournal.APPROVAL_OUTCOME)).singleElement()
                .satisfies(e -> assertThat(e.detailsTree().path("outcome").asText()).isEqualTo("EXPIRED"));
        Screenshots.write(fixture.scene, "approval-expired");
    }

    @Test
    void anAuditorSeesTheScreenAndCanRequestNothing(FxRobot robot) throws Exception {
        openDemo(robot, Mode.AUDITOR);
        robot.clickOn("#nav-" + Destinations.ACCESS.id());
        waitUntil("the list", () -> !access(robot).vaults().isEmpty());
        assertThat(fx(() -> robot.lookup("#" + AccessView.ID_WHY_NOT).queryAs(Label.class).getText())).startsWith(AccessViewModel.OPERATOR_NEEDED);
        assertThat(fx(() -> robot.lookup("#accessRequest-0").queryButton().isDisabled())).isTrue();
        robot.interact(() -> fixture.console.shell().open(Place.of(Destinations.ACCESS, AccessViewModel.requestTarget(airGappedVault()))));
        waitUntil("the preflight", () -> access(robot).preflightProperty().get() != null);
        robot.interact(() -> access(robot).commentProperty().set("Trying anyway"));
        assertThat(fx(() -> robot.lookup("#" + AccessView.ID_SEND).queryButton().isDisabled())).isTrue();
        robot.interact(() -> access(robot).request());
        assertThat(fx(() -> access(robot).problemProperty().get())).startsWith(AccessViewModel.OPERATOR_NEEDED);
        assertThat(journal(ActivityJournal.APPROVAL_REQUEST)).isEmpty();
        Screenshots.write(fixture.scene, "approval-auditor");
    }
}
