package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.PointRef;
import dev.redoubt.findings.EstateIndex.ResourceRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * ISO-03: a protected resource has no recent recovery point in a logically air-gapped vault.
 * An air-gapped vault is locked in compliance mode, encrypted outside the account, and
 * recoverable through multi-party approval even if the owning account is lost. PASS needs a
 * recovery point created within the last N days (default 7). Same semantics as BAM's
 * resources-in-logically-air-gapped-vault control.
 */
public final class Iso03NoAirGappedCopy extends ResourceCheck {
    public Iso03NoAirGappedCopy() {
        super("ISO-03", Facet.ISO, Severity.HIGH, "Protected resource has no recent recovery point in a logically air-gapped vault",
                "Without an air-gapped copy, a compromise of the accounts that hold the backups can destroy every copy.",
                "LAG vaults' recovery points, plan targets", "BAM resources-in-logically-air-gapped-vault (same semantics)",
                "backup:ListRecoveryPointsByBackupVault");
    }

    @Override
    Result judge(EstateIndex x, ResourceRef r) {
        int days = x.thresholds().airGappedMaxAgeDays();
        Instant since = x.at().minus(Duration.ofDays(days));
        PointRef latest = null;
        for (PointRef p : x.pointsOf(r.resource().resourceArn())) {
            Instant c = p.point().creationDate();
            if (p.vault().isAirGapped() && c != null && !c.isBefore(since) && !c.isAfter(x.at())
                    && (latest == null || c.isAfter(latest.point().creationDate()))) {
                latest = p;
            }
        }
        Evidence e = Evidence.at(x.at(), latest != null ? "Recovery point " + latest.point().recoveryPointArn() + " created "
                        + latest.point().creationDate() + " in air-gapped vault " + latest.vault().arn()
                        : "No recovery point in a logically air-gapped vault within " + days + " days")
                .field("LatestAirGappedRecoveryPoint", latest == null ? null : latest.point().recoveryPointArn())
                .field("AirGappedVault", latest == null ? null : latest.vault().arn())
                .threshold("airGappedMaxAgeDays", days).build();
        if (latest != null) {
            return pass(r.scope(), e);
        }
        return fail(r.scope(), e, new Remediation(
                "Create a logically air-gapped vault (in the backup account) and add a copy action to it in the resource's plan, or target it directly with TargetLogicallyAirGappedBackupVaultArn.",
                "aws backup create-logically-air-gapped-backup-vault --region " + r.ownerRegion()
                        + " --backup-vault-name air-gapped --min-retention-days 7 --max-retention-days 400",
                "CloudFormation",
                "AirGappedVault:\n  Type: AWS::Backup::LogicallyAirGappedBackupVault\n  Properties:\n    BackupVaultName: air-gapped\n    MinRetentionDays: 7\n    MaxRetentionDays: 400"));
    }
}
