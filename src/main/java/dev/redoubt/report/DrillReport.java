package dev.redoubt.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.approvals.Outcome;
import dev.redoubt.approvals.RestoreAccessApproval;
import dev.redoubt.drills.CheckResult;
import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillStatus;
import dev.redoubt.drills.DrillStep;
import dev.redoubt.drills.DrillText;
import dev.redoubt.drills.MemberState;
import dev.redoubt.drills.StepRecord;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.Journal;
import dev.redoubt.text.SafeText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The drill report: one self-contained HTML page for the auditor's file (inline CSS, no script, no
 * network), readable on paper. The verdict first (a rehearsal against the sandbox says so in a banner
 * and is never shown as a verified restore), the identities, the measured RTO and RPO, every step in
 * words, then the evidence: every journal entry of the drill as its canonical JSON line with its hash,
 * and how to verify them, with Redoubt and by hand. Every string from the journal is escaped. A drill
 * that restored through a restore-access vault also shows the multi-party approval behind it (request,
 * votes, outcome, revocation; {@link DrillApprovals}), whose entries join the evidence.
 *
 * <p>{@link #verify(String, Journal)} checks a report against a journal: each line still matches its
 * hash, and the lines are exactly the journal's entries of that drill (same seq, same hash, same content).
 */
public final class DrillReport {
    /** The id of the {@code <pre>} that holds the canonical lines, one entry a line (the by-hand check reads it). */
    public static final String LINES_ID = "journal-lines";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Pattern LINES = Pattern.compile("<pre id=\"" + LINES_ID + "\"[^>]*>(.*?)</pre>", Pattern.DOTALL);
    private static final Pattern DRILL = Pattern.compile("<meta name=\"redoubt-drill\" content=\"([^\"]*)\">");

    private DrillReport() {
    }

    /** The by-hand check of the report's entries, as printed in the report (Python 3, no library). */
    public static final String PYTHON_CHECK = """
            import sys, re, html, json, hashlib
            page = open(sys.argv[1], encoding="utf-8").read()
            block = re.search(r'<pre id="journal-lines"[^>]*>(.*?)</pre>', page, re.S).group(1)
            last = None
            for line in html.unescape(block).split("\\n"):
                e = json.loads(line); h = e.pop("hash")
                canon = json.dumps(e, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
                assert hashlib.sha256(canon.encode("utf-8")).hexdigest() == h, f"entry {e['seq']} was altered"
                assert last is None or e["seq"] != last[0] + 1 or e["prev"] == last[1], f"chain broken at {e['seq']}"
                last = (e["seq"], h)
                print(e["seq"], h, "ok")
            """;

    /** The verdict of a drill, in the auditor's words. */
    public enum Verdict {
        VERIFIED("Verified restore"), REHEARSAL("Rehearsal"), FAILED("Failed"), ABANDONED("Abandoned"),
        AWAITING_SIGN_OFF("Awaiting sign-off"), IN_PROGRESS("In progress");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** What the drill's journal entries amount to: abandoned, failed, a rehearsal, verified, waiting for sign-off, or still going. */
    public static Verdict verdict(DrillState d) {
        if (d.status() == DrillStatus.ABANDONED) {
            return Verdict.ABANDONED;
        }
        if (failed(d)) {
            return Verdict.FAILED;
        }
        if (d.rehearsal()) {
            return Verdict.REHEARSAL;
        }
        if (d.verified()) {
            return Verdict.VERIFIED;
        }
        if (d.status() == DrillStatus.AWAITING_SIGN_OFF) {
            return Verdict.AWAITING_SIGN_OFF;
        }
        return d.status() == DrillStatus.SIGNED_OFF ? Verdict.FAILED : Verdict.IN_PROGRESS;
    }

    private static boolean failed(DrillState d) {
        for (MemberState m : d.members()) {
            if ("FAILED".equals(m.jobStatus()) || "ABORTED".equals(m.jobStatus())) {
                return true;
            }
            if (m.validation() != null && !m.validation().successful()) {
                return true;
            }
        }
        return d.steps().stream().anyMatch(s -> s.step() == DrillStep.START_RESTORE && "failed".equals(s.outcome()));
    }

    /**
     * The report of {@code drill}: {@code entries} are the drill's journal entries, with the approval entries of the
     * restore-access vaults it restored through if any (oldest first; they are sorted by seq here), {@code journalKeyFingerprint} the journal key's ({@code sha256:…}; null when unknown).
     */
    public static String html(DrillState drill, List<Entry> entries, String journalKeyFingerprint) {
        return html(drill, entries, journalKeyFingerprint, null);
    }

    /**
     * As above, with the RTO target to measure the drill against (the team's restore-time threshold); null takes
     * the one the drill's entries recorded ({@code rtoTargetMs} of its summary or begin step), if any.
     */
    public static String html(DrillState drill, List<Entry> entries, String journalKeyFingerprint, Duration rtoTarget) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::seq));
        return new Page(drill, sorted, journalKeyFingerprint, rtoTarget).write();
    }

    // ------------------------------------------------------------------------------------------------ the page

    private static final String CSS = """
            :root{--ink:#1d2330;--muted:#5b6475;--line:#d9dee7;--bg:#f5f7fa;--pass:#1b7f45;--fail:#b42318;--unk:#8a6d00;--warn:#b54708;--reh:#5a4fcf}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
            main{max-width:1100px;margin:0 auto;padding:28px 32px 48px}
            h1{font-size:24px;margin:0 0 2px}h2{font-size:18px;margin:34px 0 10px;padding-bottom:6px;border-bottom:2px solid var(--ink)}
            h3{font-size:15px;margin:18px 0 6px}
            .sub{color:var(--muted);margin:0 0 16px}
            table{border-collapse:collapse;width:100%;margin:6px 0 10px}
            th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}
            th{font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted);font-weight:600}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .meta td:first-child{color:var(--muted);width:190px}
            code,.mono,pre{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:12px}
            .arn,.hash{word-break:break-all}.hash{font-size:11px}
            pre{white-space:pre-wrap;word-break:break-all;background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:7px 9px;margin:4px 0}
            pre.lines{font-size:10.5px;line-height:1.5}
            .banner{border:2px solid var(--reh);background:#efedfc;color:#2f2780;border-radius:8px;padding:10px 14px;margin:12px 0;font-weight:600}
            .banner b{letter-spacing:.06em}
            .verdict{display:flex;gap:16px;align-items:center;border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:14px 0;break-inside:avoid}
            .verdict .word{font-size:22px;font-weight:700;white-space:nowrap}
            .verdict.VERIFIED{border-color:var(--pass)}.verdict.VERIFIED .word{color:var(--pass)}
            .verdict.FAILED,.verdict.ABANDONED{border-color:var(--fail)}.verdict.FAILED .word,.verdict.ABANDONED .word{color:var(--fail)}
            .verdict.REHEARSAL{border-color:var(--reh)}.verdict.REHEARSAL .word{color:var(--reh)}
            .verdict.AWAITING_SIGN_OFF .word,.verdict.IN_PROGRESS .word{color:var(--warn)}
            .badge{display:inline-block;border-radius:3px;padding:0 6px;font-size:11px;font-weight:700;color:#fff;letter-spacing:.03em;white-space:nowrap}
            .PASS,.ok,.PASSED{background:var(--pass)}.FAIL,.failed,.FAILED{background:var(--fail)}.UNKNOWN,.skipped,.NOT_DONE{background:var(--unk)}
            .REH{background:var(--reh)}
            .step{border-top:1px solid var(--line);padding:8px 0 6px;break-inside:avoid}
            .step .head{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
            .step .name{font-weight:700}.step .when{color:var(--muted);font-size:12px}
            .step .words{margin:3px 0}
            .ev{font-size:12px;margin:4px 0}.ev th{font-size:11px}.ev td{padding:2px 6px}
            .over{color:var(--fail);font-weight:700}.within{color:var(--pass);font-weight:700}
            .gap td{color:var(--muted);font-style:italic}.nw{white-space:nowrap}
            .members td{font-size:13px}.members .mono{font-size:11px}.members td:nth-child(2){width:26%}.members td:nth-child(3),.members td:nth-child(4){width:24%}
            .APPROVED{background:var(--pass)}.REJECTED{background:var(--fail)}.EXPIRED,.ENDED,.NOTSEEN{background:var(--unk)}
            .warnbox{border:2px solid var(--warn);background:#fef3e8;color:#7a2e0e;border-radius:8px;padding:8px 14px;margin:10px 0;break-inside:avoid}
            .okbox{border:1px solid var(--pass);background:#ecf7f0;color:#0f4d2a;border-radius:8px;padding:8px 14px;margin:10px 0;break-inside:avoid}
            .approval{break-inside:avoid}
            ol.how>li{margin:0 0 12px}
            footer{margin-top:36px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:10px}
            @media print{main{max-width:none;padding:0}body{font-size:11px}h2{break-after:avoid}pre.lines{font-size:8px}
            *{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit}}
            @page{size:A4;margin:14mm 12mm}
            """;

    private static final class Page {
        private final DrillState d;
        private final List<Entry> entries;
        private final String fingerprint;
        private final StringBuilder b = new StringBuilder(16_384);
        private final Map<Long, StepRecord> stepsBySeq = new HashMap<>();
        private final Duration rtoTarget;
        /** The drill's own entries (its steps); {@code entries} also holds the approval entries of the restore-access vaults it restored through. */
        private final List<Entry> drillEntries = new ArrayList<>();
        private final List<RestoreAccessApproval> approvals;

        Page(DrillState d, List<Entry> entries, String fingerprint, Duration target) {
            this.d = d;
            this.entries = entries;
            this.fingerprint = fingerprint;
            List<Entry> approvalEntries = new ArrayList<>();
            for (Entry e : entries) {
                (DrillApprovals.isApproval(e.action()) ? approvalEntries : drillEntries).add(e);
            }
            this.approvals = DrillApprovals.approvals(drillEntries, approvalEntries);
            for (StepRecord s : d.steps()) {
                stepsBySeq.put(s.seq(), s);
            }
            this.rtoTarget = target != null ? target : rtoTarget(entries);
        }

        private void p(String s) {
            b.append(s);
        }

        String write() {
            p("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
            p("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
            p("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
            p("<meta name=\"redoubt-drill\" content=\"" + esc(d.id()) + "\">");
            p("<title>" + (d.rehearsal() ? "REHEARSAL: " : "") + "Restore drill: " + esc(d.title()) + "</title><style>" + CSS + "</style></head><body><main>\n");
            header();
            members();
            approvals();
            steps();
            evidence();
            howToVerify();
            p("<footer>Drill report generated by Redoubt from the audit journal's entries " + seqRange()
                    + ". The report itself is not signed: it is evidence as far as its entries match the journal or a signed export (see How to verify).</footer>\n");
            p("</main></body></html>\n");
            return b.toString();
        }

        private String seqRange() {
            return entries.isEmpty() ? "(none)" : entries.get(0).seq() + " to " + entries.get(entries.size() - 1).seq();
        }

        private void header() {
            p("<h1>Restore drill: " + esc(d.title()) + "</h1>\n");
            p("<p class=\"sub\">AWS Well-Architected REL09-BP02: proof that backups restore. Drill <span class=\"mono\">" + esc(d.id()) + "</span>"
                    + (d.runbookName() == null ? ", a one-off drill" : ", from the runbook " + q(d.runbookName())) + ".</p>\n");
            if (d.rehearsal()) {
                p("<div class=\"banner\"><b>REHEARSAL</b> · run against the sandbox, not AWS: not evidence of a verified restore.</div>\n");
            }
            Verdict v = verdict(d);
            p("<div class=\"verdict " + v.name() + "\"><div class=\"word\">" + v.words() + "</div><div>" + verdictWords(v) + "</div></div>\n");
            p("<table class=\"meta\">");
            meta("Status", esc(statusWords(d.status())) + (d.interrupted() ? " (interrupted: it can be resumed or abandoned)" : ""));
            meta("Against", d.rehearsal() ? "the sandbox (rehearsal)" : esc(targetWords(d.target())));
            meta("Operator", identity(d.operator()));
            meta("Signed off by", d.signer() == null ? "<i>not signed off</i>" : identity(d.signer()));
            meta("Started", esc(time(d.started())));
            meta("Ended", d.ended() == null ? "<i>not ended</i>" : esc(time(d.ended())) + " (" + esc(duration(Duration.between(d.started(), d.ended()))) + " in all)");
            meta("Measured RTO", rtoWords(d.rto(), rtoTarget) + " <span class=\"sub\">(first restore job created to last completed, AWS's times)</span>");
            StringBuilder rpo = new StringBuilder();
            for (MemberState m : d.members()) {
                rpo.append(rpo.length() == 0 ? "" : "<br>").append(esc(m.member().resourceName())).append(": ")
                        .append(m.rpo() == null ? "<i>no restore started</i>" : esc(duration(m.rpo())) + " (the recovery point's age when its restore started)");
            }
            meta("RPO per resource", rpo.length() == 0 ? "<i>no resources</i>" : rpo.toString());
            if (d.notes() != null && !d.notes().isBlank()) {
                meta("Operator's notes", esc(d.notes()));
            }
            if (d.abandonReason() != null) {
                meta("Abandoned because", esc(d.abandonReason()));
            }
            meta("Journal key", fingerprint == null ? "<i>not given</i>" : "<span class=\"mono arn\">" + esc(fingerprint) + "</span>");
            p("</table>\n");
        }

        private String verdictWords(Verdict v) {
            return switch (v) {
                case VERIFIED -> "Every resource was restored by AWS, validated and its restore signed off by a second person.";
                case REHEARSAL -> "A rehearsal against the sandbox" + (d.status() == DrillStatus.SIGNED_OFF ? ", signed off" : "")
                        + ". It shows the procedure and the people; it never counts as a verified restore.";
                case FAILED -> (d.rehearsal() ? "A rehearsal against the sandbox that failed: " : "") + esc(failure());
                case ABANDONED -> "The drill was given up" + (d.abandonReason() == null ? "." : ": " + esc(d.abandonReason()));
                case AWAITING_SIGN_OFF -> "The restore is done and summarized; a second person has not signed it off yet, so it is not yet a verified restore.";
                case IN_PROGRESS -> "The drill is not finished" + (d.interrupted() ? " and was interrupted" : "") + ": it is not a verified restore.";
            };
        }

        private String failure() {
            for (MemberState m : d.members()) {
                String name = m.member().resourceName();
                if ("FAILED".equals(m.jobStatus()) || "ABORTED".equals(m.jobStatus())) {
                    return "the restore job of " + name + " ended " + m.jobStatus() + (m.jobStatusMessage() == null ? "." : " (AWS: " + m.jobStatusMessage() + ").");
                }
                if (m.validation() != null && !m.validation().successful()) {
                    return "the validation of " + name + " did not pass.";
                }
            }
            for (StepRecord s : d.steps()) {
                if (s.step() == DrillStep.START_RESTORE && "failed".equals(s.outcome())) {
                    return "a restore could not be started" + (s.text() == null ? "." : ": " + s.text());
                }
            }
            return "the drill was signed off although not every restore completed and was validated.";
        }

        private void meta(String k, String html) {
            p("<tr><td>" + esc(k) + "</td><td>" + html + "</td></tr>");
        }

        private void members() {
            p("<h2>Resources restored</h2>\n");
            if (d.members().isEmpty()) {
                p("<p>No resources.</p>\n");
                return;
            }
            p("<table class=\"members\"><tr><th>#</th><th>Resource</th><th>Recovery point</th><th>Restore job</th><th class=\"n\">RTO</th><th class=\"n\">RPO</th><th>Validation and clean-up</th></tr>");
            for (MemberState m : d.members()) {
                var mem = m.member();
                p("<tr><td>" + (mem.order() + 1) + "</td><td><b>" + esc(mem.resourceName()) + "</b> " + esc(mem.resourceType()) + "<br><span class=\"mono arn\">"
                        + esc(mem.resourceArn()) + "</span><br><span class=\"sub\">account " + esc(mem.accountId()) + " · " + esc(mem.region()) + "</span></td>");
                p("<td>" + (m.recoveryPointArn() == null ? "<i>not chosen</i>" : "<span class=\"mono arn\">" + esc(m.recoveryPointArn()) + "</span>"
                        + (m.pointCreated() == null ? "" : "<br>made " + esc(time(m.pointCreated())))) + "</td>");
                p("<td>" + (m.restoreJobId() == null ? "<i>not started</i>" : "<span class=\"mono arn\">" + esc(m.restoreJobId()) + "</span><br>"
                        + esc(m.jobStatus() == null ? "status not read" : m.jobStatus()) + (m.jobStatusMessage() == null || m.jobStatusMessage().isBlank() ? ""
                        : "<br><span class=\"sub\">AWS: " + esc(m.jobStatusMessage()) + "</span>")
                        + (m.createdResourceArn() == null ? "" : "<br>created <span class=\"mono arn\">" + esc(m.createdResourceArn()) + "</span>")) + "</td>");
                p("<td class=\"n\">" + (m.rto() == null ? "-" : esc(duration(m.rto()))) + "</td><td class=\"n\">" + (m.rpo() == null ? "-" : esc(duration(m.rpo()))) + "</td>");
                String val = m.validation() == null ? "<i>not validated</i>"
                        : (m.validation().successful() ? "<span class=\"badge PASS\">PASSED</span>" : "<span class=\"badge FAIL\">NOT PASSED</span>")
                        + (m.validationSentToAws() == null ? "<br><span class=\"sub\">not sent to AWS</span>" : "<br><span class=\"sub\">sent to AWS: " + esc(m.validationSentToAws()) + "</span>");
                int deleted = m.cleanedUp() == null ? 0 : m.cleanedUp().size();
                p("<td>" + val + "<br>" + (m.cleanUpConfirmed() ? "clean-up confirmed" + (deleted == 0 ? "" : " (" + deleted + " deleted)") : "<i>clean-up not confirmed</i>")
                        + "</td></tr>");
            }
            p("</table>\n");
        }

        private void approvals() {
            if (approvals.isEmpty()) {
                return;
            }
            p("<h2>Multi-party approval</h2>\n<p class=\"sub\">This drill restored through a restore-access vault: a vault that opens a logically air-gapped vault "
                    + "only once the vault's approval team has approved the request (REL09-BP02: more than one person approves a recovery from the last line of defence). "
                    + "The request, every vote Redoubt saw, the outcome and the revocation, as the journal recorded them; their entries are in the evidence below.</p>\n");
            for (RestoreAccessApproval a : approvals) {
                approval(a);
            }
        }

        private void approval(RestoreAccessApproval a) {
            p("<div class=\"approval\"><h3>Restore access to " + esc(vaultName(a.sourceVaultArn())) + " through " + esc(vaultName(a.restoreAccessVaultArn())) + "</h3>\n");
            if (a.stillOpen()) {
                p("<div class=\"warnbox\"><b>Still open when this report was made.</b> " + esc(openWords(a)) + " While it is open, the restore-access vault's account "
                        + "can restore from the air-gapped vault: revoke the access once the drill is done (check MPA-07).</div>\n");
            } else if (a.revoked()) {
                Instant closed = a.revocation().decision().when();
                Duration open = a.requested() == null || closed == null ? null : Duration.between(a.requested(), closed);
                p("<div class=\"okbox\"><b>Revoked.</b> The access was closed " + esc(time(closed))
                        + (open == null || open.isNegative() ? "." : ", " + esc(duration(open)) + " after it was requested.") + "</div>\n");
            }
            p("<table class=\"meta\">");
            meta("Air-gapped vault", vault(a.sourceVaultArn()));
            meta("Restore-access vault", vault(a.restoreAccessVaultArn()));
            String team = a.approvalTeamName() != null ? "<b>" + esc(a.approvalTeamName()) + "</b>" : a.approvalTeamArn() == null ? "<i>not recorded</i>" : "";
            if (a.approvalTeamArn() != null) {
                team += (team.isEmpty() ? "" : " ") + "<span class=\"mono arn sub\">" + esc(a.approvalTeamArn()) + "</span>";
            }
            meta("Approval team", team);
            meta("Threshold", a.requiredApprovals() == null ? "<i>not recorded</i>" : "<b>" + a.requiredApprovals() + " of "
                    + (a.numberOfApprovers() == null ? "the team's" : String.valueOf(a.numberOfApprovers())) + "</b> approvers must approve");
            if (a.requested() == null) {
                meta("Requested", "<i>not through Redoubt: the journal holds no request for this vault</i>");
            } else {
                meta("Requested by", identity(a.requester()) + "<br>" + esc(time(a.requested())) + " <span class=\"sub\">(Redoubt session <span class=\"mono\">"
                        + esc(a.requesterSession()) + "</span>)</span>");
                meta("Comment", a.comment() == null ? "<i>none</i>" : q(a.comment()));
            }
            meta("Approval session", a.sessionArn() == null ? "<i>not read</i>" : "<span class=\"mono arn\">" + esc(a.sessionArn()) + "</span>");
            meta("Outcome", decisionWords(a.decision(), "the request")
                    + (a.timeToApproval() == null ? "" : "<br>Approved <b>" + esc(duration(a.timeToApproval())) + "</b> after the request"));
            p("</table>\n");
            votes("Votes on the request", a.votes());
            p("<table class=\"meta\">");
            meta("Revocation", revocationWords(a));
            p("</table>\n");
            if (a.revocation() != null && !a.revocation().votes().isEmpty()) {
                votes("Votes on the revocation", a.revocation().votes());
            }
            p("</div>\n");
        }

        private void votes(String title, List<RestoreAccessApproval.Vote> votes) {
            if (votes.isEmpty()) {
                p("<p class=\"sub\">" + esc(title) + ": none seen.</p>\n");
                return;
            }
            p("<h3>" + esc(title) + "</h3><table class=\"ev\"><tr><th>Approver</th><th>Response</th><th>When</th><th class=\"n\">Journal entry</th></tr>");
            for (RestoreAccessApproval.Vote v : votes) {
                String who = v.who();
                p("<tr><td><b>" + esc(who) + "</b>" + (v.approverId() == null ? "" : " <span class=\"mono sub\">approver " + esc(v.approverId()) + "</span>")
                        + "</td><td><span class=\"badge " + cls(v.response()) + "\">" + esc(v.approved() ? "APPROVED" : v.response() == null ? "?" : v.response())
                        + "</span></td><td class=\"nw\">" + esc(time(v.when())) + (v.at() == null ? " <span class=\"sub\">(seen)</span>" : "")
                        + "</td><td class=\"n\">" + v.seq() + "</td></tr>");
            }
            p("</table>\n");
        }

        private String decisionWords(RestoreAccessApproval.Decision dec, String what) {
            if (dec == null) {
                return "<span class=\"badge NOTSEEN\">NOT SEEN</span> Redoubt did not see " + esc(what) + " decided (its session was not followed to its end)";
            }
            return "<span class=\"badge " + cls(dec.outcome().name()) + "\">" + esc(dec.outcome().name()) + "</span> " + esc(time(dec.when()))
                    + (dec.why() == null ? "" : " · " + esc(dec.why()));
        }

        private String revocationWords(RestoreAccessApproval a) {
            RestoreAccessApproval.Revocation r = a.revocation();
            if (r == null) {
                return "<b>still open</b>: no revocation in the journal when this report was made";
            }
            String asked = "asked by " + identity(r.requester()) + " " + esc(time(r.requested())) + (r.comment() == null ? "" : ": " + q(r.comment()));
            if (r.refused()) {
                return "<span class=\"badge FAIL\">REFUSED</span> " + asked + "<br>AWS refused it" + (r.error() == null ? "" : ": " + q(r.error()))
                        + "; <b>the access is still open</b>";
            }
            return asked + (r.sessionArn() == null ? "" : "<br>session <span class=\"mono arn\">" + esc(r.sessionArn()) + "</span>") + "<br>"
                    + decisionWords(r.decision(), "the revocation") + (r.decision() != null && r.decision().outcome() != Outcome.APPROVED ? "; <b>the access is still open</b>" : "");
        }

        private String openWords(RestoreAccessApproval a) {
            RestoreAccessApproval.Revocation r = a.revocation();
            if (r == null) {
                return "No revocation was asked.";
            }
            if (r.refused()) {
                return "AWS refused the revocation" + (r.error() == null ? "." : ": " + r.error() + ".");
            }
            if (r.decision() == null) {
                return "The revocation was asked " + time(r.requested()) + "; its approval was not seen, so the access may still be open.";
            }
            return "The revocation ended " + r.decision().outcome().name().toLowerCase(Locale.ROOT) + ".";
        }

        private String vault(String arn) {
            return arn == null ? "<i>not recorded</i>" : "<b>" + esc(vaultName(arn)) + "</b> <span class=\"mono arn sub\">" + esc(arn) + "</span>";
        }

        private String evidenceName(Entry e, JsonNode det) {
            if (!DrillApprovals.isApproval(e.action())) {
                return det.path("step").asText(e.action());
            }
            String what = switch (e.action()) {
                case DrillApprovals.REQUEST -> "approval request";
                case DrillApprovals.VOTE -> "approval vote (" + det.path("approverName").asText(det.path("identityId").asText(det.path("approverId").asText("?"))) + ", "
                        + det.path("response").asText("?").toLowerCase(Locale.ROOT) + ")";
                case DrillApprovals.OUTCOME -> "approval outcome (" + det.path("outcome").asText("?").toLowerCase(Locale.ROOT) + ")";
                default -> "revocation";
            };
            return what;
        }

        private void steps() {
            p("<h2>Steps</h2>\n<p class=\"sub\">Each step as the journal recorded it: when, how long since the step before, who, the outcome, and what was done.</p>\n");
            if (drillEntries.isEmpty()) {
                p("<p>No journal entries were given for this drill.</p>\n");
                return;
            }
            for (Entry e : drillEntries) {
                JsonNode det = details(e);
                StepRecord rec = stepsBySeq.get(e.seq());
                String stepName = det.path("step").asText("");
                DrillStep step = DrillStep.parse(stepName);
                String outcome = det.path("outcome").asText(rec == null ? "" : rec.outcome());
                Duration took = rec != null && rec.duration() != null ? rec.duration()
                        : det.hasNonNull("durationMs") ? Duration.ofMillis(det.get("durationMs").asLong()) : null;
                p("<div class=\"step\"><div class=\"head\"><span class=\"name\">" + esc(stepTitle(step, stepName)) + memberLabel(det) + "</span>");
                p("<span class=\"badge " + cls(outcome) + "\">" + esc(outcomeWords(outcome)) + "</span>");
                if (det.path("rehearsal").asBoolean(false)) {
                    p("<span class=\"badge REH\">REHEARSAL</span>");
                }
                boolean first = e == drillEntries.get(0);
                p("<span class=\"when\">" + esc(time(e.time())) + (first || took == null ? "" : " · " + esc(duration(took)) + " after the step before") + " · by "
                        + identity(e.actor()) + " · entry " + e.seq() + "</span></div>");
                p("<div class=\"words\">");
                words(step, det, e);
                p("</div></div>\n");
            }
        }

        private String memberLabel(JsonNode det) {
            if (!det.hasNonNull("member")) {
                return "";
            }
            int i = det.get("member").asInt(-1);
            for (MemberState m : d.members()) {
                if (m.member().order() == i) {
                    return ": " + esc(m.member().resourceName());
                }
            }
            return ": resource " + (i + 1);
        }

        private void words(DrillStep step, JsonNode det, Entry e) {
            if (step == null) {
                p(esc("A step Redoubt does not know (\"" + det.path("step").asText("") + "\"); its details are in the evidence below."));
                return;
            }
            switch (step) {
                case BEGIN -> {
                    p("Drill " + q(det.path("title").asText(d.title())) + " opened" + (det.hasNonNull("runbook") ? " from the runbook " + q(det.get("runbook").asText()) : "")
                            + ", to restore in this order: ");
                    List<String> names = new ArrayList<>();
                    for (JsonNode m : det.path("members")) {
                        names.add(esc(m.path("resourceName").asText("?")) + " (" + esc(m.path("resourceType").asText("")) + ", account "
                                + esc(m.path("accountId").asText("")) + ", " + esc(m.path("region").asText("")) + ")");
                    }
                    p(String.join(", then ", names) + ".");
                }
                case CHOOSE -> p("Recovery point <span class=\"mono arn\">" + esc(det.path("recoveryPointArn").asText("")) + "</span>"
                        + (det.hasNonNull("pointCreated") ? ", made " + esc(det.get("pointCreated").asText()) : "")
                        + (det.path("restoreAccess").asBoolean(false) && det.hasNonNull("vaultArn")
                        ? ", through the restore-access vault <span class=\"mono arn\">" + esc(det.get("vaultArn").asText()) + "</span> that approval opened onto the air-gapped vault <span class=\"mono arn\">"
                                + esc(det.path("sourceVaultArn").asText("?")) + "</span> (see Multi-party approval)"
                        : det.hasNonNull("vaultArn") ? ", in <span class=\"mono arn\">" + esc(det.get("vaultArn").asText()) + "</span>" : "")
                        + (det.path("suggested").asBoolean(false) ? "; the one Redoubt suggested." : "; chosen by the operator (not the suggested one)."));
                case PREFLIGHT -> {
                    p("Preflight" + (det.hasNonNull("iamRoleArn") ? " with the restore role <span class=\"mono arn\">" + esc(det.get("iamRoleArn").asText()) + "</span>" : "") + ":");
                    boolean fixes = false;
                    for (JsonNode it : det.path("items")) {
                        fixes |= !it.path("fix").asText("").isBlank();
                    }
                    p("<table class=\"ev\"><tr><th>Verdict</th><th>Item</th><th>Reason</th>" + (fixes ? "<th>What to do</th>" : "") + "</tr>");
                    for (JsonNode it : det.path("items")) {
                        String v = it.path("verdict").asText("UNKNOWN");
                        p("<tr><td><span class=\"badge " + cls(v) + "\">" + esc(v) + "</span></td><td>" + esc(it.path("title").asText(it.path("id").asText(""))) + "</td><td>"
                                + esc(it.path("reason").asText("")) + "</td>" + (fixes ? "<td>" + esc(it.path("fix").asText("")) + "</td>" : "") + "</tr>");
                    }
                    p("</table>");
                    mapTable("Restore metadata", det.path("metadata"));
                }
                case CONFIRM -> p("Confirmed by typing " + q(det.path("typed").asText("")) + ".");
                case START_RESTORE -> {
                    if (det.hasNonNull("restoreJobId")) {
                        p("StartRestoreJob: restore job <span class=\"mono\">" + esc(det.get("restoreJobId").asText()) + "</span> started");
                    } else {
                        p("StartRestoreJob was refused" + (det.has("error") ? ": AWS said " + q(text(det.get("error"))) : ""));
                    }
                    p(" from <span class=\"mono arn\">" + esc(det.path("recoveryPointArn").asText("")) + "</span>"
                            + (det.hasNonNull("iamRoleArn") ? " with the role <span class=\"mono arn\">" + esc(det.get("iamRoleArn").asText()) + "</span>" : "") + ".");
                    mapTable("Restore metadata sent", det.path("metadata"));
                }
                case WAIT -> {
                    p("Restore job <span class=\"mono\">" + esc(det.path("restoreJobId").asText("")) + "</span> ended " + esc(det.path("status").asText("?")));
                    String msg = det.path("statusMessage").asText("");
                    p(msg.isBlank() ? "." : "; AWS: " + q(msg) + ".");
                    if (det.hasNonNull("jobCreated") || det.hasNonNull("jobCompleted")) {
                        p(" Created " + esc(det.path("jobCreated").asText("?")) + ", completed " + esc(det.path("jobCompleted").asText("?")) + ".");
                    }
                    if (det.hasNonNull("rtoMs")) {
                        p(" Restore time " + esc(duration(Duration.ofMillis(det.get("rtoMs").asLong()))) + ".");
                    }
                    if (det.hasNonNull("rpoMs")) {
                        p(" RPO " + esc(duration(Duration.ofMillis(det.get("rpoMs").asLong()))) + ".");
                    }
                    if (det.hasNonNull("createdResourceArn")) {
                        p(" Restored as <span class=\"mono arn\">" + esc(det.get("createdResourceArn").asText()) + "</span>.");
                    }
                }
                case VALIDATE -> {
                    p("Validation of the restored resource" + (det.hasNonNull("restoreJobId") ? " (job <span class=\"mono\">" + esc(det.get("restoreJobId").asText()) + "</span>)" : "")
                            + ": " + (det.path("successful").asBoolean(false) ? "<b>passed</b>." : "<b>did not pass</b>."));
                    p("<table class=\"ev\"><tr><th>Outcome</th><th>Check</th></tr>");
                    for (JsonNode c : det.path("checks")) {
                        String o = c.path("outcome").asText("NOT_DONE");
                        p("<tr><td><span class=\"badge " + cls(o) + "\">" + esc(checkWords(o)) + "</span></td><td>" + esc(c.path("text").asText(c.path("id").asText(""))) + "</td></tr>");
                    }
                    p("</table>");
                    if (!det.path("notes").asText("").isBlank()) {
                        p("Notes: " + esc(det.get("notes").asText()) + "<br>");
                    }
                    JsonNode sent = det.get("sentToAws");
                    p(sent == null || sent.isNull() ? "Not sent to AWS (the job does not take a validation result)." : "Sent to AWS (PutRestoreValidationResult): " + esc(sent.asText()) + ".");
                    if (det.hasNonNull("awsError")) {
                        p(" AWS refused it: " + q(text(det.get("awsError"))) + ".");
                    }
                }
                case CLEANUP -> {
                    List<String> arns = new ArrayList<>();
                    det.path("resources").forEach(r -> arns.add("<span class=\"mono arn\">" + esc(r.asText()) + "</span>"));
                    p(arns.isEmpty() ? "Nothing to delete." : "Deleted: " + String.join(", ", arns) + ".");
                    p(det.path("confirmed").asBoolean(false) ? " The operator confirmed it was deleted." : " <b>The operator did not confirm the deletion.</b>");
                    if (!det.path("notes").asText("").isBlank()) {
                        p(" Notes: " + esc(det.get("notes").asText()));
                    }
                }
                case SUMMARY -> {
                    p("Summary: measured RTO " + rtoWords(det.hasNonNull("rtoMs") ? Duration.ofMillis(det.get("rtoMs").asLong()) : null, rtoTarget) + ".");
                    if (!det.path("notes").asText("").isBlank()) {
                        p(" Notes: " + esc(det.get("notes").asText()));
                    }
                }
                case SIGN_OFF -> p("Signed off by " + identity(det.path("signer").asText(e.actor())) + " for the operator " + identity(det.path("operator").asText(d.operator()))
                        + (det.path("statement").asText("").isBlank() ? "." : ": " + q(det.get("statement").asText())));
                case RESUME -> p("The interrupted drill was taken up again.");
                case ABANDON -> p("The drill was given up" + (det.path("reason").asText("").isBlank() ? "." : ": " + q(det.get("reason").asText())));
            }
            if (det.hasNonNull("error") && step != DrillStep.START_RESTORE) {
                p(" Error: " + q(text(det.get("error"))) + ".");
            }
        }

        private void mapTable(String title, JsonNode map) {
            if (map == null || !map.isObject() || map.isEmpty()) {
                return;
            }
            p("<table class=\"ev\"><tr><th colspan=\"2\">" + esc(title) + "</th></tr>");
            map.properties().forEach(f -> p("<tr><td class=\"mono\">" + esc(f.getKey()) + "</td><td class=\"mono arn\">" + esc(text(f.getValue())) + "</td></tr>"));
            p("</table>");
        }

        private void evidence() {
            p("<h2>Evidence</h2>\n<p class=\"sub\">Every journal entry of this drill" + (approvals.isEmpty() ? "" : " and of the approval of the restore access it restored through")
                    + ": its place in the journal (seq), time, hash and the hash of the entry before it (prev). "
                    + "Below the table, each entry's canonical JSON line (RFC 8785), exactly as the journal hashes it"
                    + " (a character that would hide or reorder text is written as its JSON escape, <span class=\"mono\">\\u202e</span>, which reads as the same character).</p>\n");
            p("<table class=\"ev\"><tr><th class=\"n\">Seq</th><th>Time</th><th>Step</th><th>Hash</th><th>Prev</th></tr>");
            Entry before = null;
            for (Entry e : entries) {
                if (before != null && e.seq() != before.seq() + 1) {
                    long n = e.seq() - before.seq() - 1;
                    p("<tr class=\"gap\"><td></td><td colspan=\"4\">" + (n == 1 ? "entry " + (before.seq() + 1) + " is" : "entries " + (before.seq() + 1) + " to " + (e.seq() - 1) + " are")
                            + " other journal entries (not of this drill" + (approvals.isEmpty() ? "" : " or its approval") + "); the chain through them is checked by <span class=\"mono\">redoubt journal verify</span> or an export</td></tr>");
                }
                JsonNode det = details(e);
                p("<tr><td class=\"n\">" + e.seq() + "</td><td class=\"mono nw\">" + esc(iso(e.time())) + "</td><td>" + esc(evidenceName(e, det))
                        + "</td><td class=\"mono hash\">" + esc(e.hash()) + "</td><td class=\"mono hash\">" + esc(e.prev()) + "</td></tr>");
                before = e;
            }
            p("</table>\n<h3>The entries' canonical JSON, one a line</h3>\n<pre id=\"" + LINES_ID + "\" class=\"lines\">");
            for (int i = 0; i < entries.size(); i++) {
                p((i == 0 ? "" : "\n") + line(entries.get(i).json()));
            }
            p("</pre>\n");
        }

        private void howToVerify() {
            Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            String fp = fingerprint == null ? "sha256:…" : fingerprint;
            String from = entries.isEmpty() ? "START" : iso(entries.get(0).time());
            String to = last == null ? "END" : iso(last.time());
            p("<h2>How to verify</h2>\n<ol class=\"how\">");
            p("<li><b>With Redoubt, on the machine that ran the drill.</b> <pre>redoubt journal verify --fingerprint " + esc(fp) + "</pre>"
                    + "checks the whole journal: the key is the one given, every checkpoint's signature holds, every entry matches its hash and follows the one before, "
                    + "none is missing, and the journal is not shorter than its checkpoints and its signed high-water mark say. It exits 0 and prints OK, or names the first problem and exits 3. "
                    + "Then <pre>redoubt drill verify drill-" + esc(d.id()) + ".html</pre>(this file) checks that the journal holds exactly these entries: "
                    + "same seq, same hash, same content, none added or left out"
                    + (approvals.isEmpty() ? "" : " (the approval entries too: the request, votes, outcome and revocation of each restore-access vault the drill restored through)")
                    + ". By hand: "
                    + "<pre>redoubt journal show --json" + (approvals.isEmpty() ? " --action drill-step" : "") + " --from " + esc(from) + " --to " + esc(to)
                    + "</pre>prints them as the lines above (with the entries of other " + (approvals.isEmpty() ? "drills" : "drills and features") + " of that time); each line of this report must be there, character for character "
                    + "(a character written here as <span class=\"mono\">\\u…</span> reads the same once parsed).</li>");
            p("<li><b>With Redoubt, anywhere, from an export.</b> On the machine: <pre>redoubt journal export --from " + esc(from) + " --to " + esc(to) + " --out drill-" + esc(d.id()) + ".zip</pre>"
                    + "then, with the zip only: <pre>redoubt journal verify --bundle drill-" + esc(d.id()) + ".zip --fingerprint " + esc(fp) + "</pre>"
                    + "checks the export's signed manifest, its entries' hashes and chain from the first to the last, and its checkpoints' signatures. "
                    + "Its <span class=\"mono\">entries.jsonl</span> holds every entry of the time, this drill's" + (approvals.isEmpty() ? "" : " and its approval's") + " among them: each line of this report must be one of its lines.</li>");
            p("<li><b>By hand, from this report alone.</b> For each line above: remove <span class=\"mono\">hash</span>, write the rest as canonical JSON (RFC 8785), "
                    + "and its SHA-256 in hex must be the hash; where two entries are next to each other in the journal (seq N and N+1), the second's "
                    + "<span class=\"mono\">prev</span> must be the first's hash. Save this page as <span class=\"mono\">drill.html</span> and run "
                    + "(Python 3, nothing to install): <pre>python3 - drill.html &lt;&lt;'EOF'\n" + esc(PYTHON_CHECK) + "EOF</pre>"
                    + "It prints each entry with \"ok\", or stops at the first altered entry or broken link. Python's <span class=\"mono\">json.dumps</span> writes RFC 8785's form for these entries "
                    + "(whole numbers, plain ASCII member names); otherwise use an RFC 8785 library. The by-hand check shows that the lines are self-consistent; "
                    + "that they are the journal's is shown by 1 or 2, or by an anchor you hold (3).</li>");
            p("<li><b>The key and an anchor.</b> The journal's entries are sealed by checkpoints signed with the installation's Ed25519 key"
                    + (fingerprint == null ? "" : ", fingerprint <span class=\"mono arn\">" + esc(fingerprint) + "</span>")
                    + ": a checkpoint written after entry " + (last == null ? "N" : last.seq()) + " (at the end of the session, at the next start, and every 100 entries) signs a hash that "
                    + "chains back through these entries. Compare the fingerprint with one you obtained independently (the installation's <span class=\"mono\">settings.json</span>, "
                    + "<span class=\"mono\">redoubt journal verify</span> run there, an earlier export) and keep the last entry's seq and hash"
                    + (last == null ? "" : " (" + last.seq() + ", <span class=\"mono arn\">" + esc(last.hash()) + "</span>)")
                    + " somewhere the machine's user cannot change: a journal rewritten afterwards cannot hold that hash "
                    + "(<span class=\"mono\">redoubt journal show --json | grep '\"seq\":" + (last == null ? "N" : last.seq()) + ",'</span> must print that line). "
                    + "See docs/journal.md, \"What is and is not detected\".</li>");
            p("</ol>\n");
        }

        private String rtoWords(Duration rto, Duration target) {
            if (rto == null) {
                return "<i>not measured (no restore job completed)</i>";
            }
            if (target == null) {
                return "<b>" + esc(duration(rto)) + "</b> (no RTO target set)";
            }
            boolean over = rto.compareTo(target) > 0;
            return "<b class=\"" + (over ? "over" : "within") + "\">" + esc(duration(rto)) + "</b> against a target of " + esc(duration(target))
                    + (over ? ": over the target" : ": within the target");
        }
    }

    // ------------------------------------------------------------------------------------------------ verification

    /** The outcome of checking a report against a journal: {@code ok}, the drill, how many entries were compared, and the problems found (first first). */
    public record ReportCheck(String drillId, int entries, int laterInJournal, List<String> problems) {
        public ReportCheck {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        /** One line: "OK: …" or the first problem. */
        public String message() {
            if (ok()) {
                return "OK: the report's " + entries + " entries of drill " + drillId + " are the journal's (same seq, same hash, same content)"
                        + (laterInJournal > 0 ? "; the journal has " + laterInJournal + " later entr" + (laterInJournal == 1 ? "y" : "ies") + " of the drill, made after the report" : "");
            }
            return problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
        }
    }

    /** The drill id and canonical lines of a report, as its page holds them; empty lines dropped. */
    public record Extracted(String drillId, List<String> lines) {
    }

    /** Reads the drill id and the canonical JSON lines out of a report made by {@link #html}. IllegalArgumentException when the page is not one. */
    public static Extracted extract(String html) {
        Matcher m = LINES.matcher(html);
        Matcher id = DRILL.matcher(html);
        if (!m.find() || !id.find()) {
            throw new IllegalArgumentException("this is not a Redoubt drill report: it has no journal lines (<pre id=\"" + LINES_ID + "\">) or no drill id");
        }
        List<String> lines = new ArrayList<>();
        for (String l : unescape(m.group(1)).split("\n")) {
            if (!l.isBlank()) {
                lines.add(l);
            }
        }
        return new Extracted(unescape(id.group(1)), lines);
    }

    /**
     * Checks the report against the journal: every line still hashes to its hash and follows the one before
     * where they are next to each other, and the lines are exactly the journal's {@code drill-step} entries of
     * that drill and the approval entries of the restore-access vaults it restored through up to the report's last one (none left out, none added, same seq, same hash, same content).
     * Entries of the drill made after the report are counted, not held against it. Reading the journal's
     * integrity itself is {@code JournalVerifier}'s (run it too).
     */
    public static ReportCheck verify(String html, Journal journal) {
        Extracted x;
        try {
            x = extract(html);
        } catch (IllegalArgumentException e) {
            return new ReportCheck(null, 0, 0, List.of(e.getMessage()));
        }
        List<Entry> inJournal = new ArrayList<>();
        for (Entry e : journal.read(new EntryQuery(null, null, "drill-step", null, 0))) {
            if (x.drillId().equals(details(e).path("drill").asText(null))) {
                inJournal.add(e);
            }
        }
        if (!DrillApprovals.restoreAccessVaults(inJournal).isEmpty()) {
            for (String action : DrillApprovals.ACTIONS) {
                inJournal.addAll(journal.read(new EntryQuery(null, null, action, null, 0)));
            }
        }
        return verify(x, inJournal);
    }

    /**
     * As {@link #verify(String, Journal)}, against journal entries given as their canonical JSON lines: an export's
     * {@code entries.jsonl} (after {@code journal verify --bundle}) or what {@code journal show --json} prints. Lines of other
     * actions or drills are passed over; a line that is not an entry is a problem.
     */
    public static ReportCheck verify(String html, List<String> journalLines) {
        Extracted x;
        try {
            x = extract(html);
        } catch (IllegalArgumentException e) {
            return new ReportCheck(null, 0, 0, List.of(e.getMessage()));
        }
        List<Entry> drill = new ArrayList<>();
        int n = 0;
        for (String line : journalLines) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode o = MAPPER.readTree(line);
                boolean step = "drill-step".equals(o.path("action").asText()) && x.drillId().equals(o.path("details").path("drill").asText(null));
                if (!step && !DrillApprovals.isApproval(o.path("action").asText())) {
                    continue;
                }
                drill.add(new Entry(o.path("seq").asLong(), Instant.parse(o.path("time").asText()), o.path("actor").asText(), o.path("session").asText(),
                        dev.redoubt.journal.Mode.fromWire(o.path("mode").asText()), o.path("target").asText(), o.path("action").asText(),
                        o.path("subject").isNull() ? null : o.path("subject").asText(),
                        new JsonCanonicalizer(MAPPER.writeValueAsString(o.path("details"))).getEncodedString(), o.path("prev").asText(),
                        o.path("hash").asText()));
            } catch (IOException | RuntimeException e) {
                return new ReportCheck(x.drillId(), x.lines().size(), 0, List.of("line " + n + " of the journal's lines is not a journal entry"));
            }
        }
        return verify(x, drill);
    }

    /**
     * As {@link #verify(String, Journal)}, against entries already read from a journal (or an export's entries.jsonl): the
     * drill's {@code drill-step} entries and any approval entries, of which those of the restore-access vaults the drill
     * restored through are expected in the report (others are passed over).
     */
    public static ReportCheck verify(Extracted report, List<Entry> drillEntries) {
        List<String> problems = new ArrayList<>();
        List<Entry> steps = new ArrayList<>();
        List<Entry> approvalEntries = new ArrayList<>();
        for (Entry e : drillEntries) {
            if (DrillApprovals.isApproval(e.action())) {
                approvalEntries.add(e);
            } else if (report.drillId().equals(details(e).path("drill").asText(null))) {
                steps.add(e);
            }
        }
        Map<Long, Entry> journal = new TreeMap<>();
        steps.forEach(e -> journal.put(e.seq(), e));
        DrillApprovals.select(steps, approvalEntries).forEach(e -> journal.put(e.seq(), e));
        Map<Long, JsonNode> lines = new TreeMap<>();
        long lastSeq = -1;
        String lastHash = null;
        int n = 0;
        for (String line : report.lines()) {
            n++;
            ObjectNode o;
            try {
                o = (ObjectNode) MAPPER.readTree(line);
            } catch (IOException | ClassCastException e) {
                problems.add("line " + n + " of the report's entries is not a JSON object: the report was altered or cut");
                continue;
            }
            long seq = o.path("seq").asLong(-1);
            String hash = o.path("hash").asText("");
            if (!hash.equals(hashOf(o))) {
                problems.add("entry " + seq + " of the report was altered: its content does not match its hash");
            }
            if (seq <= lastSeq) {
                problems.add("entry " + seq + " of the report is out of order (after entry " + lastSeq + ")");
            } else if (seq == lastSeq + 1 && !o.path("prev").asText("").equals(lastHash)) {
                problems.add("the chain is broken at entry " + seq + " of the report: it does not follow entry " + lastSeq);
            }
            boolean approval = DrillApprovals.isApproval(o.path("action").asText());
            if (!approval && !report.drillId().equals(o.path("details").path("drill").asText(null))) {
                problems.add("entry " + seq + " of the report is not an entry of drill " + report.drillId());
            }
            lastSeq = Math.max(lastSeq, seq);
            lastHash = hash;
            lines.put(seq, o);
            Entry j = journal.get(seq);
            if (j == null) {
                problems.add("entry " + seq + " of the report is not an entry of drill " + report.drillId()
                        + (approval ? " or of the approval of a restore-access vault it restored through" : "") + " in the journal: it was added or moved");
                continue;
            }
            if (!j.hash().equals(hash)) {
                problems.add("entry " + seq + " of the report has another hash than the journal's (" + shortHash(hash) + " in the report, " + shortHash(j.hash()) + " in the journal)");
            } else if (!readTree(j.json()).equals(o)) {
                problems.add("entry " + seq + " of the report differs from the journal's");
            }
        }
        int later = 0;
        for (Entry j : journal.values()) {
            if (lines.containsKey(j.seq())) {
                continue;
            }
            if (j.seq() < lastSeq) {
                problems.add(DrillApprovals.isApproval(j.action())
                        ? "the report leaves out entry " + j.seq() + " of the drill's approval (" + j.action().replace('-', ' ') + ")"
                        : "the report leaves out entry " + j.seq() + " of the drill (" + details(j).path("step").asText("?") + ")");
            } else {
                later++;
            }
        }
        if (report.lines().isEmpty()) {
            problems.add("the report holds no journal entries");
        }
        return new ReportCheck(report.drillId(), report.lines().size(), later, problems);
    }

    /** SHA-256 (hex) of the entry's RFC 8785 canonical JSON without its hash: what the journal's hash is. */
    static String hashOf(ObjectNode entry) {
        ObjectNode copy = entry.deepCopy();
        copy.remove("hash");
        try {
            String canon = new JsonCanonicalizer(MAPPER.writeValueAsString(copy)).getEncodedString();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canon.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | NoSuchAlgorithmException e) {
            return "";
        }
    }

    // ------------------------------------------------------------------------------------------------ text

    /** Escapes as the audit report does: a character that would hide or reorder text shows as a mark. */
    static String esc(String s) {
        return HtmlReport.esc(s);
    }

    /** The name of a vault from its ARN ({@code …:backup-vault:NAME}). */
    static String vaultName(String arn) {
        if (arn == null) {
            return "?";
        }
        int i = arn.indexOf(":backup-vault:");
        return i < 0 ? DrillText.lastPart(arn) : arn.substring(i + ":backup-vault:".length());
    }

    private static String q(String s) {
        return "\u201c" + esc(s) + "\u201d";
    }

    /**
     * A canonical line for the page: HTML-escaped, and each character that would hide or reorder text
     * written as its JSON escape (it can only be inside a string there), so that the line reads as it is
     * and still parses to the same entry.
     */
    static String line(String json) {
        StringBuilder b = new StringBuilder(json.length() + 32);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (SafeText.hidden(c) || c == '\u2028' || c == '\u2029') {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private static JsonNode details(Entry e) {
        try {
            return e.detailsTree();
        } catch (IllegalStateException ex) {
            return MAPPER.createObjectNode();
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return "";
        }
        if (n.isValueNode()) {
            return n.asText();
        }
        if (n.isObject() && (n.has("code") || n.has("message"))) {
            return (n.path("code").asText("") + " " + n.path("message").asText("")).trim();
        }
        return n.toString();
    }

    private static Duration rtoTarget(List<Entry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            JsonNode det = details(entries.get(i));
            if (det.hasNonNull("rtoTargetMs")) {
                return Duration.ofMillis(det.get("rtoTargetMs").asLong());
            }
        }
        return null;
    }

    private static String identity(String actor) {
        if (actor == null) {
            return "<i>unknown</i>";
        }
        String who = Identities.shortName(actor);
        return who.equals(actor) ? "<span class=\"mono arn\">" + esc(actor) + "</span>"
                : "<b>" + esc(who) + "</b> <span class=\"mono arn sub\">" + esc(actor) + "</span>";
    }

    private static String stepTitle(DrillStep s, String raw) {
        if (s == null) {
            return raw.isBlank() ? "Unknown step" : raw;
        }
        return DrillText.step(s);
    }

    private static String outcomeWords(String o) {
        return switch (o) {
            case "ok" -> "OK";
            case "failed" -> "FAILED";
            case "skipped" -> "SKIPPED";
            default -> o.isBlank() ? "?" : o.toUpperCase(Locale.ROOT);
        };
    }

    private static String checkWords(String o) {
        return switch (o) {
            case "PASSED" -> "PASSED";
            case "FAILED" -> "FAILED";
            default -> "NOT DONE";
        };
    }

    private static String cls(String s) {
        return s == null ? "" : s.replaceAll("[^A-Za-z_]", "");
    }

    static String statusWords(DrillStatus s) {
        return switch (s) {
            case PREPARING -> "preparing (nothing started in AWS yet)";
            case RESTORING -> "restoring";
            case VALIDATING -> "validating and cleaning up";
            case AWAITING_SIGN_OFF -> "waiting for a second person's sign-off";
            case SIGNED_OFF -> "signed off";
            case ABANDONED -> "abandoned";
        };
    }

    private static String targetWords(String target) {
        if (target == null) {
            return "unknown";
        }
        return switch (target) {
            case "aws" -> "AWS";
            case "sandbox" -> "the sandbox (rehearsal)";
            default -> target;
        };
    }

    static String time(Instant t) {
        return t == null ? "-" : TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    /** "4 min 12 s", "2 h 5 min", "3 d 4 h", "850 ms" (DrillText's words). */
    public static String duration(Duration d) {
        return DrillText.duration(d);
    }

    private static String shortHash(String h) {
        return h == null || h.length() < 12 ? String.valueOf(h) : h.substring(0, 12) + "…";
    }

    /** Short names for the identities the journal records. */
    static final class Identities {
        private Identities() {
        }

        /** "alice" for an assumed-role session ARN ({@code …:assumed-role/Role/alice}), "sandbox"/"offline" as they are, else the ARN. */
        static String shortName(String actor) {
            int slash = actor.lastIndexOf('/');
            if (actor.startsWith("arn:") && slash > 0 && slash < actor.length() - 1) {
                return actor.substring(slash + 1);
            }
            return actor;
        }
    }
}
