package dev.redoubt.app;

import dev.redoubt.ui.tasks.ExecutorBackgroundTasks;
import java.time.Clock;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application. init() builds the application context in order (home, settings, the
 * journal's session); start() adds the background executor and the window; stop() closes all of
 * it in reverse (the demo's sandbox, the sign-in, the executor, then the journal's session).
 */
public final class RedoubtApp extends Application {
    /** Background threads: a scan uses its own pool, so a few are enough for the screens' work. */
    private static final int TASK_THREADS = 4;
    private static volatile ConsoleStart pending = ConsoleStart.startScreen();

    private AppContext context;
    private StartupProblem problem;

    /** Application.launch builds this class itself: what to open on is handed over before. */
    static void handOff(ConsoleStart start) {
        pending = start;
    }

    @Override
    public void init() {
        try {
            context = open(System.getenv());
        } catch (RuntimeException e) {
            problem = StartupProblem.of(e);
        }
    }

    /** Redoubt's home, its settings and the journal's session, in that order; whatever fails is closed again. */
    static AppContext open(java.util.Map<String, String> env) {
        AppContext c = new AppContext(env, Clock.systemDefaultZone());
        try {
            c.paths();
            c.settings().read();
            c.journal();
            return c;
        } catch (RuntimeException e) {
            try {
                c.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    @Override
    public void start(Stage stage) {
        Console.applyTheme();
        if (problem != null) {
            new dev.redoubt.ui.shell.StartupProblemView(problem.problem(), problem.advice()).show(stage);
            return;
        }
        ExecutorBackgroundTasks tasks = context.own(ExecutorBackgroundTasks.fx(TASK_THREADS));
        Console console = Console.build(context, tasks, url -> {
            getHostServices().showDocument(url);
            return true;
        });
        console.workspace().modeProperty().set(pending.mode());
        console.show(stage);
        if (BenchProbe.wanted()) {
            BenchProbe.attach(console, stage);
        }
        console.open(pending);
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
