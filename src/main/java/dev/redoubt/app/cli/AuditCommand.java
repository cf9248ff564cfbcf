package dev.redoubt.app.cli;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.EstateProblem;
import dev.redoubt.estate.EstateValidator;
import dev.redoubt.estate.Region;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.files.SafeFiles;
import dev.redoubt.findings.Auditor;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.Target;
import dev.redoubt.findings.Checks;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.FindingsSettingsFile;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.findings.Summary;
import dev.redoubt.findings.Suppressions;
import dev.redoubt.report.AuditReport;
import dev.redoubt.report.ReportFormat;
import dev.redoubt.report.ResultJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
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

    /** Where the estate comes from: exactly one of these (the live scan's options join this group with the scanner). */
    static final class Source {
        @Option(names = "--estate", paramLabel = "FILE", description = "An estate file (redoubt-estate/1): a capture or a generated estate.")
        Path estate;

        @Option(names = "--demo", description = "The built-in Northwind demo organization.")
        boolean demo;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

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
        FindingsSettings findingsSettings = readSettings();
        Suppressions accepted = readSuppressions();
        Estate estate;
        String sourceName;
        if (source.demo) {
            estate = NorthwindDemo.build();
            sourceName = "built-in demo";
        } else {
            estate = new EstateFile().read(source.estate);
            sourceName = source.estate.toString();
            List<EstateProblem> problems = new EstateValidator().validate(estate);
            for (EstateProblem p : problems) {
                if (p.severity() == EstateProblem.Severity.ERROR) {
                    throw new CliException(ExitCodes.USAGE, source.estate + ": " + p.path() + ": " + p.message()
                            + " (run 'redoubt estate validate " + source.estate + "' for every problem)");
                }
            }
        }
        Instant now = ctx.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Auditor.Outcome outcome = new Auditor(Checks.all()).run(estate, findingsSettings, now);
        Suppressions.Applied applied = accepted.apply(outcome.results(), now);
        List<Result> results = applied.results();
        Summary summary = Summary.of(results, Checks.all());
        String digest = ResultJson.sha256(results);
        AuditReport report = new AuditReport(VersionProvider.version(), estate.name(), sourceName, outcome.index().organizationId(),
                estate.capturedAt(), outcome.index().at(), now, outcome.index().thresholds().asMap(), outcome.index().roles(), Checks.all(),
                results, summary, applied.uses(), readErrors(estate), digest);
        writeReport(report);
        int exit = exitCode(results);
        Target target = source.demo ? Target.sandbox() : Target.capture(source.estate);
        String subject = source.demo ? (estate.organization() != null && estate.organization().arn() != null ? estate.organization().arn() : "demo")
                : source.estate.toAbsolutePath().normalize().toString();
        Entry entry = new AuditJournal(ctx.journal(), JournalCommand.OFFLINE_ACTOR, target)
                .record(report, subject, failOn == null ? null : failOn.name(), exit, out == null || out.toString().equals("-") ? null : out.toAbsolutePath().toString());
        printSummary(estate, summary, applied, digest);
        ctx.err().println("Journaled as entry " + entry.seq() + ".");
        return exit;
    }

    private FindingsSettings readSettings() {
        Path file = settings != null ? settings : ctx.paths().settingsFile();
        try {
            return FindingsSettingsFile.read(file, settings != null);
        } catch (FindingsSettingsFile.Invalid e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), null, e);
        }
    }

    private Suppressions readSuppressions() {
        Path file = suppressions != null ? suppressions : ctx.paths().suppressionsFile();
        try {
            return Suppressions.read(file, suppressions != null);
        } catch (Suppressions.Invalid e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), null, e);
        }
    }

    private void writeReport(AuditReport report) {
        if (out == null || out.toString().equals("-")) {
            try {
                OutputStream o = new BufferedOutputStream(ctx.out(), 1 << 16);
                format.writer().write(report, o);
                o.flush();
            } catch (IOException e) {
                throw new CliException(ExitCodes.USAGE, "the report cannot be written to standard output (" + e.getMessage() + ")", null, e);
            }
            return;
        }
        try {
            // Owner-only: a report names every vault, key and policy of the estate.
            SafeFiles.writeAtomically(out, o -> format.writer().write(report, o), true);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, out + ": the report cannot be written (" + e.getMessage() + "); choose a writable path with --out", null, e);
        }
    }

    private void printSummary(Estate estate, Summary summary, Suppressions.Applied applied, String digest) {
        var t = summary.total();
        List<String> bySeverity = new ArrayList<>();
        summary.bySeverity().forEach((s, c) -> {
            if (c.fail() > 0) {
                bySeverity.add(c.fail() + " " + s.name().toLowerCase(Locale.ROOT));
            }
        });
        ctx.err().printf(Locale.ROOT, "Audited %s as of %s: %,d results: %,d failing%s, %,d passing, %,d unknown, %,d suppressed.%n",
                estate.name() == null ? "the estate" : estate.name(), summary.total().total() == 0 ? "-" : String.valueOf(estate.capturedAt()),
                t.total(), t.fail(), bySeverity.isEmpty() ? "" : " (" + String.join(", ", bySeverity) + ")", t.pass(), t.unknown(), t.suppressed());
        for (Suppressions.Use u : applied.uses()) {
            if (u.expired() && u.results() > 0) {
                ctx.err().println("Suppression of " + u.suppression().checkId() + " on " + u.suppression().resource() + " expired on "
                        + u.suppression().expires() + ": " + u.results() + " result(s) count as failures again.");
            }
        }
        if (out != null && !out.toString().equals("-")) {
            ctx.err().println("Wrote " + out + " (" + format.name().toLowerCase(Locale.ROOT) + ").");
        }
        ctx.err().println("Results SHA-256: " + digest);
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

    private static int readErrors(Estate estate) {
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
