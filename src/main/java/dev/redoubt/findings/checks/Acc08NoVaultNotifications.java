package dev.redoubt.findings.checks;

import dev.redoubt.estate.VaultNotifications;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * ACC-08: the vault sends no notifications for tampering and failures. Without
 * RECOVERY_POINT_MODIFIED and the *_JOB_FAILED events, a shortened retention or a string of
 * failed backups goes unnoticed until the restore that fails: REL09-BP02 asks to detect access.
 */
public final class Acc08NoVaultNotifications extends VaultCheck {
    static final List<String> REQUIRED = List.of("RECOVERY_POINT_MODIFIED", "BACKUP_JOB_FAILED", "COPY_JOB_FAILED", "RESTORE_JOB_FAILED");

    public Acc08NoVaultNotifications() {
        super("ACC-08", Facet.ACC, Severity.LOW, "Vault sends no notifications for tampering and failures",
                "Without notifications, changes to recovery points and failed jobs go unnoticed.",
                "vault Notifications", "-", "backup:GetBackupVaultNotifications");
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        if (v.vault().notifications() == null) {
            return missing(x, v.scope(), "BackupVault.Notifications");
        }
        VaultNotifications n = v.vault().notifications().value().orElse(null);
        List<String> events = n == null || n.backupVaultEvents() == null ? List.of() : n.backupVaultEvents();
        List<String> missing = new ArrayList<>();
        for (String ev : REQUIRED) {
            if (!events.contains(ev)) {
                missing.add(ev);
            }
        }
        boolean topic = n != null && n.snsTopicArn() != null && !n.snsTopicArn().isBlank();
        boolean ok = topic && missing.isEmpty();
        Evidence e = Evidence.at(x.at(), n == null ? "The vault has no notifications configured"
                        : ok ? "The vault notifies " + n.snsTopicArn() + " of tampering and failures"
                        : !topic ? "The vault's notifications name no SNS topic" : "The vault's notifications miss " + String.join(", ", missing))
                .field("Notifications.SNSTopicArn", n == null ? "none configured" : n.snsTopicArn())
                .field("Notifications.BackupVaultEvents", events).threshold("RequiredEvents", REQUIRED).build();
        if (ok) {
            return pass(v.scope(), e);
        }
        return fail(v.scope(), e, new Remediation("Send the vault's tampering and failure events to an SNS topic that the security team watches.",
                "aws backup put-backup-vault-notifications --region " + v.region() + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --sns-topic-arn arn:aws:sns:" + v.region() + ":" + v.accountId() + ":backup-alerts"
                        + " --backup-vault-events RECOVERY_POINT_MODIFIED BACKUP_JOB_FAILED COPY_JOB_FAILED RESTORE_JOB_FAILED",
                "CloudFormation",
                "Vault:\n  Type: AWS::Backup::BackupVault\n  Properties:\n    BackupVaultName: " + v.vault().backupVaultName()
                        + "\n    Notifications:\n      SNSTopicArn: !Ref BackupAlertsTopic\n      BackupVaultEvents: [RECOVERY_POINT_MODIFIED, BACKUP_JOB_FAILED, COPY_JOB_FAILED, RESTORE_JOB_FAILED]"));
    }
}
