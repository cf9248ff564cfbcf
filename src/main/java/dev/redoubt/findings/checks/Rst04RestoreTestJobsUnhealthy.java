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
 * RST-04: recent restore-test jobs of a plan failed (Status FAILED or ABORTED), their self-run
 * validation reported a failure (ValidationStatus FAILED or TIMED_OUT), or their restored resources
 * were not cleaned up (DeletionStatus FAILED). A failed test is a backup that does not restore; a
 * leftover restored copy is data outside the vault's protections. Validation is optional and run by
 * the customer: restore testing validates nothing itself, and a job with no ValidationStatus (or one
 * still VALIDATING) only lacks a result the customer never sent
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing-validation.html; "your
 * independent self-run restore test validation results",
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutRestoreValidationResult.html). Such
 * jobs are named in the evidence, never failed, and the only advice for them is to run a real
 * validation and post what it found. Recent = within the restore-test window (default 30 days).
 * Plans with no recent job are RST-02's concern and get no result here.
 */
public final class Rst04RestoreTestJobsUnhealthy extends TestPlanCheck {
    private static final Set<String> FAILED = Set.of("FAILED", "ABORTED");
    private static final Set<String> VALIDATION_BAD = Set.of("FAILED", "TIMED_OUT");

    public Rst04RestoreTestJobsUnhealthy() {
        super("RST-04", Facet.RST, Severity.HIGH, "Recent restore-test jobs failed, failed validation or were not cleaned up",
                "A failed restore test means the backup may not restore; a leftover restored resource is unprotected data.",
                "RestoreJobs Status, ValidationStatus, DeletionStatus", "-", "backup:ListRestoreJobs");
    }

    @Override
    Result judge(EstateIndex x, TestPlanRef p) {
        int days = x.thresholds().restoreTestMaxAgeDays();
        Instant since = x.at().minus(Duration.ofDays(days));
        List<String> problems = new ArrayList<>();
        List<String> unvalidated = new ArrayList<>();
        boolean failedJobs = false;
        boolean failedValidation = false;
        boolean leftovers = false;
        int recent = 0;
        for (RestoreJob j : x.restoreJobsOf(p.plan().restoreTestingPlanArn())) {
            if (j.creationDate() == null || j.creationDate().isBefore(since) || j.creationDate().isAfter(x.at())) {
                continue;
            }
            recent++;
            String id = "job " + j.restoreJobId() + " (" + j.creationDate() + ")";
            if (j.status() != null && FAILED.contains(j.status())) {
                failedJobs = true;
                problems.add(id + " " + j.status() + (j.statusMessage() == null ? "" : ": " + j.statusMessage()));
                continue;
            }
            if (!"COMPLETED".equals(j.status())) {
                continue;
            }
            if (j.validationStatus() != null && VALIDATION_BAD.contains(j.validationStatus())) {
                failedValidation = true;
                problems.add(id + " validation " + j.validationStatus() + (j.validationStatusMessage() == null ? "" : ": " + j.validationStatusMessage()));
            } else if (j.validationStatus() == null || "VALIDATING".equals(j.validationStatus())) {
                unvalidated.add(j.restoreJobId() + (j.validationStatus() == null ? "" : " (VALIDATING)"));
            }
            if ("FAILED".equals(j.deletionStatus())) {
                leftovers = true;
                problems.add(id + " restored resource " + j.createdResourceArn() + " not cleaned up (DeletionStatus FAILED"
                        + (j.deletionStatusMessage() == null ? ")" : ": " + j.deletionStatusMessage() + ")"));
            }
        }
        if (recent == 0) {
            return null;
        }
        String note = unvalidated.isEmpty() ? "" : "; " + unvalidated.size() + " job(s) without a validation result (validation is optional and self-run): "
                + String.join(", ", unvalidated);
        Evidence e = Evidence.at(x.at(), (problems.isEmpty() ? recent + " recent restore-test job(s): none failed, none failed validation, all cleaned up"
                        : String.join("; ", problems)) + note)
                .field("RecentJobs", recent).field("Problems", problems).field("JobsWithoutValidationResult", unvalidated)
                .threshold("restoreTestMaxAgeDays", days).build();
        if (problems.isEmpty()) {
            return pass(p.scope(), e);
        }
        List<String> steps = new ArrayList<>();
        if (failedJobs) {
            steps.add("fix what made each failed job fail (its StatusMessage: a missing subnet group, key access, a restore metadata override) and check the next run completes");
        }
        if (failedValidation) {
            steps.add("investigate the recovery points whose restored data failed your validation (or whose validation timed out) before you need them");
        }
        if (leftovers) {
            steps.add("delete the restored resources left behind (deletion protection or dependencies blocked AWS Backup) and remove the blocker from the restore metadata");
        }
        if (!unvalidated.isEmpty()) {
            steps.add("optionally validate the jobs without a result: an EventBridge rule on restore-job completion invoking a Lambda that checks the restored resource and posts the result it measured with PutRestoreValidationResult");
        }
        String todo = String.join("; ", steps);
        return fail(p.scope(), e, new Remediation(Character.toUpperCase(todo.charAt(0)) + todo.substring(1) + ".",
                "aws backup list-restore-jobs --region " + sh(p.where().region()) + " --by-restore-testing-plan-arn " + sh(p.plan().restoreTestingPlanArn()) + "\n"
                        + "aws backup describe-restore-job --region " + sh(p.where().region()) + " --restore-job-id <RESTORE_JOB_ID>",
                "CloudFormation",
                "RestoreValidationRule:\n  Type: AWS::Events::Rule\n  Properties:\n    EventPattern:\n      source: [aws.backup]\n      detail-type: [Restore Job State Change]\n      detail:\n        status: [COMPLETED]\n    Targets:\n      - Arn: !GetAtt ValidateRestoreFunction.Arn\n        Id: validate\n# ValidateRestoreFunction checks the restored resource and calls PutRestoreValidationResult with the outcome it measured (SUCCESSFUL or FAILED)"));
    }
}
