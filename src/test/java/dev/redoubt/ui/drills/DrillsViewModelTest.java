package dev.redoubt.ui.drills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.drills.CheckResult;
import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillStatus;
import dev.redoubt.drills.DrillStep;
import dev.redoubt.drills.MemberState;
import dev.redoubt.drills.StepRecord;
import dev.redoubt.journal.Mode;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drills screen's view models on the demo, signed in through its sandbox: a whole rehearsal, and what an auditor may not do. */
class DrillsViewModelTest {
    @TempDir
    Path dir;

    /** The second person as the window wires it: the demo's SSO users, bob first. */
    private static DrillsViewModel.SecondPerson bob(TestConsole console) {
        return new SecondPersonSignIn(console.context.services(), console.workspace);
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
            DrillsViewModel.SecondPerson bob = bob(console);
            java.util.List<Object> promptShown = new java.util.ArrayList<>();
            DrillsViewModel.SecondPerson askingForACode = new DrillsViewModel.SecondPerson() {
                @Override
                public java.util.List<String> choices(dev.redoubt.services.Connection operator) {
                    return bob.choices(operator);
                }

                @Override
                public dev.redoubt.services.Connection signIn(dev.redoubt.services.Connection operator, String who,
                        java.util.function.Consumer<dev.redoubt.services.DeviceCode> prompt, dev.redoubt.services.Cancellation cancel) {
                    prompt.accept(new dev.redoubt.services.DeviceCode("BCDF-GHJK", "https://device.sso.eu-west-1.amazonaws.com/", null,
                            java.time.Instant.parse("2026-11-28T10:10:00Z")));
                    promptShown.add(console.actions.signInPromptProperty().get());
                    return bob.signIn(operator, who, prompt, cancel);
                }
            };
            DrillsViewModel vm = new DrillsViewModel(console.browse(), askingForACode, SecondPersonSignIn.rehearsal(console.context.services()));
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
            assertThat(w.drill().steps()).filteredOn(r -> r.step() == DrillStep.VALIDATE).hasSize(2)
                    .allSatisfy(r -> assertThat(DrillWords.validationToAws(w.drill().members().get(r.member()).validationSentToAws(), r.text()))
                            .as("AWS takes validation results of restore testing jobs only").startsWith("Recorded in the journal; AWS did not take the result: it takes validation results only for restores started by a restore testing plan"));

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
            assertThat(promptShown).as("the second person's device code is shown in the sign-in dialog").singleElement()
                    .isInstanceOf(dev.redoubt.ui.signin.SignInViewModel.class);
            assertThat(console.actions.signInPromptProperty().get()).as("and the dialog closed after").isNull();
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

    private static String arnOf(TestConsole console, String name) {
        return console.workspace.catalog().index().protectedResources().stream().filter(r -> name.equals(r.resource().resourceName()))
                .findFirst().orElseThrow().resource().resourceArn();
    }

    @Test
    void aDrillLeftBeforeItsRestoreIsListedInterruptedAfterARestartAndResumesAtTheConfirmation() throws Exception {
        Path home = dir.resolve("restart");
        String id;
        String olderPoint;
        try (TestConsole first = operatorInTheDemo(home)) {
            DrillsViewModel vm = new DrillsViewModel(first.browse(), bob(first), null);
            String orders = arnOf(first, "shop-orders");
            var choices = first.context.services().drills().choices(first.workspace.catalog(), orders);
            // an older point in the same vault as the suggested one (not the air-gapped copy, whose restore needs an approval first)
            olderPoint = choices.stream().filter(c -> !c.suggested() && c.vaultArn().equals(choices.get(0).vaultArn())).findFirst()
                    .orElseThrow().recoveryPointArn();
            // "Restore drill…" on a recovery point's page: that resource, that point.
            vm.open(DrillsViewModel.newDrillTarget(orders, olderPoint));
            DrillWizardViewModel w = vm.wizard();
            assertThat(w.group()).extracting(ResourceChoice::name).containsExactly("shop-orders");
            w.begin();
            assertThat(w.chosen()).as("the point the page was showing, not the suggested one").containsEntry(0, olderPoint);
            w.toPreflight();
            assertThat(w.step()).isEqualTo(WizardStep.PREFLIGHT);
            id = w.drillId();
        }
        try (TestConsole second = operatorInTheDemo(home)) {
            DrillsViewModel vm = new DrillsViewModel(second.browse(), bob(second), null);
            vm.open(null);
            DrillRow row = vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
            assertThat(row.unfinished()).isTrue();
            assertThat(row.statusText()).isEqualTo("Interrupted while preparing");
            assertThat(vm.badge().getValue()).isEqualTo("1");

            vm.resume(id);
            assertThat(vm.messageProperty().get()).isNull();
            assertThat(vm.pageProperty().get()).isEqualTo(DrillsViewModel.Page.WIZARD);
            DrillWizardViewModel w = vm.wizard();
            assertThat(w.step()).as("preflight passed before the restart: the confirmation is next; " + w.drill().members().get(0).preflight())
                    .isEqualTo(WizardStep.CONFIRM);
            assertThat(w.expectedProperty().get()).isEqualTo("shop-orders");
            assertThat(w.inputs()).as("the role and metadata of the preflight before the restart").hasSize(1)
                    .allSatisfy(in -> assertThat(in.roleProperty().get()).isNotBlank());
            assertThat(w.drill().members().get(0).recoveryPointArn()).isEqualTo(olderPoint);
            assertThat(w.drill().steps()).extracting(StepRecord::step).contains(DrillStep.RESUME);

            vm.abandonReasonProperty().set("");
            vm.abandon(id);
            assertThat(vm.messageProperty().get()).startsWith("Say why");
            vm.abandonReasonProperty().set("Rehearsed enough for today");
            vm.abandon(id);
            assertThat(vm.recordProperty().get().status()).isEqualTo(DrillStatus.ABANDONED);
            assertThat(vm.recordProperty().get().abandonReason()).isEqualTo("Rehearsed enough for today");
            assertThat(vm.pageProperty().get()).isEqualTo(DrillsViewModel.Page.RECORD);
        }
    }

    @Test
    void aRestoreThatAwsFailsShowsItsReasonAndLeavesNothingToValidate() throws Exception {
        try (TestConsole console = operatorInTheDemo(dir.resolve("failing"))) {
            // A capture taken while the CRM key was still enabled; in the sandbox it is disabled now.
            dev.redoubt.estate.EstateFile files = new dev.redoubt.estate.EstateFile();
            com.fasterxml.jackson.databind.JsonNode tree = files.toTree(dev.redoubt.estate.demo.NorthwindDemo.build());
            enableKeys(tree);
            Path stale = dir.resolve("stale.json");
            files.write(files.fromTree(tree, "stale capture"), stale);
            console.actions.openCapture(stale);
            assertThat(console.workspace.connection().mode()).isEqualTo(Mode.OPERATOR);

            DrillsViewModel vm = new DrillsViewModel(console.browse(), bob(console), SecondPersonSignIn.rehearsal(console.context.services()));
            DrillWizardViewModel w = vm.wizard();
            vm.open("new");
            w.addByName("legacy-crm-db", "legacy-crm-files");
            w.titleProperty().set("CRM");
            w.begin();
            w.toPreflight();
            w.toConfirm();
            w.typedProperty().set("CRM");
            w.start();
            assertThat(w.errorProperty().get()).isNull();
            for (int i = 0; i < 10 && !w.jobsEnded(); i++) {
                w.skipAhead();
            }
            assertThat(w.jobsEnded()).isTrue();
            MemberState db = w.drill().members().get(0);
            assertThat(db.jobStatus()).isEqualTo("FAILED");
            assertThat(db.jobStatusMessage()).contains("is disabled");
            assertThat(DrillWords.job(w.drill().members().get(1).jobStatus())).isEqualTo("Not started: the one before it failed");

            w.toValidate();
            assertThat(w.step()).isEqualTo(WizardStep.VALIDATE);
            assertThat(w.checks()).as("nothing restored, nothing to check").isEmpty();
            assertThat(w.validated()).isTrue();
            w.toCleanUp();
            assertThat(w.createdResources()).isEmpty();
            w.recordCleanUp();
            assertThat(w.errorProperty().get()).isNull();
            assertThat(w.step()).isEqualTo(WizardStep.SUMMARY);
        }
    }

    private static void enableKeys(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            if ("Disabled".equals(o.path("KeyState").asText())) {
                o.put("KeyState", "Enabled");
                o.put("Enabled", true);
            }
            o.elements().forEachRemaining(DrillsViewModelTest::enableKeys);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(DrillsViewModelTest::enableKeys);
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
    void aRecoveryGroupIsSavedAsARunbookAndOpenedAgainInItsOrder() throws Exception {
        try (TestConsole console = operatorInTheDemo(dir.resolve("runbook"))) {
            DrillsViewModel vm = new DrillsViewModel(console.browse(), bob(console), null);
            DrillWizardViewModel w = vm.wizard();
            vm.open("new");
            w.saveRunbook(dir.resolve("nothing.json"));
            assertThat(w.errorProperty().get()).isEqualTo("Add at least one resource before saving a runbook.");
            w.addByName("shop-web-data-1", "shop-orders");
            w.moveUp(w.group().get(1));
            assertThat(w.group()).extracting(ResourceChoice::name).containsExactly("shop-orders", "shop-web-data-1");
            w.titleProperty().set("Shop: orders database and web volume");
            Path file = dir.resolve("shop.runbook.json");
            w.saveRunbook(file);
            assertThat(w.errorProperty().get()).isNull();
            assertThat(w.infoProperty().get()).startsWith("Runbook saved to");
            assertThat(file).exists();

            vm.open("new");
            assertThat(w.group()).isEmpty();
            w.openRunbook(file);
            assertThat(w.errorProperty().get()).isNull();
            assertThat(w.group()).extracting(ResourceChoice::name).containsExactly("shop-orders", "shop-web-data-1");
            assertThat(w.titleProperty().get()).isEqualTo("Shop: orders database and web volume");
            w.begin();
            assertThat(w.drill().runbookName()).isEqualTo("Shop: orders database and web volume");

            Path broken = dir.resolve("broken.json");
            java.nio.file.Files.writeString(broken, "this is not JSON");
            vm.open("new");
            w.openRunbook(broken);
            assertThat(w.errorProperty().get()).startsWith("Could not open the runbook: ").contains("broken.json").doesNotContain("Exception:");
            assertThat(w.group()).isEmpty();
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
        assertThat(DrillWords.duration(Duration.ofMillis(265))).as("whole seconds on screen").isEqualTo("0 s");
        assertThat(DrillWords.rto(Duration.ofSeconds(252), Duration.ofHours(12))).isEqualTo("Restored in 4 min 12 s (target 12 h)");
        assertThat(DrillWords.status(DrillStatus.RESTORING, true)).isEqualTo("Interrupted while restoring");
        assertThat(DrillWords.job("PENDING")).isEqualTo("Waiting to start");
    }
}
