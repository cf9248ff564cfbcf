package dev.redoubt.approvals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The multi-party approval behind a restore-access vault, as the journal recorded it (for a drill that
 * restored through the vault: its report and the command line): who asked and why, each vote seen, the
 * outcome, and the revocation. Numbers the journal did not record are null; an outcome not seen is null.
 */
public record RestoreAccessApproval(String restoreAccessVaultArn, String sourceVaultArn, String approvalTeamArn, String approvalTeamName,
                                    Integer requiredApprovals, Integer numberOfApprovers, String sessionArn, String requester,
                                    String requesterSession, Instant requested, String comment, List<Vote> votes, Decision decision,
                                    Revocation revocation) {
    public RestoreAccessApproval {
        votes = votes == null ? List.of() : List.copyOf(votes);
    }

    /** One approver's response as first seen: AWS's time of the response ({@code at}, null when not given) and the journal's ({@code seen}). */
    public record Vote(String approverId, String identityId, String name, String response, Instant at, Instant seen, long seq) {
        /** The approver's name where the capture knew it, else their identity ID, else the approver ID. */
        public String who() {
            return name != null ? name : identityId != null ? identityId : approverId;
        }

        public boolean approved() {
            return "APPROVED".equals(response);
        }

        /** When the approver responded: AWS's time, or when it was first seen. */
        public Instant when() {
            return at != null ? at : seen;
        }
    }

    /** A session's outcome as first seen: AWS's completion time ({@code at}, null when not given) and the journal's ({@code seen}). */
    public record Decision(Outcome outcome, String why, Instant at, Instant seen, long seq) {
        /** When it was decided: AWS's time, or when it was first seen. */
        public Instant when() {
            return at != null ? at : seen;
        }
    }

    /**
     * Closing the access, asked of the team: by whom, when, why; {@code refused} with AWS's {@code error} when AWS
     * refused the request; the revocation's own votes and decision when they were followed (else empty and null).
     */
    public record Revocation(String requester, Instant requested, String comment, boolean refused, String error, String sessionArn,
                             List<Vote> votes, Decision decision) {
        public Revocation {
            votes = votes == null ? List.of() : List.copyOf(votes);
        }
    }

    /** True once the request's session was seen approved. */
    public boolean approved() {
        return decision != null && decision.outcome() == Outcome.APPROVED;
    }

    /** From the request to its approval (AWS's times where recorded); null until approved, or when the clocks disagree (approved "before" asked). */
    public Duration timeToApproval() {
        if (!approved() || requested == null || decision.when() == null) {
            return null;
        }
        Duration d = Duration.between(requested, decision.when());
        return d.isNegative() ? null : d;
    }

    /** True when the revocation was asked and its session seen approved: the access is closed. */
    public boolean revoked() {
        return revocation != null && !revocation.refused() && revocation.decision() != null
                && revocation.decision().outcome() == Outcome.APPROVED;
    }

    /**
     * True when the access was granted (or its outcome not seen: a drill restored through it) and not seen
     * closed: no revocation asked, AWS refused it, or its session was not seen approved.
     */
    public boolean stillOpen() {
        return (decision == null || approved()) && !revoked();
    }
}
