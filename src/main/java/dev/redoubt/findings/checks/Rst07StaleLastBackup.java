package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.ResourceRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * RST-07: an active protected resource's last recovery point is older than its expected frequency
 * (default 26 hours: daily plus a start window). Backups have silently stopped, so the latest
 * restorable state is drifting back in time. Inactive resources (an account suspended or closing,
 * {@link ProtectedResources}) give no result: nothing can back them up, and ISO-08 reports the
 * account. Same semantics as BAM's last-recovery-point-created control.
 */
public final class Rst07StaleLastBackup extends ResourceCheck {
    public Rst07StaleLastBackup() {
        super("RST-07", Facet.RST, Severity.MEDIUM, "Last recovery point is older than expected",
                "If backups stopped, the data lost in an incident grows every day unnoticed.",
                "ProtectedResource LastBackupTime", "BAM backup-last-recovery-point-created (same semantics)", "backup:DescribeProtectedResource");
    }

    @Override
    Result judge(EstateIndex x, ResourceRef r) {
        if (!ProtectedResources.isActive(x, r)) {
            return null;
        }
        int hours = x.thresholds().backupMaxAgeHours();
        Instant last = r.resource().lastBackupTime();
        boolean ok = last != null && !last.isBefore(x.at().minus(Duration.ofHours(hours)));
        Evidence e = Evidence.at(x.at(), last == null ? "The resource has no backup time"
                        : "The last backup is " + humanDuration(Duration.between(last, x.at())) + " old (" + last + ")")
                .field("ProtectedResource.LastBackupTime", last).threshold("backupMaxAgeHours", hours).build();
        if (ok) {
            return pass(r.scope(), e);
        }
        return fail(r.scope(), e, new Remediation(
                "Find why backups stopped (failed jobs, a selection that no longer matches the resource's tags, a disabled plan) and take a backup now.",
                "aws backup list-backup-jobs --region " + sh(r.ownerRegion()) + " --by-resource-arn " + sh(r.resource().resourceArn()) + "\n"
                        + "aws backup start-backup-job --region " + sh(r.ownerRegion()) + " --backup-vault-name <VAULT> --resource-arn " + sh(r.resource().resourceArn())
                        + " --iam-role-arn <BACKUP_ROLE_ARN>",
                "Terraform",
                "resource \"aws_backup_selection\" \"daily\" {\n  name         = \"daily\"\n  plan_id      = aws_backup_plan.daily.id\n  iam_role_arn = \"<BACKUP_ROLE_ARN>\"\n  resources    = [" + hcl(r.resource().resourceArn()) + "]\n}"));
    }
}
