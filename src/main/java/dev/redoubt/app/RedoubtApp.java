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

    /** Application.launch builds this class itself: what to open on is handed over before. */
    static void handOff(ConsoleStart start) {
        pending = start;
    }

    @Override
    public void init() {
        context = new AppContext(System.getenv(), Clock.systemDefaultZone());
        context.paths();
        context.settings();
        context.journal();
    }

    @Override
    public void start(Stage stage) {
        Console.applyTheme();
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
