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
import java.util.Set;

/**
 * ISO-03: an active protected resource of a type logically air-gapped vaults support has no
 * COMPLETED, unexpired recovery point in a logically air-gapped vault created within the last N days
 * (airGappedMaxAgeDays, default 1 as AWS Config's rule; checks.md, "Air-gapped"). An air-gapped vault
 * is locked in compliance mode, keeps its data in an account AWS Backup owns, and is recoverable
 * through multi-party approval even if the owning account is lost. Restore-access vaults are views of
 * an air-gapped vault, not copies. Types the vaults do not support and inactive resources give no
 * result ({@link ProtectedResources}). Same semantics as BAM's resources-in-logically-air-gapped-vault control.
 */
public final class Iso03NoAirGappedCopy extends ResourceCheck {
    private static final Copies.Destination AIR_GAPPED = (account, region, type) -> EstateIndex.LAG_VAULT.equals(type);

    public Iso03NoAirGappedCopy() {
        super("ISO-03", Facet.ISO, Severity.HIGH, "Protected resource has no recent recovery point in a logically air-gapped vault",
                "Without an air-gapped copy, a compromise of the accounts that hold the backups can destroy every copy.",
                "LAG vaults' recovery points, plan targets", "BAM resources-in-logically-air-gapped-vault (same semantics)",
                "backup:ListRecoveryPointsByBackupVault");
    }

    @Override
    Result judge(EstateIndex x, ResourceRef r) {
        if (!ProtectedResources.isActive(x, r) || !ProtectedResources.airGappedSupported(r)) {
            return null;
        }
        int days = x.thresholds().airGappedMaxAgeDays();
        Instant since = x.at().minus(Duration.ofDays(days));
        Copies.Copy recent = Copies.recentCopy(x, r, AIR_GAPPED, since);
        Copies.Copy latest = Copies.recentCopy(x, r, AIR_GAPPED, Instant.MIN);
        Set<String> configured = Copies.configuredCopies(x, r, AIR_GAPPED, true);
        String window = days == 1 ? "the last day" : "the last " + days + " days";
        String summary = recent != null ? "Air-gapped copy within " + window + ": " + recent.description()
                : "No completed, unexpired recovery point in a logically air-gapped vault created within " + window
                        + (latest != null ? "; the latest is " + humanDuration(Duration.between(latest.at(), x.at())) + " old (" + latest.description() + ")"
                        : configured.isEmpty() ? ", and no plan copies it to one" : "")
                        + (configured.isEmpty() ? "" : "; configured, never completed within " + window + ": " + String.join(", ", configured));
        Evidence e = Evidence.at(x.at(), summary)
                .field("ProtectedResource.ResourceType", r.resource().resourceType())
                .field("LatestAirGappedCopy", latest == null ? null : latest.description())
                .field("AirGappedVault", latest == null ? null : latest.vaultArn())
                .field("ConfiguredAirGappedDestinations", configured)
                .threshold("airGappedMaxAgeDays", days).build();
        if (recent != null) {
            return pass(r.scope(), e);
        }
        return fail(r.scope(), e, new Remediation(
                "Copy the resource's backups daily to a logically air-gapped vault (in the backup account): a copy action to it in the resource's plan rule,"
                        + " or the vault as the rule's TargetLogicallyAirGappedBackupVaultArn; check the copy jobs complete.",
                "aws backup create-logically-air-gapped-backup-vault --region " + sh(r.ownerRegion())
                        + " --backup-vault-name air-gapped --min-retention-days 7 --max-retention-days 400\n"
                        + "aws backup update-backup-plan --region " + sh(r.ownerRegion()) + " --backup-plan-id <PLAN_ID> --backup-plan file://plan-with-air-gapped-copy.json",
                "CloudFormation",
                "AirGappedVault:\n  Type: AWS::Backup::LogicallyAirGappedBackupVault\n  Properties:\n    BackupVaultName: air-gapped\n    MinRetentionDays: 7\n    MaxRetentionDays: 400"));
    }
}
