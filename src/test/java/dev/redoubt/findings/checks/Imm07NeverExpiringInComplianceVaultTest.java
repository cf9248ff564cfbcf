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
import dev.redoubt.findings.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * IMM-07. The point cannot be given a retention: "If any user (including the root user) attempts to delete a backup or
 * change the lifecycle properties in a locked vault, AWS Backup will deny the operation" (Vault Lock,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html).
 */
class Imm07NeverExpiringInComplianceVaultTest {
    static final String VOL = EstateFixture.volume(PROD, REGION, "0imm7");
    final Imm07NeverExpiringInComplianceVault check = new Imm07NeverExpiringInComplianceVault();

    static String rpArn(ObjectNode p) {
        return p.get("RecoveryPointArn").asText();
    }

    @Test
    @DisplayName("FAIL: never expiring in an immutable vault; the fix is the copy action that made it (update-backup-plan), never update-recovery-point-lifecycle, which the lock refuses"
            + " (Vault Lock, https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html)")
    void flagsANeverExpiringPointAndFixesTheRuleThatMadeIt() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "archive");
        ObjectNode plan = f.plan(PROD, REGION, "long-term");
        ((ObjectNode) plan.get("BackupPlan").get("Rules").get(0)).withArray("CopyActions").addObject().put("DestinationBackupVaultArn", arnOf(v));
        ObjectNode p = f.point(v, VOL, NOW.minus(Duration.ofDays(1)));
        p.remove(List.of("Lifecycle", "CalculatedLifecycle"));
        p.put("SourceBackupVaultArn", "arn:aws:backup:" + REGION + ":" + PROD + ":backup-vault:main");
        Result r = about(f.run(check), rpArn(p));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.remediation().awsCli()).doesNotContain("update-recovery-point-lifecycle")
                .isEqualTo("aws backup update-backup-plan --region " + REGION + " --backup-plan-id " + plan.get("BackupPlanId").asText()
                        + " --backup-plan file://plan.json");
        assertThat(r.remediation().action()).contains("the copy action of rule daily of plan long-term (" + PROD + ", " + REGION + ")")
                .contains("400 days");
        assertThat(r.remediation().snippet()).startsWith("copy_action {");
    }

    @Test
    @DisplayName("Edge: a lock without MaxRetentionDays keeps accepting never-expiring points and cannot change: the fix adds a new vault whose lock has a maximum"
            + " (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultLockConfiguration.html)")
    void aLockWithoutMaximumIsReplaced() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "archive");
        v.remove("MaxRetentionDays");
        ObjectNode plan = f.plan(BACKUP, REGION, "forever");
        ObjectNode rule = (ObjectNode) plan.get("BackupPlan").get("Rules").get(0);
        rule.put("TargetBackupVaultName", "archive").remove("Lifecycle");
        ObjectNode p = f.point(v, VOL, NOW.minus(Duration.ofDays(1)));
        p.remove(List.of("Lifecycle", "CalculatedLifecycle"));
        p.putObject("CreatedBy").put("BackupPlanId", plan.get("BackupPlanId").asText()).put("BackupRuleId", rule.get("RuleId").asText());
        ObjectNode onDemand = f.point(v, VOL, NOW.minus(Duration.ofDays(2)));
        onDemand.remove(List.of("Lifecycle", "CalculatedLifecycle"));
        List<Result> results = f.run(check);
        Result r = about(results, rpArn(p));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        String update = "aws backup update-backup-plan --region " + REGION + " --backup-plan-id " + plan.get("BackupPlanId").asText() + " --backup-plan file://plan.json";
        assertThat(r.remediation().awsCli().split("\n")).as("each command once").containsExactly(update,
                "aws backup create-backup-vault --region " + REGION + " --backup-vault-name archive-v2 --encryption-key-arn " + v.get("EncryptionKeyArn").asText(),
                "aws backup put-backup-vault-lock-configuration --region " + REGION + " --backup-vault-name archive-v2 --min-retention-days 7"
                        + " --max-retention-days 400 --changeable-for-days 3");
        assertThat(r.remediation().action()).endsWith("MaxRetentionDays 400): forever (" + BACKUP + ", " + REGION + ").");
        assertThat(about(results, rpArn(onDemand)).remediation().awsCli()).doesNotContain("update-recovery-point-lifecycle")
                .startsWith("aws backup start-backup-job --region " + REGION + " --backup-vault-name archive");
    }

    @Test
    void passesAnExpiringPoint() {
        EstateFixture f = new EstateFixture();
        ObjectNode p = f.point(f.vault(BACKUP, REGION, "v"), VOL, NOW.minus(Duration.ofDays(1)));
        assertThat(about(f.run(check), rpArn(p)).status()).isEqualTo(Status.PASS);
    }

    @Test
    void ignoresVaultsStillInGraceTimeOrInGovernanceMode() {
        EstateFixture f = new EstateFixture();
        ObjectNode grace = f.vault(BACKUP, REGION, "grace");
        grace.put("LockDate", NOW.plus(Duration.ofDays(1)).toString());
        f.point(grace, VOL, NOW).remove("Lifecycle");
        ObjectNode governance = f.vault(BACKUP, REGION, "governance");
        governance.remove("LockDate");
        f.point(governance, VOL, NOW).remove("Lifecycle");
        assertThat(f.run(check)).isEmpty();
    }
}
