package dev.redoubt.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.redoubt.drills.CheckResult;
import dev.redoubt.drills.Checklists;
import dev.redoubt.drills.DrillPlan;
import dev.redoubt.drills.DrillReplay;
import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillStatus;
import dev.redoubt.drills.DrillStep;
import dev.redoubt.drills.MemberState;
import dev.redoubt.drills.PreflightItem;
import dev.redoubt.drills.RecoveryPointChoice;
import dev.redoubt.drills.StepRecord;
import dev.redoubt.drills.Validation;
import dev.redoubt.findings.Status;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.JournalVerifier;
import dev.redoubt.journal.Verification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole recovery-group drill through the service layer and the real SDK, against the demo served by the in-process sandbox. */
class DrillServiceTest {
    @TempDir
    Path dir;

    @Test
    void aRecoveryGroupRestoresInOrderIsValidatedSignedOffByASecondPersonAndVerifies() throws Exception {
        try (DrillFixture f = DrillFixture.open(dir)) {
            DrillService drills = f.drills();
            EstateCatalog catalog = f.catalog();
            Connection alice = f.operator();
            String orders = DrillFixture.arnOf(catalog, "shop-orders");
            String web = DrillFixture.arnOf(catalog, "shop-web-data-1");

            DrillPlan plan = drills.plan(catalog, "Shop: orders database and web volume", List.of(orders, web));
            DrillState d = drills.begin(alice, plan);
            assertThat(d.rehearsal()).as("a drill against the sandbox").isTrue();
            assertThat(d.status()).isEqualTo(DrillStatus.PREPARING);
            String id = d.id();

            for (int i = 0; i < 2; i++) {
                List<RecoveryPointChoice> choices = drills.choices(catalog, d.members().get(i).member().resourceArn());
                RecoveryPointChoice suggested = choices.get(0);
                assertThat(suggested.suggested()).isTrue();
                assertThat(suggested.status()).isEqualTo("COMPLETED");
                d = drills.choose(alice, id, i, suggested.recoveryPointArn(), catalog);
                d = drills.preflight(alice, id, i, null, catalog);
                MemberState m = d.members().get(i);
                assertThat(m.preflight()).extracting(PreflightItem::id).containsExactly("point-usable", "key-usable", "not-expiring", "metadata",
                        "restore-role", "isolated-target", "approval");
                assertThat(m.preflight()).noneMatch(p -> p.verdict() == Status.FAIL);
                assertThat(m.preflight()).filteredOn(p -> p.id().equals("key-usable")).extracting(PreflightItem::verdict).containsExactly(Status.PASS);
                assertThat(m.iamRoleArn()).as("a role proposed from the estate").isNotNull();
            }
            MemberState ordersState = d.members().get(0);
            assertThat(ordersState.metadata().get("DBInstanceIdentifier")).isEqualTo("redoubt-drill-" + id + "-shop-orders");

            assertThat(drills.confirmationText(d)).isEqualTo("Shop: orders database and web volume");
            String wrong = "shop-orders";
            assertThatThrownBy(() -> drills.confirmAndStart(alice, id, wrong)).isInstanceOf(ServiceFailure.class)
                    .hasMessageContaining("does not match");
            d = drills.confirmAndStart(alice, id, "  Shop: orders database and web volume ");
            assertThat(d.status()).isEqualTo(DrillStatus.RESTORING);
            assertThat(d.members().get(0).restoreJobId()).isNotNull();
            assertThat(d.members().get(1).restoreJobId()).as("the volume waits for the database").isNull();

            d = drills.poll(alice, id);
            assertThat(d.members().get(0).lastSeen().status()).isEqualTo("PENDING");
            f.advance(Duration.ofMinutes(2));
            d = drills.poll(alice, id);
            assertThat(d.members().get(0).lastSeen().status()).isEqualTo("RUNNING");
            assertThat(d.members().get(1).restoreJobId()).isNull();
            for (int i = 0; i < 30 && d.members().get(0).restoreJobId() != null && d.members().get(1).restoreJobId() == null; i++) {
                f.advance(Duration.ofMinutes(1));
                d = drills.poll(alice, id);
            }
            assertThat(d.members().get(0).jobStatus()).isEqualTo("COMPLETED");
            assertThat(d.members().get(0).rto()).isPositive();
            assertThat(d.members().get(1).restoreJobId()).as("started once the database completed").isNotNull();
            for (int i = 0; i < 30 && d.status() == DrillStatus.RESTORING; i++) {
                f.advance(Duration.ofMinutes(1));
                d = drills.poll(alice, id);
            }
            assertThat(d.status()).isEqualTo(DrillStatus.VALIDATING);
            assertThat(d.members()).extracting(MemberState::jobStatus).containsExactly("COMPLETED", "COMPLETED");
            assertThat(d.rto()).isNotNull();
            assertThat(d.steps()).filteredOn(s -> s.step() == DrillStep.WAIT).hasSize(2);

            for (int i = 0; i < 2; i++) {
                List<CheckResult> checks = new ArrayList<>();
                for (Checklists.Item item : Checklists.forType(d.members().get(i).member().resourceType(), List.of())) {
                    checks.add(new CheckResult(item.id(), item.text(), CheckResult.Outcome.PASSED));
                }
                d = drills.validate(alice, id, i, new Validation(checks, "all good"));
                d = drills.cleanUp(alice, id, i, List.of(d.members().get(i).createdResourceArn()), true, null);
            }
            assertThat(d.members()).allMatch(m -> m.validation().successful());
            // AWS takes validation results only for restore testing jobs: the refusal is recorded and the drill goes on.
            assertThat(d.members()).extracting(MemberState::validationSentToAws).containsOnly((String) null);
            assertThat(d.steps()).filteredOn(s -> s.step() == DrillStep.VALIDATE).hasSize(2)
                    .allSatisfy(s -> assertThat(s.text()).contains("AWS did not take the result").contains("InvalidRequestException"));
            d = drills.summarize(alice, id, "Restored within target");
            assertThat(d.status()).isEqualTo(DrillStatus.AWAITING_SIGN_OFF);

            assertThatThrownBy(() -> drills.signOff(alice, id, null)).isInstanceOf(ServiceFailure.class)
                    .hasMessageContaining("cannot sign it off");
            try (Connection aliceAgain = f.app.demo().connectAnotherPerson("alice", c -> { }, Cancellation.none())) {
                assertThat(aliceAgain.identity().arn()).isNotEqualTo(alice.identity().arn());
                assertThatThrownBy(() -> drills.signOff(aliceAgain, id, null)).as("the operator in another role is still the operator")
                        .isInstanceOf(ServiceFailure.class).hasMessageContaining("cannot sign it off");
            }
            try (Connection bob = f.app.demo().connectAnotherPerson("bob", c -> { }, Cancellation.none())) {
                assertThat(bob.identity().arn()).endsWith("/bob");
                d = drills.signOff(bob, id, "Reviewed");
                assertThat(d.signer()).isEqualTo(bob.identity().arn());
            }
            assertThat(d.status()).isEqualTo(DrillStatus.SIGNED_OFF);
            assertThat(d.operator()).isEqualTo(alice.identity().arn());
            assertThat(d.verified()).as("a rehearsal is never a verified restore").isFalse();
            assertThat(d.steps()).extracting(StepRecord::step).containsSubsequence(DrillStep.BEGIN, DrillStep.CHOOSE, DrillStep.PREFLIGHT,
                    DrillStep.CONFIRM, DrillStep.START_RESTORE, DrillStep.WAIT, DrillStep.START_RESTORE, DrillStep.WAIT, DrillStep.VALIDATE,
                    DrillStep.CLEANUP, DrillStep.SUMMARY, DrillStep.SIGN_OFF);
            assertThat(d.steps()).allMatch(s -> s.hash() != null && s.seq() > 0);

            // Rebuilt from the journal alone, the drill is the same.
            List<Entry> entries = f.app.journal().read(new EntryQuery(null, null, "drill-step", null, 0));
            DrillState rebuilt = DrillReplay.replay(id, DrillReplay.group(entries).get(id), f.app.journal().sessionId());
            assertThat(rebuilt).isEqualTo(drills.show(id));
            assertThat(drills.show(id.substring(0, 4)).id()).isEqualTo(id);
            assertThat(drills.list()).extracting(s -> s.id()).contains(id);

            // The report, written through the service, holds the drill's entries exactly as the journal has them.
            Path report = f.drills().exportReport(alice.actor(), id, dir.resolve("drill.html"));
            String html = java.nio.file.Files.readString(report);
            assertThat(html).contains("REHEARSAL");
            assertThat(dev.redoubt.report.DrillReport.verify(html, f.app.journal()).ok()).isTrue();
            assertThat(f.app.journal().read(new EntryQuery(null, null, "export", null, 0))).singleElement()
                    .satisfies(e -> assertThat(e.detailsTree().path("kind").asText()).isEqualTo("drill-report"));
        }
        try (DrillFixture again = DrillFixture.open(dir)) {
            Verification v = JournalVerifier.verify(again.app.paths().journalFiles(), Optional.empty());
            assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();
        }
    }
}
