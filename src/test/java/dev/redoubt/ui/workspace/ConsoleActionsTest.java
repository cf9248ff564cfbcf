package dev.redoubt.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.app.cli.CliRun;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.services.EstateOrigin;
import dev.redoubt.services.ScanOutcome;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleActionsTest {
    @TempDir
    Path dir;

    @Test
    void theDemoIsScannedThroughItsSandboxAndJudgedExactlyAsTheCommandLineJudgesIt() throws Exception {
        CliRun cli = CliRun.run(dir.resolve("cli-home"), "audit", "--demo", "--out", dir.resolve("demo.json").toString());
        String cliDigest = cli.err().lines().filter(l -> l.startsWith("Results SHA-256: ")).findFirst().orElseThrow()
                .substring("Results SHA-256: ".length());

        try (TestConsole console = TestConsole.create(dir.resolve("console"))) {
            console.actions.openDemo();

            assertThat(console.notices.shown()).as("notices").noneMatch(n -> n.kind() == Notice.Kind.ERROR);
            assertThat(console.workspace.connection().demo()).isTrue();
            assertThat(console.workspace.estate().origin().kind()).isEqualTo(EstateOrigin.Kind.DEMO);
            assertThat(console.workspace.scan().outcome()).isEqualTo(ScanOutcome.Outcome.COMPLETE);
            assertThat(console.workspace.scan().capture()).exists().hasParent(console.context.paths().capturesDir());
            assertThat(console.workspace.audit().digest()).isEqualTo(cliDigest);
            assertThat(console.visited).containsExactly(Destinations.OVERVIEW);
            assertThat(console.context.paths().home().resolve("demo/sso-cache")).isNotEmptyDirectory();
            assertThat(console.dir.resolve("user/.aws")).doesNotExist();
            assertThat(console.context.journal().read(new EntryQuery(null, null, null, null, 0)))
                    .extracting(e -> e.action()).containsSubsequence("sign-in", "scan", "audit");
        }
    }

    /**
     * Opening a capture again (the same file, or one equal to what is shown) is a new open: the screens hear of it and
     * show its audit. The properties' listeners compare old and new values with equals, and an estate's records compare
     * every recovery point: equal values for the workspace would mean no refresh, after a walk through the whole estate
     * on the FX thread (a second open of a 200,000-point capture held the window for about a second).
     */
    @Test
    void openingTheSameCaptureAgainShowsTheNewOpenWithoutComparingTheEstates() throws Exception {
        Path capture = dir.resolve("northwind.json");
        CliRun.run(dir.resolve("cli-home"), "estate", "demo", "--out", capture.toString());
        try (TestConsole console = TestConsole.create(dir.resolve("console"))) {
            console.actions.openCapture(capture);
            var firstEstate = console.workspace.estate();
            var firstAudit = console.workspace.audit();
            List<Object> estates = new ArrayList<>();
            List<Object> audits = new ArrayList<>();
            console.workspace.estateProperty().addListener((o, a, b) -> estates.add(b));
            console.workspace.auditProperty().addListener((o, a, b) -> audits.add(b));

            console.actions.openCapture(capture);

            assertThat(console.notices.shown()).as("notices").noneMatch(n -> n.kind() == Notice.Kind.ERROR);
            // Compared by identity and counted: a failing comparison of two estates would print both whole.
            assertThat(console.workspace.estate() != firstEstate).as("a new open, not the first one kept").isTrue();
            assertThat(console.workspace.estate().estate().equals(firstEstate.estate())).as("the same capture, read again").isTrue();
            assertThat(estates.size()).as("estate listeners told of the new open").isEqualTo(1);
            assertThat(estates.get(0) == console.workspace.estate()).as("and told of it").isTrue();
            assertThat(audits.size()).as("audit listeners told of the new audit").isEqualTo(1);
            assertThat(audits.get(0) == console.workspace.audit() && console.workspace.audit() != firstAudit).as("and told of it").isTrue();
        }
    }

    private Path largeCapture() throws Exception {
        dev.redoubt.estate.EstateFile file = new dev.redoubt.estate.EstateFile();
        Path out = dir.resolve("large.json");
        file.write(new dev.redoubt.estate.generate.EstateGenerator(file).generate(new dev.redoubt.estate.generate.GeneratorSpec(2, 1, 2, 3000, 1, null)),
                out);
        return out;
    }

    /** Opening a capture says how much of the file it has read, and Cancel stops it with the estate on show kept. */
    @Test
    void openingACaptureShowsHowFarItHasReadAndCancelStopsIt() throws Exception {
        Path large = largeCapture();
        try (TestConsole console = TestConsole.create(dir.resolve("console")).withDemoOpen()) {
            var before = console.workspace.estate();
            List<dev.redoubt.ui.tasks.RunningTask> tasks = new ArrayList<>();
            List<Double> progress = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            console.actions.tasks().running().addListener((javafx.collections.ListChangeListener<dev.redoubt.ui.tasks.RunningTask>) c -> {
                while (c.next()) {
                    for (var t : c.getAddedSubList()) {
                        tasks.add(t);
                        t.progressProperty().addListener((o, a, p) -> progress.add(p.doubleValue()));
                        t.messageProperty().addListener((o, a, m) -> {
                            messages.add(m);
                            if (m.endsWith(" MB read") && t.progressProperty().get() > 0 && t.progressProperty().get() < 1) {
                                t.cancel(); // as the status bar's Cancel does, a little way into the file
                            }
                        });
                    }
                }
            });

            console.actions.openCapture(large);

            assertThat(tasks).hasSize(1);
            assertThat(tasks.get(0).cancellable()).as("an open can be cancelled").isTrue();
            assertThat(progress).as("progress told while reading").anyMatch(p -> p > 0 && p < 1);
            assertThat(tasks.get(0).title()).isEqualTo("Opening large.json");
            assertThat(messages).anyMatch(m -> m.matches("\\d+\\.\\d of 4\\.\\d MB read"));
            assertThat(console.workspace.estate() == before).as("the estate on show is kept").isTrue();
            assertThat(console.workspace.busy()).isFalse();
            assertThat(console.notices.shown()).noneMatch(n -> n.kind() == Notice.Kind.ERROR);
            assertThat(console.notices.shown()).anySatisfy(n -> {
                assertThat(n.kind()).isEqualTo(Notice.Kind.INFO);
                assertThat(n.title()).isEqualTo("Opening cancelled");
                assertThat(n.text()).contains("large.json was not opened").contains("of the file read").contains("stays on show");
            });
        }
    }

    /** Read to the end, the open's progress reaches the whole file, then the checks run. */
    @Test
    void anOpenReadToTheEndToldTheWholeFileThenTheChecks() throws Exception {
        Path large = largeCapture();
        try (TestConsole console = TestConsole.create(dir.resolve("console"))) {
            List<String> messages = new ArrayList<>();
            console.actions.tasks().running().addListener((javafx.collections.ListChangeListener<dev.redoubt.ui.tasks.RunningTask>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(t -> t.messageProperty().addListener((o, a, m) -> messages.add(m)));
                }
            });

            console.actions.openCapture(large);

            assertThat(console.workspace.estate()).isNotNull();
            assertThat(messages).containsSubsequence(messages.stream().filter(m -> m.endsWith(" MB read")).findFirst().orElse("MB read"),
                    "Checking the estate", "Running the checks");
            String lastRead = messages.stream().filter(m -> m.endsWith(" MB read")).reduce((a, b) -> b).orElseThrow();
            assertThat(lastRead).as("the whole file, at the end").matches("(\\d+\\.\\d) of \\1 MB read");
        }
    }

    /** Cancel pressed once the file is read ends the open while its checks run: nothing is journaled or shown. */
    @Test
    void cancelWhileTheChecksRunEndsTheOpenAndJournalsNothing() throws Exception {
        Path large = largeCapture();
        try (TestConsole console = TestConsole.create(dir.resolve("console"))) {
            console.actions.tasks().running().addListener((javafx.collections.ListChangeListener<dev.redoubt.ui.tasks.RunningTask>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(t -> t.messageProperty().addListener((o, a, m) -> {
                        if ("Running the checks".equals(m)) {
                            t.cancel();
                        }
                    }));
                }
            });

            console.actions.openCapture(large);

            assertThat(console.workspace.estate()).isNull();
            assertThat(console.notices.shown()).anySatisfy(n -> {
                assertThat(n.title()).isEqualTo("Opening cancelled");
                assertThat(n.text()).isEqualTo("large.json was not opened: cancelled while its checks ran.");
            });
            assertThat(console.context.journal().read(new EntryQuery(null, null, null, null, 0))).extracting(e -> e.action())
                    .doesNotContain("audit");
        }
    }
}
