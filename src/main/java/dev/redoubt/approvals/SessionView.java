package dev.redoubt.approvals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An approval session (mpa:GetSession) as the screens and the command line show it: status, each
 * approver's response, the threshold M of N, the expiry, the outcome and why.
 */
public record SessionView(String sessionArn, String approvalTeamArn, String approvalTeamName, String actionName, String protectedResourceArn,
                          String status, String statusCode, String statusMessage, int requiredApprovals, int numberOfApprovers,
                          List<ApproverVote> responses, Instant initiated, Instant expires, Instant completed, String requesterArn,
                          String requesterComment) {
    public SessionView {
        responses = responses == null ? List.of() : List.copyOf(responses);
    }

    public Outcome outcome() {
        if (status == null || "PENDING".equals(status) || "CREATING".equals(status)) {
            return Outcome.PENDING;
        }
        if ("APPROVED".equals(status)) {
            return Outcome.APPROVED;
        }
        if ("REJECTED".equals(statusCode)) {
            return Outcome.REJECTED;
        }
        if ("EXPIRED".equals(statusCode)) {
            return Outcome.EXPIRED;
        }
        return Outcome.ENDED;
    }

    public long approvals() {
        return responses.stream().filter(r -> "APPROVED".equals(r.response())).count();
    }

    public long rejections() {
        return responses.stream().filter(r -> "REJECTED".equals(r.response())).count();
    }

    /** Time left to vote at {@code now}; zero once expired or decided, null when AWS gave no expiry. */
    public Duration timeLeft(Instant now) {
        if (expires == null) {
            return null;
        }
        if (outcome().finished() || !now.isBefore(expires)) {
            return Duration.ZERO;
        }
        return Duration.between(now, expires);
    }

    /** Why the session stands where it does, in the approvers' and operators' words. */
    public String why() {
        String tally = approvals() + " of " + requiredApprovals + " required approvals";
        return switch (outcome()) {
            case PENDING -> "Waiting for approvers: " + tally + " (" + numberOfApprovers + " approvers)";
            case APPROVED -> "Approved: " + tally;
            case REJECTED -> "Rejected by " + rejections() + (rejections() == 1 ? " approver" : " approvers") + ": too few can still approve"
                    + aside();
            case EXPIRED -> "Expired" + (expires == null ? "" : " at " + WHEN.format(expires)) + " with " + tally + aside();
            case ENDED -> "Ended (" + status.toLowerCase(java.util.Locale.ROOT) + ")" + (message() == null ? "" : ": " + message());
        };
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("d MMM yyyy HH:mm 'UTC'", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    /** AWS's status message without its closing full stop (it is quoted inside a sentence). */
    private String message() {
        if (statusMessage == null || statusMessage.isBlank()) {
            return null;
        }
        String m = statusMessage.strip();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    private String aside() {
        return message() == null ? "" : " (" + message() + ")";
    }
}
