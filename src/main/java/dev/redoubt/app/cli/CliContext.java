package dev.redoubt.app.cli;

import dev.redoubt.app.AppContext;
import dev.redoubt.app.AppPaths;
import dev.redoubt.journal.SqliteJournal;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What every command gets: its streams, and the application context (home, journal, services) built on first use. */
public final class CliContext {
    private final PrintStream out;
    private final PrintStream err;
    private final PrintStream rawOut;
    private final PrintStream rawErr;
    private final boolean terminal;
    private final AppContext app;
    private final ConsoleOpener console;
    private volatile CtrlC.Hooks hooks = CtrlC.Hooks.RUNTIME;
    private final CountDownLatch finished = new CountDownLatch(1);

    public CliContext(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        this(out, err, env, clock, ConsoleOpener.NONE);
    }

    public CliContext(PrintStream out, PrintStream err, Map<String, String> env, Clock clock, ConsoleOpener console) {
        this(out, err, env, clock, console, false);
    }

    /**
     * {@code terminal}: standard output is a terminal, so file content written there (a report, a capture)
     * has its hidden characters shown too ({@link #dataOut()}).
     */
    public CliContext(PrintStream out, PrintStream err, Map<String, String> env, Clock clock, ConsoleOpener console, boolean terminal) {
        this.rawOut = out;
        this.rawErr = err;
        this.out = TerminalPrintStream.wrap(out);
        this.err = TerminalPrintStream.wrap(err);
        this.terminal = terminal;
        this.app = new AppContext(env, clock);
        this.console = console;
    }

    /** Opens the window ('redoubt console'). */
    public ConsoleOpener console() {
        return console;
    }

    /**
     * Standard output for text: what is printed shows the characters that would act on a terminal
     * (ESC, BEL, CR, C1 controls, bidi overrides) as escapes such as {@code \u001b}.
     */
    public PrintStream out() {
        return out;
    }

    /** Standard error for text, with the same care as {@link #out()}. */
    public PrintStream err() {
        return err;
    }

    /**
     * Standard output for file content (a report, a capture, an estate for "-"): the data as it is when
     * output is redirected; on a terminal, its hidden characters shown as JSON-style escapes.
     */
    public OutputStream dataOut() {
        return terminal ? new TerminalDataStream(rawOut) : rawOut;
    }

    /** Standard output as given, for picocli's help (its own styles; no estate text). */
    PrintStream rawOut() {
        return rawOut;
    }

    /** Standard error as given, for the progress line's own cursor controls (never estate text). */
    PrintStream rawErr() {
        return rawErr;
    }

    public Map<String, String> env() {
        return app.env();
    }

    public Clock clock() {
        return app.clock();
    }

    /** The services and everything they need; what a command does not use is never built. */
    public AppContext app() {
        return app;
    }

    /** The user's home directory as the AWS CLI sees it (HOME, else the JVM's user.home). */
    public java.nio.file.Path userHome() {
        return app.userHome();
    }

    /** Redoubt's home, created owner-only on first use (commands that need no home never create it). */
    public AppPaths paths() {
        return app.paths();
    }

    /** Redoubt's home as it is, created nowhere: for commands that only read it, which must work in a read-only home. */
    public AppPaths existingPaths() {
        return app.existingPaths();
    }

    /**
     * The journal, opened on first use: this run's session starts then (a signed checkpoint) and ends
     * when {@link Cli} closes the context, so commands that record nothing never touch it.
     */
    public SqliteJournal journal() {
        return app.journal();
    }

    /** Where Ctrl+C's hook is registered: the JVM's shutdown hooks. */
    CtrlC.Hooks hooks() {
        return hooks;
    }

    /** Registers Ctrl+C's hooks with {@code h} instead (tests stand in for the JVM's shutdown). */
    CliContext hooks(CtrlC.Hooks h) {
        this.hooks = h;
        return this;
    }

    /** Called by {@link Cli} once the command has ended, said what it had to and closed what it opened. */
    void finished() {
        out.flush();
        err.flush();
        finished.countDown();
    }

    /** Waits until the command has finished (Ctrl+C holds the JVM's exit until then); false if {@code limit} passed first. */
    boolean awaitFinished(Duration limit) throws InterruptedException {
        return finished.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes what the command opened (the journal's session ends with a signed checkpoint). */
    public void close() {
        app.close();
    }
}
