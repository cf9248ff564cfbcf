package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A restore job: one read from the estate (served as captured), or one started in the sandbox, which
 * moves PENDING, RUNNING, COMPLETED (or FAILED) on the sandbox's clock. Its state is computed from the
 * clock when read, so advancing the clock is all it takes. Times are estate times.
 */
final class RestoreJobEntry {
    /** How long a started job waits before it runs. */
    static final Duration PENDING = Duration.ofMinutes(1);

    private final ObjectNode base;
    private final boolean started;
    private final Instant created;
    private final Duration running;
    private final String failure;
    private final String createdResourceArn;
    private final String idempotencyToken;
    private String validationStatus;
    private String validationMessage;

    private RestoreJobEntry(ObjectNode base, boolean started, Instant created, Duration running, String failure,
                            String createdResourceArn, String idempotencyToken) {
        this.base = base;
        this.started = started;
        this.created = created;
        this.running = running;
        this.failure = failure;
        this.createdResourceArn = createdResourceArn;
        this.idempotencyToken = idempotencyToken;
    }

    static RestoreJobEntry fromEstate(ObjectNode json) {
        return new RestoreJobEntry(json, false, null, null, null, null, null);
    }

    /** A job started now: it fails with {@code failure} after the pending minute, or completes after {@code running}. */
    static RestoreJobEntry started(ObjectNode json, Instant created, Duration running, String failure, String createdResourceArn,
                                   String idempotencyToken) {
        return new RestoreJobEntry(json, true, created, running, failure, createdResourceArn, idempotencyToken);
    }

    /** The IamRoleArn of a job read from the estate (null for one started in the sandbox: its role proves nothing). */
    String estateRoleArn() {
        return started ? null : base.path("IamRoleArn").asText(null);
    }

    /** True for a job a restore testing plan started (CreatedBy.RestoreTestingPlanArn). */
    boolean byRestoreTesting() {
        return !base.path("CreatedBy").path("RestoreTestingPlanArn").asText("").isEmpty();
    }

    String idempotencyToken() {
        return idempotencyToken;
    }

    String id() {
        return base.path("RestoreJobId").asText();
    }

    String status(Instant estateNow) {
        return view(estateNow).path("Status").asText();
    }

    void validate(String status, String message) {
        this.validationStatus = status;
        this.validationMessage = message;
    }

    /** The job as ListRestoreJobs / DescribeRestoreJob answer it at {@code estateNow}. */
    ObjectNode view(Instant estateNow) {
        ObjectNode out = base.deepCopy();
        if (started) {
            Instant runsAt = created.plus(PENDING);
            Instant doneAt = runsAt.plus(running);
            out.put("ExpectedCompletionTimeMinutes", Math.max(1, PENDING.plus(running).toMinutes()));
            if (estateNow.isBefore(runsAt)) {
                out.put("Status", "PENDING");
                out.put("PercentDone", "0.00%");
            } else if (failure != null) {
                out.put("Status", "FAILED");
                out.put("StatusMessage", failure);
                out.put("CompletionDate", runsAt.toString());
            } else if (estateNow.isBefore(doneAt)) {
                double pct = 100.0 * Duration.between(runsAt, estateNow).toMillis() / Math.max(1, running.toMillis());
                out.put("Status", "RUNNING");
                out.put("PercentDone", String.format(Locale.ROOT, "%.2f%%", Math.min(99.99, pct)));
            } else {
                out.put("Status", "COMPLETED");
                out.put("PercentDone", "100.00%");
                out.put("CompletionDate", doneAt.toString());
                out.put("CreatedResourceArn", createdResourceArn);
            }
        }
        if (validationStatus != null) {
            out.put("ValidationStatus", validationStatus);
            if (validationMessage != null) {
                out.put("ValidationStatusMessage", validationMessage);
            }
        }
        return out;
    }
}
