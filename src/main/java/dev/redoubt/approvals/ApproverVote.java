package dev.redoubt.approvals;

import java.time.Instant;

/** One approver's response in a session: APPROVED, REJECTED or NO_RESPONSE (AWS's words), and when. */
public record ApproverVote(String approverId, String identityId, String response, Instant at) {
    /** True once the approver voted either way. */
    public boolean voted() {
        return "APPROVED".equals(response) || "REJECTED".equals(response);
    }
}
