package dev.redoubt.services;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.Region;
import dev.redoubt.files.OutputFile;
import dev.redoubt.findings.AuditStopped;
import dev.redoubt.findings.Auditor;
import dev.redoubt.findings.Checks;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.FindingsSettingsFile;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Summary;
import dev.redoubt.findings.Suppressions;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.Target;
import dev.redoubt.report.AuditReport;
import dev.redoubt.report.ReportFormat;
import dev.redoubt.report.ResultJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * An audit run: the 40 checks over an estate with the thresholds of settings.json and the accepted
 * risks of suppressions.json, the report in four formats, and the journal entry with the results' digest.
 */
public final class AuditService {
    private final String toolVersion;
    private final Clock clock;
    private final Path settingsFile;
    private final Path suppressionsFile;
    private final ActivityJournal journal;

    public AuditService(String toolVersion, Clock clock, Path settingsFile, Path suppressionsFile, ActivityJournal journal) {
        this.toolVersion = toolVersion;
        this.clock = clock;
        this.settingsFile = settingsFile;
        this.suppressionsFile = suppressionsFile;
        this.journal = journal;
    }

    /** Who and what for an estate someone opened: a capture file or the built-in demo, judged offline. */
    public static AuditSubject subjectOf(LoadedEstate loaded) {
        Estate e = loaded.estate();
        String orgArn = e.organization() != null ? e.organization().arn() : null;
        return switch (loaded.origin().kind()) {
            case DEMO -> new AuditSubject(Actor.offline(Target.sandbox()), orgArn != null ? orgArn : "demo", "built-in demo");
            case FILE -> new AuditSubject(Actor.offline(Target.capture(loaded.origin().file())), loaded.origin().file().toString(),
                    loaded.origin().file().toString());
            case LIVE -> throw new IllegalArgumentException("a live estate is audited with subjectOf(ScanOutcome)");
        };
    }

    /** Who and what for the capture of a scan just made. */
    public static AuditSubject subjectOf(ScanOutcome scan) {
        Estate e = scan.estate();
        String orgArn = e.organization() != null ? e.organization().arn() : null;
        String subject = scan.capture() != null ? scan.capture().toAbsolutePath().toString() : orgArn != null ? orgArn : scan.actor().who();
        return new AuditSubject(scan.actor(), subject, "live scan of " + scan.profile()
                + (scan.capture() != null ? " (kept in " + scan.capture() + ")" : ""));
    }

    /** Audits with settings.json and suppressions.json from Redoubt's home. */
    public AuditRun audit(Estate estate, AuditSubject subject) {
        return audit(estate, subject, null, null);
    }

    /**
     * Audits an estate as of its CapturedAt (suppressions expire against now). {@code settings} and
     * {@code suppressions} name other files than Redoubt's own (which must then exist), or are null.
     */
    public AuditRun audit(Estate estate, AuditSubject subject, Path settings, Path suppressions) {
        return audit(estate, subject, settings, suppressions, Cancellation.none());
    }

    /**
     * {@link #audit(Estate, AuditSubject)} that {@code cancel} stops: no further check starts, and no digest is made
     * (CANCELLED; a check already running finishes first).
     */
    public AuditRun audit(Estate estate, AuditSubject subject, Cancellation cancel) {
        return audit(estate, subject, null, null, cancel);
    }

    private AuditRun audit(Estate estate, AuditSubject subject, Path settings, Path suppressions, Cancellation cancel) {
        FindingsSettings findingsSettings = readSettings(settings);
        Suppressions accepted = readSuppressions(suppressions);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Auditor.Outcome outcome;
        try {
            outcome = new Auditor(Checks.all()).run(estate, findingsSettings, now, cancel::isCancelled);
        } catch (AuditStopped stopped) {
            throw new ServiceFailure(ServiceFailure.Kind.CANCELLED, stopped.getMessage(), null, stopped);
        }
        if (cancel.isCancelled()) {
            throw new ServiceFailure(ServiceFailure.Kind.CANCELLED, "the audit was stopped before its results were digested, as asked");
        }
        return build(estate, subject, outcome.results(), accepted, now, outcome.index().organizationId(), outcome.index().at(),
                outcome.index().thresholds().asMap(), outcome.index().roles(), outcome.index());
    }

    /** The same audit with the suppressions as they are now (after one was added or lifted). */
    public AuditRun reapply(AuditRun run, Suppressions suppressions) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        AuditReport r = run.report();
        return build(run.estate(), run.subject(), run.unsuppressed(), suppressions, now, r.organizationId(), r.evaluatedAt(),
                r.thresholds(), r.accountRoles(), run.index());
    }

    private AuditRun build(Estate estate, AuditSubject subject, List<Result> raw, Suppressions accepted, Instant now, String orgId,
                           Instant evaluatedAt, java.util.Map<String, Integer> thresholds,
                           java.util.Map<String, dev.redoubt.findings.AccountType> roles,
                           dev.redoubt.findings.EstateIndex index) {
        Suppressions.Applied applied = accepted.apply(raw, now);
        List<Result> results = applied.results();
        Summary summary = Summary.of(results, Checks.all());
        String digest = ResultJson.sha256(results);
        AuditReport report = new AuditReport(toolVersion, estate.name(), subject.source(), orgId, estate.capturedAt(), evaluatedAt, now,
                thresholds, roles, Checks.all(), results, summary, applied.uses(), readErrors(estate), digest);
        return new AuditRun(report, estate, subject, raw, accepted, evaluatedAt, index);
    }

    /** Writes the report to a stream (standard output). */
    public void write(AuditRun run, ReportFormat format, OutputStream out) {
        try {
            format.writer().write(run.report(), out);
            out.flush();
        } catch (IOException e) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, "the report cannot be written to the output (" + e.getMessage() + ")",
                    null, e);
        }
    }

    /**
     * Writes the report to a file, owner-only and atomically: a report names every vault, key and policy of the estate.
     * A device or a named pipe is written through, a symbolic link followed ({@link OutputFile}).
     */
    public void write(AuditRun run, ReportFormat format, Path file) {
        try {
            OutputFile.write(file, o -> format.writer().write(run.report(), o), true);
        } catch (IOException e) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, file + ": the report cannot be written (" + e.getMessage() + ")",
                    ServiceFailure.facts("file", file.toString()), e);
        }
    }

    /**
     * Journals the export, then writes the report to the file (the window's "Export report"): a report
     * that could not be journaled is never written; if writing fails, the entry stays as the record of the attempt.
     */
    public Entry export(AuditRun run, ReportFormat format, Path file) {
        Entry entry = journal.reportExported(run.subject().actor(), file.toAbsolutePath().toString(), format.name().toLowerCase(Locale.ROOT),
                run.digest());
        write(run, format, file);
        return entry;
    }

    /**
     * Journals the audit (and the suppressions it used first or found expired). {@code exitCode} and
     * {@code failOn} are the command line's; the window gives null.
     */
    public Entry record(AuditRun run, String failOn, Integer exitCode, Path reportFile) {
        return journal.audit(run.subject().actor(), run.subject().subject(), run.report(), failOn, exitCode,
                reportFile == null ? null : reportFile.toAbsolutePath().toString());
    }

    private FindingsSettings readSettings(Path override) {
        Path file = override != null ? override : settingsFile;
        try {
            return FindingsSettingsFile.read(file, override != null);
        } catch (FindingsSettingsFile.Invalid e) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, e.getMessage(), ServiceFailure.facts("file", file.toString()), e);
        }
    }

    private Suppressions readSuppressions(Path override) {
        Path file = override != null ? override : suppressionsFile;
        try {
            return Suppressions.read(file, override != null);
        } catch (Suppressions.Invalid e) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, e.getMessage(), ServiceFailure.facts("file", file.toString()), e);
        }
    }

    /** How many ReadErrors the estate holds (accounts and regions). */
    public static int readErrors(Estate estate) {
        int n = 0;
        if (estate.accounts() != null) {
            for (Account a : estate.accounts()) {
                n += a.readErrors() == null ? 0 : a.readErrors().size();
                if (a.regions() != null) {
                    for (Region r : a.regions().values()) {
                        n += r.readErrors() == null ? 0 : r.readErrors().size();
                    }
                }
            }
        }
        return n;
    }
}
