package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.estate.Approver;
import dev.redoubt.estate.Arn;
import dev.redoubt.estate.SsoUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Opening multi-party approval sessions for actions that need them, and recording approvers' votes. */
final class Approvals {
    /** How long a session waits for its approvers. */
    static final Duration WINDOW = Duration.ofHours(24);

    private Approvals() {
    }

    /** Opens a PENDING session on {@code team} for an action on {@code protectedArn}; call under the write lock. */
    static SessionEntry open(World w, ApprovalTeam team, String action, String protectedArn, Principal requester, String region,
                             String comment, Map<String, String> metadata) {
        Instant now = w.estateNow();
        Arn teamArn = Arn.parse(team.arn());
        String teamId = teamArn.resource().substring(teamArn.resource().indexOf('/') + 1);
        String sessionId = Keys.base32(SigV4.hmac(team.arn().getBytes(), "session/" + w.nextSerial() + "/" + now), 26).toLowerCase();
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("SessionArn", "arn:aws:mpa:" + teamArn.region() + ":" + teamArn.account() + ":session/" + teamId + "/" + sessionId);
        s.put("ApprovalTeamArn", team.arn());
        s.put("ApprovalTeamName", team.name());
        s.put("ProtectedResourceArn", protectedArn);
        if (team.approvalStrategy() != null) {
            s.set("ApprovalStrategy", w.json(team.approvalStrategy()));
        }
        s.put("NumberOfApprovers", team.approvers() == null ? 0 : team.approvers().size());
        s.put("InitiationTime", now.toString());
        s.put("ExpirationTime", now.plus(WINDOW).toString());
        s.put("Description", action + " on " + protectedArn);
        ObjectNode md = s.putObject("Metadata");
        metadata.forEach(md::put);
        s.put("Status", "PENDING");
        s.put("ExecutionStatus", "PENDING");
        s.put("ActionName", action);
        s.put("RequesterServicePrincipal", "backup.amazonaws.com");
        s.put("RequesterPrincipalArn", requester.arn());
        s.put("RequesterAccountId", requester.accountId());
        s.put("RequesterRegion", region);
        if (comment != null) {
            s.put("RequesterComment", comment);
        }
        s.put("ActionCompletionStrategy", "AUTO_COMPLETION_UPON_APPROVAL");
        SessionEntry entry = new SessionEntry(s);
        w.addSession(w.cellForWrite(teamArn.account(), teamArn.region()), entry);
        return entry;
    }

    /** The team member a user is, or null. */
    static Approver approver(ApprovalTeam team, SsoUser user) {
        if (team == null || team.approvers() == null || user == null) {
            return null;
        }
        for (Approver a : team.approvers()) {
            if (user.userId().equals(a.primaryIdentityId())) {
                return a;
            }
        }
        return null;
    }

    /**
     * Records {@code user}'s vote on a pending session; call under the write lock. Returns null when
     * recorded, or why it was not.
     */
    static String vote(World w, SessionEntry s, SsoUser user, boolean approve) {
        ApprovalTeam team = w.team(s.teamArn());
        Approver a = approver(team, user);
        if (a == null) {
            return (user == null ? "unknown user" : user.userName()) + " is not an approver in team "
                    + (team == null ? s.teamArn() : team.name());
        }
        if (!"PENDING".equals(s.status(w.estateNow(), team))) {
            return "the session is no longer pending";
        }
        if (!s.vote(a.approverId(), a.primaryIdentityId(), approve, w.estateNow())) {
            return user.userName() + " has already responded";
        }
        return null;
    }
}
