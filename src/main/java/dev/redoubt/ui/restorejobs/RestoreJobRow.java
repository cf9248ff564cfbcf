package dev.redoubt.ui.restorejobs;

import dev.redoubt.estate.RestoreJob;
import java.time.Instant;
import java.util.Set;

/**
 * One restore job as the screens show it: where it ran, what it restored, how long it took against
 * the restore-time target (maxRestoreMinutes), how it ended and who started it (a restore testing
 * plan, or someone by hand). Immutable, built off the FX thread.
 *
 * @param minutes from creation to completion; null while it runs or when AWS gave no dates
 * @param testingPlanArn the restore testing plan that started it; null for a restore by hand
 * @param resourceName the restored resource's name (as AWS Backup lists it, else the end of its ARN); null when unknown
 * @param testingPlanName that plan's name (from its ARN when the capture does not hold the plan)
 * @param search what the text filter looks in, lower case
 */
public record RestoreJobRow(
        RestoreJob job,
        String jobId,
        String accountId,
        String accountName,
        String region,
        String resourceType,
        String recoveryPointArn,
        String vaultArn,
        String sourceResourceArn,
        String resourceName,
        Instant created,
        Instant completed,
        Long minutes,
        int targetMinutes,
        String testingPlanArn,
        String testingPlanName,
        String search) {
    private static final Set<String> FAILED = Set.of("FAILED", "ABORTED");
    private static final Set<String> VALIDATION_FAILED = Set.of("FAILED", "TIMED_OUT");

    public boolean byRestoreTest() {
        return testingPlanArn != null;
    }

    public boolean overTarget() {
        return minutes != null && minutes > targetMinutes;
    }

    /** The job failed or was aborted, or its validation failed or timed out. */
    public boolean failed() {
        return job.status() != null && FAILED.contains(job.status())
                || job.validationStatus() != null && VALIDATION_FAILED.contains(job.validationStatus());
    }

    /** Completed, and (for a restore test) validated successfully. */
    public boolean passed() {
        return "COMPLETED".equals(job.status()) && (!byRestoreTest() || "SUCCESSFUL".equals(job.validationStatus()));
    }

    public String statusText() {
        return RestoreJobWords.status(job.status());
    }

    /** The validation result; "—" where none is to be expected (a restore by hand, a restore that failed). */
    public String validationText() {
        boolean expected = byRestoreTest() && !(job.status() != null && FAILED.contains(job.status()));
        return RestoreJobWords.validation(job.validationStatus(), expected);
    }

    public String resourceTypeText() {
        return RestoreJobWords.resourceType(resourceType);
    }

    /** "3 h 12 min", "3 h 12 min (over the 12 h target)", "running", "—". */
    public String durationText() {
        if (minutes == null) {
            return "PENDING".equals(job.status()) || "RUNNING".equals(job.status()) ? "still running" : "—";
        }
        return RestoreJobWords.minutes(minutes) + (overTarget() ? " (over the " + RestoreJobWords.minutes((long) targetMinutes) + " target)" : "");
    }

    /** The restore testing plan's name, or "manual" for a restore someone started. */
    public String createdByText() {
        return byRestoreTest() ? testingPlanName : "manual";
    }
}
