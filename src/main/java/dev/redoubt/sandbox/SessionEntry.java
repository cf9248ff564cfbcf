package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.estate.Approver;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multi-party approval session (mpa:GetSession shape). A PENDING session is decided by its
 * approvers' votes (M of N) and expires on the sandbox's clock; its status is computed when read.
 * Times are estate times.
 */
final class SessionEntry {
    record Vote(String approverId, String identityId, boolean approve, Instant at) {
    }

    private final ObjectNode base;
    private final Map<String, Vote> votes = new LinkedHashMap<>();

    SessionEntry(ObjectNode base) {
        this.base = base;
    }

    String arn() {
        return base.path("SessionArn").asText();
    }

    String teamArn() {
        return base.path("ApprovalTeamArn").asText();
    }

    ObjectNode base() {
        return base;
    }

    private int required() {
        return Math.max(1, base.path("ApprovalStrategy").path("MofN").path("MinApprovalsRequired").asInt(1));
    }

    /** Records an approver's vote; false when the approver has already voted. */
    boolean vote(String approverId, String identityId, boolean approve, Instant at) {
        if (votes.containsKey(identityId)) {
            return false;
        }
        votes.put(identityId, new Vote(approverId, identityId, approve, at));
        return true;
    }

    boolean hasVoted(String identityId) {
        return votes.containsKey(identityId);
    }

    /** PENDING, APPROVED, FAILED or CANCELLED at {@code estateNow}. */
    String status(Instant estateNow, ApprovalTeam team) {
        return view(estateNow, team).path("Status").asText();
    }

    /** When the session was decided (the deciding vote or the expiry), or null while pending. */
    Instant decidedAt(Instant estateNow, ApprovalTeam team) {
        JsonNode t = view(estateNow, team).get("CompletionTime");
        return t == null ? null : Instant.parse(t.asText());
    }

    ObjectNode view(Instant estateNow, ApprovalTeam team) {
        ObjectNode out = base.deepCopy();
        List<Approver> approvers = team == null || team.approvers() == null ? List.of() : team.approvers();
        if (!votes.isEmpty() || (!approvers.isEmpty() && !out.has("ApproverResponses"))) {
            ArrayNode responses = out.putArray("ApproverResponses");
            for (Approver a : approvers) {
                Vote v = votes.get(a.primaryIdentityId());
                ObjectNode r = responses.addObject();
                r.put("ApproverId", a.approverId());
                if (a.primaryIdentitySourceArn() != null) {
                    r.put("IdentitySourceArn", a.primaryIdentitySourceArn());
                }
                r.put("IdentityId", a.primaryIdentityId());
                r.put("Response", v == null ? "NO_RESPONSE" : v.approve() ? "APPROVED" : "REJECTED");
                if (v != null) {
                    r.put("ResponseTime", v.at().toString());
                }
            }
        }
        if (!"PENDING".equals(base.path("Status").asText())) {
            return out;
        }
        int approvals = 0;
        int rejections = 0;
        Instant decided = null;
        int needed = required();
        int voters = Math.max(approvers.size(), base.path("NumberOfApprovers").asInt(approvers.size()));
        for (Vote v : votes.values()) {
            if (v.approve()) {
                approvals++;
                if (approvals == needed) {
                    decided = v.at();
                    out.put("Status", "APPROVED");
                    out.put("ExecutionStatus", "EXECUTED");
                    out.put("CompletionTime", decided.toString());
                    return out;
                }
            } else {
                rejections++;
                if (voters - rejections < needed) {
                    out.put("Status", "FAILED");
                    out.put("StatusCode", "REJECTED");
                    out.put("StatusMessage", "The session was rejected by its approvers.");
                    out.put("CompletionTime", v.at().toString());
                    return out;
                }
            }
        }
        JsonNode expires = base.get("ExpirationTime");
        if (expires != null && !estateNow.isBefore(Instant.parse(expires.asText()))) {
            out.put("Status", "FAILED");
            out.put("StatusCode", "EXPIRED");
            out.put("StatusMessage", "The session expired before enough approvers responded.");
            out.put("CompletionTime", expires.asText());
        }
        return out;
    }
}
