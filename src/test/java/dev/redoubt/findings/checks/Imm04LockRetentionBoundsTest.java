package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.OTHER_REGION;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * IMM-04. Its remediation follows the lock's state: "On and after the lock date, the Vault Lock becomes immutable and
 * cannot be changed or deleted"; without ChangeableForDays the configuration can be changed at any time
 * (PutBackupVaultLockConfiguration, https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultLockConfiguration.html;
 * Vault Lock, https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html).
 */
class Imm04LockRetentionBoundsTest {
    final Imm04LockRetentionBounds check = new Imm04LockRetentionBounds();

    @Test
    void flagsALowMinimumOrAMissingMaximum() {
        EstateFixture f = new EstateFixture();
        ObjectNode low = f.vault(BACKUP, REGION, "low");
        low.put("MinRetentionDays", 1);
        ObjectNode open = f.vault(BACKUP, REGION, "open");
        open.remove("MaxRetentionDays");
        List<Result> results = f.run(check);
        assertThat(about(results, arnOf(low)).status()).isEqualTo(Status.FAIL);
        assertThat(about(results, arnOf(open)).evidence().summary()).contains("MaxRetentionDays is unset");
    }

    @Test
    void passesBoundsAtThePolicyMinimum() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        Result r = about(f.run(check), arnOf(v));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence().thresholds()).anySatisfy(t -> assertThat(t.value()).isEqualTo("7"));
    }

    @Test
    void usesTheConfiguredMinimum() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        FindingsSettings strict = new FindingsSettings(Map.of("lockMinRetentionDays", 30), Map.of(), Map.of());
        Result r = about(f.run(check, strict), arnOf(v));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().thresholds()).anySatisfy(t -> assertThat(t.value()).isEqualTo("30"));
    }

    @Test
    @DisplayName("FAIL on an immutable compliance lock: AWS refuses to change it, so the fix is a new locked vault and the plans moved to it, not put-backup-vault-lock-configuration on the old one"
            + " (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultLockConfiguration.html)")
    void anImmutableLockIsReplacedNotChanged() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "main");
        v.put("MinRetentionDays", 1);
        ObjectNode plan = f.plan(BACKUP, REGION, "daily");
        ObjectNode copier = f.plan(BACKUP, OTHER_REGION, "copier");
        ((ObjectNode) copier.get("BackupPlan").get("Rules").get(0)).put("TargetBackupVaultName", "dr")
                .withArray("CopyActions").addObject().put("DestinationBackupVaultArn", arnOf(v)).putObject("Lifecycle").put("DeleteAfterDays", 500);
        Result r = about(f.run(check), arnOf(v));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.remediation().action()).startsWith("The lock is immutable since");
        assertThat(r.remediation().awsCli().split("\n")).containsExactly(
                "aws backup create-backup-vault --region " + REGION + " --backup-vault-name main-v2 --encryption-key-arn " + v.get("EncryptionKeyArn").asText(),
                "aws backup put-backup-vault-lock-configuration --region " + REGION + " --backup-vault-name main-v2 --min-retention-days 7"
                        + " --max-retention-days 400 --changeable-for-days 3",
                "aws backup update-backup-plan --region " + REGION + " --backup-plan-id " + plan.get("BackupPlanId").asText() + " --backup-plan file://plan.json",
                "aws backup update-backup-plan --region " + OTHER_REGION + " --backup-plan-id " + copier.get("BackupPlanId").asText() + " --backup-plan file://plan.json");
    }

    @Test
    @DisplayName("Edge: the replacement of a backup-account vault keyed by a workload account's key takes a key of the backup account,"
            + " not the old key again (a copy into another account takes the destination vault's key:"
            + " https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html)")
    void theReplacementVaultDoesNotKeepAWorkloadKey() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "archive");
        v.put("MinRetentionDays", 1);
        String prodKey = EstateFixture.arnOfKey(f.key(PROD, REGION));
        v.put("EncryptionKeyArn", prodKey);
        Result r = about(f.run(check), arnOf(v));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.remediation().awsCli()).doesNotContain(prodKey)
                .contains("--backup-vault-name archive-v2 --encryption-key-arn 'arn:aws:kms:" + REGION + ":" + BACKUP + ":key/<KEY_ID_OWNED_BY_" + BACKUP + ">'");
        assertThat(r.remediation().snippet()).doesNotContain(prodKey);
        assertThat(r.remediation().action()).contains("a key of account " + BACKUP + " rather than " + prodKey);
    }

    @Test
    @DisplayName("Edge: a compliance lock in its grace time is re-put keeping ChangeableForDays (else it would become removable at any time); a governance lock without it")
    void aLockThatCanStillChangeIsRePut() {
        EstateFixture f = new EstateFixture();
        ObjectNode grace = f.vault(BACKUP, REGION, "grace");
        grace.put("MinRetentionDays", 1).put("LockDate", NOW.plus(Duration.ofDays(10)).plus(Duration.ofHours(2)).toString());
        ObjectNode governance = f.vault(BACKUP, REGION, "governance");
        governance.put("MinRetentionDays", 1).remove("LockDate");
        List<Result> results = f.run(check);
        assertThat(about(results, arnOf(grace)).remediation().awsCli()).isEqualTo("aws backup put-backup-vault-lock-configuration --region " + REGION
                + " --backup-vault-name grace --min-retention-days 7 --max-retention-days 400 --changeable-for-days 11");
        assertThat(about(results, arnOf(governance)).remediation().awsCli()).isEqualTo("aws backup put-backup-vault-lock-configuration --region " + REGION
                + " --backup-vault-name governance --min-retention-days 7 --max-retention-days 400");
    }
}
