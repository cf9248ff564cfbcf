package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.ResourceRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;

/**
 * RST-05: the latest restore of a resource took longer than the target (default 720 minutes).
 * A restore slower than the recovery time objective is a recovery that misses it. Same semantics
 * as BAM's restore-time-for-resources-meet-target (maxRestoreTime, minutes); resources never
 * restored are RST-06's concern.
 */
public final class Rst05RestoreTooSlow extends ResourceCheck {
    public Rst05RestoreTooSlow() {
        super("RST-05", Facet.RST, Severity.MEDIUM, "Latest restore took longer than the target",
                "A restore that takes longer than the recovery time objective misses it.",
                "ProtectedResource LatestRestoreExecutionTimeMinutes", "BAM restore-time-for-resources-meet-target (same semantics)",
                "backup:DescribeProtectedResource");
    }

    @Override
    Result judge(EstateIndex x, ResourceRef r) {
        Long minutes = r.resource().latestRestoreExecutionTimeMinutes();
        if (minutes == null) {
            return null;
        }
        int max = x.thresholds().maxRestoreMinutes();
        Evidence e = Evidence.at(x.at(), "The latest restore took " + minutes + " minutes" + (minutes > max ? ", more than the " + max + "-minute target" : ""))
                .field("ProtectedResource.LatestRestoreExecutionTimeMinutes", minutes)
                .field("ProtectedResource.LatestRestoreJobCreationDate", r.resource().latestRestoreJobCreationDate())
                .threshold("maxRestoreMinutes", max).build();
        if (minutes <= max) {
            return pass(r.scope(), e);
        }
        return fail(r.scope(), e, new Remediation(
                "Find where the restore spends its time (restore job metadata), then shorten it (smaller volumes, faster storage class, warm rather than cold tier) or revise the target with the business.",
                "aws backup list-restore-jobs-by-protected-resource --region " + sh(r.ownerRegion()) + " --resource-arn " + sh(r.resource().resourceArn()),
                "CloudFormation",
                "Framework:\n  Type: AWS::Backup::Framework\n  Properties:\n    FrameworkControls:\n      - ControlName: RESTORE_TIME_FOR_RESOURCES_MEET_TARGET\n        ControlInputParameters:\n          - ParameterName: maxRestoreTime\n            ParameterValue: '" + max + "'"));
    }
}
