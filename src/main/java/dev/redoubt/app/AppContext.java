package dev.redoubt.app;

import dev.redoubt.journal.SqliteJournal;
import dev.redoubt.services.ActivityJournal;
import dev.redoubt.services.AuditService;
import dev.redoubt.services.DemoService;
import dev.redoubt.services.ApprovalService;
import dev.redoubt.services.DrillService;
import dev.redoubt.services.EstateService;
import dev.redoubt.services.ScanService;
import dev.redoubt.services.Services;
import dev.redoubt.services.SignInService;
import dev.redoubt.services.SuppressionService;
import dev.redoubt.settings.SettingsFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The one place that builds Redoubt's objects and closes them. Each is built on first use, after
 * what it needs (Redoubt's home, settings, the journal, the services, the demo's sandbox), and
 * {@link #close()} closes them in the reverse order, so nothing is closed before what uses it.
 * A command that needs no journal never opens one; the window's background executor is handed in
 * with {@link #own}. Free of JavaFX, so the command line and the window share it.
 */
public final class AppContext implements AutoCloseable {
    private final Map<String, String> env;
    private final Clock clock;
    private final Deque<AutoCloseable> closeInReverse = new ArrayDeque<>();
    private AppPaths paths;
    private SettingsFile settings;
    private SqliteJournal journal;
    private ActivityJournal activity;
    private SignInService signIn;
    private EstateService estates;
    private ScanService scans;
    private AuditService audits;
    private SuppressionService suppressions;
    private DemoService demo;
    private DrillService drills;
    private ApprovalService approvals;
    private boolean closed;

    public AppContext(Map<String, String> env, Clock clock) {
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    public Map<String, String> env() {
        return env;
    }

    public Clock clock() {
        return clock;
    }

    /** The user's home directory as the AWS CLI sees it (HOME, else the JVM's user.home). */
    public Path userHome() {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home", "."));
    }

    /** Redoubt's home, created owner-only on first use. */
    public synchronized AppPaths paths() {
        if (paths == null) {
            paths = AppPaths.fromEnvironment(env).ensureCreated();
        }
        return paths;
    }

    /** Redoubt's home as it is, creating nothing (for commands that only read it: 'journal verify' and 'show'). */
    public synchronized AppPaths existingPaths() {
        return paths != null ? paths : AppPaths.fromEnvironment(env);
    }

    public synchronized SettingsFile settings() {
        if (settings == null) {
            settings = new SettingsFile(paths().settingsFile());
        }
        return settings;
    }

    /** The journal, opened on first use (this run's session starts then, with a signed checkpoint). */
    public synchronized SqliteJournal journal() {
        if (journal == null) {
            ensureOpen();
            journal = own(SqliteJournal.open(paths().journalFiles(), clock));
        }
        return journal;
    }

    /**
     * Opens the journal on a background thread, so that opening it (SQLite's native library, the signing key, this run's
     * checkpoint) overlaps the sign-in's first request instead of following it. A failure here is left for the first
     * real use, which opens it again and reports.
     */
    public void openJournalAhead() {
        Thread t = new Thread(() -> {
            try {
                journal();
            } catch (RuntimeException e) {
                // reported by the command's own use of the journal
            }
        }, "redoubt-journal-open");
        t.setDaemon(true);
        t.start();
    }

    public synchronized boolean journalOpened() {
        return journal != null;
    }

    public synchronized ActivityJournal activity() {
        if (activity == null) {
            activity = new ActivityJournal(this::journal);
        }
        return activity;
    }

    public synchronized SignInService signIn() {
        if (signIn == null) {
            signIn = new SignInService(env, userHome(), clock, activity());
        }
        return signIn;
    }

    public synchronized EstateService estates() {
        if (estates == null) {
            estates = new EstateService(settings(), clock);
        }
        return estates;
    }

    public synchronized ScanService scans() {
        if (scans == null) {
            scans = new ScanService(clock, activity(), paths().capturesDir());
        }
        return scans;
    }

    public synchronized AuditService audits() {
        if (audits == null) {
            audits = new AuditService(AppVersion.version(), clock, paths().settingsFile(), paths().suppressionsFile(), activity());
        }
        return audits;
    }

    public synchronized SuppressionService suppressions() {
        if (suppressions == null) {
            suppressions = new SuppressionService(paths().suppressionsFile(), clock, activity());
        }
        return suppressions;
    }

    /** The demo's sandbox and sign-in; the sandbox itself starts only when the demo is opened. */
    public synchronized DemoService demo() {
        if (demo == null) {
            ensureOpen();
            demo = own(new DemoService(paths().home().resolve("demo"), clock, activity()));
        }
        return demo;
    }

    public synchronized DrillService drills() {
        if (drills == null) {
            drills = new DrillService(clock, activity(), settings());
        }
        return drills;
    }

    /** Every service, for the window's view models. */
    /** Multi-party approval of restore access (request, follow, revoke). */
    public synchronized ApprovalService approvals() {
        if (approvals == null) {
            approvals = new ApprovalService(clock, activity());
        }
        return approvals;
    }

    public Services services() {
        return new Services(signIn(), estates(), scans(), audits(), suppressions(), demo(), activity(), drills(), approvals());
    }

    /** Takes {@code resource} into the context: it is closed with the context, before what was built earlier. */
    public synchronized <T extends AutoCloseable> T own(T resource) {
        ensureOpen();
        closeInReverse.push(resource);
        return resource;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the application context is closed");
        }
    }

    /** Closes everything built, newest first; the first failure is thrown after all were tried. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        while (true) {
            AutoCloseable next;
            synchronized (this) {
                next = closeInReverse.poll();
            }
            if (next == null) {
                break;
            }
            try {
                next.close();
            } catch (RuntimeException e) {
                failures.add(e);
            } catch (Exception e) {
                failures.add(new IllegalStateException(e.getMessage(), e));
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
