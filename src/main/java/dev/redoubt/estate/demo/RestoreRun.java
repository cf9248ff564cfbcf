package dev.redoubt.estate.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * One restore job (a backup:ListRestoreJobs member): by a restore testing plan ({@code testingPlan} set) or by hand.
 * Outcome says how a test ended; a restore by hand just completes.
 */
record RestoreRun(String jobId, RecoveryPointSpec recoveryPoint, Instant created, Instant completed, RestoreOutcome outcome,
        String createdResourceArn, RestoreTestingPlanSpec testingPlan) {

    long minutes() {
        return Duration.between(created, completed).toMinutes();
    }

    Json toJson() {
        VaultSpec vault = recoveryPoint.vault;
        boolean ran = outcome != RestoreOutcome.FAILED;
        boolean tested = testingPlan != null && ran;
        return Json.object()
                .with("AccountId", vault.account())
                .with("RestoreJobId", jobId)
                .with("RecoveryPointArn", recoveryPoint.arn)
                .with("SourceResourceArn", recoveryPoint.resource.arn)
                .with("BackupVaultArn", vault.arn)
                .with("CreationDate", created)
                .with("CompletionDate", completed)
                .with("Status", ran ? "COMPLETED" : "FAILED")
                .with("StatusMessage", ran ? null : outcome.message)
                .with("PercentDone", ran ? "100.00%" : null)
                .with("BackupSizeInBytes", recoveryPoint.sizeBytes)
                .with("IamRoleArn", Arns.backupRole(vault.account()))
                .with("CreatedResourceArn", ran ? createdResourceArn : null)
                .with("ResourceType", recoveryPoint.resource.kind.awsName)
                .with("RecoveryPointCreationDate", recoveryPoint.created)
                .with("CreatedBy", testingPlan == null ? null : Json.object().with("RestoreTestingPlanArn", testingPlan.arn))
                .with("ValidationStatus", tested ? outcome.validationStatus : null)
                .with("ValidationStatusMessage", tested && outcome == RestoreOutcome.NOT_VALIDATED ? outcome.message : null)
                .with("DeletionStatus", tested ? outcome.deletionStatus : null)
                .with("DeletionStatusMessage", tested && outcome == RestoreOutcome.NOT_CLEANED_UP ? outcome.message : null);
    }

    /** How a restore test ended. */
    enum RestoreOutcome {
        PASSED("SUCCESSFUL", "SUCCESSFUL", null),
        FAILED(null, null, "Restore failed: the DB subnet group 'restore-tests' does not exist in this account."),
        NOT_VALIDATED("FAILED", "SUCCESSFUL", "Validation query returned no rows from the orders table."),
        NOT_CLEANED_UP("SUCCESSFUL", "FAILED", "Could not delete the restored DB instance: deletion protection is enabled."),
        /** Completed and cleaned up, but no validation result was posted (validation is optional and self-run). */
        NO_VALIDATION_RESULT(null, "SUCCESSFUL", null);

        final String validationStatus;
        final String deletionStatus;
        final String message;

        RestoreOutcome(String validationStatus, String deletionStatus, String message) {
            this.validationStatus = validationStatus;
            this.deletionStatus = deletionStatus;
            this.message = message;
        }
    }
}
