package dev.redoubt.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redoubt.approvals.Outcome;
import dev.redoubt.approvals.RestoreAccessApproval;
import dev.redoubt.journal.Entry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The approval behind each restore-access vault a drill restored through, from the journal: which approval
 * entries belong to a drill (the request that created the vault, the votes and outcome of its session, the
 * revocation and its session's votes and outcome), and what they say. The drill's state stays DrillReplay's,
 * from its drill-step entries alone (ADR 0009): this is context the report and the command line add.
 */
public final class DrillApprovals {
    /** The journal's actions of the approval flow (docs/journal.md). */
    public static final String REQUEST = "approval-request";
    public static final String VOTE = "approval-vote";
    public static final String OUTCOME = "approval-outcome";
    public static final String REVOKE = "approval-revoke";
    public static final List<String> ACTIONS = List.of(REQUEST, VOTE, OUTCOME, REVOKE);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DrillApprovals() {
    }

    /** True for an entry of the approval flow. */
    public static boolean isApproval(String action) {
        return ACTIONS.contains(action);
    }

    /** The restore-access vaults the drill's choose steps restored through, in the order first chosen. */
    public static List<String> restoreAccessVaults(List<Entry> drillEntries) {
        Set<String> out = new LinkedHashSet<>();
        for (Entry e : sorted(drillEntries)) {
            JsonNode d = details(e);
            if ("drill-step".equals(e.action()) && "choose".equals(d.path("step").asText()) && d.path("restoreAccess").asBoolean(false)
                    && d.hasNonNull("vaultArn")) {
                out.add(d.get("vaultArn").asText());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The approval entries (of {@code approvalEntries}, any actions) that belong to the drill of {@code drillEntries}:
     * for each restore-access vault it restored through, the requests that created it, the revocations asked, and the
     * votes and outcomes of their sessions; oldest first.
     */
    public static List<Entry> select(List<Entry> drillEntries, List<Entry> approvalEntries) {
        List<Entry> out = new ArrayList<>();
        for (String vault : restoreAccessVaults(drillEntries)) {
            for (Entry e : of(vault, approvalEntries)) {
                if (out.stream().noneMatch(x -> x.seq() == e.seq())) {
                    out.add(e);
                }
            }
        }
        return sorted(out);
    }

    /** The approval of each restore-access vault the drill restored through, as {@code approvalEntries} record it. */
    public static List<RestoreAccessApproval> approvals(List<Entry> drillEntries, List<Entry> approvalEntries) {
        List<RestoreAccessApproval> out = new ArrayList<>();
        for (String vault : restoreAccessVaults(drillEntries)) {
            out.add(approval(vault, of(vault, approvalEntries), sourceOf(drillEntries, vault)));
        }
        return out;
    }

    /** The entries of one restore-access vault's approval: its requests and revocations, and their sessions' votes and outcomes. */
    private static List<Entry> of(String vault, List<Entry> approvalEntries) {
        Set<String> sessions = new LinkedHashSet<>();
        List<Entry> out = new ArrayList<>();
        for (Entry e : sorted(approvalEntries)) {
            if ((REQUEST.equals(e.action()) || REVOKE.equals(e.action())) && vault.equals(details(e).path("restoreAccessVaultArn").asText(null))) {
                out.add(e);
                String s = details(e).path("sessionArn").asText(null);
                if (s != null) {
                    sessions.add(s);
                }
            }
        }
        for (Entry e : sorted(approvalEntries)) {
            if ((VOTE.equals(e.action()) || OUTCOME.equals(e.action())) && sessions.contains(details(e).path("sessionArn").asText(""))) {
                out.add(e);
            }
        }
        return sorted(out);
    }

    private static RestoreAccessApproval approval(String vault, List<Entry> entries, String sourceFromDrill) {
        Entry request = null;
        Entry revoke = null;
        for (Entry e : entries) {
            if (REQUEST.equals(e.action()) && !"refused".equals(details(e).path("outcome").asText())) {
                request = e;
            } else if (REVOKE.equals(e.action())) {
                revoke = e;
            }
        }
        JsonNode rq = request == null ? MAPPER.createObjectNode() : details(request);
        String session = text(rq, "sessionArn");
        String source = text(rq, "sourceVaultArn");
        String team = text(rq, "approvalTeam");
        Integer required = number(rq, "requiredApprovals");
        for (Entry e : entries) {
            JsonNode d = details(e);
            if (team == null) {
                team = text(d, "approvalTeam");
            }
            if (required == null && (VOTE.equals(e.action()) || OUTCOME.equals(e.action()))) {
                required = number(d, "requiredApprovals");
            }
        }
        RestoreAccessApproval.Revocation revocation = null;
        if (revoke != null) {
            JsonNode rv = details(revoke);
            String rs = text(rv, "sessionArn");
            revocation = new RestoreAccessApproval.Revocation(revoke.actor(), revoke.time(), text(rv, "comment"),
                    "refused".equals(rv.path("outcome").asText()), text(rv, "error"), rs, votes(entries, rs), decision(entries, rs));
            if (source == null) {
                source = text(rv, "sourceVaultArn");
            }
        }
        return new RestoreAccessApproval(vault, source != null ? source : sourceFromDrill, team, text(rq, "approvalTeamName"), required,
                number(rq, "numberOfApprovers"), session, request == null ? null : request.actor(), request == null ? null : request.session(),
                request == null ? null : request.time(), text(rq, "comment"), votes(entries, session), decision(entries, session), revocation);
    }

    private static List<RestoreAccessApproval.Vote> votes(List<Entry> entries, String session) {
        List<RestoreAccessApproval.Vote> out = new ArrayList<>();
        if (session == null) {
            return out;
        }
        for (Entry e : entries) {
            JsonNode d = details(e);
            if (VOTE.equals(e.action()) && session.equals(text(d, "sessionArn"))) {
                out.add(new RestoreAccessApproval.Vote(text(d, "approverId"), text(d, "identityId"), text(d, "approverName"), text(d, "response"), instant(d, "respondedAt"),
                        e.time(), e.seq()));
            }
        }
        return out;
    }

    private static RestoreAccessApproval.Decision decision(List<Entry> entries, String session) {
        if (session == null) {
            return null;
        }
        for (Entry e : entries) {
            JsonNode d = details(e);
            if (OUTCOME.equals(e.action()) && session.equals(text(d, "sessionArn"))) {
                return new RestoreAccessApproval.Decision(outcome(text(d, "outcome")), text(d, "why"), instant(d, "completedAt"), e.time(), e.seq());
            }
        }
        return null;
    }

    private static String sourceOf(List<Entry> drillEntries, String vault) {
        for (Entry e : sorted(drillEntries)) {
            JsonNode d = details(e);
            if ("choose".equals(d.path("step").asText()) && vault.equals(d.path("vaultArn").asText(null))) {
                return text(d, "sourceVaultArn");
            }
        }
        return null;
    }

    private static Outcome outcome(String s) {
        try {
            return s == null ? Outcome.ENDED : Outcome.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Outcome.ENDED;
        }
    }

    private static List<Entry> sorted(List<Entry> entries) {
        List<Entry> s = new ArrayList<>(entries);
        s.sort(Comparator.comparingLong(Entry::seq));
        return s;
    }

    private static JsonNode details(Entry e) {
        try {
            return e.detailsTree();
        } catch (IllegalStateException ex) {
            return MAPPER.createObjectNode();
        }
    }

    private static String text(JsonNode d, String name) {
        JsonNode n = d.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Integer number(JsonNode d, String name) {
        JsonNode n = d.get(name);
        return n == null || !n.canConvertToInt() ? null : n.asInt();
    }

    private static Instant instant(JsonNode d, String name) {
        String s = text(d, name);
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
