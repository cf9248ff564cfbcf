package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ACC-08. The deprecated events are the valid values of BackupVaultEvents that are not in its list of supported events:
 * "Deprecated events do not return statuses or notifications" (PutBackupVaultNotifications,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultNotifications.html). A failed backup job is
 * notified as BACKUP_JOB_COMPLETED with its State (Notification options with AWS Backup,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-notifications.html).
 */
class Acc08NoVaultNotificationsTest {
    final Acc08NoVaultNotifications check = new Acc08NoVaultNotifications();

    static ObjectNode notifying(EstateFixture f, String name, String... events) {
        ObjectNode v = f.vault(BACKUP, REGION, name);
        ArrayNode list = ((ObjectNode) v.get("Notifications")).putArray("BackupVaultEvents");
        for (String e : events) {
            list.add(e);
        }
        return v;
    }

    @Test
    @DisplayName("FAIL: only deprecated events (BACKUP_JOB_FAILED, RESTORE_JOB_FAILED) count for nothing and are named; the fix lists live events only"
            + " (PutBackupVaultNotifications, https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultNotifications.html)")
    void deprecatedEventsCountForNothing() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = notifying(f, "old", "BACKUP_JOB_FAILED", "RESTORE_JOB_FAILED", "COPY_JOB_FAILED");
        Result r = about(f.run(check), arnOf(v));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.LOW);
        assertThat(r.evidence().summary()).contains("miss RECOVERY_POINT_MODIFIED and BACKUP_JOB_COMPLETED")
                .contains("BACKUP_JOB_FAILED, RESTORE_JOB_FAILED are deprecated events that AWS never sends");
        assertThat(r.evidence().field("DeprecatedEventsNeverSent")).isEqualTo("[BACKUP_JOB_FAILED, RESTORE_JOB_FAILED]");
        String cli = r.remediation().awsCli();
        assertThat(cli).startsWith("aws backup put-backup-vault-notifications --region " + REGION + " --backup-vault-name old")
                .contains("--sns-topic-arn arn:aws:sns:" + REGION + ":" + BACKUP + ":backup-alerts")
                .endsWith("--backup-vault-events RECOVERY_POINT_MODIFIED BACKUP_JOB_COMPLETED COPY_JOB_FAILED RESTORE_JOB_COMPLETED");
        for (String deprecated : Acc08NoVaultNotifications.DEPRECATED) {
            assertThat(cli).doesNotContain(deprecated);
            assertThat(r.remediation().snippet()).doesNotContain(deprecated);
        }
    }

    @Test
    @DisplayName("FAIL: no notifications at all, or events without RECOVERY_POINT_MODIFIED"
            + " (Notification options with AWS Backup, https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-notifications.html)")
    void flagsMissingNotificationsAndAMissingRequiredEvent() {
        EstateFixture f = new EstateFixture();
        ObjectNode none = f.vault(BACKUP, REGION, "none");
        none.putNull("Notifications");
        ObjectNode noTamper = notifying(f, "no-tamper", "BACKUP_JOB_COMPLETED", "COPY_JOB_FAILED", "RESTORE_JOB_COMPLETED");
        List<Result> results = f.run(check);
        Result n = about(results, arnOf(none));
        assertThat(n.status()).isEqualTo(Status.FAIL);
        assertThat(n.evidence().summary()).startsWith("The vault has no notifications configured");
        Result t = about(results, arnOf(noTamper));
        assertThat(t.status()).isEqualTo(Status.FAIL);
        assertThat(t.evidence().summary()).isEqualTo("The notifications miss RECOVERY_POINT_MODIFIED");
    }

    @Test
    @DisplayName("PASS: RECOVERY_POINT_MODIFIED and BACKUP_JOB_COMPLETED; the recommended COPY_JOB_FAILED and RESTORE_JOB_COMPLETED are named when missing, not failed"
            + " (https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-notifications.html)")
    void passesTheTwoRequiredEventsAndNamesTheRecommendedOnes() {
        EstateFixture f = new EstateFixture();
        ObjectNode full = f.vault(BACKUP, REGION, "full");
        ObjectNode minimal = notifying(f, "minimal", "RECOVERY_POINT_MODIFIED", "BACKUP_JOB_COMPLETED");
        List<Result> results = f.run(check);
        Result r = about(results, arnOf(full));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence().summary()).doesNotContain("recommended").doesNotContain("deprecated");
        Result m = about(results, arnOf(minimal));
        assertThat(m.status()).isEqualTo(Status.PASS);
        assertThat(m.evidence().summary()).endsWith("(recommended, not subscribed: COPY_JOB_FAILED, RESTORE_JOB_COMPLETED)");
    }

    @Test
    @DisplayName("Edge: live and deprecated events mixed pass, the deprecated ones named; the fix keeps live extras (S3_BACKUP_OBJECT_FAILED) and drops the deprecated"
            + " (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultNotifications.html)")
    void mixedEventsPassAndTheFixKeepsLiveExtras() {
        EstateFixture f = new EstateFixture();
        ObjectNode mixed = notifying(f, "mixed", "RECOVERY_POINT_MODIFIED", "BACKUP_JOB_COMPLETED", "BACKUP_JOB_SUCCESSFUL");
        ObjectNode s3 = notifying(f, "s3", "S3_BACKUP_OBJECT_FAILED", "BACKUP_PLAN_MODIFIED");
        List<Result> results = f.run(check);
        Result m = about(results, arnOf(mixed));
        assertThat(m.status()).isEqualTo(Status.PASS);
        assertThat(m.evidence().summary()).contains("BACKUP_JOB_SUCCESSFUL is a deprecated event that AWS never sends");
        Result r = about(results, arnOf(s3));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.remediation().awsCli()).contains("--sns-topic-arn arn:aws:sns:" + REGION + ":" + BACKUP + ":backup-alerts")
                .endsWith("--backup-vault-events RECOVERY_POINT_MODIFIED BACKUP_JOB_COMPLETED COPY_JOB_FAILED RESTORE_JOB_COMPLETED S3_BACKUP_OBJECT_FAILED");
    }

    @Test
    @DisplayName("Edge: a topic of another account fails: AWS Backup does not support cross-account notifications"
            + " (Notification options with AWS Backup, Limitations, https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-notifications.html)")
    void aTopicOfAnotherAccountFails() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        ((ObjectNode) v.get("Notifications")).put("SNSTopicArn", "arn:aws:sns:" + REGION + ":" + PROD + ":backup-alerts");
        Result r = about(f.run(check), arnOf(v));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).contains("belongs to account " + PROD);
        assertThat(r.remediation().awsCli()).contains("--sns-topic-arn arn:aws:sns:" + REGION + ":" + BACKUP + ":backup-alerts");
    }

    @Test
    void isUnknownWhenNotificationsWereNotRead() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        v.remove("Notifications");
        assertThat(about(f.run(check), arnOf(v)).status()).isEqualTo(Status.UNKNOWN);
    }
}
