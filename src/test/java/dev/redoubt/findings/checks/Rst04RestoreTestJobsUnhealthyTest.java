package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RST-04. The AWS pages that decide it:
 * "Restore testing validation" (https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing-validation.html) and
 * "Restore testing" (https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing.html): validation is optional;
 * "PutRestoreValidationResult" (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutRestoreValidationResult.html):
 * the customer sends "independent self-run restore test validation results" (SUCCESSFUL, FAILED, TIMED_OUT, VALIDATING).
 */
class Rst04RestoreTestJobsUnhealthyTest {
    final Rst04RestoreTestJobsUnhealthy check = new Rst04RestoreTestJobsUnhealthy();

    static String planArn(ObjectNode p) {
        return p.get("RestoreTestingPlanArn").asText();
    }

    @Test
    @DisplayName("FAIL HIGH: a FAILED job, a validation FAILED, a validation TIMED_OUT and a restored resource not cleaned up "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutRestoreValidationResult.html)")
    void flagsFailedJobsFailedValidationsAndLeftovers() {
        EstateFixture f = new EstateFixture();
        ObjectNode plan = f.restoreTestingPlan(BACKUP, REGION, "weekly");
        f.restoreJob(BACKUP, REGION, plan).put("Status", "FAILED").put("StatusMessage", "snapshot not found");
        f.restoreJob(BACKUP, REGION, plan).put("ValidationStatus", "FAILED").put("ValidationStatusMessage", "no rows");
        f.restoreJob(BACKUP, REGION, plan).put("ValidationStatus", "TIMED_OUT");
        f.restoreJob(BACKUP, REGION, plan).put("DeletionStatus", "FAILED");
        Result r = about(f.run(check), planArn(plan));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.HIGH);
        assertThat(r.evidence().summary()).contains("FAILED: snapshot not found").contains("validation FAILED: no rows").contains("validation TIMED_OUT")
                .contains("not cleaned up (DeletionStatus FAILED)");
    }

    @Test
    @DisplayName("PASS: completed, validated and cleaned-up jobs (https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing.html)")
    void passesHealthyRecentJobs() {
        EstateFixture f = new EstateFixture();
        ObjectNode plan = f.restoreTestingPlan(BACKUP, REGION, "weekly");
        f.restoreJob(BACKUP, REGION, plan);
        assertThat(about(f.run(check), planArn(plan)).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("PASS: jobs with no validation result (or still VALIDATING) are named, not failed: validation is optional and self-run "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing-validation.html)")
    void jobsWithoutValidationAreNamedNotFailed() {
        EstateFixture f = new EstateFixture();
        ObjectNode plan = f.restoreTestingPlan(BACKUP, REGION, "weekly");
        ObjectNode none = f.restoreJob(BACKUP, REGION, plan);
        none.remove("ValidationStatus");
        ObjectNode validating = f.restoreJob(BACKUP, REGION, plan).put("ValidationStatus", "VALIDATING");
        Result r = about(f.run(check), planArn(plan));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence().summary()).contains("2 job(s) without a validation result (validation is optional and self-run): "
                + none.get("RestoreJobId").asText() + ", " + validating.get("RestoreJobId").asText() + " (VALIDATING)");
        assertThat(r.evidence().field("JobsWithoutValidationResult")).contains(none.get("RestoreJobId").asText());
    }

    @Test
    @DisplayName("Edge: no remediation posts a validation result it did not measure: never put-restore-validation-result SUCCESSFUL "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutRestoreValidationResult.html)")
    void neverSuggestsPostingSuccessfulWithoutValidating() {
        EstateFixture f = new EstateFixture();
        ObjectNode plan = f.restoreTestingPlan(BACKUP, REGION, "weekly");
        f.restoreJob(BACKUP, REGION, plan).put("DeletionStatus", "FAILED");
        f.restoreJob(BACKUP, REGION, plan).remove("ValidationStatus");
        Result r = about(f.run(check), planArn(plan));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.remediation().awsCli()).doesNotContain("put-restore-validation-result").doesNotContain("SUCCESSFUL");
        assertThat(r.remediation().action()).contains("posts the result it measured");
        assertThat(r.remediation().snippet()).doesNotContain("--validation-status");
    }

    @Test
    @DisplayName("No result: only jobs older than the window (RST-02 reports the plan) (checks.md, RST-04)")
    void ignoresJobsOlderThanTheWindowAndPlansWithoutRecentJobs() {
        EstateFixture f = new EstateFixture();
        ObjectNode plan = f.restoreTestingPlan(BACKUP, REGION, "weekly");
        f.restoreJob(BACKUP, REGION, plan).put("Status", "FAILED").put("CreationDate", NOW.minus(Duration.ofDays(40)).toString());
        assertThat(f.run(check)).isEmpty();
    }
}
