package dev.redoubt.app.cli;

import dev.redoubt.app.AppPaths;
import dev.redoubt.journal.SqliteJournal;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/** What every command gets: its streams, the environment, the clock, Redoubt's home and the journal. */
public final class CliContext {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;
    private AppPaths paths;
    private SqliteJournal journal;

    public CliContext(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public Map<String, String> env() {
        return env;
    }

    public Clock clock() {
        return clock;
    }

    /** The user's home directory as the AWS CLI sees it (HOME, else the JVM's user.home). */
    public java.nio.file.Path userHome() {
        String home = env.get("HOME");
        return java.nio.file.Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home", "."));
    }

    /** Redoubt's home, created owner-only on first use (commands that need no home never create it). */
    public synchronized AppPaths paths() {
        if (paths == null) {
            paths = AppPaths.fromEnvironment(env).ensureCreated();
        }
        return paths;
    }

    /**
     * The journal, opened on first use: this run's session starts then (a signed checkpoint) and ends
     * when {@link Cli} closes it, so commands that record nothing never touch it.
     */
    public synchronized SqliteJournal journal() {
        if (journal == null) {
            journal = SqliteJournal.open(paths().journalFiles(), clock);
        }
        return journal;
    }

    /** Ends the journal session, if one was started. */
    public synchronized void closeJournal() {
        if (journal != null) {
            SqliteJournal j = journal;
            journal = null;
            j.close();
        }
    }
}
