package dev.redoubt.ui.support;

import dev.redoubt.app.AppContext;
import dev.redoubt.app.Console;
import dev.redoubt.ui.tasks.ExecutorBackgroundTasks;
import dev.redoubt.ui.signin.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The whole console in a test: its own Redoubt home and user home (no ~/.aws of the machine), the
 * real services, the FX background executor, and a browser that only records the pages it was asked to open.
 */
public final class ConsoleFixture implements AutoCloseable {
    public final Path redoubtHome;
    public final Path userHome;
    public final AppContext context;
    public final Console console;
    public final List<String> pagesOpened = Collections.synchronizedList(new ArrayList<>());
    /** The desktop notifications the console asked for ("title: text"). */
    public final List<String> desktop = Collections.synchronizedList(new ArrayList<>());
    public Scene scene;

    private ConsoleFixture(Path dir, Map<String, String> extraEnv, Clock clock) throws IOException {
        redoubtHome = dir.resolve("redoubt");
        userHome = dir.resolve("user");
        Files.createDirectories(userHome.resolve(".aws"));
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("REDOUBT_HOME", redoubtHome.toString());
        env.put("HOME", userHome.toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        context = new AppContext(env, clock);
        context.paths();
        context.journal();
        ExecutorBackgroundTasks tasks = context.own(ExecutorBackgroundTasks.fx(4));
        Browser browser = url -> {
            pagesOpened.add(url);
            return true;
        };
        console = Console.build(context, tasks, browser, (title, text) -> desktop.add(title + ": " + text));
    }

    /** Builds the console; call on the FX thread (a TestFX @Start method), then {@link #show}. */
    public static ConsoleFixture create(Path dir) throws IOException {
        return create(dir, Map.of(), Clock.systemDefaultZone());
    }

    public static ConsoleFixture create(Path dir, Map<String, String> env, Clock clock) throws IOException {
        Console.applyTheme();
        return new ConsoleFixture(dir, env, clock);
    }

    public Scene show(Stage stage) {
        scene = console.show(stage);
        // TestFX keeps one stage for every test class: a test that shrank it must not leave the next one a small window.
        stage.setWidth(dev.redoubt.ui.shell.ShellWindow.DEFAULT_WIDTH);
        stage.setHeight(dev.redoubt.ui.shell.ShellWindow.DEFAULT_HEIGHT);
        return scene;
    }

    /** Closes everything on the FX thread, as the application's stop() does (the workspace's listeners update nodes). */
    @Override
    public void close() {
        try {
            org.testfx.util.WaitForAsyncUtils.asyncFx(context::close).get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the console did not close", e);
        }
    }
}
