package dev.redoubt.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.approvals.AccessProgress;
import dev.redoubt.approvals.JournaledRequest;
import dev.redoubt.approvals.Outcome;
import dev.redoubt.approvals.ApproverVote;
import dev.redoubt.approvals.PreflightCheck;
import dev.redoubt.approvals.RequestPreflight;
import dev.redoubt.approvals.RequestedAccess;
import dev.redoubt.approvals.RestoreAccessGrant;
import dev.redoubt.approvals.RestoreAccessPoint;
import dev.redoubt.approvals.RestoreAccessRequest;
import dev.redoubt.approvals.RevokeRequest;
import dev.redoubt.approvals.SessionView;
import dev.redoubt.approvals.VaultAccess;
import dev.redoubt.aws.approvals.AwsApprovals;
import dev.redoubt.estate.Arn;
import dev.redoubt.findings.Status;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.Mode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Multi-party approval of restore access to logically air-gapped vaults: the preflight, the request
 * (CreateRestoreAccessBackupVault), following its session to the outcome, the restore-access vault's
 * recovery points, and the revocation. Every request, vote seen, outcome and revocation is journaled
 * (docs/journal.md). Requesting and revoking refuse an auditor connection (ServiceFailure READ_ONLY)
 * before anything is journaled or sent; a refusal by AWS is journaled and thrown with AWS's reason.
 */
public final class ApprovalService {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String CREATE = "CreateRestoreAccessBackupVault";
    static final String REVOKE = "RevokeRestoreAccessBackupVault";
    public static final String OPERATOR_ITEM = "Signed in as an operator";

    private final Clock clock;
    private final ActivityJournal journal;

    public ApprovalService(Clock clock, ActivityJournal journal) {
        this.clock = clock;
        this.journal = journal;
    }

    /**
     * The request's preflight, judged from the estate as captured; with a connection, whether it may
     * request at all (an auditor may not).
     */
    public RequestPreflight preflight(Connection connection, EstateCatalog catalog, String lagVaultArn) {
        RequestPreflight p = RequestPreflight.of(catalog.index(), lagVaultArn);
        if (connection == null) {
            return p;
        }
        List<PreflightCheck> items = new ArrayList<>(p.items());
        items.add(connection.mode() == Mode.OPERATOR
                ? new PreflightCheck(OPERATOR_ITEM, Status.PASS, "Signed in as " + connection.identity().arn() + " in operator mode", null)
                : new PreflightCheck(OPERATOR_ITEM, Status.FAIL, "Auditor mode is read-only: a request changes AWS",
                "Sign in as an operator to request restore access"));
        return new RequestPreflight(p.vaultArn(), p.approvalTeamArn(), p.requiredApprovals(), items);
    }

    /**
     * Asks the air-gapped vault's team for restore access (CreateRestoreAccessBackupVault in the operator's
     * account, the vault's region) and journals the request (approval-request) with its session.
     */
    public RequestedAccess request(Connection operator, String lagVaultArn, String comment) {
        requireOperator(operator, "requesting restore access");
        Arn source = checkRequest(lagVaultArn, comment);
        AwsApprovals own = approvals(operator, null);
        RestoreAccessRequest r;
        try {
            r = own.request(source.region(), lagVaultArn, comment.strip(), null);
        } catch (RuntimeException e) {
            ServiceFailure f = Failures.translate(e);
            if (f.transientOrLocal()) {
                throw f;
            }
            ObjectNode d = details(CREATE, null, null, null, lagVaultArn, comment.strip());
            d.put("outcome", "refused").put("error", f.awsReason());
            journal.approval(operator.actor(), ActivityJournal.APPROVAL_REQUEST, lagVaultArn, d);
            throw refused(f, "AWS refused the request for restore access to " + vaultName(source));
        }
        VaultAccess v = null;
        SessionView s = null;
        try {
            v = own.vault(source.region(), r.restoreAccessVaultName());
            if (v.sessionArn() != null) {
                s = own.session(regionOf(v.sessionArn(), source.region()), v.sessionArn());
            }
        } catch (RuntimeException e) {
            ServiceFailure f = Failures.translate(e);
            if (f.kind() == ServiceFailure.Kind.CANCELLED) {
                throw f;
            }
        }
        String sessionArn = v == null ? null : v.sessionArn();
        String teamArn = s != null ? s.approvalTeamArn() : v == null ? null : v.approvalTeamArn();
        ObjectNode d = details(CREATE, teamArn, s == null ? null : s.requiredApprovals(), sessionArn, lagVaultArn, comment.strip());
        d.put("restoreAccessVaultArn", r.restoreAccessVaultArn()).put("restoreAccessVaultName", r.restoreAccessVaultName())
                .put("vaultState", r.state()).put("outcome", "requested");
        if (s != null) {
            d.put("approvalTeamName", s.approvalTeamName()).put("numberOfApprovers", s.numberOfApprovers());
        }
        journal.approval(operator.actor(), ActivityJournal.APPROVAL_REQUEST, subject(sessionArn, teamArn, r.restoreAccessVaultArn()), d);
        return new RequestedAccess(r, sessionArn, teamArn, s);
    }

    /**
     * What a request needs before anything is signed in or sent: the ARN of a vault and a comment for the
     * approvers. Both faces call it as soon as the user has typed them.
     *
     * @throws ServiceFailure BAD_INPUT naming what is wrong and what to do
     */
    public static Arn checkRequest(String lagVaultArn, String comment) {
        Arn source = vaultArn(lagVaultArn, "air-gapped vault");
        if (comment == null || comment.isBlank()) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, "a request needs a comment: the approvers read it to decide "
                    + "(what is restored, why, the ticket)", ServiceFailure.facts("vault", lagVaultArn), null);
        }
        return source;
    }

    /**
     * Reads a restore-access vault and its session (DescribeBackupVault, mpa:GetSession); journals each
     * approver's response the first time it is seen (approval-vote) and the outcome once (approval-outcome).
     * {@code sessionArn} may be null (read from the vault). Auditors may follow: it changes nothing in AWS.
     */
    public AccessProgress follow(Connection connection, String restoreAccessVaultArn, String sessionArn) {
        return follow(connection, restoreAccessVaultArn, sessionArn, java.util.Map.of());
    }

    /**
     * As {@link #follow(Connection, String, String)}, with the approvers' names by identity ID (the capture's SSO users)
     * journaled beside each vote seen ({@code approverName}), so the journal and the drill report name the people.
     */
    public synchronized AccessProgress follow(Connection connection, String restoreAccessVaultArn, String sessionArn,
                                              java.util.Map<String, String> names) {
        requireConnection(connection);
        Arn ra = vaultArn(restoreAccessVaultArn, "restore-access vault");
        AwsApprovals in = approvals(connection, ra.account());
        VaultAccess v = null;
        try {
            v = in.vault(ra.region(), vaultName(ra));
        } catch (RuntimeException e) {
            ServiceFailure f = Failures.translate(e);
            if (sessionArn == null || f.transientOrLocal()) {
                throw f;
            }
        }
        String session = sessionArn != null ? sessionArn : v.sessionArn();
        if (session == null) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, "the vault " + vaultName(ra) + " has no approval session: it is not a "
                    + "restore-access vault awaiting approval", ServiceFailure.facts("vault", restoreAccessVaultArn), null);
        }
        SessionView s;
        try {
            s = in.session(regionOf(session, ra.region()), session);
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
        return record(connection, restoreAccessVaultArn, v, s, names == null ? java.util.Map.of() : names);
    }

    private AccessProgress record(Connection c, String restoreAccessVaultArn, VaultAccess v, SessionView s, java.util.Map<String, String> names) {
        Set<String> seen = new HashSet<>();
        for (Entry e : entries(ActivityJournal.APPROVAL_VOTE, s.sessionArn())) {
            JsonNode d = e.detailsTree();
            seen.add(d.path("approverId").asText() + "/" + d.path("response").asText());
        }
        List<ApproverVote> fresh = new ArrayList<>();
        for (ApproverVote a : s.responses()) {
            if (!a.voted() || seen.contains(a.approverId() + "/" + a.response())) {
                continue;
            }
            ObjectNode d = JSON.objectNode();
            d.put("sessionArn", s.sessionArn()).put("approvalTeam", s.approvalTeamArn()).put("operation", s.actionName())
                    .put("approverId", a.approverId()).put("identityId", a.identityId())
                    .put("approverName", a.identityId() == null ? null : names.get(a.identityId())).put("response", a.response())
                    .put("respondedAt", a.at() == null ? null : a.at().toString()).put("restoreAccessVaultArn", restoreAccessVaultArn)
                    .put("approvals", s.approvals()).put("requiredApprovals", s.requiredApprovals());
            journal.approval(c.actor(), ActivityJournal.APPROVAL_VOTE, s.sessionArn(), d);
            fresh.add(a);
        }
        boolean outcomeNew = false;
        if (s.outcome().finished() && entries(ActivityJournal.APPROVAL_OUTCOME, s.sessionArn()).isEmpty()) {
            ObjectNode d = JSON.objectNode();
            d.put("sessionArn", s.sessionArn()).put("approvalTeam", s.approvalTeamArn()).put("operation", s.actionName())
                    .put("outcome", s.outcome().name()).put("why", s.why()).put("status", s.status()).put("statusCode", s.statusCode())
                    .put("completedAt", s.completed() == null ? null : s.completed().toString()).put("approvals", s.approvals())
                    .put("rejections", s.rejections()).put("requiredApprovals", s.requiredApprovals())
                    .put("restoreAccessVaultArn", restoreAccessVaultArn).put("vaultState", v == null ? null : v.state());
            journal.approval(c.actor(), ActivityJournal.APPROVAL_OUTCOME, s.sessionArn(), d);
            outcomeNew = true;
        }
        return new AccessProgress(restoreAccessVaultArn, v, s, fresh, outcomeNew);
    }

    /** The restore-access vaults of an air-gapped vault (ListRestoreAccessBackupVaults, in the vault's account). */
    public List<RestoreAccessGrant> grants(Connection connection, String lagVaultArn) {
        requireConnection(connection);
        Arn source = vaultArn(lagVaultArn, "air-gapped vault");
        try {
            return approvals(connection, source.account()).grants(source.region(), vaultName(source), lagVaultArn);
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }

    /** The recovery points seen through a restore-access vault (ListRecoveryPointsByBackupVault). */
    public List<RestoreAccessPoint> points(Connection connection, String restoreAccessVaultArn) {
        requireConnection(connection);
        Arn ra = vaultArn(restoreAccessVaultArn, "restore-access vault");
        try {
            return approvals(connection, ra.account()).points(ra.region(), vaultName(ra));
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }

    /**
     * Asks the team to close a restore-access vault (RevokeRestoreAccessBackupVault in the air-gapped
     * vault's account) and journals it (approval-revoke) with the revocation's session.
     */
    public RevokeRequest revoke(Connection operator, String restoreAccessVaultArn, String comment) {
        requireOperator(operator, "revoking restore access");
        Arn ra = vaultArn(restoreAccessVaultArn, "restore-access vault");
        String why = comment == null || comment.isBlank() ? "Restore access no longer needed" : comment.strip();
        VaultAccess v;
        try {
            v = approvals(operator, ra.account()).vault(ra.region(), vaultName(ra));
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
        if (v.sourceVaultArn() == null) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, "the vault " + vaultName(ra) + " is not a restore-access vault: "
                    + "there is no access to revoke", ServiceFailure.facts("vault", restoreAccessVaultArn), null);
        }
        Arn source = vaultArn(v.sourceVaultArn(), "air-gapped vault");
        AwsApprovals owner = approvals(operator, source.account());
        try {
            owner.revoke(source.region(), vaultName(source), restoreAccessVaultArn, why);
        } catch (RuntimeException e) {
            ServiceFailure f = Failures.translate(e);
            if (f.transientOrLocal()) {
                throw f;
            }
            ObjectNode d = details(REVOKE, v.approvalTeamArn(), null, null, v.sourceVaultArn(), why);
            d.put("restoreAccessVaultArn", restoreAccessVaultArn).put("outcome", "refused").put("error", f.awsReason());
            journal.approval(operator.actor(), ActivityJournal.APPROVAL_REVOKE, restoreAccessVaultArn, d);
            throw refused(f, "AWS refused to revoke the restore access " + vaultName(ra));
        }
        RestoreAccessGrant grant = null;
        try {
            for (RestoreAccessGrant g : owner.grants(source.region(), vaultName(source), v.sourceVaultArn())) {
                if (restoreAccessVaultArn.equals(g.restoreAccessVaultArn())) {
                    grant = g;
                }
            }
        } catch (RuntimeException e) {
            ServiceFailure f = Failures.translate(e);
            if (f.kind() == ServiceFailure.Kind.CANCELLED) {
                throw f;
            }
        }
        String session = grant == null ? null : grant.revokeSessionArn();
        ObjectNode d = details(REVOKE, v.approvalTeamArn(), null, session, v.sourceVaultArn(), why);
        d.put("restoreAccessVaultArn", restoreAccessVaultArn).put("outcome", "requested")
                .put("revokeStatus", grant == null ? null : grant.revokeStatus());
        journal.approval(operator.actor(), ActivityJournal.APPROVAL_REVOKE, session != null ? session : restoreAccessVaultArn, d);
        return new RevokeRequest(restoreAccessVaultArn, v.sourceVaultArn(), session, grant);
    }

    /** The approval flow's journal entries (requests, votes, outcomes, revocations), oldest first. */
    public List<Entry> history() {
        List<Entry> out = new ArrayList<>();
        for (String a : List.of(ActivityJournal.APPROVAL_REQUEST, ActivityJournal.APPROVAL_VOTE, ActivityJournal.APPROVAL_OUTCOME,
                ActivityJournal.APPROVAL_REVOKE)) {
            out.addAll(entries(a, null));
        }
        out.sort(java.util.Comparator.comparingLong(Entry::seq));
        return out;
    }

    /**
     * Every restore-access request in the journal, newest first, with the outcome and revocation journaled
     * since (an outcome not yet seen reads PENDING: follow the request to learn it).
     */
    public List<JournaledRequest> requests() {
        java.util.Map<String, Entry> outcomes = new java.util.HashMap<>();
        for (Entry e : entries(ActivityJournal.APPROVAL_OUTCOME, null)) {
            outcomes.put(e.subject(), e);
        }
        Set<String> revoked = new HashSet<>();
        for (Entry e : entries(ActivityJournal.APPROVAL_REVOKE, null)) {
            if ("requested".equals(e.detailsTree().path("outcome").asText())) {
                revoked.add(e.detailsTree().path("restoreAccessVaultArn").asText());
            }
        }
        List<JournaledRequest> out = new ArrayList<>();
        for (Entry e : entries(ActivityJournal.APPROVAL_REQUEST, null)) {
            JsonNode d = e.detailsTree();
            String session = text(d, "sessionArn");
            String ra = text(d, "restoreAccessVaultArn");
            Entry o = session == null ? null : outcomes.get(session);
            Outcome outcome = o == null ? Outcome.PENDING : parse(o.detailsTree().path("outcome").asText());
            out.add(new JournaledRequest(e.seq(), e.time(), e.actor(), session, text(d, "sourceVaultArn"), ra, text(d, "comment"),
                    "refused".equals(d.path("outcome").asText()), text(d, "error"), outcome,
                    o == null ? null : text(o.detailsTree(), "why"), ra != null && revoked.contains(ra)));
        }
        out.sort(java.util.Comparator.comparingLong(JournaledRequest::seq).reversed());
        return out;
    }

    private static Outcome parse(String s) {
        try {
            return Outcome.valueOf(s);
        } catch (IllegalArgumentException e) {
            return Outcome.ENDED;
        }
    }

    private static String text(JsonNode d, String name) {
        JsonNode n = d.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The clock the service reads "now" from (a session's time left). */
    public Clock clock() {
        return clock;
    }

    private List<Entry> entries(String action, String subject) {
        try {
            return journal.journal().read(new EntryQuery(null, null, action, subject, 0));
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }

    private static ObjectNode details(String operation, String teamArn, Integer required, String sessionArn, String sourceVaultArn, String comment) {
        ObjectNode d = JSON.objectNode();
        d.put("operation", operation).put("approvalTeam", teamArn).put("requiredApprovals", required).put("sessionArn", sessionArn)
                .put("sourceVaultArn", sourceVaultArn).put("comment", comment);
        return d;
    }

    private static String subject(String... candidates) {
        for (String c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static AwsApprovals approvals(Connection c, String account) {
        try {
            return new AwsApprovals(c.clientsIn(account));
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }

    private static Arn vaultArn(String arn, String what) {
        Arn a = Arn.parse(arn);
        if (a == null || !"backup".equals(a.service()) || !a.resource().startsWith("backup-vault:") || a.region().isEmpty()) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, "'" + arn + "' is not the ARN of " + (what.startsWith("a") ? "an " : "a ") + what
                    + " (arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME); copy it from the vault's page", ServiceFailure.facts("vault", arn), null);
        }
        return a;
    }

    private static String vaultName(Arn a) {
        return a.resource().substring("backup-vault:".length());
    }

    private static String regionOf(String arn, String fallback) {
        Arn a = Arn.parse(arn);
        return a == null || a.region().isEmpty() ? fallback : a.region();
    }

    private static ServiceFailure refused(ServiceFailure f, String what) {
        return new ServiceFailure(f.kind(), what + ": " + f.awsReason(), f.facts(), f);
    }



    private static void requireConnection(Connection c) {
        if (c == null) {
            throw new ServiceFailure(ServiceFailure.Kind.SIGN_IN_REQUIRED, "reading approval sessions needs a sign-in");
        }
    }

    private static void requireOperator(Connection c, String what) {
        requireConnection(c);
        if (c.mode() != Mode.OPERATOR) {
            throw new ServiceFailure(ServiceFailure.Kind.READ_ONLY, "Redoubt works read-only in auditor mode: " + what
                    + " changes AWS, so only an operator does it", ServiceFailure.facts("identity", c.identity().arn()), null);
        }
    }
}
