package dev.redoubt.findings.checks;

import dev.redoubt.estate.Arn;
import dev.redoubt.estate.VaultNotifications;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ACC-08: the vault does not notify of tampering and failed jobs. Without RECOVERY_POINT_MODIFIED a shortened
 * retention goes unnoticed, and without BACKUP_JOB_COMPLETED (the event AWS sends when a backup job ends, failed
 * or expired jobs included) a string of failed backups goes unnoticed until the restore that fails.
 *
 * <p>The deprecated events (BACKUP_JOB_SUCCESSFUL, BACKUP_JOB_FAILED, BACKUP_JOB_EXPIRED, RESTORE_JOB_SUCCESSFUL,
 * RESTORE_JOB_FAILED, BACKUP_PLAN_CREATED, BACKUP_PLAN_MODIFIED) are still accepted by the API but "do not return
 * statuses or notifications" (PutBackupVaultNotifications,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultNotifications.html: they are its valid
 * values absent from its list of supported events): they count for nothing and the evidence names them. Supported
 * events and the limits (the topic must be in the vault's own account) are from "Notification options with AWS
 * Backup", https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-notifications.html. COPY_JOB_FAILED and
 * RESTORE_JOB_COMPLETED are recommended: named in the evidence when missing, not failed.
 */
public final class Acc08NoVaultNotifications extends VaultCheck {
    static final List<String> REQUIRED = List.of("RECOVERY_POINT_MODIFIED", "BACKUP_JOB_COMPLETED");
    static final List<String> RECOMMENDED = List.of("COPY_JOB_FAILED", "RESTORE_JOB_COMPLETED");
    static final Set<String> DEPRECATED = Set.of("BACKUP_JOB_SUCCESSFUL", "BACKUP_JOB_FAILED", "BACKUP_JOB_EXPIRED",
            "RESTORE_JOB_SUCCESSFUL", "RESTORE_JOB_FAILED", "BACKUP_PLAN_CREATED", "BACKUP_PLAN_MODIFIED");

    public Acc08NoVaultNotifications() {
        super("ACC-08", Facet.ACC, Severity.LOW, "Vault does not notify of tampering and failed backup jobs",
                "Without RECOVERY_POINT_MODIFIED and BACKUP_JOB_COMPLETED notifications, shortened retentions and failed backups go unnoticed.",
                "vault Notifications", "-", "backup:GetBackupVaultNotifications");
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        if (v.vault().notifications() == null) {
            return missing(x, v.scope(), "BackupVault.Notifications");
        }
        VaultNotifications n = v.vault().notifications().value().orElse(null);
        List<String> events = n == null || n.backupVaultEvents() == null ? List.of() : n.backupVaultEvents();
        List<String> deprecated = events.stream().filter(DEPRECATED::contains).distinct().toList();
        List<String> missing = REQUIRED.stream().filter(e -> !events.contains(e)).toList();
        List<String> missingRecommended = RECOMMENDED.stream().filter(e -> !events.contains(e)).toList();
        String topic = n == null || n.snsTopicArn() == null || n.snsTopicArn().isBlank() ? null : n.snsTopicArn();
        Arn topicArn = Arn.parse(topic);
        boolean foreignTopic = topicArn != null && !topicArn.account().isEmpty() && !topicArn.account().equals(v.accountId());

        List<String> problems = new ArrayList<>();
        if (n == null) {
            problems.add("The vault has no notifications configured");
        } else if (topic == null) {
            problems.add("The vault's notifications name no SNS topic");
        } else if (foreignTopic) {
            problems.add("The SNS topic belongs to account " + topicArn.account() + ": AWS Backup does not support cross-account notifications");
        }
        if (n != null && !missing.isEmpty()) {
            problems.add("The notifications miss " + String.join(" and ", missing));
        }
        List<String> notes = new ArrayList<>();
        if (!deprecated.isEmpty()) {
            notes.add(String.join(", ", deprecated) + (deprecated.size() == 1 ? " is a deprecated event" : " are deprecated events")
                    + " that AWS never sends");
        }
        if (n != null && problems.isEmpty() && !missingRecommended.isEmpty()) {
            notes.add("recommended, not subscribed: " + String.join(", ", missingRecommended));
        }
        String summary = problems.isEmpty()
                ? "The vault notifies " + topic + " of RECOVERY_POINT_MODIFIED and BACKUP_JOB_COMPLETED (which reports failed jobs)"
                : String.join("; ", problems);
        if (!notes.isEmpty()) {
            summary += " (" + String.join("; ", notes) + ")";
        }
        Evidence e = Evidence.at(x.at(), summary)
                .field("Notifications.SNSTopicArn", n == null ? "none configured" : n.snsTopicArn())
                .field("Notifications.BackupVaultEvents", events)
                .field("DeprecatedEventsNeverSent", deprecated)
                .field("MissingRequiredEvents", n == null ? REQUIRED : missing)
                .field("MissingRecommendedEvents", missingRecommended)
                .threshold("RequiredEvents", REQUIRED).threshold("RecommendedEvents", RECOMMENDED).build();
        if (problems.isEmpty()) {
            return pass(v.scope(), e);
        }
        // PutBackupVaultNotifications replaces the list: keep the vault's live events, drop the deprecated ones, add the required and recommended.
        Set<String> live = new LinkedHashSet<>(REQUIRED);
        live.addAll(RECOMMENDED);
        events.stream().filter(ev -> !DEPRECATED.contains(ev)).forEach(live::add);
        String newTopic = topic != null && !foreignTopic ? topic : "arn:aws:sns:" + v.region() + ":" + v.accountId() + ":backup-alerts";
        return fail(v.scope(), e, new Remediation(
                "Send the vault's live events to an SNS topic of the vault's own account (its access policy must let backup.amazonaws.com publish) that the security team watches: "
                        + String.join(", ", live) + ". BACKUP_JOB_COMPLETED reports failed and expired jobs too (its State says which);"
                        + " the deprecated *_JOB_FAILED and *_JOB_SUCCESSFUL events are never sent.",
                "aws backup put-backup-vault-notifications --region " + sh(v.region()) + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --sns-topic-arn " + sh(newTopic) + " --backup-vault-events " + String.join(" ", live.stream().map(ev -> sh(ev)).toList()),
                "CloudFormation",
                "Vault:\n  Type: AWS::Backup::BackupVault\n  Properties:\n    BackupVaultName: " + yaml(v.vault().backupVaultName())
                        + "\n    Notifications:\n      SNSTopicArn: !Ref BackupAlertsTopic\n      BackupVaultEvents: [" + String.join(", ", live.stream().map(ev -> yaml(ev)).toList()) + "]"));
    }
}
