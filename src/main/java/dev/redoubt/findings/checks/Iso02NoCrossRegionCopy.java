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
 * ISO-02: an active protected resource has no completed, unexpired copy in another region made
 * within the last N days (default 7). A regional outage or a region-scoped attack takes the data and
 * its only backups together. Same rules and exclusions as ISO-01 (checks.md, "Copies"), with the
 * region instead of the account. Close to BAM's cross-region control, which reads only the plan.
 */
public final class Iso02NoCrossRegionCopy extends ResourceCheck {
    public Iso02NoCrossRegionCopy() {
        super("ISO-02", Facet.ISO, Severity.MEDIUM, "Protected resource has no recent copy in another region",
                "Without a copy in another region, a regional event takes the data and its backups together.",
                "plan CopyActions, CopyJobs", "BAM backup-resources-protected-by-cross-region (plan-side)",
                "backup:ListCopyJobs", "backup:ListRecoveryPointsByBackupVault");
    }

    @Override
    Result judge(EstateIndex x, ResourceRef r) {
        if (!ProtectedResources.isActive(x, r) || ProtectedResources.copyUnsupported(r) != null) {
            return null;
        }
        int days = x.thresholds().copyMaxAgeDays();
        Instant since = x.at().minus(Duration.ofDays(days));
        String region = r.ownerRegion();
        Copies.Destination elsewhere = Copies.otherRegion(region);
        Copies.Copy copy = Copies.recentCopy(x, r, elsewhere, since);
        Set<String> configured = Copies.configuredCopies(x, r, elsewhere, false);
        String failed = copy == null ? Copies.latestFailedCopy(x, r, elsewhere, since) : null;
        Evidence e = Evidence.at(x.at(), copy != null ? "Copied to another region: " + copy.description()
                        : configured.isEmpty() ? "No completed, unexpired copy in another region within " + days + " days, and no plan copies it there"
                        : "Copy to another region configured, never completed (within " + days + " days): " + String.join(", ", configured)
                                + (failed == null ? "" : "; latest " + failed))
                .field("ResourceRegion", region).field("ProtectedResource.ResourceType", r.resource().resourceType())
                .field("LatestCrossRegionCopy", copy == null ? null : copy.description())
                .field("ConfiguredCopyDestinations", configured).field("LatestFailedCopyJob", failed)
                .threshold("copyMaxAgeDays", days).build();
        if (copy != null) {
            return pass(r.scope(), e);
        }
        return fail(r.scope(), e, new Remediation(
                "Add a copy action to the resource's backup plan rule targeting a vault in another region; check the copy jobs complete.",
                "aws backup update-backup-plan --region " + sh(region) + " --backup-plan-id <PLAN_ID> --backup-plan file://plan-with-copy-action.json\n"
                        + "aws backup list-copy-jobs --region " + sh(region) + " --by-resource-arn " + sh(r.resource().resourceArn()),
                "CloudFormation",
                "CopyActions:\n  - DestinationBackupVaultArn: arn:aws:backup:<OTHER_REGION>:<ACCOUNT>:backup-vault:<VAULT>\n    Lifecycle:\n      DeleteAfterDays: 35"));
    }
}
