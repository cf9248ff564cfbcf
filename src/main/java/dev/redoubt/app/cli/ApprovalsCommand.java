package dev.redoubt.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.approvals.AccessProgress;
import dev.redoubt.approvals.ApproverVote;
import dev.redoubt.approvals.JournaledRequest;
import dev.redoubt.approvals.Outcome;
import dev.redoubt.approvals.PreflightCheck;
import dev.redoubt.approvals.RequestPreflight;
import dev.redoubt.approvals.RequestedAccess;
import dev.redoubt.approvals.RevokeRequest;
import dev.redoubt.approvals.SessionView;
import dev.redoubt.findings.Quoting;
import dev.redoubt.findings.Status;
import dev.redoubt.journal.Mode;
import dev.redoubt.journal.Target;
import dev.redoubt.services.ApprovalService;
import dev.redoubt.services.ApprovalTeams;
import dev.redoubt.services.ApprovalWords;
import dev.redoubt.services.AuditService;
import dev.redoubt.services.Cancellation;
import dev.redoubt.services.Connection;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.services.LoadedEstate;
import dev.redoubt.services.ServiceFailure;
import dev.redoubt.services.TeamPage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "approvals", mixinStandardHelpOptions = true,
        description = {"Multi-party approval: the approval teams and their sessions; restore access to a logically air-gapped vault "
                + "requested, followed to the approvers' outcome and revoked. Every request, vote seen, outcome and revocation is journaled.",
                "Requesting and revoking change AWS: they need --operator; auditor mode (the default) is refused. See docs/approvals.md."},
        subcommands = {ApprovalsCommand.Teams.class, ApprovalsCommand.Sessions.class, ApprovalsCommand.Request.class,
                ApprovalsCommand.Follow.class, ApprovalsCommand.Revoke.class, ApprovalsCommand.Requests.class})
public final class ApprovalsCommand implements Runnable {
    /** How often a request is followed. */
    static final Duration POLL = Duration.ofSeconds(2);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: name one of " + spec.subcommands().keySet());
    }

    /** An estate to read teams and sessions from: a capture or the demo. */
    static final class Source {
        @Option(names = "--estate", paramLabel = "FILE", description = "An estate file (redoubt-estate/1): a capture or a generated estate.")
        Path estate;

        @Option(names = "--demo", description = "The built-in Northwind demo organization.")
        boolean demo;
    }

    static LoadedEstate load(CliContext ctx, boolean demo, Path estate) {
        try {
            return demo ? ctx.app().estates().demo() : ctx.app().estates().open(estate);
        } catch (ServiceFailure f) {
            if (f.kind() == ServiceFailure.Kind.BAD_INPUT && f.fact("problems") != null) {
                throw new CliException(ExitCodes.USAGE, f.getMessage() + "; every problem: redoubt estate validate " + Quoting.sh(estate.toString()));
            }
            throw f;
        }
    }

    static EstateCatalog catalog(CliContext ctx, LoadedEstate loaded) {
        return EstateCatalog.of(ctx.app().audits().audit(loaded.estate(), AuditService.subjectOf(loaded)));
    }

    static String when(Instant t) {
        return t == null ? ApprovalWords.NONE : WHEN.format(t);
    }

    static String json(ObjectNode o) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode object() {
        return new ObjectMapper().createObjectNode();
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }

    @Command(name = "teams", mixinStandardHelpOptions = true,
            description = {"The approval teams of an estate: status, approvals needed (M of N), the approvers' identity status, the vaults each "
                    + "guards, the change awaiting approval and the worst failing finding (MPA-01..07).",
                    "Example: redoubt approvals teams --estate capture.json"})
    static final class Teams implements Runnable {
        private final CliContext ctx;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;
        @Option(names = "--json", description = "Every team in full as JSON (approvers, vaults, pending changes, findings, sessions).")
        boolean json;

        Teams(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            List<TeamPage> teams = ApprovalTeams.pages(catalog(ctx, load(ctx, source.demo, source.estate)));
            if (json) {
                ObjectNode o = object();
                ArrayNode a = o.putArray("teams");
                teams.forEach(t -> a.add(teamJson(t)));
                ctx.out().println(json(o));
                return;
            }
            if (teams.isEmpty()) {
                ctx.err().println("The estate holds no approval team (Redoubt reads them with mpa:ListApprovalTeams in the accounts it scanned).");
                return;
            }
            PrintStream out = ctx.out();
            for (TeamPage t : teams) {
                var r = t.row();
                out.printf(Locale.ROOT, "%s: %s, %s approvals needed (%s)%n", Columns.truncate(r.name(), 80), r.statusText(), r.thresholdText(),
                        t.meaning());
                out.printf(Locale.ROOT, "  Account:    %s, %s%n", Columns.truncate(r.accountText(), 80), r.region());
                out.printf(Locale.ROOT, "  Team:       %s%n", Columns.truncate(r.arn(), 200));
                if (t.statusMessage() != null && !t.statusMessage().isBlank()) {
                    out.printf(Locale.ROOT, "  Status:     %s%n", Columns.truncate(t.statusMessage(), 200));
                }
                out.printf(Locale.ROOT, "  Approvers:  %s%n", r.approversText());
                for (TeamPage.ApproverLine a : t.approvers()) {
                    out.printf(Locale.ROOT, "              %-20s %-24s %s%n", Columns.truncate(a.who(), 20), a.identityStatusText(),
                            Columns.truncate(a.historyText(), 80));
                }
                String label = "  Guards:     ";
                if (t.vaults().isEmpty()) {
                    out.println(label + "no vault");
                }
                for (TeamPage.GuardedVault v : t.vaults()) {
                    out.printf(Locale.ROOT, "%s%s: %s%n", label, Columns.truncate(v.name(), 60), Columns.truncate(v.roleText(), 160));
                    label = "              ";
                }
                label = "  Pending:    ";
                if (t.pending().isEmpty()) {
                    out.println(label + "no change awaiting approval");
                }
                for (TeamPage.PendingChange c : t.pending()) {
                    out.printf(Locale.ROOT, "%s%s%n", label, Columns.truncate(c.text(), 160));
                    label = "              ";
                }
                List<TeamPage.FindingLine> failing = t.findings().stream().filter(f -> f.status() != Status.PASS).toList();
                long passing = t.findings().size() - failing.size();
                label = "  Findings:   ";
                if (failing.isEmpty()) {
                    out.println(label + (t.findings().isEmpty() ? "none" : passing + " passed"));
                }
                for (TeamPage.FindingLine f : failing) {
                    out.printf(Locale.ROOT, "%s%-6s %-8s %-7s %s%n", label, f.checkId(), f.severity() == null ? "" : f.severity().name(), f.status().name(),
                            Columns.truncate(f.title(), 120));
                    label = "              ";
                }
                if (!failing.isEmpty() && passing > 0) {
                    out.println(label + passing + " passed");
                }
                out.printf(Locale.ROOT, "  Sessions:   %d pending, %d past%n%n", t.openSessions().size(), t.pastSessions().size());
            }
            long unhealthy = teams.stream().filter(t -> !t.row().healthy()).count();
            out.printf(Locale.ROOT, "%d %s; %d cannot approve as %s (not active, or an approver has not accepted). The sessions: "
                    + "redoubt approvals sessions%n", teams.size(), teams.size() == 1 ? "team" : "teams", unhealthy, unhealthy == 1 ? "it stands" : "they stand");
        }
    }

    static ObjectNode teamJson(TeamPage t) {
        var r = t.row();
        ObjectNode n = object();
        n.put("arn", r.arn()).put("name", r.name()).put("accountId", r.accountId()).put("accountName", r.accountName()).put("region", r.region())
                .put("status", t.statusText()).put("statusCode", t.statusCodeText()).put("statusMessage", t.statusMessage())
                .put("healthy", r.healthy()).put("approvals", t.thresholdText()).put("meaning", t.meaning()).put("approversSummary", r.approversText())
                .put("worstFinding", r.worst() == null ? null : r.worst().name());
        ArrayNode approvers = n.putArray("approvers");
        for (TeamPage.ApproverLine a : t.approvers()) {
            approvers.addObject().put("approverId", a.approverId()).put("who", a.who()).put("identityId", a.identityId())
                    .put("identityStatus", a.identityStatusText()).put("accepted", a.accepted()).put("lastActivity", a.historyText());
        }
        ArrayNode pending = n.putArray("pendingChanges");
        t.pending().forEach(p -> pending.addObject().put("what", p.text()).put("sessionArn", p.sessionArn()));
        ArrayNode vaults = n.putArray("vaultsGuarded");
        t.vaults().forEach(v -> vaults.addObject().put("arn", v.arn()).put("name", v.name()).put("role", v.roleText()));
        ArrayNode findings = n.putArray("findings");
        t.findings().forEach(f -> findings.addObject().put("check", f.checkId()).put("status", f.status().name())
                .put("severity", f.severity() == null ? null : f.severity().name()).put("title", f.title()));
        ArrayNode open = n.putArray("pendingSessions");
        t.openSessions().forEach(s -> open.add(sessionJson(s)));
        ArrayNode past = n.putArray("pastSessions");
        t.pastSessions().forEach(s -> past.add(sessionJson(s)));
        return n;
    }

    static ObjectNode sessionJson(TeamPage.SessionLine s) {
        ObjectNode n = object();
        n.put("sessionArn", s.arn()).put("action", s.actionText()).put("resourceArn", s.resourceArn()).put("pending", s.open())
                .put("outcome", s.outcomeText()).put("expiry", s.open() ? s.expiryText() : null).put("initiated", str(s.initiated()))
                .put("expires", str(s.expires())).put("completed", str(s.completed())).put("requester", s.requester())
                .put("requesterAccountId", s.requesterAccountId()).put("comment", s.comment()).put("approvals", s.approvalsText());
        ArrayNode votes = n.putArray("votes");
        s.votes().forEach(v -> votes.addObject().put("who", v.who()).put("response", v.responseText()).put("at", str(v.when())));
        return n;
    }

    @Command(name = "sessions", mixinStandardHelpOptions = true,
            description = {"The approval sessions of an estate: pending ones first (soonest to expire first, with the time left), then past ones "
                    + "(newest first); each with its team, what it approves, who asked and why, every approver's response, the outcome and why.",
                    "Times left count from the estate's capture time.",
                    "Example: redoubt approvals sessions --demo --team northwind-recovery"})
    static final class Sessions implements Runnable {
        private final CliContext ctx;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;
        @Option(names = "--team", paramLabel = "NAME|ARN", description = "Only this team's sessions.")
        String team;
        @Option(names = "--json", description = "The sessions as JSON.")
        boolean json;

        Sessions(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            List<TeamPage> teams = ApprovalTeams.pages(catalog(ctx, load(ctx, source.demo, source.estate)));
            if (team != null) {
                List<TeamPage> chosen = teams.stream().filter(t -> team.equals(t.row().name()) || team.equals(t.row().arn())).toList();
                if (chosen.isEmpty()) {
                    throw new CliException(ExitCodes.USAGE, "--team: the estate has no approval team named " + team + "; its teams are "
                            + (teams.isEmpty() ? "none" : String.join(", ", teams.stream().map(t -> t.row().name()).toList())));
                }
                teams = chosen;
            }
            List<Line> open = new ArrayList<>();
            List<Line> past = new ArrayList<>();
            for (TeamPage t : teams) {
                t.openSessions().forEach(s -> open.add(new Line(t, s)));
                t.pastSessions().forEach(s -> past.add(new Line(t, s)));
            }
            open.sort(java.util.Comparator.comparing((Line l) -> l.session().expires(), java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
            past.sort(java.util.Comparator.comparing((Line l) -> l.session().initiated(), java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
            if (json) {
                ObjectNode o = object();
                ArrayNode p = o.putArray("pending");
                open.forEach(l -> p.add(sessionJson(l.session()).put("team", l.team().row().name()).put("teamArn", l.team().row().arn())));
                ArrayNode d = o.putArray("past");
                past.forEach(l -> d.add(sessionJson(l.session()).put("team", l.team().row().name()).put("teamArn", l.team().row().arn())));
                ctx.out().println(json(o));
                return;
            }
            PrintStream out = ctx.out();
            out.printf(Locale.ROOT, "Pending sessions (%d), soonest to expire first:%n", open.size());
            if (open.isEmpty()) {
                out.println("  none");
            }
            open.forEach(l -> print(out, l));
            out.println();
            out.printf(Locale.ROOT, "Past sessions (%d), newest first:%n", past.size());
            if (past.isEmpty()) {
                out.println("  none");
            }
            past.forEach(l -> print(out, l));
            if (!teams.isEmpty()) {
                out.println();
                out.println("As of the estate's capture, " + when(teams.get(0).at()) + ".");
            }
        }

        private static void print(PrintStream out, Line l) {
            TeamPage.SessionLine s = l.session();
            out.println();
            out.printf(Locale.ROOT, "  %s%s%n", Columns.truncate(s.actionText(), 120), s.open() ? ": " + s.expiryText() : "");
            out.printf(Locale.ROOT, "    Team:       %s (%s needed)%n", Columns.truncate(l.team().row().name(), 80), l.team().thresholdText());
            out.printf(Locale.ROOT, "    Session:    %s%n", Columns.truncate(s.arn(), 200));
            if (s.resourceArn() != null) {
                out.printf(Locale.ROOT, "    For:        %s%n", Columns.truncate(s.resourceArn(), 200));
            }
            out.printf(Locale.ROOT, "    Requested:  %s by %s%s%n", when(s.initiated()), Columns.truncate(s.requester(), 80),
                    s.requesterAccountId() == null ? "" : " (" + s.requesterAccountId() + ")");
            if (s.comment() != null && !s.comment().isBlank()) {
                out.printf(Locale.ROOT, "    Comment:    %s%n", Columns.truncate(s.comment(), 200));
            }
            out.printf(Locale.ROOT, "    Approvals:  %s%n", s.approvalsText());
            for (TeamPage.Vote v : s.votes()) {
                out.printf(Locale.ROOT, "      %-20s %s%s%n", Columns.truncate(v.who(), 20), v.responseText(), v.when() == null ? "" : " on " + when(v.when()));
            }
            out.printf(Locale.ROOT, "    Outcome:    %s%s%n", Columns.truncate(s.outcomeText(), 200),
                    s.completed() == null ? "" : " (" + when(s.completed()) + ")");
        }

        private record Line(TeamPage team, TeamPage.SessionLine session) {
        }
    }

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = {"Ask the approval team of a logically air-gapped vault for restore access (CreateRestoreAccessBackupVault).",
                    "The preflight is printed first; when an item fails, nothing is requested (exit 2). Then the request is sent and journaled.",
                    "--follow then polls its session every 2 s, printing each vote and the outcome; Ctrl+C stops following, not the request.",
                    "Exit 0 when requested (with --follow: approved), 1 when the approvers rejected it or it expired.",
                    "Example: redoubt approvals request arn:aws:backup:eu-west-1:536470192834:backup-vault:central-airgap-eu-west-1 "
                            + "--comment 'INC-5000: restore the shop media' --demo --operator --follow"})
    static final class Request implements Runnable {
        private final CliContext ctx;
        @Parameters(paramLabel = "VAULT_ARN", description = "The air-gapped vault's ARN (arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME).")
        String vaultArn;
        @Option(names = "--comment", required = true, paramLabel = "TEXT", description = "What is restored and why (the ticket): the approvers read it.")
        String comment;
        @Option(names = "--estate", paramLabel = "FILE", description = "The capture the preflight is judged from (required with --profile; "
                + "the demo's own estate with --demo).")
        Path estate;
        @Option(names = "--follow", description = "Follow the session until the approvers decide.")
        boolean follow;
        @Option(names = "--json", description = "The preflight and the request as one JSON object (with --follow, then one JSON object per "
                + "line as votes come in, and the outcome).")
        boolean json;
        @Mixin
        LiveMixin live;

        Request(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            try {
                ApprovalService.checkRequest(vaultArn, comment);
            } catch (ServiceFailure f) {
                throw new CliException(ExitCodes.USAGE, (comment == null || comment.isBlank() ? "--comment: " : "VAULT_ARN: ") + f.getMessage());
            }
            if (!live.demo && estate == null) {
                throw new CliException(ExitCodes.USAGE, "the preflight is judged from a capture of the estate: give --estate FILE (a recent "
                        + "'redoubt scan --out FILE' of the vault's and the team's accounts), or --demo");
            }
            if (live.demo && estate != null) {
                throw new CliException(ExitCodes.USAGE, "--demo serves its own estate: leave out --estate");
            }
            LoadedEstate loaded = load(ctx, live.demo, estate);
            EstateCatalog catalog = catalog(ctx, loaded);
            ApprovalService approvals = ctx.app().approvals();
            Cancellation cancel = new Cancellation();
            try (CtrlC ignored = CtrlC.cancels(ctx, cancel); Connection c = live.connect(ctx, cancel)) {
                RequestPreflight pre = approvals.preflight(c, catalog, vaultArn);
                ObjectNode doc = object();
                if (json) {
                    doc.set("preflight", preflightJson(pre));
                } else {
                    printPreflight(pre);
                }
                if (!pre.ok()) {
                    if (json) {
                        ctx.out().println(json(doc));
                    }
                    List<String> failed = pre.items().stream().filter(i -> i.status() == Status.FAIL && !i.item().equals(ApprovalService.OPERATOR_ITEM))
                            .map(i -> i.item() + " (" + i.reason() + ")").toList();
                    List<String> why = new ArrayList<>(failed);
                    if (c.mode() != Mode.OPERATOR) {
                        why.add("auditor mode is read-only and a request changes AWS: sign in with --operator");
                    }
                    throw new CliException(ExitCodes.USAGE, "nothing was requested: the preflight failed: " + String.join("; ", why));
                }
                RequestedAccess r = approvals.request(c, vaultArn, comment);
                String ra = r.request().restoreAccessVaultArn();
                if (json) {
                    ObjectNode o = doc.putObject("request");
                    o.put("restoreAccessVaultArn", ra).put("restoreAccessVaultName", r.request().restoreAccessVaultName())
                            .put("sourceVaultArn", r.request().sourceVaultArn()).put("state", r.request().state())
                            .put("sessionArn", r.sessionArn()).put("approvalTeamArn", r.approvalTeamArn())
                            .put("requiredApprovals", r.session() == null ? null : r.session().requiredApprovals())
                            .put("expires", r.session() == null ? null : str(r.session().expires())).put("approverPage", approverPage(c));
                    ctx.out().println(json(doc));
                } else {
                    PrintStream out = ctx.out();
                    out.println();
                    out.println("Requested restore access to " + ApprovalWords.shortArn(vaultArn) + " (journaled).");
                    out.println("  Restore-access vault: " + ra + " (" + lower(r.request().state()) + " until approved)");
                    if (r.session() != null) {
                        SessionView s = r.session();
                        out.printf(Locale.ROOT, "  Session:              %s%n", s.sessionArn());
                        out.printf(Locale.ROOT, "  Approvals needed:     %d of the team's %d approvers%s%n", s.requiredApprovals(), s.numberOfApprovers(),
                                s.expires() == null ? "" : ", before " + when(s.expires()));
                    } else if (r.sessionArn() != null) {
                        out.println("  Session:              " + r.sessionArn());
                    }
                    String page = approverPage(c);
                    out.println("  Approvers vote " + (page != null ? "on the sandbox's approver page: " + page : "in the AWS approval portal (the link is in "
                            + "their invitation e-mail)"));
                }
                if (!follow) {
                    if (!json) {
                        ctx.out().println(c.demo() ? DEMO_NOTE : "Follow it with: redoubt approvals follow " + ra + where(c));
                    }
                    return;
                }
                Outcome o = followUntilDecided(ctx, approvals, c, ra, r.sessionArn(), cancel, json, ApprovalTeams.people(loaded.estate()), where(c));
                if (o != Outcome.APPROVED) {
                    throw new CliException(ExitCodes.FINDINGS, "the approvers did not grant restore access (" + lower(o.name()) + ")");
                }
            }
        }

        private static ObjectNode preflightJson(RequestPreflight pre) {
            ObjectNode o = object();
            o.put("vaultArn", pre.vaultArn()).put("approvalTeamArn", pre.approvalTeamArn()).put("requiredApprovals", pre.requiredApprovals())
                    .put("ok", pre.ok());
            ArrayNode items = o.putArray("items");
            for (PreflightCheck i : pre.items()) {
                items.addObject().put("item", i.item()).put("status", i.status().name()).put("reason", i.reason()).put("fix", i.fix());
            }
            return o;
        }

        private void printPreflight(RequestPreflight pre) {
            PrintStream out = ctx.out();
            out.println("Preflight for restore access to " + ApprovalWords.shortArn(pre.vaultArn()) + ":");
            for (PreflightCheck i : pre.items()) {
                out.printf(Locale.ROOT, "  %-7s  %s: %s%n", i.status().name(), i.item(), Columns.truncate(i.reason(), 300));
                if (i.fix() != null && i.status() != Status.PASS) {
                    out.printf(Locale.ROOT, "           what to do: %s%n", Columns.truncate(i.fix(), 300));
                }
            }
        }
    }

    /** The sign-in options of the commands that call AWS: --profile, --auditor|--operator, --demo. */
    static final class LiveMixin {
        @Mixin
        SignInOptions signIn;

        @Option(names = "--demo", description = "Start the demo's sandbox in this process and sign in to it; it stops when the command ends, "
                + "so with --demo follow the request in the same command (--follow).")
        boolean demo;

        Connection connect(CliContext ctx, Cancellation cancel) {
            if (demo && signIn.profile != null) {
                throw new CliException(ExitCodes.USAGE, "--demo and --profile name two places to sign in to; give one");
            }
            Mode mode = signIn.mode();
            return demo ? ctx.app().demo().connect(mode, code -> { }, cancel) : ctx.app().signIn().signIn(signIn.profile, mode);
        }
    }

    /** The sandbox's approver page, or null for AWS (its approvers vote in the approval portal). */
    static String approverPage(Connection c) {
        return Target.sandbox().equals(c.target()) && c.endpoint() != null ? c.endpoint().replaceAll("/+$", "") + "/approvals" : null;
    }

    /** " --profile NAME" to repeat in a suggested command; empty for the demo (see {@link #DEMO_NOTE}). */
    static String where(Connection c) {
        return c.demo() || c.profileName() == null ? "" : " --profile " + Quoting.sh(c.profileName());
    }

    /** What follows, said once a request through --demo has been made. */
    static final String DEMO_NOTE = "The demo's sandbox stops when this command ends, and the request with it. To follow and revoke a request "
            + "in later commands, keep a sandbox running ('redoubt sandbox --demo --write-aws-config sandbox.config') and sign in with its "
            + "profiles (AWS_CONFIG_FILE=sandbox.config, --profile).";

    static String lower(String s) {
        return s == null ? ApprovalWords.NOT_READ : s.toLowerCase(Locale.ROOT);
    }

    /**
     * Polls the session every {@link #POLL} until the approvers decide or Ctrl+C, printing each vote the
     * first time it is seen and the outcome; returns the outcome (PENDING when stopped).
     */
    static Outcome followUntilDecided(CliContext ctx, ApprovalService approvals, Connection c, String ra, String sessionArn, Cancellation cancel,
                                      boolean json, Map<String, String> people, String where) {
        PrintStream out = ctx.out();
        boolean first = true;
        java.util.Set<String> printed = new java.util.HashSet<>();
        while (true) {
            AccessProgress p;
            try {
                p = approvals.follow(c, ra, sessionArn, people);
            } catch (ServiceFailure f) {
                if (f.kind() == ServiceFailure.Kind.CANCELLED || cancel.isCancelled()) {
                    return stopped(ctx, ra, where, json);
                }
                throw f;
            }
            SessionView s = p.session();
            if (first && !json) {
                out.println();
                out.println("Following the approval session " + s.sessionArn() + " (every " + POLL.toSeconds()
                        + " s; Ctrl+C stops following, the request stays open)...");
            }
            first = false;
            // every response of the session, as it stands; the journal takes each once (ApprovalService.follow)
            for (ApproverVote v : s.responses()) {
                if (v.voted() && printed.add(v.approverId() + "/" + v.response())) {
                    printVote(out, v, s, people, json);
                }
            }
            if (s.outcome().finished()) {
                printOutcome(out, p, json, where, c.demo());
                return s.outcome();
            }
            try {
                if (cancel.await(POLL)) {
                    return stopped(ctx, ra, where, json);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return stopped(ctx, ra, where, json);
            }
        }
    }

    private static Outcome stopped(CliContext ctx, String ra, String where, boolean json) {
        throw new CliException(ExitCodes.INTERRUPTED, "stopped following; the request stays open with its approvers: follow it again with: "
                + "redoubt approvals follow " + ra + where);
    }

    private static void printVote(PrintStream out, ApproverVote v, SessionView s, Map<String, String> people, boolean json) {
        String who = people.getOrDefault(v.identityId(), v.identityId() != null ? v.identityId() : v.approverId());
        if (json) {
            ObjectNode o = object();
            o.put("event", "vote").put("sessionArn", s.sessionArn()).put("approver", who).put("approverId", v.approverId())
                    .put("identityId", v.identityId()).put("response", v.response()).put("at", str(v.at()));
            out.println(o.toString());
            return;
        }
        String verb = "APPROVED".equals(v.response()) ? "approved" : "rejected";
        out.printf(Locale.ROOT, "  %s  %s %s (%d of %d required approvals)%n", v.at() == null ? "        " : CLOCK.format(v.at()),
                Columns.truncate(who, 40), verb, s.approvals(), s.requiredApprovals());
    }

    private static void printOutcome(PrintStream out, AccessProgress p, boolean json, String where, boolean demo) {
        SessionView s = p.session();
        if (json) {
            ObjectNode o = object();
            o.put("event", "outcome").put("sessionArn", s.sessionArn()).put("outcome", s.outcome().name()).put("why", s.why())
                    .put("restoreAccessVaultArn", p.restoreAccessVaultArn()).put("vaultState", p.vault() == null ? null : p.vault().state());
            out.println(o.toString());
            return;
        }
        out.println(s.outcome().name() + ": " + s.why() + ".");
        if (s.outcome() == Outcome.APPROVED) {
            out.println("The restore-access vault " + ApprovalWords.shortArn(p.restoreAccessVaultArn()) + " is "
                    + (p.vault() == null ? "not read" : lower(p.vault().state())) + ": restore from it (a restore drill in the window), then revoke it:");
            out.println("  redoubt approvals revoke " + p.restoreAccessVaultArn() + where + " --operator");
            if (demo) {
                out.println(DEMO_NOTE);
            }
        }
    }

    @Command(name = "follow", mixinStandardHelpOptions = true,
            description = {"Follow a restore-access request's approval session until the approvers decide, printing each vote and the outcome.",
                    "Every vote seen and the outcome are journaled once. Auditors may follow (it changes nothing in AWS).",
                    "Exit 0 when approved, 1 when rejected or expired, 130 when stopped with Ctrl+C (the request stays open).",
                    "Example: redoubt approvals follow arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-inc-5000-restore --profile ops"})
    static final class Follow implements Runnable {
        private final CliContext ctx;
        @Parameters(paramLabel = "RESTORE_ACCESS_VAULT_ARN", description = "The restore-access vault the request created (printed by 'request').")
        String restoreAccessVaultArn;
        @Option(names = "--estate", paramLabel = "FILE", description = "A capture to name the approvers by their SSO user names (optional).")
        Path estate;
        @Option(names = "--json", description = "One JSON object per line: each vote, then the outcome.")
        boolean json;
        @Mixin
        LiveMixin live;

        Follow(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            Map<String, String> people = live.demo || estate != null ? ApprovalTeams.people(load(ctx, live.demo, estate).estate()) : Map.of();
            Cancellation cancel = new Cancellation();
            try (CtrlC ignored = CtrlC.cancels(ctx, cancel); Connection c = live.connect(ctx, cancel)) {
                Outcome o = followUntilDecided(ctx, ctx.app().approvals(), c, restoreAccessVaultArn, null, cancel, json, people, where(c));
                if (o != Outcome.APPROVED) {
                    throw new CliException(ExitCodes.FINDINGS, "the approvers did not grant restore access (" + lower(o.name()) + ")");
                }
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Ask the team to close a restore-access vault (RevokeRestoreAccessBackupVault); the revocation is journaled and "
                    + "its own approval session printed. Needs --operator.",
                    "Example: redoubt approvals revoke arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-inc-5000-restore "
                            + "--comment 'Rehearsal done' --profile ops --operator"})
    static final class Revoke implements Runnable {
        private final CliContext ctx;
        @Parameters(paramLabel = "RESTORE_ACCESS_VAULT_ARN", description = "The restore-access vault to close.")
        String restoreAccessVaultArn;
        @Option(names = "--comment", paramLabel = "TEXT", description = "Why (default: \"Restore access no longer needed\").")
        String comment;
        @Option(names = "--json", description = "The revocation as JSON.")
        boolean json;
        @Mixin
        LiveMixin live;

        Revoke(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            Cancellation cancel = new Cancellation();
            try (CtrlC ignored = CtrlC.cancels(ctx, cancel); Connection c = live.connect(ctx, cancel)) {
                RevokeRequest r = ctx.app().approvals().revoke(c, restoreAccessVaultArn, comment);
                if (json) {
                    ObjectNode o = object();
                    o.put("restoreAccessVaultArn", r.restoreAccessVaultArn()).put("sourceVaultArn", r.sourceVaultArn())
                            .put("sessionArn", r.sessionArn()).put("revokeStatus", r.grant() == null ? null : r.grant().revokeStatus());
                    ctx.out().println(json(o));
                    return;
                }
                PrintStream out = ctx.out();
                out.println("Asked the approval team to revoke the restore access " + ApprovalWords.shortArn(r.restoreAccessVaultArn()) + " to "
                        + ApprovalWords.shortArn(r.sourceVaultArn()) + " (journaled).");
                if (r.sessionArn() != null) {
                    out.println("  Revocation session: " + r.sessionArn() + " (" + (r.grant() == null ? "status not read"
                            : lower(r.grant().revokeStatus())) + ")");
                }
                String page = approverPage(c);
                out.println("  The access stays open until the approvers approve the revocation"
                        + (page != null ? " on " + page : " in the AWS approval portal") + ".");
            }
        }
    }

    @Command(name = "requests", mixinStandardHelpOptions = true,
            description = {"Every restore-access request in the journal, newest first: who asked, when, for which vault and why, the outcome last "
                    + "seen (pending until followed) and whether the access was revoked.",
                    "Example: redoubt approvals requests"})
    static final class Requests implements Runnable {
        private final CliContext ctx;
        @Option(names = "--json", description = "The requests as JSON.")
        boolean json;

        Requests(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            List<JournaledRequest> all = DrillCommand.noJournal(ctx) ? List.of() : ctx.app().approvals().requests();
            if (json) {
                ObjectNode o = object();
                ArrayNode a = o.putArray("requests");
                for (JournaledRequest r : all) {
                    a.addObject().put("seq", r.seq()).put("requested", str(r.requested())).put("requester", r.requester())
                            .put("sourceVaultArn", r.sourceVaultArn()).put("restoreAccessVaultArn", r.restoreAccessVaultArn())
                            .put("sessionArn", r.sessionArn()).put("comment", r.comment()).put("refused", r.refused()).put("error", r.error())
                            .put("outcome", r.outcome().name()).put("why", r.why()).put("revokeRequested", r.revokeRequested());
                }
                ctx.out().println(json(o));
                return;
            }
            if (all.isEmpty()) {
                ctx.err().println("No restore-access request in the journal yet: request one with 'redoubt approvals request' or in the window.");
                return;
            }
            PrintStream out = ctx.out();
            String fmt = "%6s  %-17s  %-16s  %-28s  %-46s  %-10s  %-8s  %s%n";
            out.printf(Locale.ROOT, fmt, "SEQ", "REQUESTED", "BY", "AIR-GAPPED VAULT", "RESTORE-ACCESS VAULT", "OUTCOME", "REVOKED", "COMMENT");
            for (JournaledRequest r : all) {
                String outcome = r.refused() ? "REFUSED" : r.outcome().name();
                out.printf(Locale.ROOT, fmt, r.seq(), when(r.requested()).replace(" UTC", ""), Columns.truncate(DrillCommand.who(r.requester()), 16),
                        Columns.truncate(ApprovalWords.shortArn(r.sourceVaultArn()), 28),
                        r.restoreAccessVaultArn() == null ? ApprovalWords.NONE : Columns.truncate(ApprovalWords.shortArn(r.restoreAccessVaultArn()), 46),
                        outcome, r.revokeRequested() ? "asked" : "", Columns.truncate(r.refused() ? r.error() : r.comment(), 80));
            }
            long pending = all.stream().filter(r -> !r.refused() && r.outcome() == Outcome.PENDING).count();
            if (pending > 0) {
                ctx.err().println(pending + (pending == 1 ? " request is" : " requests are") + " PENDING as last seen: follow "
                        + (pending == 1 ? "it" : "each") + " with 'redoubt approvals follow RESTORE_ACCESS_VAULT_ARN' to learn the outcome.");
            }
        }
    }
}
