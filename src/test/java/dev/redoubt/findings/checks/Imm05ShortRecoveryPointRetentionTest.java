package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
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
 * IMM-05. "If any user (including the root user) attempts to delete a backup or change the lifecycle properties in a
 * locked vault, AWS Backup will deny the operation" (Vault Lock, https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html);
 * UpdateRecoveryPointLifecycle "does not support continuous backups" and needs MoveToColdStorageAfterDays repeated
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_UpdateRecoveryPointLifecycle.html).
 */
class Imm05ShortRecoveryPointRetentionTest {
    static final String VOL = EstateFixture.volume(PROD, REGION, "0imm5");
    final Imm05ShortRecoveryPointRetention check = new Imm05ShortRecoveryPointRetention();

    static String rpArn(ObjectNode p) {
        return p.get("RecoveryPointArn").asText();
    }

    static ObjectNode unlocked(EstateFixture f, String name) {
        ObjectNode v = f.vault(BACKUP, REGION, name);
        v.put("Locked", false).remove(List.of("LockDate", "MinRetentionDays", "MaxRetentionDays"));
        return v;
    }

    static ObjectNode kept(ObjectNode p, long days) {
        ((ObjectNode) p.get("Lifecycle")).put("DeleteAfterDays", days);
        ((ObjectNode) p.get("CalculatedLifecycle")).put("DeleteAt", java.time.Instant.parse(p.get("CreationDate").asText()).plus(Duration.ofDays(days)).toString());
        return p;
    }

    /** A plan of the backup account whose daily rule keeps 14 days in the vault, and the point made by it. */
    static ObjectNode madeByPlan(EstateFixture f, ObjectNode vault) {
        ObjectNode plan = f.plan(BACKUP, REGION, "short");
        ObjectNode rule = (ObjectNode) plan.get("BackupPlan").get("Rules").get(0);
        rule.put("TargetBackupVaultName", vault.get("BackupVaultName").asText());
        ((ObjectNode) rule.get("Lifecycle")).put("DeleteAfterDays", 14);
        ObjectNode p = kept(f.point(vault, VOL, NOW.minus(Duration.ofDays(1))), 14);
        p.putObject("CreatedBy").put("BackupPlanId", plan.get("BackupPlanId").asText()).put("BackupPlanArn", plan.get("BackupPlanArn").asText())
                .put("BackupRuleId", rule.get("RuleId").asText());
        return p;
    }

    @Test
    @DisplayName("FAIL in an unlocked vault: extend the point (update-recovery-point-lifecycle) and the rule that made it (update-backup-plan)")
    void flagsAShortRetentionInAnUnlockedVault() {
        EstateFixture f = new EstateFixture();
        ObjectNode p = madeByPlan(f, unlocked(f, "open"));
        Result r = about(f.run(check), rpArn(p));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).isEqualTo("The recovery point is retained 14 days, less than 35");
        String planId = f.root().at("/Accounts/2/Regions/" + REGION + "/BackupPlans/0/BackupPlanId").asText();
        assertThat(r.remediation().awsCli().split("\n")).containsExactly(
                "aws backup update-recovery-point-lifecycle --region " + REGION + " --backup-vault-name open --recovery-point-arn " + rpArn(p)
                        + " --lifecycle DeleteAfterDays=35",
                "aws backup update-backup-plan --region " + REGION + " --backup-plan-id " + planId + " --backup-plan file://plan.json");
        assertThat(r.remediation().action()).contains("rule daily of plan short (" + BACKUP + ", " + REGION + ")");
    }

    @Test
    @DisplayName("FAIL in a locked vault (governance or compliance): the lock refuses the lifecycle change, so the fix is the plan rule only"
            + " (Vault Lock, https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html)")
    void inALockedVaultTheFixIsThePlanRule() {
        EstateFixture f = new EstateFixture();
        ObjectNode compliance = f.vault(BACKUP, REGION, "locked");
        ObjectNode p = madeByPlan(f, compliance);
        ObjectNode governance = f.vault(BACKUP, REGION, "governance");
        governance.remove("LockDate");
        ObjectNode onDemand = kept(f.point(governance, VOL, NOW.minus(Duration.ofDays(2))), 10);
        onDemand.put("IamRoleArn", "arn:aws:iam::" + BACKUP + ":role/service-role/AWSBackupDefaultServiceRole");
        List<Result> results = f.run(check);
        Result r = about(results, rpArn(p));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.remediation().awsCli()).doesNotContain("update-recovery-point-lifecycle").startsWith("aws backup update-backup-plan --region " + REGION);
        assertThat(r.remediation().action()).startsWith("The vault's Vault Lock refuses lifecycle changes on its recovery points");
        Result o = about(results, rpArn(onDemand));
        assertThat(o.remediation().awsCli()).doesNotContain("update-recovery-point-lifecycle")
                .isEqualTo("aws backup start-backup-job --region " + REGION + " --backup-vault-name governance --resource-arn " + VOL
                        + " --iam-role-arn arn:aws:iam::" + BACKUP + ":role/service-role/AWSBackupDefaultServiceRole --lifecycle DeleteAfterDays=35");
    }

    @Test
    void passes35DaysAndNeverExpiring() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        ObjectNode p35 = f.point(v, VOL, NOW.minus(Duration.ofDays(1)));
        ObjectNode forever = f.point(v, VOL, NOW.minus(Duration.ofDays(2)));
        forever.remove(List.of("Lifecycle", "CalculatedLifecycle"));
        List<Result> results = f.run(check);
        assertThat(about(results, rpArn(p35)).status()).isEqualTo(Status.PASS);
        assertThat(about(results, rpArn(forever)).evidence().summary()).isEqualTo("The recovery point never expires");
    }

    @Test
    @DisplayName("Edge: EXPIRED, DELETING and composite members (ParentRecoveryPointArn: judged through their parent) give no result; the parent is judged")
    void skipsWhatIsNotACompletedStandalonePoint() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        ObjectNode expired = kept(f.point(v, VOL, NOW.minus(Duration.ofDays(3))), 1).put("Status", "EXPIRED");
        ObjectNode deleting = kept(f.point(v, VOL, NOW.minus(Duration.ofDays(3))), 1).put("Status", "DELETING");
        ObjectNode parent = kept(f.point(v, VOL, NOW.minus(Duration.ofDays(1))), 7).put("IsParent", true);
        ObjectNode member = kept(f.point(v, VOL, NOW.minus(Duration.ofDays(1))), 7)
                .put("ParentRecoveryPointArn", rpArn(parent)).put("CompositeMemberIdentifier", "stack/member-1");
        List<Result> results = f.run(check);
        assertThat(results).extracting(Result::resourceArn).doesNotContain(rpArn(expired), rpArn(deleting), rpArn(member));
        assertThat(about(results, rpArn(parent)).status()).isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("Edge: the calculated lifecycle decides without DeleteAfterDays; a cold-storage lifecycle is repeated and kept 90 days past the move; a continuous backup gets the plan fix"
            + " (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_UpdateRecoveryPointLifecycle.html)")
    void readsCalculatedLifecycleColdStorageAndContinuous() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = unlocked(f, "open");
        ObjectNode calculated = f.point(v, VOL, NOW.minus(Duration.ofDays(1)));
        calculated.remove("Lifecycle");
        ((ObjectNode) calculated.get("CalculatedLifecycle")).put("DeleteAt", NOW.plus(Duration.ofDays(6)).toString());
        ObjectNode cold = kept(f.point(v, VOL, NOW.minus(Duration.ofDays(1))), 20);
        ((ObjectNode) cold.get("Lifecycle")).put("MoveToColdStorageAfterDays", 10);
        ObjectNode continuous = kept(f.point(v, VOL, NOW.minus(Duration.ofDays(1))), 7);
        continuous.put("RecoveryPointArn", "arn:aws:backup:" + REGION + ":" + BACKUP + ":recovery-point:continuous:db-abc-1234");
        List<Result> results = f.run(check);
        assertThat(about(results, rpArn(calculated)).evidence().summary()).isEqualTo("The recovery point is retained 7 days, less than 35");
        assertThat(about(results, rpArn(cold)).remediation().awsCli()).contains("--lifecycle MoveToColdStorageAfterDays=10,DeleteAfterDays=100");
        Result c = about(results, rpArn(continuous));
        assertThat(c.status()).isEqualTo(Status.FAIL);
        assertThat(c.remediation().awsCli()).doesNotContain("update-recovery-point-lifecycle");
        assertThat(c.remediation().action()).startsWith("AWS Backup cannot change the lifecycle of a continuous backup");
    }
}
