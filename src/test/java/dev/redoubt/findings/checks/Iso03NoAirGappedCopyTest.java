package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static dev.redoubt.findings.checks.CopyFixtures.VOL;
import static dev.redoubt.findings.checks.CopyFixtures.copyAction;
import static dev.redoubt.findings.checks.CopyFixtures.local;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.findings.Thresholds;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ISO-03 (checks.md, "Air-gapped"). The AWS pages that decide it:
 * AWS Config's "ec2-resources-in-logically-air-gapped-vault" and its siblings
 * (https://docs.aws.amazon.com/config/latest/developerguide/ec2-resources-in-logically-air-gapped-vault.html):
 * recoveryPointAgeValue defaults to 1, in days;
 * "Logically air-gapped vault" (https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html): the types it holds
 * are those of the feature availability table;
 * "CreateRestoreAccessBackupVault" (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateRestoreAccessBackupVault.html).
 */
class Iso03NoAirGappedCopyTest {
    final Iso03NoAirGappedCopy check = new Iso03NoAirGappedCopy();

    @Test
    @DisplayName("FAIL HIGH: no recovery point in any logically air-gapped vault "
            + "(https://docs.aws.amazon.com/config/latest/developerguide/ec2-resources-in-logically-air-gapped-vault.html)")
    void flagsAResourceWithoutAirGappedCopy() {
        EstateFixture f = new EstateFixture();
        local(f);
        Result r = about(f.run(check), VOL);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.HIGH);
        assertThat(r.evidence().summary()).contains("within the last day, and no plan copies it to one");
    }

    @Test
    @DisplayName("PASS: a COMPLETED recovery point in an air-gapped vault created 20 hours ago "
            + "(https://docs.aws.amazon.com/config/latest/developerguide/ec2-resources-in-logically-air-gapped-vault.html)")
    void passesARecentAirGappedRecoveryPoint() {
        EstateFixture f = new EstateFixture();
        local(f);
        f.point(f.airGappedVault(BACKUP, REGION, "lag"), VOL, NOW.minus(Duration.ofHours(20)));
        assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("Edge: the default window is one day, as AWS Config's rule: a 2-day-old air-gapped point fails by default and passes with airGappedMaxAgeDays 7 "
            + "(https://docs.aws.amazon.com/config/latest/developerguide/ec2-resources-in-logically-air-gapped-vault.html)")
    void theDefaultWindowIsOneDay() {
        assertThat(Thresholds.DEFAULTS.airGappedMaxAgeDays()).isEqualTo(1);
        EstateFixture f = new EstateFixture();
        local(f);
        f.point(f.airGappedVault(BACKUP, REGION, "lag"), VOL, NOW.minus(Duration.ofDays(2)));
        Result r = about(f.run(check), VOL);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).contains("the latest is 2 days old");
        FindingsSettings week = new FindingsSettings(Map.of("airGappedMaxAgeDays", 7), Map.of(), Map.of());
        assertThat(about(f.run(check, week), VOL).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("Edge: an air-gapped point that is not COMPLETED, and one seen through a restore-access vault, are no air-gapped copy "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateRestoreAccessBackupVault.html)")
    void incompleteAndRestoreAccessPointsDoNotCount() {
        EstateFixture f = new EstateFixture();
        local(f);
        f.point(f.airGappedVault(BACKUP, REGION, "lag"), VOL, NOW.minus(Duration.ofHours(2))).put("Status", "PARTIAL");
        f.point(CopyFixtures.restoreAccessVault(f, PROD, REGION, "restore-access"), VOL, NOW.minus(Duration.ofHours(2)));
        assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("FAIL: a copy action to an air-gapped vault that never completed says \"configured, never completed\" (checks.md, \"Copies\")")
    void namesAConfiguredAirGappedCopy() {
        EstateFixture f = new EstateFixture();
        ObjectNode plan = local(f);
        String lag = arnOf(f.airGappedVault(BACKUP, REGION, "lag"));
        copyAction(plan, lag);
        Result r = about(f.run(check), VOL);
        assertThat(r.evidence().summary()).contains("configured, never completed within the last day: " + lag);
    }

    @Test
    @DisplayName("No result: types the air-gapped vault does not hold (Redshift, SAP HANA) and resources of a suspended account "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html)")
    void unsupportedTypesAndInactiveResourcesGiveNoResult() {
        EstateFixture f = new EstateFixture();
        f.resource(PROD, REGION, "arn:aws:redshift:" + REGION + ":" + PROD + ":cluster:dwh").put("ResourceType", "Redshift");
        f.resource(PROD, REGION, "arn:aws:ssm-sap:" + REGION + ":" + PROD + ":HANA/sap/DB/SYSTEMDB").put("ResourceType", "SAP HANA on Amazon EC2");
        assertThat(f.run(check)).isEmpty();
        local(f);
        f.account(PROD).put("State", "SUSPENDED");
        assertThat(f.run(check)).isEmpty();
    }
}
