package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RST-03. The AWS pages that decide it:
 * "RestoreTestingSelectionForCreate" (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_RestoreTestingSelectionForCreate.html):
 * ProtectedResourceType accepts Aurora, DocumentDB, DynamoDB, EBS, EC2, EFS, FSx, Neptune, RDS and S3 only;
 * "Restore testing" (https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing.html);
 * "Logically air-gapped vault" (https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html): a vault shared
 * through AWS RAM can be restored from, and restore-tested in, the account it is shared with.
 */
class Rst03UntestedVaultTest {
    static final String VOL = EstateFixture.volume(PROD, REGION, "0rst");
    final Rst03UntestedVault check = new Rst03UntestedVault();

    @Test
    @DisplayName("FAIL MEDIUM: DynamoDB recovery points that no selection of the plan covers "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/API_RestoreTestingSelectionForCreate.html)")
    void flagsAResourceTypeNoSelectionCovers() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        f.point(v, VOL, NOW).put("ResourceType", "DynamoDB");
        f.restoreTestingPlan(BACKUP, REGION, "weekly");
        Result r = about(f.run(check), arnOf(v));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(r.evidence().summary()).isEqualTo("Resource types not covered by any selection: DynamoDB");
    }

    @Test
    @DisplayName("PASS: a vault the plan includes, with a selection for its only type (https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing.html)")
    void passesACoveredVault() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        f.point(v, VOL, NOW);
        f.restoreTestingPlan(BACKUP, REGION, "weekly");
        assertThat(about(f.run(check), arnOf(v)).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("Edge: an air-gapped vault excluded from the plan fails like any vault (checks.md, RST-03)")
    void anExcludedAirGappedVaultFails() {
        EstateFixture f = new EstateFixture();
        ObjectNode lag = f.airGappedVault(BACKUP, REGION, "lag");
        f.point(lag, VOL, NOW);
        ObjectNode plan = f.restoreTestingPlan(BACKUP, REGION, "weekly");
        ((ObjectNode) plan.get("RecoveryPointSelection")).putArray("ExcludeVaults").add(arnOf(lag));
        Result r = about(f.run(check), arnOf(lag));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).startsWith("No restore testing plan selects this vault");
    }

    @Test
    @DisplayName("No result: a vault holding only types restore testing does not support (Redshift, Timestream, VMware, Storage Gateway); "
            + "such types in a mixed vault are named, not judged (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_RestoreTestingSelectionForCreate.html)")
    void unsupportedTypesGiveNoResult() {
        EstateFixture f = new EstateFixture();
        ObjectNode only = f.vault(BACKUP, REGION, "only-unsupported");
        f.point(only, "arn:aws:redshift:" + REGION + ":" + PROD + ":cluster:dwh", NOW).put("ResourceType", "Redshift");
        f.point(only, "arn:aws:timestream:" + REGION + ":" + PROD + ":database/metrics/table/t", NOW).put("ResourceType", "Timestream");
        f.point(only, "arn:aws:backup-gateway:" + REGION + ":" + PROD + ":vm/vm-0", NOW).put("ResourceType", "VirtualMachine");
        f.point(only, "arn:aws:storagegateway:" + REGION + ":" + PROD + ":gateway/sgw-0/volume/vol-0", NOW).put("ResourceType", "Storage Gateway");
        ObjectNode mixed = f.vault(BACKUP, REGION, "mixed");
        f.point(mixed, VOL, NOW);
        f.point(mixed, "arn:aws:redshift:" + REGION + ":" + PROD + ":cluster:dwh", NOW).put("ResourceType", "Redshift");
        f.restoreTestingPlan(BACKUP, REGION, "weekly");
        var results = f.run(check);
        assertThat(results).extracting(Result::resourceArn).containsExactly(arnOf(mixed));
        assertThat(results.get(0).status()).isEqualTo(Status.PASS);
        assertThat(results.get(0).evidence().summary()).contains("not judged, restore testing does not support them: Redshift");
    }

    @Test
    @DisplayName("Edge: only COMPLETED, unexpired recovery points count; a vault holding only EXPIRED ones gives no result "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/deleting-backups.html)")
    void expiredRecoveryPointsDoNotCount() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        f.point(v, VOL, NOW.minus(Duration.ofDays(1))).put("Status", "EXPIRED");
        assertThat(f.run(check)).isEmpty();
    }

    @Test
    @DisplayName("PASS: an air-gapped vault shared with a restore-testing account is covered by that account's plan naming its ARN "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html)")
    void aSharedAirGappedVaultIsCoveredByThePlanOfTheAccountItIsSharedWith() {
        EstateFixture f = new EstateFixture();
        ObjectNode lag = f.airGappedVault(BACKUP, REGION, "lag");
        f.point(lag, VOL, NOW);
        ObjectNode plan = f.restoreTestingPlan(PROD, REGION, "restore_tests");
        ((ObjectNode) plan.get("RecoveryPointSelection")).putArray("IncludeVaults").add(arnOf(lag));
        Result r = about(f.run(check), arnOf(lag));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence().summary()).contains("restore_tests (" + PROD + ")");
        ((ObjectNode) plan.get("RecoveryPointSelection")).putArray("IncludeVaults").add("*");
        assertThat(about(f.run(check), arnOf(lag)).status()).isEqualTo(Status.FAIL);
    }
}
