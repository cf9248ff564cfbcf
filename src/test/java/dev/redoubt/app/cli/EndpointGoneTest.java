package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.Incomplete;
import dev.redoubt.estate.generate.GeneratorSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint dies in the middle of a scan (the sandbox is closed): the scan fails fast with exit 6
 * (endpoint unreachable, which comes before 4 in the documented precedence), naming the endpoint and
 * keeping what was read as a partial capture, journaled; not minutes later with exit 4 and a capture of
 * nothing but ReadErrors.
 */
class EndpointGoneTest {
    /** Generous for a loaded CI machine; the point is seconds, not minutes. */
    private static final Duration FAST = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopCaller() {
        caller.shutdownNow();
    }

    @Test
    void aScanWhoseEndpointDiesFailsFastWithExit6NamingTheEndpoint() throws Exception {
        try (GeneratedSandbox s = new GeneratedSandbox(dir, new GeneratorSpec(3, 2, 10, 12_000, 17, null), 20)) {
            String endpoint = s.sandbox.endpoint().toString();
            Path capture = dir.resolve("capture.json");
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.withEnv(s.env, GeneratedSandbox.scanEverything(capture)),
                    caller);
            assertThat(GeneratedSandbox.await(() -> s.recoveryPointPages.get() >= 20 || run.isDone(), Duration.ofMinutes(2)))
                    .as("the scan reads recovery points").isTrue();
            assertThat(run).as("still scanning").isNotDone();

            long closed = System.nanoTime();
            s.sandbox.close();
            CliRun r = run.get(5, TimeUnit.MINUTES);
            Duration took = Duration.ofNanos(System.nanoTime() - closed);
            System.out.printf(Locale.ROOT, "endpoint closed to exit %d: %d ms%n", r.exitCode(), took.toMillis());

            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(took).as("fails fast").isLessThan(FAST);
            String last = lastLine(r.err());
            assertThat(last).startsWith("redoubt: ").contains(endpoint);
            assertThat(last).contains("kept in " + capture, "journaled as entry");
            assertThat(r.noStackTrace()).isTrue();

            Estate kept = new EstateFile().read(capture);
            assertThat(kept.incomplete()).as("what was read is kept, marked incomplete").isNotNull();
            assertThat(kept.incomplete().reason()).isEqualTo(Incomplete.UNREACHABLE);
            assertThat(kept.accounts().stream().filter(a -> a.regions() != null).flatMap(a -> a.regions().values().stream())
                    .filter(x -> x.backupVaults() != null).mapToLong(x -> x.backupVaults().size()).sum()).as("vaults read before").isPositive();
            assertThat(kept.accounts().stream().filter(a -> a.regions() != null).flatMap(a -> a.regions().values().stream())
                    .flatMap(x -> x.readErrors() == null ? Stream.empty() : x.readErrors().stream()))
                    .as("the unfinished scopes are named").anyMatch(e -> e.errorCode().equals("EndpointUnreachable"))
                    .noneMatch(e -> e.errorCode().equals("UNREACHABLE"));
            assertThat(s.journal()).filteredOn(e -> e.action().equals("scan")).singleElement().satisfies(e -> {
                assertThat(e.detailsTree().path("outcome").asText()).isEqualTo("unreachable");
                assertThat(e.detailsTree().path("capture").asText()).isEqualTo(capture.toAbsolutePath().toString());
            });
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.split("[\r\n]+");
        return lines.length == 0 ? "" : lines[lines.length - 1].trim();
    }
}
