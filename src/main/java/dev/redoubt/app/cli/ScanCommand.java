package dev.redoubt.app.cli;

import dev.redoubt.estate.EstateStats;
import dev.redoubt.services.Cancellation;
import dev.redoubt.services.CaptureTarget;
import dev.redoubt.services.Connection;
import dev.redoubt.services.ScanOutcome;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scan", mixinStandardHelpOptions = true,
        header = "Read the backup estate of one account, or of every account you can reach, into a capture file.",
        description = {"The capture is an estate file (redoubt-estate/1). Auditor mode (the default) is read-only, enforced inside the SDK.",
                "Exit 4 when the scan finished but some scopes could not be read (they are listed in ReadErrors)."})
final class ScanCommand implements Runnable {
    private final CliContext ctx;

    @Mixin
    SignInOptions signInOptions;

    @Mixin
    ScanOptions scope;

    @Option(names = "--out", required = true, description = "Where to write the capture (\"-\" for standard output).")
    Path out;

    ScanCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        Outputs.refuseInputs(ctx, "--out", out, "--since-capture", scope.sinceCapture);
        var plan = scope.plan(ctx.app()::estates);
        boolean toStdout = out.toString().equals("-");
        ScanOutcome result;
        Cancellation cancel = new Cancellation();
        var signIns = ctx.app().signIn();
        ctx.app().openJournalAhead(); // while the sign-in's first request is in flight
        // Ctrl+C is handled from the sign-in on (which opens the journal): the JVM's exit then waits for the command to end.
        try (CtrlC ignored = CtrlC.cancels(ctx, cancel); Connection c = signIns.signIn(signInOptions.profile, signInOptions.mode())) {
            result = ctx.app().scans().scan(c, plan, toStdout ? CaptureTarget.stream(ctx.dataOut()) : CaptureTarget.file(out),
                    TerminalProgress.of(ctx.rawErr()), cancel);
        } finally {
            TerminalProgress.clear(ctx.rawErr());
        }
        if (result.outcome() == ScanOutcome.Outcome.CANCELLED) {
            throw new CliException(ExitCodes.INTERRUPTED, "scan interrupted: what was read "
                    + (toStdout ? "was written to standard output" : "is kept in " + out + " (sha256 " + result.sha256() + ")")
                    + ", marked incomplete (the unfinished scopes are listed under ReadErrors; checks on them report UNKNOWN);"
                    + " journaled as entry " + result.journalSeq());
        }
        EstateStats.Totals t = EstateStats.of(result.estate()).totals();
        ctx.err().printf(Locale.ROOT, "Scanned %s, %s: %s, %s, %s in %.1f s (%,d API calls).%n",
                Columns.plural(result.accountsScanned(), "account"), Columns.plural(t.regions(), "region"), Columns.plural(t.vaults(), "vault"),
                Columns.plural(t.recoveryPoints(), "recovery point"), Columns.plural(t.keys(), "key"), result.elapsed().toMillis() / 1000.0, result.apiCalls());
        if (result.sha256() != null) {
            ctx.err().println("Wrote " + out + " (sha256 " + result.sha256() + ").");
        }
        if (result.outcome() == ScanOutcome.Outcome.PARTIAL) {
            int n = result.unread().size();
            throw new CliException(ExitCodes.PARTIAL, Columns.plural(n, "scope") + " could not be read; the capture lists "
                    + (n == 1 ? "it" : "them") + " under ReadErrors (checks on " + (n == 1 ? "it" : "them") + " report UNKNOWN)");
        }
    }
}
