package dev.redoubt.ui.restoretests;

import dev.redoubt.ui.restorejobs.RestoreJobRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a restore testing plan's latest run ended, from the restore jobs it started: the jobs created
 * within one start window of the newest one. Validation is optional and self-run, so a job without
 * a validation result is said as such, never as a failure (checks.md, RST-04).
 */
public record TestOutcome(Kind kind, String text, int jobs) {
    public enum Kind {
        /** Every job completed and was validated. */
        PASSED,
        /** Every job completed; some have no validation result. */
        UNVALIDATED,
        /** Some job is still pending or running. */
        RUNNING,
        /** A job failed or was aborted, a validation failed or timed out, or a restored resource was left behind. */
        FAILED,
        /** The capture holds no job of the plan. */
        NONE
    }

    public static final TestOutcome NONE = new TestOutcome(Kind.NONE, "No job in the capture", 0);

    /** The outcome of the latest run among {@code jobs} (any order); {@code startWindowHours} null: 24. */
    public static TestOutcome of(List<RestoreJobRow> jobs, Integer startWindowHours) {
        Instant newest = null;
        for (RestoreJobRow j : jobs) {
            if (j.created() != null && (newest == null || j.created().isAfter(newest))) {
                newest = j.created();
            }
        }
        if (newest == null) {
            return NONE;
        }
        Instant from = newest.minus(Duration.ofHours(startWindowHours == null || startWindowHours <= 0 ? 24 : startWindowHours));
        List<RestoreJobRow> run = new ArrayList<>();
        for (RestoreJobRow j : jobs) {
            if (j.created() != null && !j.created().isBefore(from)) {
                run.add(j);
            }
        }
        return ofRun(run);
    }

    /** The outcome of these jobs, taken as one run. */
    public static TestOutcome ofRun(List<RestoreJobRow> run) {
        int n = run.size();
        if (n == 0) {
            return NONE;
        }
        int failed = 0;
        int validationFailed = 0;
        int leftBehind = 0;
        int running = 0;
        int unvalidated = 0;
        for (RestoreJobRow j : run) {
            String status = j.job().status();
            String validation = j.job().validationStatus();
            if ("FAILED".equals(status) || "ABORTED".equals(status)) {
                failed++;
            } else if ("PENDING".equals(status) || "RUNNING".equals(status)) {
                running++;
            } else {
                if ("FAILED".equals(validation) || "TIMED_OUT".equals(validation)) {
                    validationFailed++;
                } else if (!"SUCCESSFUL".equals(validation)) {
                    unvalidated++;
                }
                if ("FAILED".equals(j.job().deletionStatus())) {
                    leftBehind++;
                }
            }
        }
        String of = n == 1 ? "" : " of " + n;
        if (failed + validationFailed + leftBehind > 0) {
            List<String> parts = new ArrayList<>();
            if (failed > 0) {
                parts.add(n == 1 ? "the restore failed" : failed + of + " restores failed");
            }
            if (validationFailed > 0) {
                parts.add(n == 1 ? "validation failed" : "validation failed on " + validationFailed + of);
            }
            if (leftBehind > 0) {
                parts.add(leftBehind == 1 ? "a restored resource was left behind" : leftBehind + " restored resources were left behind");
            }
            return new TestOutcome(Kind.FAILED, capitalized(String.join("; ", parts)), n);
        }
        if (running > 0) {
            return new TestOutcome(Kind.RUNNING, n == 1 ? "Running" : running + of + " still running", n);
        }
        if (unvalidated > 0) {
            return new TestOutcome(Kind.UNVALIDATED, n == 1 ? "Restored, no validation result"
                    : "Restored " + n + " of " + n + ", " + unvalidated + " without a validation result", n);
        }
        return new TestOutcome(Kind.PASSED, n == 1 ? "Restored and validated" : "Restored and validated " + n + " of " + n, n);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
