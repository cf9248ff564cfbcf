package dev.redoubt.ui.drills;

import dev.redoubt.drills.CheckResult;
import dev.redoubt.drills.DrillStatus;
import dev.redoubt.drills.DrillStep;
import dev.redoubt.drills.DrillText;
import dev.redoubt.findings.Status;
import java.time.Duration;
import java.util.Locale;

/** The drills screens' words: statuses, steps, identities and durations as backup admins and auditors say them. */
public final class DrillWords {
    public static final String REHEARSAL = "REHEARSAL";
    public static final String REHEARSAL_BANNER = "Rehearsal in the sandbox: not evidence of a verified restore";
    public static final String OPERATOR_NEEDED = "Sign in as an operator to run a drill";
    public static final String CANNOT_STOP = "AWS cannot stop a restore job once it has started: it runs to its end. "
            + "You can stop following it here, or abandon the drill (the job still finishes in AWS, and its resource must still be deleted).";

    private DrillWords() {
    }

    /** Where a drill stands, in words; an interrupted one says so. */
    public static String status(DrillStatus status, boolean interrupted) {
        if (status == null) {
            return "Not known";
        }
        String s = switch (status) {
            case PREPARING -> "Preparing";
            case RESTORING -> "Restoring";
            case VALIDATING -> "Validating";
            case AWAITING_SIGN_OFF -> "Waiting for sign-off";
            case SIGNED_OFF -> "Signed off";
            case ABANDONED -> "Abandoned";
        };
        return interrupted && !status.finished() ? "Interrupted while " + s.toLowerCase(Locale.ROOT) : s;
    }

    /** A journaled step in words. */
    public static String step(DrillStep step) {
        return step == null ? "Step" : DrillText.step(step);
    }

    /** "ok", "failed", "skipped" as the steps list shows them. */
    public static String outcome(String outcome) {
        if (outcome == null) {
            return "—";
        }
        return switch (outcome) {
            case "ok" -> "Done";
            case "failed" -> "Failed";
            case "skipped" -> "Skipped";
            default -> capitalized(outcome);
        };
    }

    /** PASS / FAIL / UNKNOWN of a preflight item. */
    public static String verdict(Status status) {
        if (status == null) {
            return "Not known";
        }
        return switch (status) {
            case PASS -> "Pass";
            case FAIL -> "Fail";
            default -> "Not known";
        };
    }

    public static String check(CheckResult.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "Passed";
            case FAILED -> "Failed";
            case NOT_DONE -> "Not done";
        };
    }

    /**
     * Whether AWS took the validation result (PutRestoreValidationResult), from what the journal says:
     * {@code sent} SUCCESSFUL / FAILED, or the validate step's text with AWS's refusal.
     */
    public static String validationToAws(String sent, String stepText) {
        if (sent != null) {
            return "AWS accepted the validation result (" + ("SUCCESSFUL".equals(sent) ? "successful" : "failed") + ").";
        }
        String marker = "AWS did not take the result: ";
        if (stepText != null && stepText.contains(marker)) {
            String why = stepText.substring(stepText.indexOf(marker) + marker.length()).strip();
            if (why.contains("restore testing")) {
                return "Recorded in the journal; AWS did not take the result: it takes validation results only for restores started by a "
                        + "restore testing plan, not for one started by hand.";
            }
            return "Recorded in the journal; AWS did not take the result: " + (why.endsWith(".") ? why : why + ".");
        }
        return "Recorded in the journal; not sent to AWS.";
    }

    /** A restore job's status: PENDING is "Waiting to start". */
    public static String job(String status) {
        if (status == null || status.isBlank()) {
            return "Not started";
        }
        return switch (status) {
            case "PENDING" -> "Waiting to start";
            case "RUNNING" -> "Running";
            case "COMPLETED" -> "Completed";
            case "FAILED" -> "Failed";
            case "ABORTED" -> "Stopped by AWS";
            case "SKIPPED" -> "Not started: the one before it failed";
            default -> capitalized(status);
        };
    }

    /**
     * Who, short: "alice (BackupOperator)" of an SSO session's assumed-role ARN, "deploy" of an IAM
     * user's ARN; anything else as it is.
     */
    public static String who(String identity) {
        if (identity == null || identity.isBlank()) {
            return "—";
        }
        int ar = identity.indexOf(":assumed-role/");
        if (ar >= 0) {
            String[] parts = identity.substring(ar + ":assumed-role/".length()).split("/");
            if (parts.length >= 2) {
                return parts[1] + " (" + roleName(parts[0]) + ")";
            }
        }
        int user = identity.indexOf(":user/");
        if (user >= 0) {
            String name = identity.substring(user + ":user/".length());
            return name.substring(name.lastIndexOf('/') + 1);
        }
        return identity;
    }

    /** Just the person: "alice" of an SSO session's ARN (where a column is narrow; the full identity on hover). */
    public static String person(String identity) {
        String w = who(identity);
        int cut = w.indexOf(" (");
        return cut > 0 ? w.substring(0, cut) : w;
    }

    /** "BackupOperator" of "AWSReservedSSO_BackupOperator_0123abcd". */
    static String roleName(String role) {
        if (role.startsWith("AWSReservedSSO_")) {
            String r = role.substring("AWSReservedSSO_".length());
            int cut = r.lastIndexOf('_');
            return cut > 0 ? r.substring(0, cut) : r;
        }
        return role;
    }

    /** "45 s", "4 min 12 s", "1 h 3 min", "2 d 3 h" (DrillText's words), whole seconds on screen ("0 s", never "265 ms"); "—" for none. */
    public static String duration(Duration d) {
        if (d == null) {
            return "—";
        }
        return !d.isNegative() && d.toMillis() < 1000 ? "0 s" : DrillText.duration(d);
    }

    /** "Restored in 4 min 12 s (target 12 h)", or what is missing. */
    public static String rto(Duration rto, Duration target) {
        if (rto == null) {
            return "Not measured: no restore job completed";
        }
        String t = target == null ? "" : " (target " + duration(target) + ")";
        return "Restored in " + duration(rto) + t + (target != null && rto.compareTo(target) > 0 ? ": over the target" : "");
    }

    /** "26 h (the recovery point's age when its restore started)". */
    public static String rpo(Duration rpo) {
        return rpo == null ? "—" : duration(rpo) + " of data would be lost (the recovery point's age when its restore started)";
    }

    /** The first 12 characters of a journal entry's hash. */
    public static String shortHash(String hash) {
        return hash == null ? "—" : hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    private static String capitalized(String constant) {
        String s = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
