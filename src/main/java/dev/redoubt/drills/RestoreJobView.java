package dev.redoubt.drills;

import java.time.Instant;

/**
 * A restore job as DescribeRestoreJob answers it: status (PENDING, RUNNING, COMPLETED, ABORTED, FAILED),
 * AWS's status message, percent done (null when not given), expected completion in minutes (null when
 * not given), AWS's creation and completion times, the created resource, and the validation status.
 */
public record RestoreJobView(String restoreJobId, String accountId, String status, String statusMessage, Double percentDone,
                             Long expectedCompletionMinutes, Instant creationDate, Instant completionDate, String createdResourceArn,
                             String resourceType, String recoveryPointArn, String iamRoleArn, String validationStatus,
                             String validationStatusMessage) {
    public boolean ended() {
        return "COMPLETED".equals(status) || "FAILED".equals(status) || "ABORTED".equals(status);
    }
}
