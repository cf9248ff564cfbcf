package dev.redoubt.services;

import java.time.Duration;
import java.util.Locale;

/** Multi-party approval's codes in the words of a backup admin or an auditor; an unknown code is shown as AWS sent it, a missing one as "not read". */
public final class ApprovalWords {
    /** What was not read (null): never a guess. */
    public static final String NOT_READ = "not read";
    /** Nothing to show. */
    public static final String NONE = "—";

    private ApprovalWords() {
    }

    /** "45 s", "12 min", "1 h 20 min", "2 d 3 h" (as the window's lists write durations). */
    public static String duration(Duration d) {
        if (d == null) {
            return NONE;
        }
        long s = Math.abs(d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        long m = s / 60;
        if (m < 60) {
            return m + " min";
        }
        long h = m / 60;
        if (h < 48) {
            return h + " h" + (m % 60 == 0 ? "" : " " + (m % 60) + " min");
        }
        return h / 24 + " d" + (h % 24 == 0 ? "" : " " + (h % 24) + " h");
    }

    /** The last part of a vault's ARN (its name), else the resource part of an ARN. */
    public static String shortArn(String arn) {
        if (arn == null) {
            return NONE;
        }
        String[] p = arn.split(":", 6);
        if (p.length < 6) {
            return arn;
        }
        String r = p[5];
        int colon = r.indexOf(':');
        if (colon > 0 && (r.startsWith("backup-vault:") || r.startsWith("backup-plan:") || r.startsWith("restore-testing-plan:")
                || r.startsWith("recovery-point:"))) {
            return r.substring(colon + 1);
        }
        return r;
    }

    /** A team's Status and StatusCode in words: "Active", "Pending activation", "Update pending approval". */
    public static String teamStatus(String status, String statusCode) {
        if (statusCode != null) {
            String code = teamStatusCode(statusCode);
            if (code != null) {
                return code;
            }
        }
        if (status == null) {
            return NOT_READ;
        }
        return switch (status) {
            case "ACTIVE" -> "Active";
            case "INACTIVE" -> "Inactive";
            case "DELETING" -> "Being deleted";
            case "PENDING" -> "Pending";
            default -> status;
        };
    }

    /** A team's StatusCode in words; null for none. */
    public static String teamStatusCode(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "VALIDATING" -> "Being validated";
            case "PENDING_ACTIVATION" -> "Pending activation";
            case "FAILED_VALIDATION" -> "Validation failed";
            case "FAILED_ACTIVATION" -> "Activation failed";
            case "UPDATE_PENDING_APPROVAL" -> "Update pending approval";
            case "UPDATE_PENDING_ACTIVATION" -> "Update pending activation";
            case "UPDATE_FAILED_APPROVAL" -> "Update not approved";
            case "UPDATE_FAILED_ACTIVATION" -> "Update activation failed";
            case "UPDATE_FAILED_VALIDATION" -> "Update validation failed";
            case "DELETE_PENDING_APPROVAL" -> "Deletion pending approval";
            case "DELETE_FAILED_APPROVAL" -> "Deletion not approved";
            case "DELETE_FAILED_VALIDATION" -> "Deletion validation failed";
            default -> code;
        };
    }

    /** True for a team that can approve: active with no failed or pending change. */
    public static boolean healthy(String status, String statusCode) {
        return "ACTIVE".equals(status) && (statusCode == null || !statusCode.contains("FAILED"));
    }

    /** An approver's PrimaryIdentityStatus in words. */
    public static String identityStatus(String status) {
        if (status == null) {
            return NOT_READ;
        }
        return switch (status) {
            case "ACCEPTED" -> "accepted";
            case "PENDING" -> "invited, not accepted";
            case "REJECTED" -> "declined the invitation";
            case "INVALID" -> "identity no longer valid";
            default -> status.toLowerCase(Locale.ROOT);
        };
    }

    /** A vote: "Approved", "Rejected", "No response". */
    public static String response(String response) {
        if (response == null) {
            return NOT_READ;
        }
        return switch (response) {
            case "APPROVED" -> "Approved";
            case "REJECTED" -> "Rejected";
            case "NO_RESPONSE" -> "No response";
            default -> response;
        };
    }

    /** A session's outcome: Status with StatusCode ("Expired: not enough approvals before the deadline"). */
    public static String outcome(String status, String statusCode) {
        if (statusCode != null) {
            switch (statusCode) {
                case "REJECTED":
                    return "Rejected: an approver voted no, so the approvals needed can no longer be reached";
                case "EXPIRED":
                    return "Expired: not enough approvals before the deadline";
                case "CONFIGURATION_CHANGED":
                    return "Cancelled: the team changed while the request was open";
                case "ALL_APPROVERS_IN_SESSION":
                    return "Cancelled: every approver of the team is already in a session";
                default:
                    break;
            }
        }
        if (status == null) {
            return NOT_READ;
        }
        return switch (status) {
            case "PENDING" -> "Waiting for approvals";
            case "CREATING" -> "Being created";
            case "APPROVED" -> "Approved";
            case "CANCELLED" -> "Cancelled" + (statusCode == null ? "" : " (" + statusCode + ")");
            case "FAILED" -> "Failed" + (statusCode == null ? "" : " (" + statusCode + ")");
            default -> status + (statusCode == null ? "" : " (" + statusCode + ")");
        };
    }

    /** The action a session approves, in words. */
    public static String action(String actionName) {
        if (actionName == null) {
            return NOT_READ;
        }
        return switch (actionName) {
            case "backup:CreateRestoreAccessBackupVault" -> "Open restore access to an air-gapped vault";
            case "backup:RevokeRestoreAccessBackupVault" -> "Revoke restore access";
            case "backup:AssociateBackupVaultMpaApprovalTeam" -> "Change the vault's approval team";
            case "backup:DisassociateBackupVaultMpaApprovalTeam" -> "Remove the vault's approval team";
            case "mpa:UpdateApprovalTeam" -> "Change the team's approvers or threshold";
            case "mpa:StartActiveApprovalTeamDeletion" -> "Delete the team";
            default -> actionName;
        };
    }

    /** "2 of 3"; "not read" when the threshold or the team size is missing. */
    public static String threshold(Integer need, Integer of) {
        if (need == null) {
            return NOT_READ;
        }
        return need + " of " + (of == null ? "?" : of);
    }

    /** What the threshold means: "any 2 of these 3 people approve". */
    public static String meaning(Integer need, Integer of) {
        if (need == null || of == null) {
            return "Redoubt did not read how many approvals the team needs.";
        }
        if (need >= of) {
            return (of == 1 ? "the one approver approves" : of == 2 ? "both of these people approve" : "all " + of + " of these people approve")
                    + " (nobody may be away)";
        }
        return "any " + need + " of these " + of + " people approve";
    }

    /** "expires in 2 d 4 h", "expired 3 d ago"; "not read" without an expiry. */
    public static String expiry(java.time.Instant expires, java.time.Instant at) {
        if (expires == null || at == null) {
            return "expiry " + NOT_READ;
        }
        Duration left = Duration.between(at, expires);
        return left.isNegative() ? "expired " + duration(left.negated()) + " ago" : "expires in " + duration(left);
    }
}
