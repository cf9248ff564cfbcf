package dev.redoubt.app.cli;

import dev.redoubt.findings.Quoting;
import dev.redoubt.journal.BundleVerifier;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.ExportResult;
import dev.redoubt.journal.JournalExport;
import dev.redoubt.journal.JournalFiles;
import dev.redoubt.journal.JournalKeys;
import dev.redoubt.journal.JournalReader;
import dev.redoubt.journal.JournalVerifier;
import dev.redoubt.journal.Mode;
import dev.redoubt.journal.Verification;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "Verify, read and export the audit journal (what Redoubt did and saw, tamper-evident).",
        subcommands = {JournalCommand.Verify.class, JournalCommand.Show.class, JournalCommand.Export.class})
public final class JournalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: name one of " + spec.subcommands().keySet());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check that the journal (or an export) is whole.",
                    "Every entry matches its hash and follows the one before, none is missing, every checkpoint's signature holds, "
                            + "the key is the pinned one and the journal is not shorter than its last checkpoint or its signed high-water mark. "
                            + "Exit 0 when it verifies, 3 at the first problem (named with its place)."})
    static final class Verify implements Runnable {
        private final CliContext ctx;
        @Option(names = "--journal", paramLabel = "FILE", description = "A journal database other than Redoubt's own (its .checkpoints sidecar and .head mark beside it).")
        Path journal;
        @Option(names = "--bundle", paramLabel = "FILE.zip", description = "Verify an export made by 'journal export', with no access to the journal.")
        Path bundle;
        @Option(names = "--fingerprint", paramLabel = "sha256:HEX",
                description = "The key fingerprint to trust (default: the one pinned in settings.json; for --bundle, none: compare the printed one).")
        String fingerprint;

        Verify(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            if (journal != null && bundle != null) {
                throw new CliException(ExitCodes.USAGE, "--journal and --bundle name two things to verify; give one of them");
            }
            Optional<String> fp = Optional.empty();
            if (fingerprint != null) {
                fp = JournalKeys.parseFingerprint(fingerprint);
                if (fp.isEmpty()) {
                    throw new CliException(ExitCodes.USAGE, "--fingerprint \"" + fingerprint + "\" is not a key fingerprint: it must be "
                            + JournalKeys.FINGERPRINT_FORM + ", as 'redoubt journal verify' and 'journal export' print it");
                }
            }
            Verification v;
            String keyNote;
            if (bundle != null) {
                v = BundleVerifier.verify(bundle, fp);
                keyNote = fp.isPresent() ? "the expected key" : "compare it with the fingerprint you hold";
            } else {
                JournalFiles files = ctx.existingPaths().journalFiles();
                v = JournalVerifier.verify(journal == null ? files : files.withDatabase(journal), fp);
                keyNote = fp.isPresent() ? "the given key" : "pinned in settings.json";
            }
            if (!v.ok()) {
                String advice = bundle != null ? "do not rely on this export; get it again from its source"
                        : "the journal was altered or damaged: keep copies of the database, its -wal file, its .checkpoints sidecar and .head mark";
                throw new CliException(ExitCodes.VERIFICATION_FAILED, v.source() + ": verification failed: " + v.problem().message() + "; " + advice,
                        "problem kind: " + v.problem().kind(), null);
            }
            PrintStream out = ctx.out();
            out.printf(Locale.ROOT, "%s: OK: %s, %s; head entry %d, hash %s%n", v.source(), Columns.plural(v.entries(), "entry", "entries"),
                    Columns.plural(v.checkpoints(), "checkpoint"), v.headSeq(), v.headHash());
            out.printf(Locale.ROOT, "key %s (%s)%n", v.keyFingerprint(), keyNote);
            if (v.unsigned() > 0) {
                out.printf(Locale.ROOT, "%s after the last checkpoint %s chained but not yet signed (the next session seals %s)%n",
                        Columns.plural(v.unsigned(), "entry", "entries"), v.unsigned() == 1 ? "is" : "are", v.unsigned() == 1 ? "it" : "them");
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print journal entries, oldest first.")
    static final class Show implements Runnable {
        private final CliContext ctx;
        @Option(names = "--from", paramLabel = "TIME", description = "From this time (ISO-8601: 2026-11-28 or 2026-11-28T10:00:00Z), inclusive.")
        String from;
        @Option(names = "--to", paramLabel = "TIME", description = "To this time, inclusive (a date means to its end).")
        String to;
        @Option(names = "--action", paramLabel = "A", description = "Only this action (e.g. export, scan, audit).")
        String action;
        @Option(names = "--subject", paramLabel = "S", description = "Only entries whose subject (an ARN or a file) contains this.")
        String subject;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "At most N entries (default: all).")
        int limit;
        @Option(names = "--json", description = "One entry per line as its canonical JSON, with its hash.")
        boolean json;
        @Option(names = "--journal", paramLabel = "FILE", description = "A journal database other than Redoubt's own.")
        Path journal;

        Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            if (limit < 0) {
                throw new CliException(ExitCodes.USAGE, "--limit must be 0 (all) or more, not " + limit);
            }
            EntryQuery q = new EntryQuery(time("--from", from, false), time("--to", to, true), action, subject, limit);
            JournalFiles files = ctx.existingPaths().journalFiles();
            PrintStream out = ctx.out();
            String fmt = "%6s  %-24s  %-18s  %-40s  %-20s  %-8s  %-8s  %s%n";
            if (!json) {
                out.printf(Locale.ROOT, fmt, "SEQ", "TIME", "ACTION", "SUBJECT", "ACTOR", "MODE", "TARGET", "DETAILS");
            }
            long[] count = {0};
            boolean exists = JournalReader.forEach(journal == null ? files : files.withDatabase(journal), q, (Entry e) -> {
                count[0]++;
                if (json) {
                    out.println(e.json());
                } else {
                    out.printf(Locale.ROOT, fmt, e.seq(), e.time(), Columns.truncate(e.action(), 18), Columns.middle(e.subject(), 40),
                            Columns.truncate(e.actor(), 20), e.mode().wire(), Columns.truncate(e.target(), 8),
                            Columns.truncate(e.details(), 80));
                }
            });
            if (!exists) {
                ctx.err().println("No journal yet at " + (journal == null ? files.database() : journal) + ": Redoubt creates it when it first records something.");
            } else if (count[0] == 0) {
                ctx.err().println("No entries match.");
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write entries to a zip that anyone can verify without the journal.",
                    "The zip holds the entries as JSON lines, the checkpoints, the public key, a signed manifest with each file's "
                            + "SHA-256 and a README for whoever verifies it. The export is itself journaled.",
                    "Example: redoubt journal export --from 2026-11-01 --to 2026-11-30 --out november.zip"})
    static final class Export implements Runnable {
        private final CliContext ctx;
        @Option(names = "--from", paramLabel = "TIME", description = "From this time (ISO-8601), inclusive; default: the first entry.")
        String from;
        @Option(names = "--to", paramLabel = "TIME", description = "To this time, inclusive; default: the latest entry.")
        String to;
        @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "Where to write the export.")
        Path out;

        Export(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            Instant f = time("--from", from, false);
            Instant t = time("--to", to, true);
            if (f != null && t != null && f.isAfter(t)) {
                throw new CliException(ExitCodes.USAGE, "--from " + from + " is after --to " + to + "; swap them");
            }
            Outputs.refuseInputs(ctx, "--out", out);
            ExportResult r = JournalExport.export(ctx.journal(), f, t, out, dev.redoubt.services.Actor.OFFLINE, Mode.AUDITOR);
            ctx.out().printf(Locale.ROOT, "Exported %s (%d to %d) and %s to %s%n", Columns.plural(r.entries(), "entry", "entries"), r.firstSeq(),
                    r.lastSeq(), Columns.plural(r.checkpoints(), "checkpoint"), r.file());
            ctx.out().printf(Locale.ROOT, "sha256 %s, key %s; recorded as entry %d%n", r.sha256(), r.keyFingerprint(), r.recorded().seq());
            ctx.out().println("Check it anywhere with: redoubt journal verify --bundle " + Quoting.sh(r.file().toString()) + " --fingerprint " + r.keyFingerprint());
        }
    }

    /** An ISO-8601 instant, offset date-time or date (UTC; a date means its start, or its end for an upper bound). */
    static Instant time(String option, String text, boolean upper) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                LocalDate d = LocalDate.parse(text);
                return upper ? d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1) : d.atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new CliException(ExitCodes.USAGE, option + " \"" + text + "\" is not an ISO-8601 time; write e.g. 2026-11-28 or 2026-11-28T10:00:00Z");
            }
        }
    }
}
