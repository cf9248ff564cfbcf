package dev.redoubt.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.Counts;
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

/**
 * What an audit records in the journal: the audit itself, with the SHA-256 of its results; each
 * suppression the first time an audit uses it ("suppression-add"); each suppression the first
 * time an audit finds it expired ("suppression-expire"). A suppression is the same one when its
 * check, resource pattern, expiry, author and justification are.
 */
final class AuditJournal {
    static final String AUDIT = "audit";
    static final String SUPPRESSION_ADD = "suppression-add";
    static final String SUPPRESSION_EXPIRE = "suppression-expire";

    private final Journal journal;
    private final String actor;
    private final Target target;

    AuditJournal(Journal journal, String actor, Target target) {
        this.journal = journal;
        this.actor = actor;
        this.target = target;
    }

    /** Records the suppressions not recorded before, then the audit; returns the audit's entry. */
    Entry record(AuditReport report, String format, String out) {
        List<EntryDraft> drafts = new ArrayList<>();
        for (Suppressions.Use u : report.suppressions()) {
            if (!recorded(SUPPRESSION_ADD, u.suppression())) {
                drafts.add(suppressionDraft(SUPPRESSION_ADD, u));
            }
            if (u.expired() && !recorded(SUPPRESSION_EXPIRE, u.suppression())) {
                drafts.add(suppressionDraft(SUPPRESSION_EXPIRE, u));
            }
        }
        EntryDraft audit = EntryDraft.of(actor, Mode.AUDITOR, target, AUDIT, report.estateName() == null ? "estate" : report.estateName());
        ObjectNode d = audit.detailsObject();
        d.put("ResultsSha256", report.resultsSha256());
        d.put("Source", report.source());
        d.put("OrganizationId", report.organizationId());
        d.put("CapturedAt", report.capturedAt() == null ? null : report.capturedAt().toString());
        d.put("EvaluatedAt", report.evaluatedAt().toString());
        Counts t = report.summary().total();
        d.put("Results", t.total());
        d.put("Pass", t.pass());
        d.put("Fail", t.fail());
        d.put("Unknown", t.unknown());
        d.put("Suppressed", t.suppressed());
        d.put("Checks", report.catalogue().size());
        d.put("Format", format);
        d.put("Report", out);
        ObjectNode th = d.putObject("Thresholds");
        report.thresholds().forEach(th::put);
        drafts.add(audit);
        List<Entry> entries = journal.appendAll(drafts);
        return entries.get(entries.size() - 1);
    }

    private boolean recorded(String action, Suppression s) {
        for (Entry e : journal.read(new EntryQuery(null, null, action, subject(s), 0))) {
            JsonNode d = e.detailsTree();
            if (subject(s).equals(e.subject()) && s.expires().toString().equals(d.path("Expires").asText())
                    && s.author().equals(d.path("Author").asText()) && s.justification().equals(d.path("Justification").asText())) {
                return true;
            }
        }
        return false;
    }

    private EntryDraft suppressionDraft(String action, Suppressions.Use u) {
        Suppression s = u.suppression();
        EntryDraft draft = EntryDraft.of(actor, Mode.AUDITOR, target, action, subject(s));
        draft.detailsObject().put("CheckId", s.checkId()).put("Resource", s.resource()).put("Justification", s.justification())
                .put("Author", s.author()).put("Expires", s.expires().toString()).put("Results", u.results());
        return draft;
    }

    private static String subject(Suppression s) {
        return s.checkId() + " " + s.resource();
    }
}
