package dev.redoubt.services;

import dev.redoubt.estate.ApprovalSession;
import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.estate.Approver;
import dev.redoubt.estate.ApproverResponse;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.MpaUpdate;
import dev.redoubt.estate.RestoreAccessVault;
import dev.redoubt.estate.SsoUser;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.TeamRef;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The approval teams of an estate as rows and pages (pure, for the background): every team read
 * (ListApprovalTeams, GetApprovalTeam), the vaults that name it (MpaApprovalTeamArn) and the
 * restore-access vaults opened from those, the sessions of every region (GetSession), and the
 * team's findings (MPA-*). A missing member reads "not read", never a guess. The window's approval
 * teams screen and the command line's teams and sessions show these.
 */
public final class ApprovalTeams {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ApprovalTeams() {
    }

    /** Every team in scope, in the estate's order. */
    public static List<TeamRow> rows(EstateCatalog catalog, BrowseScope scope) {
        if (catalog == null) {
            return List.of();
        }
        BrowseScope s = scope == null ? BrowseScope.ALL : scope;
        Map<String, ApprovalSession> sessions = sessions(catalog.index());
        List<TeamRow> out = new ArrayList<>();
        for (TeamRef t : catalog.index().approvalTeams()) {
            if (t.team() == null || !s.includes(t.where().accountId(), t.where().region(), t.team().arn() == null ? "" : t.team().arn())) {
                continue;
            }
            out.add(row(catalog, t, sessions));
        }
        return List.copyOf(out);
    }

    /** Every team of the estate in full (its approvers, pending changes, vaults, findings and sessions), in the estate's order. */
    public static List<TeamPage> pages(EstateCatalog catalog) {
        if (catalog == null) {
            return List.of();
        }
        Map<String, ApprovalSession> sessions = sessions(catalog.index());
        List<TeamPage> out = new ArrayList<>();
        for (TeamRef t : catalog.index().approvalTeams()) {
            if (t.team() != null) {
                out.add(page(catalog, t, sessions, null));
            }
        }
        return List.copyOf(out);
    }

    /** The page of a team, asked for by the team's ARN or by one of its sessions' ARNs; null when the estate holds neither. */
    public static TeamPage find(EstateCatalog catalog, String target) {
        if (catalog == null || target == null) {
            return null;
        }
        EstateIndex x = catalog.index();
        Map<String, ApprovalSession> sessions = sessions(x);
        String teamArn = target;
        String focus = null;
        ApprovalSession asked = sessions.get(target);
        if (asked != null) {
            teamArn = asked.approvalTeamArn();
            focus = target;
        }
        for (TeamRef t : x.approvalTeams()) {
            if (t.team() != null && teamArn != null && teamArn.equals(t.team().arn())) {
                return page(catalog, t, sessions, focus);
            }
        }
        return null;
    }

    /** Every session of the estate by its ARN (any account and region). */
    static Map<String, ApprovalSession> sessions(EstateIndex x) {
        Map<String, ApprovalSession> out = new LinkedHashMap<>();
        for (EstateIndex.RegionRef r : x.regions()) {
            if (r.data() == null || r.data().mpaSessions() == null) {
                continue;
            }
            for (ApprovalSession s : r.data().mpaSessions()) {
                if (s != null && s.sessionArn() != null) {
                    out.putIfAbsent(s.sessionArn(), s);
                }
            }
        }
        return out;
    }

    static TeamRow row(EstateCatalog catalog, TeamRef t, Map<String, ApprovalSession> sessions) {
        ApprovalTeam team = t.team();
        String arn = team.arn();
        String name = team.name() != null ? team.name() : arn != null ? arn : ApprovalWords.NOT_READ;
        String account = t.where().accountId();
        String accountName = catalog.accountName(account);
        String status = ApprovalWords.teamStatus(team.status(), team.statusCode());
        List<Approver> approvers = team.approvers();
        boolean allAccepted = approvers != null && !approvers.isEmpty() && approvers.stream().allMatch(a -> a != null && "ACCEPTED".equals(a.primaryIdentityStatus()));
        boolean healthy = ApprovalWords.healthy(team.status(), team.statusCode()) && allAccepted;
        String threshold = ApprovalWords.threshold(need(team), size(team));
        String approversText = approversSummary(approvers);
        int guarded = arn == null ? 0 : guarded(catalog.index(), arn).size();
        List<TeamPage.PendingChange> pending = pending(catalog.index(), team, sessions);
        String pendingText = pending.isEmpty() ? ApprovalWords.NONE : pending.size() == 1 ? pending.get(0).text() : pending.size() + " changes awaiting approval";
        Severity worst = arn == null ? null : catalog.worstFailing(arn);
        String search = String.join("\n", name, nz(arn), account, nz(accountName), t.where().region(), status, threshold, approversText, pendingText,
                nz(team.description())).toLowerCase(Locale.ROOT);
        return new TeamRow(team, arn, name, account, accountName, t.where().region(), status, healthy, threshold, approversText, guarded, pendingText,
                worst, search);
    }

    /** The approvals a team needs (M); null when not read. */
    public static Integer need(ApprovalTeam team) {
        return team.approvalStrategy() == null || team.approvalStrategy().mofN() == null ? null : team.approvalStrategy().mofN().minApprovalsRequired();
    }

    /** The team's approvers (N); null when not read. */
    public static Integer size(ApprovalTeam team) {
        return team.numberOfApprovers() != null ? team.numberOfApprovers() : team.approvers() == null ? null : team.approvers().size();
    }

    /** "3 accepted", "2 accepted, 1 invited, not accepted", "not read". */
    static String approversSummary(List<Approver> approvers) {
        if (approvers == null) {
            return ApprovalWords.NOT_READ;
        }
        if (approvers.isEmpty()) {
            return "no approver";
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(ApprovalWords.identityStatus("ACCEPTED"), 0);
        for (Approver a : approvers) {
            counts.merge(ApprovalWords.identityStatus(a == null ? null : a.primaryIdentityStatus()), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((words, n) -> {
            if (n > 0) {
                parts.add(n + " " + words);
            }
        });
        return String.join(", ", parts);
    }

    /** The vaults the team guards: those naming it, then the restore-access vaults opened from them. */
    static List<TeamPage.GuardedVault> guarded(EstateIndex x, String teamArn) {
        List<TeamPage.GuardedVault> out = new ArrayList<>();
        for (VaultRef v : x.vaults()) {
            BackupVault b = v.vault();
            if (b == null || !teamArn.equals(b.mpaApprovalTeamArn())) {
                continue;
            }
            out.add(new TeamPage.GuardedVault(v.arn(), nameOf(b, v.arn()), v.isAirGapped() ? "Logically air-gapped vault" : "Vault"));
            if (b.restoreAccessBackupVaults() != null) {
                for (RestoreAccessVault r : b.restoreAccessBackupVaults()) {
                    if (r == null || r.restoreAccessBackupVaultArn() == null) {
                        continue;
                    }
                    VaultRef ra = x.vault(r.restoreAccessBackupVaultArn());
                    String state = r.vaultState() == null ? "state " + ApprovalWords.NOT_READ : r.vaultState().toLowerCase(Locale.ROOT);
                    out.add(new TeamPage.GuardedVault(r.restoreAccessBackupVaultArn(),
                            ra != null ? nameOf(ra.vault(), ra.arn()) : ApprovalWords.shortArn(r.restoreAccessBackupVaultArn()),
                            "Restore access to " + nameOf(b, v.arn()) + " (" + state
                                    + (r.approvalDate() == null ? "" : ", approved " + WHEN.format(r.approvalDate())) + ")" + revocation(r.latestRevokeRequest())));
                }
            }
        }
        return out;
    }

    /** The changes waiting for the team's approval: its own update or deletion, a vault's change of team, a revocation. */
    static List<TeamPage.PendingChange> pending(EstateIndex x, ApprovalTeam team, Map<String, ApprovalSession> sessions) {
        List<TeamPage.PendingChange> out = new ArrayList<>();
        String code = team.statusCode();
        if (code != null && code.startsWith("DELETE_PENDING")) {
            out.add(new TeamPage.PendingChange("Deletion of the team, awaiting approval", team.updateSessionArn()));
        } else if (team.pendingUpdate() != null && !team.pendingUpdate().isNull() || code != null && code.startsWith("UPDATE_PENDING")) {
            out.add(new TeamPage.PendingChange(updateText(team), team.updateSessionArn()));
        }
        if (team.arn() == null) {
            return out;
        }
        for (VaultRef v : x.vaults()) {
            BackupVault b = v.vault();
            if (b == null) {
                continue;
            }
            MpaUpdate u = b.latestMpaApprovalTeamUpdate();
            if (u != null && "PENDING".equals(u.status()) && approvedBy(team.arn(), u.mpaSessionArn(), b.mpaApprovalTeamArn(), sessions)) {
                ApprovalSession s = sessions.get(u.mpaSessionArn());
                String what = s != null && "backup:DisassociateBackupVaultMpaApprovalTeam".equals(s.actionName())
                        ? "Removal of the approval team of " + nameOf(b, v.arn()) : "New approval team for " + nameOf(b, v.arn());
                out.add(new TeamPage.PendingChange(what + since(u.initiationDate()), u.mpaSessionArn()));
            }
            if (b.restoreAccessBackupVaults() != null && team.arn().equals(b.mpaApprovalTeamArn())) {
                for (RestoreAccessVault r : b.restoreAccessBackupVaults()) {
                    MpaUpdate revoke = r == null ? null : r.latestRevokeRequest();
                    if (revoke != null && "PENDING".equals(revoke.status())) {
                        out.add(new TeamPage.PendingChange("Revocation of restore access " + ApprovalWords.shortArn(r.restoreAccessBackupVaultArn())
                                + since(revoke.initiationDate()), revoke.mpaSessionArn()));
                    }
                }
            }
        }
        return out;
    }

    private static boolean approvedBy(String teamArn, String sessionArn, String vaultTeam, Map<String, ApprovalSession> sessions) {
        ApprovalSession s = sessionArn == null ? null : sessions.get(sessionArn);
        return s != null ? teamArn.equals(s.approvalTeamArn()) : teamArn.equals(vaultTeam);
    }

    private static String updateText(ApprovalTeam team) {
        var u = team.pendingUpdate();
        StringBuilder b = new StringBuilder("Update of the team");
        if (u != null && u.has("NumberOfApprovers") && u.has("ApprovalStrategy")) {
            var mofn = u.path("ApprovalStrategy").path("MofN").path("MinApprovalsRequired");
            if (mofn.isInt()) {
                b.append(" to ").append(mofn.asInt()).append(" of ").append(u.get("NumberOfApprovers").asInt());
            }
        }
        return b.append(", awaiting approval").toString();
    }

    /** What became of the request to revoke a restore access: "; revocation expired, access still open". */
    private static String revocation(MpaUpdate revoke) {
        if (revoke == null || revoke.status() == null) {
            return "";
        }
        return switch (revoke.status()) {
            case "PENDING" -> "; revocation awaiting approval";
            case "APPROVED" -> "; revoked";
            case "FAILED", "CANCELLED", "EXPIRED" -> "; revocation " + revoke.status().toLowerCase(Locale.ROOT) + ", access still open";
            default -> "; revocation " + revoke.status().toLowerCase(Locale.ROOT);
        };
    }

    private static String since(Instant t) {
        return t == null ? ", awaiting approval" : ", awaiting approval since " + WHEN.format(t);
    }

    static TeamPage page(EstateCatalog catalog, TeamRef t, Map<String, ApprovalSession> sessions, String focus) {
        EstateIndex x = catalog.index();
        TeamRow row = row(catalog, t, sessions);
        ApprovalTeam team = t.team();
        Map<String, String> people = people(x);
        Map<String, String> byApproverId = new HashMap<>();
        List<TeamPage.ApproverLine> approvers = new ArrayList<>();
        if (team.approvers() != null) {
            for (Approver a : team.approvers()) {
                if (a == null) {
                    continue;
                }
                String who = a.primaryIdentityId() == null ? ApprovalWords.NOT_READ : people.getOrDefault(a.primaryIdentityId(), a.primaryIdentityId());
                if (a.approverId() != null) {
                    byApproverId.put(a.approverId(), who);
                }
                approvers.add(new TeamPage.ApproverLine(a.approverId(), who, a.primaryIdentityId(), ApprovalWords.identityStatus(a.primaryIdentityStatus()),
                        "ACCEPTED".equals(a.primaryIdentityStatus()), history(a)));
            }
        }
        List<TeamPage.SessionLine> open = new ArrayList<>();
        List<TeamPage.SessionLine> past = new ArrayList<>();
        for (ApprovalSession s : sessions.values()) {
            if (team.arn() == null || !team.arn().equals(s.approvalTeamArn())) {
                continue;
            }
            TeamPage.SessionLine line = session(s, x.at(), people, byApproverId, catalog);
            (line.open() ? open : past).add(line);
        }
        Comparator<TeamPage.SessionLine> newest = Comparator.comparing(TeamPage.SessionLine::initiated, Comparator.nullsLast(Comparator.reverseOrder()));
        open.sort(Comparator.comparing(TeamPage.SessionLine::expires, Comparator.nullsLast(Comparator.naturalOrder())));
        past.sort(newest);
        List<TeamPage.FindingLine> findings = new ArrayList<>();
        if (team.arn() != null) {
            for (Result r : catalog.resultsFor(team.arn())) {
                findings.add(new TeamPage.FindingLine(r.status(), r.severity(), r.checkId(), r.title()));
            }
        }
        findings.sort(Comparator.comparing((TeamPage.FindingLine f) -> f.status() != Status.FAIL)
                .thenComparing(TeamPage.FindingLine::severity, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(TeamPage.FindingLine::checkId, Comparator.nullsLast(Comparator.naturalOrder())));
        return new TeamPage(row, ApprovalWords.teamStatus(team.status(), null), ApprovalWords.teamStatusCode(team.statusCode()), team.statusMessage(),
                team.description(), row.thresholdText(), ApprovalWords.meaning(need(team), size(team)), List.copyOf(approvers),
                pending(x, team, sessions), team.arn() == null ? List.of() : guarded(x, team.arn()), List.copyOf(findings), List.copyOf(open),
                List.copyOf(past), x.at(), focus);
    }

    private static String history(Approver a) {
        String activity = a.lastActivity() == null ? null : switch (a.lastActivity()) {
            case "RESPONDED_TO_INVITATION" -> "Answered the invitation";
            case "VOTED" -> "Voted";
            case "BASELINED" -> "Confirmed their identity";
            default -> a.lastActivity().replace('_', ' ').toLowerCase(Locale.ROOT);
        };
        Instant when = a.lastActivityTime() != null ? a.lastActivityTime() : a.responseTime();
        if (activity == null && when == null) {
            return "PENDING".equals(a.primaryIdentityStatus()) ? "Has not answered the invitation" : "No activity recorded";
        }
        return (activity == null ? "Responded" : activity) + (when == null ? "" : " on " + WHEN.format(when));
    }

    private static TeamPage.SessionLine session(ApprovalSession s, Instant at, Map<String, String> people, Map<String, String> byApproverId,
                                                EstateCatalog catalog) {
        boolean open = "PENDING".equals(s.status()) || "CREATING".equals(s.status());
        List<TeamPage.Vote> votes = new ArrayList<>();
        int yes = 0;
        if (s.approverResponses() != null) {
            for (ApproverResponse r : s.approverResponses()) {
                if (r == null) {
                    continue;
                }
                String who = r.identityId() != null ? people.getOrDefault(r.identityId(), r.identityId())
                        : r.approverId() != null ? byApproverId.getOrDefault(r.approverId(), r.approverId()) : ApprovalWords.NOT_READ;
                votes.add(new TeamPage.Vote(who, ApprovalWords.response(r.response()), r.responseTime()));
                if ("APPROVED".equals(r.response())) {
                    yes++;
                }
            }
        }
        Integer need = s.approvalStrategy() == null || s.approvalStrategy().mofN() == null ? null : s.approvalStrategy().mofN().minApprovalsRequired();
        String approvals = s.approverResponses() == null ? "votes " + ApprovalWords.NOT_READ
                : need == null ? yes + " approved (approvals needed " + ApprovalWords.NOT_READ + ")"
                : yes + " of the " + need + " approvals needed" + (yes >= need ? ": reached" : "");
        String expiry = open ? ApprovalWords.expiry(s.expirationTime(), at)
                : s.expirationTime() == null ? "" : "expired on " + WHEN.format(s.expirationTime()).replace("expired on ", "");
        String requester = requester(s.requesterPrincipalArn());
        boolean explained = s.statusCode() != null && java.util.Set.of("REJECTED", "EXPIRED", "CONFIGURATION_CHANGED", "ALL_APPROVERS_IN_SESSION")
                .contains(s.statusCode());
        String outcome = ApprovalWords.outcome(s.status(), s.statusCode()) + (explained || s.statusMessage() == null || s.statusMessage().isBlank() ? ""
                : " (" + s.statusMessage() + ")");
        if (!open && "APPROVED".equals(s.status()) && "EXECUTED".equals(s.executionStatus())) {
            outcome = "Approved and carried out";
        } else if (!open && "APPROVED".equals(s.status()) && "FAILED".equals(s.executionStatus())) {
            outcome = "Approved, but AWS Backup could not carry it out";
        }
        return new TeamPage.SessionLine(s.sessionArn(), ApprovalWords.action(s.actionName()), s.protectedResourceArn(), open, outcome,
                open ? expiry : "", s.initiationTime(), s.expirationTime(), s.completionTime(), requester, s.requesterAccountId(),
                s.requesterComment(), approvals, List.copyOf(votes));
    }

    /** "alice" of arn:aws:sts::1:assumed-role/AWSReservedSSO_Operator_ab12/alice; the ARN as it is otherwise; "not read" for none. */
    static String requester(String principalArn) {
        if (principalArn == null) {
            return ApprovalWords.NOT_READ;
        }
        int slash = principalArn.lastIndexOf('/');
        return principalArn.contains(":assumed-role/") && slash > 0 ? principalArn.substring(slash + 1) : principalArn;
    }

    /** The estate's SSO users by identity ID: the names approvers go by. */
    public static Map<String, String> people(EstateIndex x) {
        return people(x.estate());
    }

    /** The estate's SSO users by identity ID (none for no estate). */
    public static Map<String, String> people(Estate estate) {
        Map<String, String> out = new HashMap<>();
        List<SsoUser> users = estate == null ? null : estate.ssoUsers();
        if (users != null) {
            for (SsoUser u : users) {
                if (u != null && u.userId() != null && u.userName() != null) {
                    out.put(u.userId(), u.userName());
                }
            }
        }
        return out;
    }

    private static String nameOf(BackupVault b, String arn) {
        return b != null && b.backupVaultName() != null ? b.backupVaultName() : ApprovalWords.shortArn(arn);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
