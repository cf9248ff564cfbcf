package dev.redoubt.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.aws.ReadOnlyViolationException;
import dev.redoubt.aws.restore.AwsRestores;
import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillStatus;
import dev.redoubt.drills.DrillStep;
import dev.redoubt.drills.DrillSummary;
import dev.redoubt.drills.MemberState;
import dev.redoubt.drills.RestoreRequest;
import dev.redoubt.drills.StepRecord;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.Mode;
import dev.redoubt.sandbox.RequestLog;
import dev.redoubt.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A drill across a restart, a restore AWS fails, and an auditor refused, through the real SDK against the sandbox. */
class DrillRunTest {
    @TempDir
    Path dir;

    /** Begins, chooses the suggested point and passes the preflight of every member of a new drill. */
    private static String prepared(DrillService drills, Connection op, EstateCatalog catalog, String title, List<String> arns) {
        DrillState d = drills.begin(op, drills.plan(catalog, title, arns));
        for (int i = 0; i < arns.size(); i++) {
            drills.choose(op, d.id(), i, drills.choices(catalog, arns.get(i)).get(0).recoveryPointArn(), catalog);
            drills.preflight(op, d.id(), i, null, catalog);
        }
        return d.id();
    }

    @Test
    void aDrillInterruptedByARestartIsListedInterruptedAndCarriesOnWhenResumed() throws Exception {
        DrillFixture.TestClock clock = new DrillFixture.TestClock(NorthwindDemo.CAPTURED_AT.plus(Duration.ofHours(1)));
        try (Sandbox sandbox = DrillFixture.demoSandbox(clock)) {
            Path home = dir.resolve("home");
            String id;
            String operatorArn;
            try (DrillFixture first = DrillFixture.against(home, clock, sandbox);
                 Connection op = first.other(DrillFixture.SHOP, "BackupOperator", Mode.OPERATOR)) {
                EstateCatalog catalog = first.catalog();
                operatorArn = op.identity().arn();
                id = prepared(first.drills(), op, catalog, "Orders", List.of(DrillFixture.arnOf(catalog, "shop-orders")));
                DrillState d = first.drills().confirmAndStart(op, id, "shop-orders");
                assertThat(d.status()).isEqualTo(DrillStatus.RESTORING);
                assertThat(d.interrupted()).as("within the run that drives it").isFalse();
            }
            clock.advance(Duration.ofMinutes(20));
            try (DrillFixture second = DrillFixture.against(home, clock, sandbox);
                 Connection op = second.other(DrillFixture.SHOP, "BackupOperator", Mode.OPERATOR)) {
                DrillService drills = second.drills();
                assertThat(drills.unfinished()).extracting(DrillState::id).containsExactly(id);
                assertThat(drills.list()).extracting(DrillSummary::interrupted).containsExactly(true);
                assertThat(drills.show(id).interrupted()).isTrue();

                DrillState d = drills.resume(op, id);
                assertThat(d.interrupted()).isFalse();
                d = drills.poll(op, id);
                assertThat(d.status()).as("the job completed while Redoubt was closed").isEqualTo(DrillStatus.VALIDATING);
                assertThat(d.members().get(0).jobStatus()).isEqualTo("COMPLETED");
                assertThat(d.operator()).isEqualTo(operatorArn);
                assertThat(d.steps()).extracting(StepRecord::step).containsSubsequence(DrillStep.START_RESTORE, DrillStep.RESUME, DrillStep.WAIT);
            }
        }
    }

    @Test
    void aRestoreFromAPointWhoseKeyWasDisabledAfterTheCaptureFailsWithAwsReasonAndStopsTheGroup() throws Exception {
        try (DrillFixture f = DrillFixture.open(dir)) {
            // The capture saw the CRM key enabled; in AWS (the sandbox) it is disabled now.
            EstateFile files = new EstateFile();
            JsonNode tree = files.toTree(NorthwindDemo.build());
            enableKeys(tree);
            Estate stale = files.fromTree(tree, "stale capture");
            EstateCatalog catalog = f.catalog(stale);
            Connection alice = f.operator();
            DrillService drills = f.drills();
            String db = DrillFixture.arnOf(catalog, "legacy-crm-db");
            String files2 = DrillFixture.arnOf(catalog, "legacy-crm-files");
            String id = prepared(drills, alice, catalog, "CRM", List.of(db, files2));
            assertThat(drills.show(id).members().get(0).preflight()).filteredOn(p -> p.id().equals("key-usable"))
                    .allMatch(p -> p.reason().contains("enabled"));

            drills.confirmAndStart(alice, id, "CRM");
            f.advance(Duration.ofMinutes(2));
            DrillState d = drills.poll(alice, id);

            MemberState crm = d.members().get(0);
            assertThat(crm.jobStatus()).isEqualTo("FAILED");
            assertThat(crm.jobStatusMessage()).contains("is disabled").contains("DisabledException");
            assertThat(d.members().get(1).jobStatus()).as("the rest of the group is not started").isEqualTo("SKIPPED");
            assertThat(d.members().get(1).restoreJobId()).isNull();
            assertThat(d.status()).isEqualTo(DrillStatus.VALIDATING);
            assertThat(d.rto()).isNull();
            assertThat(d.steps()).filteredOn(s -> s.step() == DrillStep.WAIT).singleElement()
                    .satisfies(s -> assertThat(s.outcome()).isEqualTo("failed"))
                    .satisfies(s -> assertThat(s.text()).contains("failed").contains("is disabled"));
            assertThat(f.sandbox().requestLog().entries()).filteredOn(e -> e.operation().equals("StartRestoreJob")).hasSize(1);
        }
    }

    @Test
    void anAuditorIsRefusedBeforeAnythingIsJournaledOrSentAndTheSdkGuardRefusesToo() {
        try (DrillFixture f = DrillFixture.open(dir)) {
            EstateCatalog catalog = f.catalog();
            DrillService drills = f.drills();
            String orders = DrillFixture.arnOf(catalog, "shop-orders");
            Connection alice = f.operator();
            String id = prepared(drills, alice, catalog, "Orders", List.of(orders));
            long journaled = f.app.journal().read(new EntryQuery(null, null, "drill-step", null, 0)).size();
            RequestLog log = f.sandbox().requestLog();
            long before = log.lastSeq();

            try (Connection auditor = f.auditor()) {
                long afterSignIn = log.lastSeq();
                assertThatThrownBy(() -> drills.begin(auditor, drills.plan(catalog, "Orders", List.of(orders))))
                        .isInstanceOfSatisfying(ServiceFailure.class, e -> assertThat(e.kind()).isEqualTo(ServiceFailure.Kind.READ_ONLY));
                assertThatThrownBy(() -> drills.confirmAndStart(auditor, id, "shop-orders"))
                        .isInstanceOfSatisfying(ServiceFailure.class, e -> assertThat(e.kind()).isEqualTo(ServiceFailure.Kind.READ_ONLY));
                assertThatThrownBy(() -> drills.preflight(auditor, id, 0, null, catalog))
                        .isInstanceOfSatisfying(ServiceFailure.class, e -> assertThat(e.kind()).isEqualTo(ServiceFailure.Kind.READ_ONLY));
                assertThat(f.app.journal().read(new EntryQuery(null, null, "drill-step", null, 0))).hasSize((int) journaled);
                assertThat(log.since(afterSignIn)).as("no request reached the sandbox").isEmpty();
                assertThat(drills.show(id).status()).isEqualTo(DrillStatus.PREPARING);

                // Below the service, the SDK guard refuses the write as well.
                MemberState m = drills.show(id).members().get(0);
                RestoreRequest request = new RestoreRequest(DrillFixture.SHOP, "eu-west-1", m.recoveryPointArn(), "RDS", m.iamRoleArn(),
                        Map.of(), "guard-test");
                AwsRestores restores = new AwsRestores(auditor.clientsIn(DrillFixture.SHOP));
                assertThatThrownBy(() -> restores.start(request)).isInstanceOf(ReadOnlyViolationException.class);
            }
            assertThat(log.since(before)).noneMatch(e -> e.operation().equals("StartRestoreJob"));
        }
    }

    @Test
    void pollingNeverStartsARestoreBeforeTheConfirmationNorAfterAPointIsChosenAgain() {
        try (DrillFixture f = DrillFixture.open(dir)) {
            EstateCatalog catalog = f.catalog();
            DrillService drills = f.drills();
            Connection alice = f.operator();
            String orders = DrillFixture.arnOf(catalog, "shop-orders");
            String id = prepared(drills, alice, catalog, "Orders", List.of(orders));
            assertThat(drills.poll(alice, id).status()).isEqualTo(DrillStatus.PREPARING);
            assertThat(f.sandbox().requestLog().entries()).noneMatch(e -> e.operation().equals("StartRestoreJob"));

            drills.choose(alice, id, 0, drills.choices(catalog, orders).get(1).recoveryPointArn(), catalog);
            assertThat(drills.poll(alice, id).status()).isEqualTo(DrillStatus.PREPARING);
            assertThatThrownBy(() -> drills.confirmAndStart(alice, id, "shop-orders")).isInstanceOf(ServiceFailure.class)
                    .hasMessageContaining("preflight of shop-orders has not run");
            assertThat(f.sandbox().requestLog().entries()).noneMatch(e -> e.operation().equals("StartRestoreJob"));
        }
    }

    @Test
    void aRunbooksRoleMetadataAndChecksCarryIntoTheDrillAndADrillSavesAsARunbook() throws Exception {
        try (DrillFixture f = DrillFixture.open(dir)) {
            EstateCatalog catalog = f.catalog();
            DrillService drills = f.drills();
            Connection alice = f.operator();
            String orders = DrillFixture.arnOf(catalog, "shop-orders");
            String web = DrillFixture.arnOf(catalog, "shop-web-data-1");
            String role = "arn:aws:iam::645019283746:role/service-role/RedoubtDrillRestore";
            Path file = dir.resolve("shop.json");
            drills.writeRunbook(new dev.redoubt.drills.Runbook("shop", "orders, then the web volume", List.of(
                    new dev.redoubt.drills.Runbook.Member(orders, role, Map.of("DBInstanceClass", "db.t3.medium"), List.of("The order page loads")),
                    new dev.redoubt.drills.Runbook.Member(web, null, null, null))), file);

            DrillState d = drills.begin(alice, drills.plan(catalog, drills.readRunbook(file)));
            assertThat(d.runbookName()).isEqualTo("shop");
            assertThat(d.title()).isEqualTo("shop");
            drills.choose(alice, d.id(), 0, drills.choices(catalog, orders).get(0).recoveryPointArn(), catalog);
            MemberState m = drills.preflight(alice, d.id(), 0, null, catalog).members().get(0);
            assertThat(m.metadata()).containsEntry("DBInstanceClass", "db.t3.medium")
                    .hasEntrySatisfying("DBInstanceIdentifier", v -> assertThat(v).startsWith("redoubt-drill-" + d.id() + "-"));
            assertThat(m.iamRoleArn()).as("the runbook's role over the one the estate suggests").isEqualTo(role);
            assertThat(drills.runbookChecks(d.id(), 0)).containsExactly("The order page loads");
            assertThat(drills.runbookChecks(d.id(), 1)).isEmpty();

            // After a restart the runbook's settings still come from the journal (the begin entry).
            try (DrillFixture again = f.restart()) {
                assertThat(again.drills().runbookChecks(d.id(), 0)).containsExactly("The order page loads");
            }
            dev.redoubt.drills.Runbook saved = drills.runbookOf(d.id());
            assertThat(saved.members()).extracting(dev.redoubt.drills.Runbook.Member::resourceArn).containsExactly(orders, web);
            assertThat(saved.members().get(0).checks()).containsExactly("The order page loads");
        }
    }

    @Test
    void aPointInAnotherAccountsVaultIsReadAndRestoredThereWithTheSameRole() {
        try (DrillFixture f = DrillFixture.open(dir)) {
            EstateCatalog catalog = f.catalog();
            DrillService drills = f.drills();
            Connection alice = f.operator();
            assertThat(alice.identity().accountId()).as("the demo signs in to the central backup account").isNotEqualTo(DrillFixture.SHOP);
            String orders = DrillFixture.arnOf(catalog, "shop-orders");
            String inShop = drills.choices(catalog, orders).stream().filter(c -> c.vaultAccountId().equals(DrillFixture.SHOP)
                    && "COMPLETED".equals(c.status())).findFirst().orElseThrow().recoveryPointArn();
            DrillState d = drills.begin(alice, drills.plan(catalog, null, List.of(orders)));
            drills.choose(alice, d.id(), 0, inShop, catalog);
            MemberState m = drills.preflight(alice, d.id(), 0, null, catalog).members().get(0);
            assertThat(m.preflight()).filteredOn(p -> p.id().equals("metadata")).singleElement()
                    .satisfies(p -> assertThat(p.verdict()).isEqualTo(dev.redoubt.findings.Status.PASS));
            assertThat(m.preflight()).filteredOn(p -> p.id().equals("isolated-target")).singleElement()
                    .satisfies(p -> assertThat(p.reason()).contains("redoubt-drill-" + d.id()));
            long before = f.sandbox().requestLog().lastSeq();
            drills.confirmAndStart(alice, d.id(), "shop-orders");
            f.advance(Duration.ofMinutes(30));
            DrillState done = drills.poll(alice, d.id());
            assertThat(done.members().get(0).jobStatus()).isEqualTo("COMPLETED");
            assertThat(done.members().get(0).createdResourceArn()).contains(":" + DrillFixture.SHOP + ":").contains("redoubt-drill-" + d.id());
            assertThat(f.sandbox().requestLog().since(before)).filteredOn(e -> e.operation().equals("StartRestoreJob")).singleElement()
                    .satisfies(e -> assertThat(e.principal()).contains(DrillFixture.SHOP).contains("BackupOperator"));
        }
    }

    private static void enableKeys(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            if ("Disabled".equals(o.path("KeyState").asText())) {
                o.put("KeyState", "Enabled");
                o.put("Enabled", true);
            }
            o.elements().forEachRemaining(DrillRunTest::enableKeys);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(DrillRunTest::enableKeys);
        }
    }
}
