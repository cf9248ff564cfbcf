package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.generate.GeneratorSpec;
import dev.redoubt.journal.Entry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl+C during `redoubt scan`: what was read is kept as a partial capture, journaled as an
 * interrupted scan, and the command says where it is, exiting 130, before the JVM exits.
 */
class ScanInterruptTest {
    /** Three accounts x two regions x ten vaults, 12,000 recovery points, 20 ms a request: a scan of several seconds. */
    private static final GeneratorSpec ESTATE = new GeneratorSpec(3, 2, 10, 12_000, 17, null);

    @TempDir
    Path dir;

    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopCaller() {
        caller.shutdownNow();
    }

    @Test
    void ctrlCKeepsWhatWasReadJournalsItAndSaysSoBeforeTheJvmExits() throws Exception {
        try (GeneratedSandbox s = new GeneratedSandbox(dir, ESTATE, 20)) {
            List<Thread> hooks = new CopyOnWriteArrayList<>();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), s.env, Clock.systemUTC()).hooks(new CtrlC.Hooks() {
                        @Override
                        public void add(Thread hook) {
                            hooks.add(hook);
                        }

                        @Override
                        public void remove(Thread hook) {
                            hooks.remove(hook);
                        }
                    });
            Path capture = dir.resolve("capture.json");
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Cli.run(GeneratedSandbox.scanEverything(capture), ctx), caller);
            assertThat(GeneratedSandbox.await(() -> s.recoveryPointPages.get() >= 5 && !hooks.isEmpty(), Duration.ofMinutes(2)))
                    .as("the scan reads recovery points").isTrue();

            // What the JVM does on Ctrl+C: it runs the shutdown hooks, and halts as soon as they have all returned.
            Thread hook = hooks.get(0);
            long pressed = System.nanoTime();
            hook.start();
            hook.join(TimeUnit.MINUTES.toMillis(2));
            Duration toHalt = Duration.ofNanos(System.nanoTime() - pressed);
            String said = err.toString(StandardCharsets.UTF_8);
            List<Entry> journaled = s.journal();

            assertThat(hook.isAlive()).as("the hook returns").isFalse();
            assertThat(lastLine(said)).as("what the command said before the JVM halted").startsWith("redoubt: scan interrupted")
                    .contains(capture.toString(), "journaled as entry");
            assertThat(journaled).filteredOn(e -> e.action().equals("scan")).as("journaled before the JVM halted").singleElement()
                    .satisfies(e -> {
                        JsonNode d = e.detailsTree();
                        assertThat(d.path("outcome").asText()).isEqualTo("interrupted");
                        assertThat(d.path("capture").asText()).isEqualTo(capture.toAbsolutePath().toString());
                        assertThat(d.path("recoveryPoints").asLong()).isPositive();
                        assertThat(d.path("sha256").asText()).hasSize(64);
                    });
            assertThat(run.get(1, TimeUnit.MINUTES)).isEqualTo(ExitCodes.INTERRUPTED);
            assertPartial(capture);
            System.out.printf(Locale.ROOT, "Ctrl+C to the JVM's halt (capture kept, journaled, said): %d ms%n", toHalt.toMillis());
        }
    }

    @Test
    void ctrlCDuringALiveAuditWritesNoReportAndSaysWhatWasKept() throws Exception {
        try (GeneratedSandbox s = new GeneratedSandbox(dir, ESTATE, 20)) {
            List<Thread> hooks = new CopyOnWriteArrayList<>();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), s.env, Clock.systemUTC()).hooks(new CtrlC.Hooks() {
                        @Override
                        public void add(Thread hook) {
                            hooks.add(hook);
                        }

                        @Override
                        public void remove(Thread hook) {
                            hooks.remove(hook);
                        }
                    });
            Path report = dir.resolve("report.html");
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Cli.run(new String[] {"audit", "--accounts", "all", "--role",
                    "AuditReadOnly", "--regions", "all", "--format", "html", "--out", report.toString()}, ctx), caller);
            assertThat(GeneratedSandbox.await(() -> s.recoveryPointPages.get() >= 5 && !hooks.isEmpty(), Duration.ofMinutes(2))).isTrue();
            Thread hook = hooks.get(0);
            hook.start();
            hook.join(TimeUnit.MINUTES.toMillis(2));

            assertThat(lastLine(err.toString(StandardCharsets.UTF_8))).isEqualTo("redoubt: scan interrupted: no report was written; what was read"
                    + " was not kept (--capture FILE keeps it); the scan is journaled as entry 2");
            assertThat(run.get(1, TimeUnit.MINUTES)).isEqualTo(ExitCodes.INTERRUPTED);
            assertThat(report).doesNotExist();
            assertThat(s.journal()).extracting(Entry::action).containsExactly("sign-in", "scan");
        }
    }

    @Test
    void ctrlCIsHandledFromTheSignInOnSoTheJournalIsNeverLeftHalfMade() throws Exception {
        try (GeneratedSandbox s = new GeneratedSandbox(dir, ESTATE, 20)) {
            Path journal = Path.of(s.env.get("REDOUBT_HOME")).resolve("journal.db");
            List<Boolean> journalExistedWhenHandled = new CopyOnWriteArrayList<>();
            List<Thread> pressed = new CopyOnWriteArrayList<>();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), s.env, Clock.systemUTC()).hooks(new CtrlC.Hooks() {
                        @Override
                        public void add(Thread hook) {
                            journalExistedWhenHandled.add(Files.exists(journal));
                            pressed.add(hook);
                            hook.start(); // Ctrl+C at once: during the sign-in
                        }

                        @Override
                        public void remove(Thread hook) {
                        }
                    });
            Path capture = dir.resolve("capture.json");

            int exit = Cli.run(GeneratedSandbox.scanEverything(capture), ctx);

            assertThat(journalExistedWhenHandled).as("Ctrl+C is handled before the sign-in opens the journal").containsExactly(false);
            pressed.get(0).join(TimeUnit.MINUTES.toMillis(1));
            assertThat(exit).isEqualTo(ExitCodes.INTERRUPTED);
            assertThat(lastLine(err.toString(StandardCharsets.UTF_8))).startsWith("redoubt: scan interrupted").contains(capture.toString());
            assertThat(s.journal()).extracting(Entry::action).containsExactly("sign-in", "scan");
            assertThat(s.journal().get(1).detailsTree().path("outcome").asText()).isEqualTo("interrupted");
            assertThat(new EstateFile().read(capture).incomplete()).isNotNull();
        }
    }

    @Test
    void sigintToARunningScanKeepsWhatWasReadJournalsItAndSaysSo() throws Exception {
        assumeTrue(sigintReachesChildren(), "SIGINT is ignored by this process (a background job), so a child would ignore it too");
        try (GeneratedSandbox s = new GeneratedSandbox(dir, ESTATE, 20)) {
            Path capture = dir.resolve("capture.json");
            Path stderr = dir.resolve("stderr.txt");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                    "-cp", System.getProperty("java.class.path"), "dev.redoubt.app.Launcher"));
            command.addAll(List.of(GeneratedSandbox.scanEverything(capture)));
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("REDOUBT_"));
            pb.environment().putAll(s.env);
            Process child = pb.start();
            try {
                assertThat(GeneratedSandbox.await(() -> s.recoveryPointPages.get() >= 5 || !child.isAlive(), Duration.ofMinutes(2)))
                        .as("the child scans").isTrue();
                assertThat(child.isAlive()).as("the child is still scanning: %s", Files.readString(stderr)).isTrue();
                long pressed = System.nanoTime();
                assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).inheritIO().start().waitFor()).isZero();
                assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the child exits").isTrue();
                Duration toExit = Duration.ofNanos(System.nanoTime() - pressed);
                String said = Files.readString(stderr);

                assertThat(child.exitValue()).as(said).isEqualTo(ExitCodes.INTERRUPTED);
                assertThat(lastLine(said)).startsWith("redoubt: scan interrupted").contains(capture.toString(), "journaled as entry");
                assertThat(s.journal()).filteredOn(e -> e.action().equals("scan")).singleElement()
                        .satisfies(e -> assertThat(e.detailsTree().path("outcome").asText()).isEqualTo("interrupted"));
                assertPartial(capture);
                assertThat(CliRun.withEnv(s.env, "journal", "verify").exitCode()).as("the journal verifies, the session closed").isZero();
                System.out.printf(Locale.ROOT, "SIGINT to the child's exit: %d ms%n", toExit.toMillis());
            } finally {
                child.destroyForcibly();
            }
        }
    }

    private static void assertPartial(Path capture) throws IOException {
        assertThat(capture).exists();
        Estate kept = new EstateFile().read(capture);
        assertThat(kept.incomplete()).as("marked incomplete").isNotNull();
        assertThat(kept.accounts().stream().filter(a -> a.regions() != null).flatMap(a -> a.regions().values().stream())
                .flatMap(r -> r.readErrors() == null ? Stream.empty() : r.readErrors().stream()))
                .as("the unfinished scopes are named").anyMatch(e -> e.errorCode().equals("ScanCancelled"));
    }

    /** The last line written, after the progress line's carriage returns. */
    private static String lastLine(String text) {
        String[] lines = text.split("[\r\n]+");
        return lines.length == 0 ? "" : lines[lines.length - 1].trim();
    }

    /** True on Linux when this process does not ignore SIGINT (children inherit an ignored signal, and the JVM then keeps it ignored). */
    private static boolean sigintReachesChildren() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                return (ignored & (1L << (2 - 1))) == 0;
            }
        }
        return false;
    }
}
