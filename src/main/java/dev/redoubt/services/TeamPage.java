package dev.redoubt.services;

import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.time.Instant;
import java.util.List;

/**
 * One approval team in full: its status, threshold and what it means, its approvers, the changes
 * waiting for its approval, the vaults it guards, its findings and its sessions (pending first).
 *
 * @param at            the estate's time (what "expires in" counts from)
 * @param focusSession  the session the user asked for (its ARN), or null
 */
public record TeamPage(TeamRow row, String statusText, String statusCodeText, String statusMessage, String description, String thresholdText,
                       String meaning, List<ApproverLine> approvers, List<PendingChange> pending, List<GuardedVault> vaults,
                       List<FindingLine> findings, List<SessionLine> openSessions, List<SessionLine> pastSessions, Instant at,
                       String focusSession) {

    /** An approver: who (the SSO user's name when the estate knows it), identity status, last activity. */
    public record ApproverLine(String approverId, String who, String identityId, String identityStatusText, boolean accepted, String historyText) {
    }

    /** A change waiting for the team's approval: what, and the session that asks for it (null when not read). */
    public record PendingChange(String text, String sessionArn) {
    }

    /** A vault the team guards: an air-gapped vault, or a restore-access vault opened from one with its approval. */
    public record GuardedVault(String arn, String name, String roleText) {
    }

    public record FindingLine(Status status, Severity severity, String checkId, String title) {
    }

    /** One vote of a session. */
    public record Vote(String who, String responseText, Instant when) {
    }

    /**
     * One session.
     *
     * @param open        waiting for approvals
     * @param expiryText  "expires in 2 d 4 h" (open), "expired 12 d ago"
     * @param outcomeText the outcome and why
     */
    public record SessionLine(String arn, String actionText, String resourceArn, boolean open, String outcomeText, String expiryText,
                              Instant initiated, Instant expires, Instant completed, String requester, String requesterAccountId,
                              String comment, String approvalsText, List<Vote> votes) {
    }
}
