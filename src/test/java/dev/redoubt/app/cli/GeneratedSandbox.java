package dev.redoubt.app.cli;

import dev.redoubt.app.AppPaths;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.generate.EstateGenerator;
import dev.redoubt.estate.generate.GeneratorSpec;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.SqliteJournal;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxCredential;
import dev.redoubt.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A generated estate big enough that a scan of it takes several seconds, served with a latency per
 * request on the real clock, and an AWS config whose default profile holds the management account's
 * read-only keys; counts the recovery-point pages it served, to act while a scan is under way.
 */
final class GeneratedSandbox implements AutoCloseable {
    final Estate estate;
    final Sandbox sandbox;
    final AtomicInteger recoveryPointPages = new AtomicInteger();
    final Map<String, String> env;

    GeneratedSandbox(Path dir, GeneratorSpec spec, long latencyMs) throws IOException {
        this.estate = new EstateGenerator(new EstateFile()).generate(spec);
        SandboxOptions options = new SandboxOptions(estate, 0, Clock.systemUTC(), false, latencyMs, 0, 0, 1, false, 0, e -> {
            if ("ListRecoveryPointsByBackupVault".equals(e.operation()) && e.status() == 200) {
                recoveryPointPages.incrementAndGet();
            }
        });
        this.sandbox = Sandbox.start(options);
        SandboxCredential c = sandbox.credential(estate.organization().masterAccountId(), EstateGenerator.READ_ONLY_ROLE);
        Path home = dir.resolve("user");
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[default]\nregion = us-east-1\naws_access_key_id = " + c.accessKeyId()
                + "\naws_secret_access_key = " + c.secretAccessKey() + "\nendpoint_url = " + sandbox.endpoint() + "\n");
        this.env = Map.of("HOME", home.toString(), "REDOUBT_HOME", dir.resolve("redoubt").toString());
    }

    /** The scan of every account and region as the generated read-only role, into {@code out}. */
    static String[] scanEverything(Path out) {
        return new String[] {"scan", "--accounts", "all", "--role", EstateGenerator.READ_ONLY_ROLE, "--regions", "all", "--out", out.toString()};
    }

    List<Entry> journal() {
        try (SqliteJournal j = SqliteJournal.open(new AppPaths(Path.of(env.get("REDOUBT_HOME"))).journalFiles(), Clock.systemUTC())) {
            return j.read(EntryQuery.all());
        }
    }

    /** Waits until {@code condition} holds, up to {@code limit}; false if it never did. */
    static boolean await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
