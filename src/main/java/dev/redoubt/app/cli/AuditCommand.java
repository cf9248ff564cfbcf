package dev.redoubt.app.cli;

import dev.redoubt.estate.Estate;
import dev.redoubt.files.OutputFile;
import dev.redoubt.findings.Quoting;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.findings.Summary;
import dev.redoubt.findings.Suppressions;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.JournalException;
import dev.redoubt.journal.SqliteJournal;
import dev.redoubt.report.ReportFormat;
import dev.redoubt.services.AuditRun;
import dev.redoubt.services.AuditService;
import dev.redoubt.services.AuditSubject;
import dev.redoubt.services.Cancellation;
import dev.redoubt.services.CaptureTarget;
import dev.redoubt.services.Connection;
import dev.redoubt.services.EstateService;
import dev.redoubt.services.LoadedEstate;
import dev.redoubt.services.ScanOutcome;
import dev.redoubt.services.ServiceFailure;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Run the 40 REL09-BP02 checks over an estate and write a report (JSON, CSV, HTML or SARIF).",
                "Checks judge the estate as of its CapturedAt; suppressions expire against the current time. Each audit is journaled with the SHA-256 of its results.",
                "Exit 1 when a check fails at or above --fail-on (UNKNOWN counts only with --fail-on-unknown, SUPPRESSED never; without --fail-on, never). "
                        + "Exit 2 for a bad estate, settings or suppressions file.",
                "",
                "Examples:",
                "  redoubt audit --demo --format html --out northwind.html",
                "  redoubt audit --estate capture.json --format sarif --out a.sarif --fail-on HIGH",
                ""})
final class AuditCommand implements Callable<Integer> {
    private final CliContext ctx;

    /** Where the estate comes from: a file, the demo, or (with neither) a live scan with the scan's options. */
    static final class Source {
        @Option(names = "--estate", paramLabel = "FILE", description = "An estate file (redoubt-estate/1): a capture or a generated estate.")
        Path estate;

        @Option(names = "--demo", description = "The built-in Northwind demo organization.")
        boolean demo;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    @Mixin
    SignInOptions signIn;

    @Mixin
    ScanOptions scope;

    @Option(names = "--capture", paramLabel = "FILE", description = "With a live scan: keep the capture in this file.")
    Path capture;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|csv|html|sarif",
            description = "Report format (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--out", paramLabel = "REPORT", description = "Where to write the report (default: standard output).")
    Path out;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit 1 when a check fails at this severity or above: CRITICAL, HIGH, MEDIUM, LOW, INFO.")
    Severity failOn;

    @Option(names = "--fail-on-unknown", description = "With --fail-on, UNKNOWN results at or above that severity count as failures too.")
    boolean failOnUnknown;

    @Option(names = "--settings", paramLabel = "FILE", description = "Settings file with thresholds and account roles (default: settings.json in Redoubt's home).")
    Path settings;

    @Option(names = "--suppressions", paramLabel = "FILE", description = "Accepted risks (default: suppressions.json in Redoubt's home, if present).")
    Path suppressions;

    AuditCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (failOnUnknown && failOn == null) {
            throw new CliException(ExitCodes.USAGE, "--fail-on-unknown needs --fail-on SEVERITY (which UNKNOWN results should count)");
        }
        boolean live = source == null;
        if (!live && (signIn.profile != null || scope.anyGiven() || capture != null)) {
            throw new CliException(ExitCodes.USAGE, "--estate and --demo take no scan options (--profile, --accounts, --regions, --role,"
                    + " --since-capture, --capture); leave them out to audit a file, or drop --estate/--demo to scan live");
        }
        Outputs.refuseInputs(ctx, "--out", out, "--estate", live ? null : source.estate, "--settings", settings,
                "--suppressions", suppressions, "--since-capture", scope.sinceCapture);
        Outputs.refuseInputs(ctx, "--capture", capture, "--settings", settings, "--suppressions", suppressions,
                "--since-capture", scope.sinceCapture);
        if (capture != null && out != null && (OutputFile.sameFile(out, capture)
                || out.toAbsolutePath().normalize().equals(capture.toAbsolutePath().normalize()))) {
            throw new CliException(ExitCodes.USAGE, out + ": --out and --capture name the same file; the report would replace the capture."
                    + " Choose another file for one of them");
        }
        AuditService audits = ctx.app().audits();
        PhaseClock phases = PhaseClock.wanted(ctx.err());
        Estate estate;
        AuditSubject subject;
        ScanOutcome scanned = null;
        if (live) {
            scanned = scanLive();
            estate = scanned.estate();
            subject = AuditService.subjectOf(scanned);
        } else {
            // The journal is written once the estate is judged: its driver loads on the other core meanwhile.
            Thread prepare = new Thread(SqliteJournal::prepare, "redoubt-journal-prepare");
            prepare.setDaemon(true);
            prepare.start();
            LoadedEstate loaded;
            try {
                if (!source.demo) {
                    TerminalProgress.note(ctx.rawErr(), "Reading " + source.estate + sizeOf(source.estate) + "...");
                }
                loaded = source.demo ? ctx.app().estates().demo() : open(source.estate);
            } catch (RuntimeException e) {
                TerminalProgress.clear(ctx.rawErr());
                // A file that cannot be read fails at once: let the driver finish loading first, or the JVM's exit
                // interrupts it and the driver logs an error of its own under the message that matters.
                awaitQuietly(prepare);
                throw e;
            }
            estate = loaded.estate();
            subject = AuditService.subjectOf(loaded);
        }
        phases.lap(live ? "scan" : "open (read and validate)");
        TerminalProgress.note(ctx.rawErr(), "Running the checks...");
        AuditRun run;
        try {
            run = audits.audit(estate, subject, settings, suppressions);
        } finally {
            TerminalProgress.clear(ctx.rawErr());
        }
        phases.lap("audit (index, checks, suppressions, summary, results digest)");
        boolean toStdout = out == null || out.toString().equals("-");
        int exit = exitCode(run.results());
        if (scanned != null && scanned.outcome() == ScanOutcome.Outcome.PARTIAL) {
            int n = scanned.unread().size();
            ctx.err().println(Columns.plural(n, "scope") + (n == 1 ? " could not be read; it is listed under ReadErrors and its checks report UNKNOWN"
                    : " could not be read; they are listed under ReadErrors and their checks report UNKNOWN"));
            exit = ExitCodes.combine(exit, ExitCodes.PARTIAL);
        }
        Entry entry = record(audits, run, exit, toStdout ? null : out);
        phases.lap("journal");
        if (toStdout) {
            OutputStream o = new BufferedOutputStream(ctx.dataOut(), 1 << 16);
            audits.write(run, format, o);
        } else {
            audits.write(run, format, out);
        }
        phases.lap("report (" + format.name().toLowerCase(Locale.ROOT) + ")");
        phases.threads();
        printSummary(estate, run, toStdout);
        ctx.err().println("Journaled as entry " + entry.seq() + ".");
        return exit;
    }

    /**
     * Journals the audit before its report is written (docs/journal.md): a report that could not be
     * journaled is never written, and the command says so. If writing the report then fails, the
     * entry stays as the record of the attempt, as for an export.
     */
    private Entry record(AuditService audits, AuditRun run, int exit, Path reportFile) {
        try {
            return audits.record(run, failOn == null ? null : failOn.name(), exit, reportFile);
        } catch (JournalException e) {
            throw new CliException(e.integrity() ? ExitCodes.VERIFICATION_FAILED : ExitCodes.USAGE,
                    e.getMessage() + "; no report was written (an audit is reported only once it is journaled)", null, e);
        }
    }

    private ScanOutcome scanLive() {
        var plan = scope.plan(ctx.app()::estates);
        Cancellation cancel = new Cancellation();
        ScanOutcome result;
        Connection connection;
        // Ctrl+C is handled from the sign-in on (which opens the journal): the JVM's exit then waits for the command to end.
        CtrlC ctrlC = CtrlC.cancels(ctx, cancel);
        try {
            connection = ctx.app().signIn().signIn(signIn.profile, signIn.mode());
        } catch (RuntimeException e) {
            ctrlC.close();
            if (e instanceof ServiceFailure f && f.kind() == ServiceFailure.Kind.PROFILE_NOT_FOUND && signIn.profile == null) {
                throw new CliException(ExitCodes.USAGE, f.getMessage() + "; or audit a file with --estate FILE, or the demo with --demo");
            }
            throw e;
        }
        try (CtrlC ignored = ctrlC; Connection c = connection) {
            result = ctx.app().scans().scan(c, plan, capture != null ? CaptureTarget.file(capture) : CaptureTarget.nowhere(),
                    TerminalProgress.of(ctx.rawErr()), cancel);
        } catch (ServiceFailure f) {
            if (f.kind() == ServiceFailure.Kind.UNREACHABLE && f.fact("journalSeq") != null) {
                throw new CliException(ExitCodes.UNREACHABLE, CliPhrases.of(f) + "; no report was written", null, f);
            }
            throw f;
        } finally {
            TerminalProgress.clear(ctx.rawErr());
        }
        if (result.outcome() == ScanOutcome.Outcome.CANCELLED) {
            throw new CliException(ExitCodes.INTERRUPTED, "scan interrupted: no report was written; what was read "
                    + (capture != null ? "is kept in " + capture + ", marked incomplete (the unfinished scopes are listed under ReadErrors)"
                    : "was not kept (--capture FILE keeps it)") + "; the scan is journaled as entry " + result.journalSeq());
        }
        return result;
    }

    /** " (303.4 MiB)" for a file of a megabyte or more, else nothing (the note is for the waits a user notices). */
    private static String sizeOf(Path file) {
        try {
            long bytes = java.nio.file.Files.size(file);
            return bytes < (1 << 20) ? "" : " (" + Columns.humanBytes(bytes) + ")";
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    private LoadedEstate open(Path file) {
        String reading = "Reading " + file + sizeOf(file) + "...";
        int[] shown = {-1};
        EstateService.OpenProgress progress = new EstateService.OpenProgress() {
            @Override
            public void reading(long done, long total) {
                int percent = total <= 0 ? 0 : (int) (done * 100 / total);
                if (percent != shown[0]) { // on a terminal only, as the percentage moves
                    shown[0] = percent;
                    TerminalProgress.note(ctx.rawErr(), reading + " " + percent + "%");
                }
            }

            @Override
            public void checking() {
                TerminalProgress.note(ctx.rawErr(), "Checking the estate...");
            }
        };
        try {
            return ctx.app().estates().open(file, progress, Cancellation.none());
        } catch (ServiceFailure f) {
            if (f.kind() == ServiceFailure.Kind.BAD_INPUT && f.fact("problems") != null) {
                throw new CliException(ExitCodes.USAGE, f.getMessage() + "; every problem: redoubt estate validate " + Quoting.sh(file.toString()));
            }
            throw f;
        }
    }

    private void printSummary(Estate estate, AuditRun run, boolean toStdout) {
        Summary summary = run.summary();
        var t = summary.total();
        List<String> bySeverity = new ArrayList<>();
        summary.bySeverity().forEach((s, c) -> {
            if (c.fail() > 0) {
                bySeverity.add(String.format(Locale.ROOT, "%,d %s", c.fail(), s.name().toLowerCase(Locale.ROOT)));
            }
        });
        ctx.err().printf(Locale.ROOT, "Audited %s as of %s: %,d results: %,d failing%s, %,d passing, %,d unknown, %,d suppressed.%n",
                estate.name() == null ? "the estate" : estate.name(), summary.total().total() == 0 || estate.capturedAt() == null ? "-"
                        : String.valueOf(estate.capturedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                t.total(), t.fail(), bySeverity.isEmpty() ? "" : " (" + String.join(", ", bySeverity) + ")", t.pass(), t.unknown(), t.suppressed());
        for (Suppressions.Use u : run.report().suppressions()) {
            if (u.expired() && u.results() > 0) {
                ctx.err().println("Suppression of " + u.suppression().checkId() + " on " + u.suppression().resource() + " expired on "
                        + u.suppression().expires() + ": " + u.results() + " result(s) count as failures again.");
            }
        }
        if (!toStdout) {
            ctx.err().println("Wrote " + out + " (" + format.name().toLowerCase(Locale.ROOT) + ").");
        }
        ctx.err().println("Results SHA-256: " + run.digest());
    }

    private int exitCode(List<Result> results) {
        if (failOn == null) {
            return ExitCodes.OK;
        }
        for (Result r : results) {
            if (r.severity().atLeast(failOn) && (r.status() == Status.FAIL || failOnUnknown && r.status() == Status.UNKNOWN)) {
                return ExitCodes.FINDINGS;
            }
        }
        return ExitCodes.OK;
    }

    private static void awaitQuietly(Thread t) {
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
