package dev.redoubt.ui.support;

import dev.redoubt.app.AppContext;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.ui.navigation.Destination;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.navigation.Navigator;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.tasks.ExecutorBackgroundTasks;
import dev.redoubt.ui.workspace.ConsoleActions;
import dev.redoubt.ui.workspace.Notices;
import dev.redoubt.ui.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The console's shared objects for plain JUnit view-model tests: real services on a temporary home,
 * background tasks that run inline (so every command has finished when it returns), a navigator that
 * records where it was sent, and a browser that records the pages asked for.
 */
public final class TestConsole implements AutoCloseable {
    public final AppContext context;
    public final Workspace workspace = new Workspace();
    public final Notices notices = new Notices();
    public final List<Destination> visited = new ArrayList<>();
    /** Every place the console was sent to (links, row openings), in order. */
    public final List<Place> places = new ArrayList<>();
    public final List<String> pagesOpened = new ArrayList<>();
    public final ConsoleActions actions;
    public final Path dir;
    private final Navigator navigator;

    private TestConsole(Path dir, Map<String, String> extraEnv, Clock clock) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("user"));
        var env = new java.util.HashMap<>(extraEnv);
        env.put("REDOUBT_HOME", dir.resolve("redoubt").toString());
        env.put("HOME", dir.resolve("user").toString());
        context = new AppContext(env, clock);
        Navigator navigator = new Navigator() {
            @Override
            public void show(Destination destination) {
                visited.add(destination);
            }

            @Override
            public boolean open(Place place) {
                places.add(place);
                visited.add(place.destination());
                return true;
            }
        };
        this.navigator = navigator;
        actions = new ConsoleActions(context.services(), context.own(ExecutorBackgroundTasks.inline()), workspace, notices, navigator,
                url -> pagesOpened.add(url), clock);
    }

    /** What the browsing screens' view models take: these actions, the recording navigator, the recording browser. */
    public BrowseContext browse() {
        return new BrowseContext(actions, navigator, url -> pagesOpened.add(url));
    }

    public static TestConsole create(Path dir) throws IOException {
        return new TestConsole(dir, Map.of(), Clock.systemUTC());
    }

    public static TestConsole create(Path dir, Map<String, String> env, Clock clock) throws IOException {
        return new TestConsole(dir, env, clock);
    }

    /** Opens the Northwind demo as a capture file (no sandbox, no scan): the workspace then shows it, audited. */
    public TestConsole withDemoOpen() throws IOException {
        Path file = dir.resolve("northwind.json");
        new EstateFile().write(NorthwindDemo.build(), file);
        actions.openCapture(file);
        if (workspace.audit() == null) {
            throw new IllegalStateException("the demo did not open: " + notices.shown());
        }
        return this;
    }

    @Override
    public void close() {
        workspace.close();
        context.close();
    }
}
