package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.ResourceRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;

/**
 * RST-06: a protected resource has never been restored or restore-tested. Nobody knows whether
 * its backups restore, how long it takes, or what the restored copy needs to work.
 */
public final class Rst06NeverRestored extends ResourceCheck {
    public Rst06NeverRestored() {
        super("RST-06", Facet.RST, Severity.LOW, "Protected resource has never been restored or restore-tested",
                "A resource never restored has backups of unknown restorability and an unknown restore time.",
                "LastRestoreTime, LatestRestoreJobCreationDate", "-", "backup:DescribeProtectedResource");
    }

    @Override
    Result judge(EstateIndex x, ResourceRef r) {
        var res = r.resource();
        boolean restored = res.lastRestoreTime() != null || res.latestRestoreJobCreationDate() != null;
        Evidence e = Evidence.at(x.at(), restored ? "Last restored " + (res.lastRestoreTime() != null ? res.lastRestoreTime() : res.latestRestoreJobCreationDate())
                        : "The resource has never been restored or restore-tested")
                .field("ProtectedResource.LastRestoreTime", res.lastRestoreTime())
                .field("ProtectedResource.LatestRestoreJobCreationDate", res.latestRestoreJobCreationDate()).build();
        if (restored) {
            return pass(r.scope(), e);
        }
        String type = res.resourceType() == null ? "EBS" : res.resourceType();
        return fail(r.scope(), e, new Remediation(
                "Restore the resource once (a drill) or add it to a restore testing selection so it is restored on a schedule.",
                "aws backup create-restore-testing-selection --region " + sh(r.ownerRegion()) + " --restore-testing-plan-name <PLAN> --restore-testing-selection "
                        + sh("{\"RestoreTestingSelectionName\":" + json(type.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_resource")
                        + ",\"ProtectedResourceType\":" + json(type) + ",\"IamRoleArn\":\"<RESTORE_ROLE_ARN>\",\"ProtectedResourceArns\":["
                        + json(res.resourceArn()) + "]}"),
                "CloudFormation",
                "RestoreTestingSelection:\n  Type: AWS::Backup::RestoreTestingSelection\n  Properties:\n    RestoreTestingPlanName: <PLAN>\n    RestoreTestingSelectionName: selected_resources\n    ProtectedResourceType: " + yaml(type)
                        + "\n    IamRoleArn: <RESTORE_ROLE_ARN>\n    ProtectedResourceArns: [" + yaml(res.resourceArn()) + "]"));
    }
}
