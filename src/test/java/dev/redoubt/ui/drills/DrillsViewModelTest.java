package dev.redoubt.ui.drills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.drills.CheckResult;
import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillStatus;
import dev.redoubt.drills.DrillStep;
import dev.redoubt.drills.MemberState;
import dev.redoubt.drills.StepRecord;
import dev.redoubt.journal.Mode;
import dev.redoubt.services.Cancellation;
import dev.redoubt.services.Connection;
import dev.redoubt.services.DeviceCode;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drills screen's view models on the demo, signed in through its sandbox: a whole rehearsal, and what an auditor may not do. */
class DrillsViewModelTest {
    @TempDir
    Path dir;

    /** The demo's second person: bob, through the demo's own sign-in, as the window wires it. */
    private static DrillsViewModel.SecondPerson bob(TestConsole console) {
        return new DrillsViewModel.SecondPerson() {
            @Override
            public List<String> choices(Connection operator) {
                return List.of("bob", "carol");
            }

            @Override
            public Connection signIn(Connection operator, String who, Consumer<DeviceCode> prompt, Cancellation cancel) {
                return console.context.services().demo().connectAnotherPerson(who, prompt, cancel);
            }
        };
    }

    private static TestConsole operatorInTheDemo(Path dir) throws Exception {
        TestConsole console = TestConsole.create(dir);
        console.workspace.modeProperty().set(Mode.OPERATOR);
        console.actions.openDemo();
        assertThat(console.workspace.connection()).as("signed in: " + console.notices.shown()).isNotNull();
        return console;
    }

    @Test
    void anOperatorRehearsesARecoveryGroupThatBobSignsOffAndExportsTheReport() throws Exception {
        try (TestConsole console = operatorInTheDemo(dir.resolve("console"))) {
            DrillsViewModel vm = new DrillsViewModel(console.browse(), bob(console), by -> console.context.services().demo().advanceClock(by));
            DrillWizardViewModel w = vm.wizard();
            assertThat(vm.whyNotRunProperty().get()).isNull();

            vm.open("new");
            assertThat(vm.pageProperty().get()).isEqualTo(DrillsViewModel.Page.WIZARD);
            assertThat(w.rehearsalProperty().get()).as("the demo is the sandbox").isTrue();
            w.filterProperty().set("shop web");
            assertThat(w.resources()).extracting(ResourceChoice::name).contains("shop-web-data-1").doesNotContain("shop-orders");
            w.filterProperty().set("");
            w.addByName("shop-orders", "shop-web-data-1");
            assertThat(w.titleProperty().get()).isEqualTo("Restore drill: shop-orders + shop-web-data-1");
            w.begin();
            assertThat(w.errorProperty().get()).isNull();
            String id = w.drillId();
            assertThat(id).isNotNull();
            assertThat(console.places).last().satisfies(p -> {
                assertThat(p.destination()).isEqualTo(Destinations.DRILLS);
                assertThat(p.target()).isEqualTo(id);
            });
            assertThat(w.choices()).hasSize(2).allSatisfy(c -> assertThat(c.points()).isNotEmpty());
            assertThat(w.chosen()).as("the suggested point chosen for each member").containsEntry(0, w.choices().get(0).points().get(0).recoveryPointArn());

            w.toPreflight();
            assertThat(w.errorProperty().get()).isNull();
            assertThat(w.step()).isEqualTo(WizardStep.PREFLIGHT);
            assertThat(w.drill().members()).allSatisfy(m -> assertThat(m.preflight()).isNotEmpty());
            assertThat(w.inputs()).hasSize(2);
            assertThat(w.inputs().get(0).roleProperty().get()).isNotBlank();
            w.runPreflightAgain();
            assertThat(w.errorProperty().get()).isNull();
            assertThat(w.preflightBlocker()).isNull();

            w.toConfirm();
            assertThat(w.step()).isEqualTo(WizardStep.CONFIRM);
            assertThat(w.expectedProperty().get()).isEqualTo("Restore drill: shop-orders + shop-web-data-1");
            w.typedProperty().set("shop-orders");
            assertThat(w.canStartProperty().get()).as("a name that does not match").isFalse();
            w.typedProperty().set(w.expectedProperty().get());
            assertThat(w.canStartProperty().get()).isTrue();
            w.start();
            assertThat(w.errorProperty().get()).isNull();
            assertThat(w.step()).isEqualTo(WizardStep.MONITOR);
            assertThat(w.followingProperty().get()).isTrue();
            assertThat(w.drill().status()).isEqualTo(DrillStatus.RESTORING);

            for (int i = 0; i < 40 && !w.jobsEnded(); i++) {
                w.skipAhead();
                assertThat(w.errorProperty().get()).isNull();
            }
            assertThat(w.jobsEnded()).isTrue();
            assertThat(w.followingProperty().get()).as("polling stops when the jobs ended").isFalse();
            assertThat(w.drill().members()).extracting(MemberState::jobStatus).containsExactly("COMPLETED", "COMPLETED");

            w.toValidate();
            assertThat(w.step()).isEqualTo(WizardStep.VALIDATE);
            assertThat(w.checks()).hasSize(2);
            for (DrillWizardViewModel.MemberCheck c : w.checks()) {
                c.lines().forEach(l -> l.outcomeProperty().set(CheckResult.Outcome.PASSED));
                c.notesProperty().set("checked");
                w.recordValidation(c.member());
            }
            assertThat(w.errorProperty().get()).isNull();
            assertThat(w.drill().members()).allSatisfy(m -> assertThat(m.validation().successful()).isTrue());
            assertThat(w.drill().members()).extracting(MemberState::validationSentToAws).containsOnly("SUCCESSFUL");

            w.toCleanUp();
            assertThat(w.step()).isEqualTo(WizardStep.CLEAN_UP);
            assertThat(w.createdResources()).hasSize(2);
            w.recordCleanUp();
            assertThat(w.errorProperty().get()).as("not confirmed").contains("Tick the confirmation");
            w.cleanUpConfirmedProperty().set(true);
            w.recordCleanUp();
            assertThat(w.step()).isEqualTo(WizardStep.SUMMARY);

            w.summaryNotesProperty().set("Both restored within target.");
            w.summarize();
            assertThat(w.step()).isEqualTo(WizardStep.SIGN_OFF);
            assertThat(w.drill().status()).isEqualTo(DrillStatus.AWAITING_SIGN_OFF);

            vm.prepareSignOff();
            assertThat(vm.signerProperty().get()).isEqualTo("bob");
            vm.signOff(id);
            assertThat(vm.messageProperty().get()).startsWith("Signed off by bob");
            DrillState signed = w.drill();
            assertThat(signed.status()).isEqualTo(DrillStatus.SIGNED_OFF);
            assertThat(signed.signer()).contains("bob");
            assertThat(signed.operator()).contains("alice");
            assertThat(signed.steps()).extracting(StepRecord::step).contains(DrillStep.SIGN_OFF);
            assertThat(w.stepTimes()).filteredOn(t -> t.step() == WizardStep.MONITOR).allSatisfy(t -> assertThat(t.elapsed()).isNotEmpty());

            Path report = dir.resolve("report.html");
            vm.exportReport(id, report, null);
            assertThat(report).exists().content().contains(id);

            vm.open(null);
            assertThat(vm.rows()).extracting(DrillRow::id).contains(id);
            DrillRow row = vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
            assertThat(row.statusText()).isEqualTo("Signed off");
            assertThat(row.drill().rehearsal()).isTrue();
            assertThat(row.signer()).startsWith("bob");
        }
    }

    @Test
    void anAuditorSeesTheDrillsButMayNotStartOne() throws Exception {
        try (TestConsole console = TestConsole.create(dir.resolve("auditor"))) {
            console.actions.openDemo();
            assertThat(console.workspace.connection().mode()).isEqualTo(Mode.AUDITOR);
            DrillsViewModel vm = new DrillsViewModel(console.browse(), bob(console), by -> { });

            assertThat(vm.whyNotRunProperty().get()).isEqualTo(DrillWords.OPERATOR_NEEDED);
            vm.open("new");
            assertThat(vm.pageProperty().get()).isEqualTo(DrillsViewModel.Page.LIST);
            assertThat(vm.problemProperty().get()).isEqualTo(DrillWords.OPERATOR_NEEDED + ".");
            vm.resume("anything");
            assertThat(vm.messageProperty().get()).contains(DrillWords.OPERATOR_NEEDED);
            vm.wizard().begin();
            assertThat(vm.wizard().errorProperty().get()).contains(DrillWords.OPERATOR_NEEDED);
            assertThat(console.context.services().drills().list()).isEmpty();
        }
    }

    @Test
    void aDrillThatDoesNotExistSaysSoOnTheList() throws Exception {
        try (TestConsole console = TestConsole.create(dir.resolve("none"))) {
            DrillsViewModel vm = new DrillsViewModel(console.browse(), null, null);
            vm.open("no-such-drill");
            assertThat(vm.pageProperty().get()).isEqualTo(DrillsViewModel.Page.LIST);
            assertThat(vm.problemProperty().get()).startsWith("Could not show the drill no-such-drill").doesNotContain("Exception");
        }
    }

    @Test
    void wordsSayWhoAndHowLongInTheUsersWords() {
        assertThat(DrillWords.who("arn:aws:sts::645019283746:assumed-role/AWSReservedSSO_BackupOperator_0a1b2c3d/alice")).isEqualTo("alice (BackupOperator)");
        assertThat(DrillWords.who("arn:aws:iam::645019283746:user/ops/deploy")).isEqualTo("deploy");
        assertThat(DrillWords.duration(Duration.ofSeconds(252))).isEqualTo("4 min 12 s");
        assertThat(DrillWords.rto(Duration.ofSeconds(252), Duration.ofHours(12))).isEqualTo("Restored in 4 min 12 s (target 12 h)");
        assertThat(DrillWords.status(DrillStatus.RESTORING, true)).isEqualTo("Interrupted while restoring");
        assertThat(DrillWords.job("PENDING")).isEqualTo("Waiting to start");
    }
}
