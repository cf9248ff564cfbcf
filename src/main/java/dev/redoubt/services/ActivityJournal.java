package dev.redoubt.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.Counts;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Suppression;
import dev.redoubt.findings.Suppressions;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryDraft;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.Journal;
import dev.redoubt.report.AuditReport;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Records what Redoubt did in the audit journal, in the shapes docs/journal.md fixes. The one
 * place that writes entries for sign-ins, scans, audits, suppressions and report exports, whichever
 * face (command line or window) asked for them. The journal is opened on the first record.
 */
public final class ActivityJournal {
    public static final String SIGN_IN = "sign-in";
    public static final String SCAN = "scan";
    public static final String AUDIT = "audit";
    public static final String EXPORT = "export";
    public static final String SUPPRESSION_ADDED = "suppression-added";
    public static final String SUPPRESSION_EXPIRED = "suppression-expired";
    public static final String SUPPRESSION_REMOVED = "suppression-removed";
    /** Each step of a restore drill (docs/drills.md): the only record of a drill. */
    public static final String DRILL_STEP = "drill-step";
    /** The team changed how often each resource should be drilled. */
    public static final String DRILL_CADENCE = "drill-cadence";
    /** {@code kind} of the export entry of a drill report. */
    public static final String DRILL_REPORT = "drill-report";
    /** A restore access (or another action) asked of a multi-party approval team. */
    public static final String APPROVAL_REQUEST = "approval-request";
    /** An approver's response seen in a session, once per approver. */
    public static final String APPROVAL_VOTE = "approval-vote";
    /** How a session ended, once: APPROVED, REJECTED, EXPIRED or ENDED, with why. */
    public static final String APPROVAL_OUTCOME = "approval-outcome";
    /** The revocation of a restore-access vault asked of its team. */
    public static final String APPROVAL_REVOKE = "approval-revoke";

    private final Supplier<Journal> journal;

    public ActivityJournal(Supplier<Journal> journal) {
        this.journal = journal;
    }

    /** The journal itself, opened if it was not yet. */
    public Journal journal() {
        return journal.get();
    }

    /** A sign-in that succeeded ({@code error} null) or failed. */
    public record SignIn(String method, String profile, String account, String region, String error, Instant expiresAt) {
    }

    public Entry signIn(Actor actor, String subject, SignIn s) {
        EntryDraft draft = EntryDraft.of(actor.who(), actor.mode(), actor.target(), SIGN_IN, subject);
        ObjectNode d = draft.detailsObject();
        d.put("method", s.method());
        if (s.profile() != null) {
            d.put("profile", s.profile());
        }
        if (s.region() != null) {
            d.put("region", s.region());
        }
        d.put("outcome", s.error() == null ? "ok" : "failed");
        if (s.account() != null) {
            d.put("account", s.account());
        }
        if (s.error() != null) {
            d.put("error", s.error());
        }
        if (s.expiresAt() != null) {
            d.put("expiresAt", s.expiresAt().toString());
        }
        return journal.get().append(draft);
    }

    /** A finished (or cancelled) scan: counts, outcome, scope as asked and the capture written, if any. */
    public record Scan(int accounts, int regions, int vaults, long recoveryPoints, int keys, int readErrors, String outcome,
                       long durationMs, long apiCalls, String profile, Instant capturedAt, boolean incremental,
                       String scopeAccounts, String scopeRegions, String scopeRole, String capture, String sha256) {
    }

    public Entry scan(Actor actor, String subject, Scan s) {
        EntryDraft draft = EntryDraft.of(actor.who(), actor.mode(), actor.target(), SCAN, subject);
        ObjectNode d = draft.detailsObject();
        d.put("accounts", s.accounts()).put("regions", s.regions()).put("vaults", s.vaults()).put("recoveryPoints", s.recoveryPoints())
                .put("keys", s.keys()).put("readErrors", s.readErrors()).put("outcome", s.outcome()).put("durationMs", s.durationMs())
                .put("apiCalls", s.apiCalls()).put("profile", s.profile())
                .put("capturedAt", s.capturedAt().toString()).put("incremental", s.incremental());
        ObjectNode requested = d.putObject("scope");
        requested.put("accounts", s.scopeAccounts());
        requested.put("regions", s.scopeRegions());
        if (s.scopeRole() != null) {
            requested.put("role", s.scopeRole());
        }
        if (s.capture() != null) {
            d.put("capture", s.capture());
            if (s.sha256() != null) {
                d.put("sha256", s.sha256());
            }
        }
        return journal.get().append(draft);
    }

    /**
     * Records the suppressions an audit used for the first time, or found expired for the first time,
     * then the audit; returns the audit's entry. {@code exitCode} is the command line's (null in the window).
     */
    public Entry audit(Actor actor, String subject, AuditReport report, String failOn, Integer exitCode, String reportFile) {
        Journal j = journal.get();
        for (Suppressions.Use u : report.suppressions()) {
            Entry added = added(j, u.suppression());
            if (added == null) {
                added = j.append(addedDraft(actor, u.suppression()));
            }
            if (u.expired() && !expiredRecorded(j, u.suppression(), added)) {
                EntryDraft d = EntryDraft.of(actor.who(), actor.mode(), actor.target(), SUPPRESSION_EXPIRED, u.suppression().resource());
                d.detailsObject().put("rule", u.suppression().checkId()).put("addedAt", added.time().toString()).put("addedSeq", added.seq())
                        .put("expires", u.suppression().expires().toString()).put("results", u.results());
                j.append(d);
            }
        }
        EntryDraft audit = EntryDraft.of(actor.who(), actor.mode(), actor.target(), AUDIT, subject);
        ObjectNode d = audit.detailsObject();
        d.put("rules", report.catalogue().size());
        ObjectNode findings = d.putObject("findings");
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            findings.put(s.name().toLowerCase(Locale.ROOT), report.summary().bySeverity().getOrDefault(s, Counts.ZERO).fail());
        }
        Counts t = report.summary().total();
        d.put("suppressed", t.suppressed());
        d.put("unknown", t.unknown());
        d.put("passed", t.pass());
        if (failOn != null) {
            d.put("failOn", failOn);
        }
        if (exitCode != null) {
            d.put("exitCode", exitCode);
        }
        if (reportFile != null) {
            d.put("report", reportFile);
        }
        d.put("resultsSha256", report.resultsSha256());
        d.put("results", t.total());
        if (report.capturedAt() != null) {
            d.put("capturedAt", report.capturedAt().toString());
        }
        d.put("evaluatedAt", report.evaluatedAt().toString());
        ObjectNode th = d.putObject("thresholds");
        report.thresholds().forEach(th::put);
        return j.append(audit);
    }

    /** A suppression written to the suppressions file. */
    public Entry suppressionAdded(Actor actor, Suppression s) {
        return journal.get().append(addedDraft(actor, s));
    }

    /** A suppression lifted (removed from the suppressions file) before or after it expired. */
    public Entry suppressionRemoved(Actor actor, Suppression s, String reason) {
        Journal j = journal.get();
        EntryDraft d = EntryDraft.of(actor.who(), actor.mode(), actor.target(), SUPPRESSION_REMOVED, s.resource());
        ObjectNode details = d.detailsObject();
        details.put("rule", s.checkId()).put("reason", s.justification()).put("expires", s.expires().toString()).put("author", s.author());
        if (reason != null && !reason.isBlank()) {
            details.put("why", reason);
        }
        Entry added = added(j, s);
        if (added != null) {
            details.put("addedAt", added.time().toString()).put("addedSeq", added.seq());
        }
        return j.append(d);
    }

    /** A report written to a file ({@code kind} "report"). */
    public Entry reportExported(Actor actor, String file, String format, String resultsSha256) {
        EntryDraft d = EntryDraft.of(actor.who(), actor.mode(), actor.target(), EXPORT, file);
        d.detailsObject().put("kind", "report").put("file", file).put("format", format).put("resultsSha256", resultsSha256);
        return journal.get().append(d);
    }

    /**
     * One step of a drill ({@code details} as docs/drills.md fixes them: drill, step, outcome, rehearsal,
     * member, durationMs and the step's own members), recorded as it happens.
     */
    public Entry drillStep(Actor actor, String subject, ObjectNode details) {
        EntryDraft d = new EntryDraft(actor.who(), actor.mode(), actor.target(), DRILL_STEP, subject, details);
        return journal.get().append(d);
    }

    /** One entry of the multi-party approval flow ({@code action} one of the APPROVAL_ constants; details as docs/journal.md fixes them). */
    public Entry approval(Actor actor, String action, String subject, ObjectNode details) {
        EntryDraft d = new EntryDraft(actor.who(), actor.mode(), actor.target(), action, subject, details);
        return journal.get().append(d);
    }

    /** The drill cadence set in settings.json (days), with the value it replaced. */
    public Entry drillCadence(Actor actor, String settingsFile, int days, int before) {
        EntryDraft d = EntryDraft.of(actor.who(), actor.mode(), actor.target(), DRILL_CADENCE, settingsFile);
        d.detailsObject().put("cadenceDays", days).put("previous", before);
        return journal.get().append(d);
    }

    /** A drill report written to a file: recorded before the file is written. */
    public Entry drillReportExported(Actor actor, String file, String drillId) {
        EntryDraft d = EntryDraft.of(actor.who(), actor.mode(), actor.target(), EXPORT, file);
        d.detailsObject().put("kind", DRILL_REPORT).put("file", file).put("drill", drillId).put("format", "html");
        return journal.get().append(d);
    }

    private static Entry added(Journal j, Suppression s) {
        Entry found = null;
        for (Entry e : j.read(new EntryQuery(null, null, SUPPRESSION_ADDED, s.resource(), 0))) {
            JsonNode d = e.detailsTree();
            if (s.resource().equals(e.subject()) && s.checkId().equals(d.path("rule").asText()) && s.expires().toString().equals(d.path("expires").asText())
                    && s.justification().equals(d.path("reason").asText())) {
                found = e;
            }
        }
        return found;
    }

    private static boolean expiredRecorded(Journal j, Suppression s, Entry added) {
        for (Entry e : j.read(new EntryQuery(null, null, SUPPRESSION_EXPIRED, s.resource(), 0))) {
            if (e.detailsTree().path("addedSeq").asLong() == added.seq()) {
                return true;
            }
        }
        return false;
    }

    private static EntryDraft addedDraft(Actor actor, Suppression s) {
        EntryDraft d = EntryDraft.of(actor.who(), actor.mode(), actor.target(), SUPPRESSION_ADDED, s.resource());
        d.detailsObject().put("rule", s.checkId()).put("reason", s.justification()).put("expires", s.expires().toString()).put("author", s.author());
        return d;
    }
}
