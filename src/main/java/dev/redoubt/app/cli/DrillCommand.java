package dev.redoubt.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.approvals.RestoreAccessApproval;
import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillText;
import dev.redoubt.drills.MemberState;
import dev.redoubt.drills.PreflightItem;
import dev.redoubt.drills.ResourceHistory;
import dev.redoubt.drills.StepRecord;
import dev.redoubt.findings.Quoting;
import dev.redoubt.journal.JournalVerifier;
import dev.redoubt.journal.Target;
import dev.redoubt.journal.Verification;
import dev.redoubt.report.DrillReport;
import dev.redoubt.services.Actor;
import dev.redoubt.services.AuditService;
import dev.redoubt.services.LoadedEstate;
import dev.redoubt.services.ServiceFailure;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "drill", mixinStandardHelpOptions = true,
        description = {"Read restore drills: each one rebuilt from its steps in the audit journal.",
                "Drills are run in the window (redoubt console); a drill against the sandbox is a REHEARSAL and never counts as a verified restore."},
        subcommands = {DrillCommand.ListDrills.class, DrillCommand.Show.class, DrillCommand.Report.class, DrillCommand.VerifyReport.class,
                DrillCommand.History.class})
public final class DrillCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: name one of " + spec.subcommands().keySet());
    }

    /** "REHEARSAL, signed off", "VERIFIED, signed off", "restoring, interrupted". */
    static String standing(DrillState d) {
        String s = DrillText.status(d.status()).toLowerCase(Locale.ROOT);
        String kind = d.rehearsal() ? "REHEARSAL" : d.verified() ? "VERIFIED" : null;
        return (kind == null ? s : kind + ", " + s) + (d.interrupted() ? ", interrupted" : "");
    }

    /** True when Redoubt's home holds no journal yet: nothing to read, and reading must not create one. */
    static boolean noJournal(CliContext ctx) {
        return !java.nio.file.Files.exists(ctx.existingPaths().journalFiles().database());
    }

    /** The name part of an identity's ARN (an assumed role's session, a user's name), enough for a table. */
    static String who(String arn) {
        return arn == null ? "-" : DrillText.lastPart(arn);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every drill, newest first.")
    static final class ListDrills implements Runnable {
        private final CliContext ctx;

        ListDrills(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            List<DrillState> drills = noJournal(ctx) ? List.of() : ctx.app().drills().all();
            PrintStream out = ctx.out();
            if (drills.isEmpty()) {
                ctx.err().println("No drills in the journal yet: run one in the window (redoubt console).");
                return;
            }
            String fmt = "%-8s  %-32s  %-34s  %-16s  %-16s  %-20s  %s%n";
            out.printf(Locale.ROOT, fmt, "ID", "TITLE", "STATUS", "OPERATOR", "SIGNER", "STARTED", "RTO");
            for (DrillState d : drills) {
                out.printf(Locale.ROOT, fmt, d.id(), Columns.truncate(d.title(), 32), Columns.truncate(standing(d), 34),
                        Columns.truncate(who(d.operator()), 16), Columns.truncate(who(d.signer()), 16),
                        DrillText.time(d.started()).replace(" UTC", ""), DrillText.duration(d.rto()));
            }
            long interrupted = drills.stream().filter(DrillState::interrupted).count();
            if (interrupted > 0) {
                ctx.err().println(interrupted + (interrupted == 1 ? " drill was" : " drills were")
                        + " interrupted (Redoubt closed before it ended): resume or abandon it in the window.");
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One drill: its resources and every step with its time, duration, actor and journal hash.")
    static final class Show implements Runnable {
        private final CliContext ctx;
        @Parameters(paramLabel = "ID", description = "The drill's id (or its start, when no other drill's id starts so).")
        String id;
        @Option(names = "--json", description = "The drill as one JSON object.")
        boolean json;

        Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            if (noJournal(ctx)) {
                throw new CliException(ExitCodes.USAGE, "no drill has the id " + id + ": there is no journal yet at "
                        + ctx.existingPaths().journalFiles().database() + " (Redoubt creates it when it first records something)");
            }
            DrillState d = ctx.app().drills().show(id);
            List<RestoreAccessApproval> approvals = ctx.app().drills().approvals(d.id());
            if (json) {
                ctx.out().println(toJson(d, approvals));
                return;
            }
            PrintStream out = ctx.out();
            if (d.rehearsal()) {
                out.println("REHEARSAL against the sandbox: not evidence of a verified restore.");
            }
            out.printf(Locale.ROOT, "Drill %s: %s%n", d.id(), d.title());
            out.printf(Locale.ROOT, "Status:    %s%s%n", standing(d), d.abandonReason() == null ? "" : " (" + d.abandonReason() + ")");
            if (d.runbookName() != null) {
                out.printf(Locale.ROOT, "Runbook:   %s%n", d.runbookName());
            }
            out.printf(Locale.ROOT, "Operator:  %s%n", d.operator());
            out.printf(Locale.ROOT, "Signer:    %s%n", d.signer() == null ? "-" : d.signer());
            out.printf(Locale.ROOT, "Started:   %s%n", DrillText.time(d.started()));
            out.printf(Locale.ROOT, "Ended:     %s%n", DrillText.time(d.ended()));
            out.printf(Locale.ROOT, "RTO:       %s (first restore job created to last completed)%n", DrillText.duration(d.rto()));
            if (d.notes() != null && !d.notes().isBlank()) {
                out.printf(Locale.ROOT, "Notes:     %s%n", d.notes());
            }
            out.println();
            String mf = "%-3s  %-24s  %-8s  %-36s  %-12s  %-10s  %-10s  %s%n";
            out.printf(Locale.ROOT, mf, "#", "RESOURCE", "TYPE", "RESTORE JOB", "STATUS", "RTO", "RPO", "VALIDATION");
            for (MemberState m : d.members()) {
                String validation = m.validation() == null ? "-" : (m.validation().successful() ? "successful" : "not successful")
                        + (m.validationSentToAws() == null ? "" : ", sent to AWS");
                out.printf(Locale.ROOT, mf, m.member().order() + 1, Columns.truncate(m.member().resourceName(), 24), m.member().resourceType(),
                        m.restoreJobId() == null ? "-" : m.restoreJobId(), m.jobStatus() == null ? "-" : m.jobStatus().toLowerCase(Locale.ROOT),
                        DrillText.duration(m.rto()), DrillText.duration(m.rpo()), validation);
                if (m.jobStatusMessage() != null && !"COMPLETED".equals(m.jobStatus())) {
                    out.printf(Locale.ROOT, "     %s%n", m.jobStatusMessage());
                }
                for (PreflightItem p : m.preflight()) {
                    if (p.verdict() != dev.redoubt.findings.Status.PASS) {
                        out.printf(Locale.ROOT, "     preflight %s: %s%n", p.verdict().name().toLowerCase(Locale.ROOT), p.reason());
                    }
                }
            }
            for (RestoreAccessApproval a : approvals) {
                out.println();
                approval(out, a);
            }
            out.println();
            String sf = "%6s  %-20s  %-10s  %-13s  %-3s  %-8s  %-16s  %-64s  %s%n";
            out.printf(Locale.ROOT, sf, "SEQ", "TIME", "TOOK", "STEP", "#", "OUTCOME", "ACTOR", "HASH", "WHAT");
            for (StepRecord s : d.steps()) {
                out.printf(Locale.ROOT, sf, s.seq(), DrillText.time(s.time()).replace(" UTC", ""), DrillText.duration(s.duration()), s.step().spelling(),
                        s.member() < 0 ? "" : String.valueOf(s.member() + 1), s.outcome(), Columns.truncate(who(s.actor()), 16), s.hash(), s.text());
            }
            out.println();
            out.println("Each step is a journal entry; check them all with: redoubt journal verify");
        }

        /** The approval behind a restore-access vault the drill restored through, as the journal recorded it. */
        private static void approval(PrintStream out, RestoreAccessApproval a) {
            out.printf(Locale.ROOT, "Restored through the restore-access vault %s, opened by multi-party approval onto the air-gapped vault %s%n",
                    vaultName(a.restoreAccessVaultArn()), vaultName(a.sourceVaultArn()));
            if (a.stillOpen()) {
                out.printf(Locale.ROOT, "  STILL OPEN: %s%n", a.revocation() == null ? "no revocation is in the journal; revoke the access once the drill is done"
                        : a.revocation().refused() ? "AWS refused the revocation" + (a.revocation().error() == null ? "" : ": " + clean(a.revocation().error()))
                        : "the revocation's approval was not seen; the access may still be open");
            }
            out.printf(Locale.ROOT, "  Team:       %s, %s%n", a.approvalTeamName() != null ? a.approvalTeamName() : a.approvalTeamArn() == null ? "not recorded" : a.approvalTeamArn(),
                    a.requiredApprovals() == null ? "threshold not recorded"
                            : a.requiredApprovals() + " of " + (a.numberOfApprovers() == null ? "its" : a.numberOfApprovers()) + " approvers must approve");
            if (a.requested() == null) {
                out.println("  Requested:  not through Redoubt (no request in the journal)");
            } else {
                out.printf(Locale.ROOT, "  Requested:  %s by %s: \"%s\"%n", DrillText.time(a.requested()), who(a.requester()),
                        a.comment() == null ? "" : clean(a.comment()));
            }
            for (RestoreAccessApproval.Vote v : a.votes()) {
                out.printf(Locale.ROOT, "  Vote:       %s %s %s%n", clean(v.who()),
                        v.response() == null ? "responded" : v.response().toLowerCase(Locale.ROOT), DrillText.time(v.when()));
            }
            out.printf(Locale.ROOT, "  Outcome:    %s%n", decision(a.decision())
                    + (a.timeToApproval() == null ? "" : ", " + DrillText.duration(a.timeToApproval()) + " after the request"));
            RestoreAccessApproval.Revocation r = a.revocation();
            if (r == null) {
                out.println("  Revoked:    no (still open)");
            } else {
                out.printf(Locale.ROOT, "  Revocation: asked %s by %s%s%s%n", DrillText.time(r.requested()), who(r.requester()),
                        r.comment() == null ? "" : ": \"" + clean(r.comment()) + "\"", r.refused() ? "; refused by AWS" : "; " + decision(r.decision()));
                for (RestoreAccessApproval.Vote v : r.votes()) {
                    out.printf(Locale.ROOT, "  Vote:       %s %s the revocation %s%n", clean(v.who()),
                            v.response() == null ? "responded to" : v.response().toLowerCase(Locale.ROOT), DrillText.time(v.when()));
                }
            }
        }

        private static String decision(RestoreAccessApproval.Decision d) {
            return d == null ? "not seen decided (its session was not followed to its end)"
                    : d.outcome().name().toLowerCase(Locale.ROOT) + " " + DrillText.time(d.when()) + (d.why() == null ? "" : " (" + clean(d.why()) + ")");
        }
    }

    /** Text from the journal as the terminal shows it: controls, bidi overrides and line breaks as escapes. */
    static String clean(String s) {
        return Columns.truncate(s, Integer.MAX_VALUE);
    }

    /** The name of a vault from its ARN. */
    static String vaultName(String arn) {
        if (arn == null) {
            return "(not recorded)";
        }
        int i = arn.indexOf(":backup-vault:");
        return i < 0 ? arn : arn.substring(i + ":backup-vault:".length());
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"Write a drill's self-contained HTML report for the auditor's file.",
                    "The export is journaled before the file is written.",
                    "Example: redoubt drill report 7f3a91c2 --output drill.html"})
    static final class Report implements Runnable {
        private final CliContext ctx;
        @Parameters(paramLabel = "ID", description = "The drill's id (or its start).")
        String id;
        @Option(names = {"--output", "--out"}, required = true, paramLabel = "FILE.html", description = "Where to write the report.")
        Path output;

        Report(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            Outputs.refuseInputs(ctx, "--output", output);
            DrillState d = ctx.app().drills().show(id);
            Path written = ctx.app().drills().exportReport(Actor.offline(Target.none()), d.id(), output);
            ctx.out().printf(Locale.ROOT, "Wrote the report of drill %s (%s%s) to %s%n", d.id(), d.title(), d.rehearsal() ? ", a REHEARSAL" : "", written);
            ctx.out().println("Check it against the journal with: redoubt drill verify " + Quoting.sh(written.toString()));
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check a drill report against the journal it quotes.",
                    "First the journal itself (as 'redoubt journal verify' does), then the report's entries: each line still hashes "
                            + "to its hash, and the lines are exactly the journal's entries of that drill (same seq, hash and content, "
                            + "none added or left out). Exit 0 when both hold, 3 at the first problem.",
                    "Example: redoubt drill verify drill.html"})
    static final class VerifyReport implements Runnable {
        private final CliContext ctx;
        @Parameters(paramLabel = "REPORT.html", description = "A report written by 'drill report' or the window's Export report.")
        Path report;

        VerifyReport(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            String html;
            try {
                html = java.nio.file.Files.readString(report, java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                throw new CliException(ExitCodes.USAGE, report + ": cannot read the report (" + e.getMessage()
                        + "); give the path of an HTML file written by 'redoubt drill report'");
            }
            if (noJournal(ctx)) {
                throw new CliException(ExitCodes.USAGE, "there is no journal at " + ctx.existingPaths().journalFiles().database()
                        + " to check " + report + " against; run this where the drill was journaled (REDOUBT_HOME)");
            }
            Verification v = JournalVerifier.verify(ctx.existingPaths().journalFiles(), java.util.Optional.empty());
            if (!v.ok()) {
                throw new CliException(ExitCodes.VERIFICATION_FAILED, v.source() + ": the journal does not verify: " + v.problem().message()
                        + "; the report cannot be checked against it", "problem kind: " + v.problem().kind(), null);
            }
            DrillReport.ReportCheck check = ctx.app().drills().verifyReport(html);
            if (!check.ok()) {
                throw new CliException(ExitCodes.VERIFICATION_FAILED, report + ": does not verify against the journal: " + check.message()
                        + "; do not rely on this report");
            }
            ctx.out().println(report + ": " + check.message());
            ctx.out().printf(Locale.ROOT, "journal %s: OK: %s, key %s%n", v.source(), Columns.plural(v.entries(), "entry", "entries"), v.keyFingerprint());
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = {"Per resource: the last verified restore, its measured RTO against the target, and when the next drill is due; overdue first.",
                    "The cadence is drills.cadenceDays in settings.json (default 180 days). Rehearsals are shown but never count as verified.",
                    "Example: redoubt drill history --estate capture.json"})
    static final class History implements Runnable {
        private final CliContext ctx;

        static final class Source {
            @Option(names = "--estate", paramLabel = "FILE", description = "An estate file (redoubt-estate/1): a capture or a generated estate.")
            Path estate;

            @Option(names = "--demo", description = "The built-in Northwind demo organization.")
            boolean demo;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        History(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            LoadedEstate loaded;
            try {
                loaded = source.demo ? ctx.app().estates().demo() : ctx.app().estates().open(source.estate);
            } catch (ServiceFailure f) {
                if (f.kind() == ServiceFailure.Kind.BAD_INPUT && f.fact("problems") != null) {
                    throw new CliException(ExitCodes.USAGE, f.getMessage() + "; every problem: redoubt estate validate " + Quoting.sh(source.estate.toString()));
                }
                throw f;
            }
            var index = ctx.app().audits().audit(loaded.estate(), AuditService.subjectOf(loaded)).index();
            List<ResourceHistory> rows = ctx.app().drills().history(index);
            PrintStream out = ctx.out();
            String fmt = "%-28s  %-8s  %-20s  %-10s  %-8s  %-20s  %-8s  %s%n";
            out.printf(Locale.ROOT, fmt, "RESOURCE", "TYPE", "LAST VERIFIED", "RTO", "TARGET", "DUE", "OVERDUE", "LAST REHEARSAL");
            for (ResourceHistory h : rows) {
                out.printf(Locale.ROOT, fmt, Columns.truncate(h.resourceName(), 28), h.resourceType() == null ? "-" : h.resourceType(),
                        h.lastVerified() == null ? "never" : DrillText.time(h.lastVerified()).replace(" UTC", ""), DrillText.duration(h.measuredRto()),
                        DrillText.duration(h.rtoTarget()), h.dueAt() == null ? "now" : DrillText.time(h.dueAt()).replace(" UTC", ""),
                        h.overdue() ? "OVERDUE" : "", h.lastRehearsal() == null ? "-" : DrillText.time(h.lastRehearsal()).replace(" UTC", "")
                                + " (" + h.lastRehearsalDrill() + ")");
            }
            long overdue = rows.stream().filter(ResourceHistory::overdue).count();
            ctx.out().printf(Locale.ROOT, "%,d of %s overdue for a verified restore drill (every %d days, as of %s)%n", overdue, Columns.plural(rows.size(), "resource"),
                    ctx.app().drills().cadenceDays(), DrillText.time(index.at()));
        }
    }

    static String toJson(DrillState d) {
        return toJson(d, List.of());
    }

    static String toJson(DrillState d, List<RestoreAccessApproval> approvals) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = mapper.createObjectNode();
        o.put("id", d.id()).put("title", d.title()).put("runbook", d.runbookName()).put("rehearsal", d.rehearsal()).put("verified", d.verified())
                .put("target", d.target()).put("status", d.status().name()).put("interrupted", d.interrupted()).put("operator", d.operator())
                .put("signer", d.signer()).put("started", str(d.started())).put("ended", str(d.ended())).put("rtoMs", ms(d.rto()))
                .put("notes", d.notes()).put("abandonReason", d.abandonReason());
        ArrayNode members = o.putArray("members");
        for (MemberState m : d.members()) {
            ObjectNode n = members.addObject();
            n.put("order", m.member().order()).put("resourceArn", m.member().resourceArn()).put("resourceType", m.member().resourceType())
                    .put("resourceName", m.member().resourceName()).put("accountId", m.member().accountId()).put("region", m.member().region())
                    .put("recoveryPointArn", m.recoveryPointArn()).put("pointCreated", str(m.pointCreated())).put("iamRoleArn", m.iamRoleArn())
                    .put("restoreJobId", m.restoreJobId()).put("jobStatus", m.jobStatus()).put("jobStatusMessage", m.jobStatusMessage())
                    .put("createdResourceArn", m.createdResourceArn()).put("rtoMs", ms(m.rto())).put("rpoMs", ms(m.rpo()))
                    .put("validationSuccessful", m.validation() == null ? null : m.validation().successful())
                    .put("validationSentToAws", m.validationSentToAws()).put("cleanUpConfirmed", m.cleanUpConfirmed());
            ArrayNode pf = n.putArray("preflight");
            for (PreflightItem p : m.preflight()) {
                pf.addObject().put("id", p.id()).put("verdict", p.verdict().name()).put("reason", p.reason()).put("fix", p.fix());
            }
        }
        ArrayNode steps = o.putArray("steps");
        for (StepRecord s : d.steps()) {
            ObjectNode n = steps.addObject();
            n.put("seq", s.seq()).put("hash", s.hash()).put("step", s.step().spelling());
            if (s.member() >= 0) {
                n.put("member", s.member());
            }
            n.put("outcome", s.outcome()).put("time", str(s.time())).put("durationMs", ms(s.duration())).put("actor", s.actor()).put("text", s.text());
        }
        ArrayNode access = o.putArray("restoreAccess");
        for (RestoreAccessApproval a : approvals) {
            ObjectNode n = access.addObject();
            n.put("restoreAccessVaultArn", a.restoreAccessVaultArn()).put("sourceVaultArn", a.sourceVaultArn()).put("approvalTeamArn", a.approvalTeamArn())
                    .put("approvalTeamName", a.approvalTeamName()).put("requiredApprovals", a.requiredApprovals()).put("numberOfApprovers", a.numberOfApprovers())
                    .put("sessionArn", a.sessionArn()).put("requester", a.requester()).put("requested", str(a.requested())).put("comment", a.comment());
            votes(n.putArray("votes"), a.votes());
            decision(n, a.decision());
            n.put("timeToApprovalMs", ms(a.timeToApproval())).put("revoked", a.revoked()).put("stillOpen", a.stillOpen());
            RestoreAccessApproval.Revocation r = a.revocation();
            if (r == null) {
                n.putNull("revocation");
            } else {
                ObjectNode rv = n.putObject("revocation");
                rv.put("requester", r.requester()).put("requested", str(r.requested())).put("comment", r.comment()).put("refused", r.refused())
                        .put("error", r.error()).put("sessionArn", r.sessionArn());
                votes(rv.putArray("votes"), r.votes());
                decision(rv, r.decision());
            }
        }
        try {
            return mapper.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void votes(ArrayNode into, List<RestoreAccessApproval.Vote> votes) {
        for (RestoreAccessApproval.Vote v : votes) {
            into.addObject().put("approverId", v.approverId()).put("identityId", v.identityId()).put("approverName", v.name()).put("response", v.response())
                    .put("respondedAt", str(v.at())).put("seen", str(v.seen())).put("seq", v.seq());
        }
    }

    private static void decision(ObjectNode into, RestoreAccessApproval.Decision d) {
        into.put("outcome", d == null ? null : d.outcome().name()).put("why", d == null ? null : d.why())
                .put("decided", d == null ? null : str(d.when())).put("outcomeSeq", d == null ? null : d.seq());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Long ms(Duration d) {
        return d == null ? null : d.toMillis();
    }
}
