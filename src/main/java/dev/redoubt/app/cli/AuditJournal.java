package dev.redoubt.app.cli;

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
import dev.redoubt.journal.Mode;
import dev.redoubt.journal.Target;
import dev.redoubt.report.AuditReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an audit records in the journal, in the shapes docs/journal.md fixes: {@code audit} (with
 * the SHA-256 of its results added as {@code resultsSha256}); {@code suppression-added} the first
 * time an audit uses a suppression; {@code suppression-expired} the first audit after it expired.
 * A suppression is the same one when its check, resource pattern, expiry and justification are.
 */
final class AuditJournal {
    static final String AUDIT = "audit";
    static final String SUPPRESSION_ADDED = "suppression-added";
    static final String SUPPRESSION_EXPIRED = "suppression-expired";

    private final Journal journal;
    private final String actor;
    private final Target target;
    private final Mode mode;

    AuditJournal(Journal journal, String actor, Target target, Mode mode) {
        this.journal = journal;
        this.actor = actor;
        this.target = target;
        this.mode = mode;
    }

    /** Records the suppressions first added or first expired, then the audit; returns the audit's entry. */
    Entry record(AuditReport report, String subject, String failOn, int exitCode, String reportFile) {
        for (Suppressions.Use u : report.suppressions()) {
            Entry added = added(u.suppression());
            if (added == null) {
                added = journal.append(addedDraft(u.suppression()));
            }
            if (u.expired() && !expiredRecorded(u.suppression(), added)) {
                EntryDraft d = EntryDraft.of(actor, mode, target, SUPPRESSION_EXPIRED, u.suppression().resource());
                d.detailsObject().put("rule", u.suppression().checkId()).put("addedAt", added.time().toString()).put("addedSeq", added.seq())
                        .put("expires", u.suppression().expires().toString()).put("results", u.results());
                journal.append(d);
            }
        }
        EntryDraft audit = EntryDraft.of(actor, mode, target, AUDIT, subject);
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
        d.put("exitCode", exitCode);
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
        return journal.append(audit);
    }

    private Entry added(Suppression s) {
        for (Entry e : journal.read(new EntryQuery(null, null, SUPPRESSION_ADDED, s.resource(), 0))) {
            JsonNode d = e.detailsTree();
            if (s.resource().equals(e.subject()) && s.checkId().equals(d.path("rule").asText()) && s.expires().toString().equals(d.path("expires").asText())
                    && s.justification().equals(d.path("reason").asText())) {
                return e;
            }
        }
        return null;
    }

    private boolean expiredRecorded(Suppression s, Entry added) {
        for (Entry e : journal.read(new EntryQuery(null, null, SUPPRESSION_EXPIRED, s.resource(), 0))) {
            if (e.detailsTree().path("addedSeq").asLong() == added.seq()) {
                return true;
            }
        }
        return false;
    }

    private EntryDraft addedDraft(Suppression s) {
        EntryDraft d = EntryDraft.of(actor, mode, target, SUPPRESSION_ADDED, s.resource());
        d.detailsObject().put("rule", s.checkId()).put("reason", s.justification()).put("expires", s.expires().toString()).put("author", s.author());
        return d;
    }
}
