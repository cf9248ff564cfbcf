package dev.redoubt.findings.checks;

import dev.redoubt.estate.RestoreJob;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.TestPlanRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * RST-04: recent restore-test jobs of a plan failed, were not validated, or their restored
 * resources were not cleaned up. A failed test is a backup that does not restore; an unvalidated
 * one proves only that bytes came back; a leftover restored copy is data outside the vault's
 * protections. Recent = within the restore-test window (default 30 days). Plans with no recent
 * job are RST-02's concern and get no result here.
 */
public final class Rst04RestoreTestJobsUnhealthy extends TestPlanCheck {
    private static final Set<String> FAILED = Set.of("FAILED", "ABORTED");
    private static final Set<String> VALIDATION_BAD = Set.of("FAILED", "TIMED_OUT");

    public Rst04RestoreTestJobsUnhealthy() {
        super("RST-04", Facet.RST, Severity.HIGH, "Recent restore-test jobs failed, were not validated or not cleaned up",
                "A failed or unvalidated restore test means the backup may not restore; a leftover restored resource is unprotected data.",
                "RestoreJobs Status, ValidationStatus, DeletionStatus", "-", "backup:ListRestoreJobs");
    }

    @Override
    Result judge(EstateIndex x, TestPlanRef p) {
        int days = x.thresholds().restoreTestMaxAgeDays();
        Instant since = x.at().minus(Duration.ofDays(days));
        List<String> problems = new ArrayList<>();
        int recent = 0;
        for (RestoreJob j : x.restoreJobsOf(p.plan().restoreTestingPlanArn())) {
            if (j.creationDate() == null || j.creationDate().isBefore(since) || j.creationDate().isAfter(x.at())) {
                continue;
            }
            recent++;
            String id = "job " + j.restoreJobId() + " (" + j.creationDate() + ")";
            if (FAILED.contains(j.status())) {
                problems.add(id + " " + j.status() + (j.statusMessage() == null ? "" : ": " + j.statusMessage()));
            } else if ("COMPLETED".equals(j.status())) {
                if (j.validationStatus() == null || VALIDATION_BAD.contains(j.validationStatus())) {
                    problems.add(id + " not validated (ValidationStatus " + (j.validationStatus() == null ? "absent" : j.validationStatus()) + ")");
                }
                if ("FAILED".equals(j.deletionStatus())) {
                    problems.add(id + " restored resource " + j.createdResourceArn() + " not cleaned up (DeletionStatus FAILED)");
                }
            }
        }
        if (recent == 0) {
            return null;
        }
        Evidence e = Evidence.at(x.at(), problems.isEmpty() ? recent + " recent restore-test job(s), all completed, validated and cleaned up"
                        : String.join("; ", problems))
                .field("RecentJobs", recent).field("Problems", problems).threshold("restoreTestMaxAgeDays", days).build();
        if (problems.isEmpty()) {
            return pass(p.scope(), e);
        }
        return fail(p.scope(), e, new Remediation(
                "Investigate each failed job (its StatusMessage), add a validation step (an EventBridge rule on restore-job completion calling PutRestoreValidationResult), and delete restored resources left behind.",
                "aws backup list-restore-jobs --region " + p.where().region() + " --by-restore-testing-plan-arn " + sh(p.plan().restoreTestingPlanArn()) + "\n"
                        + "aws backup put-restore-validation-result --region " + p.where().region() + " --restore-job-id <RESTORE_JOB_ID> --validation-status SUCCESSFUL",
                "CloudFormation",
                "RestoreValidationRule:\n  Type: AWS::Events::Rule\n  Properties:\n    EventPattern:\n      source: [aws.backup]\n      detail-type: [Restore Job State Change]\n      detail:\n        status: [COMPLETED]\n    Targets:\n      - Arn: !GetAtt ValidateRestoreFunction.Arn\n        Id: validate"));
    }
}
