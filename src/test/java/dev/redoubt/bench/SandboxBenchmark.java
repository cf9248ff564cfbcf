package dev.redoubt.bench;

import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.generate.EstateGenerator;
import dev.redoubt.estate.generate.GeneratorSpec;
import dev.redoubt.sandbox.RequestLog;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxCredential;
import dev.redoubt.sandbox.SandboxOptions;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultResponse;

/**
 * Serves a generated 200,000-point estate (2 accounts x 1 region x 2 vaults, 50,000 points a vault)
 * and prints the heap the sandbox holds and how many pages of 1,000 recovery points it serves per
 * second to real SDK clients (one, then four at once). Run with {@code ./mvnw -B verify -Pbench}.
 */
@Tag("bench")
class SandboxBenchmark {
    private static final int POINTS = Integer.getInteger("bench.recoveryPoints", 200_000);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 15));

    @Test
    void servesPagesOfAThousandRecoveryPoints() throws Exception {
        long baseline = usedHeapAfterGc();
        GeneratorSpec spec = new GeneratorSpec(2, 1, 2, POINTS, 1, null);
        Estate estate = new EstateGenerator(new EstateFile()).generate(spec);
        long withEstate = usedHeapAfterGc();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests(estate, Clock.systemUTC()).withPort(0))) {
            estate = null;
            long withSandbox = usedHeapAfterGc();
            System.out.printf(Locale.ROOT, "%nBENCH sandbox: %,d recovery points in %d vaults; heap: estate %.1f MB, sandbox indexes %.1f MB, "
                            + "total %.1f MB (%.0f bytes per point)%n", POINTS, 4, (withEstate - baseline) / 1e6, (withSandbox - withEstate) / 1e6,
                    (withSandbox - baseline) / 1e6, (withSandbox - baseline) / (double) POINTS);
            SandboxCredential cred = sandbox.defaultCredential();
            String account = cred.accountId();
            try (BackupClient client = client(sandbox, sandbox.credential(account, EstateGenerator.READ_ONLY_ROLE))) {
                List<String> vaults = client.listBackupVaults(r -> { }).backupVaultList().stream().map(BackupVaultListMember::backupVaultName).toList();
                pages(client, vaults, Duration.ofSeconds(5)); // warm up the JIT on both sides
                Result one = pages(client, vaults, RUN);
                System.out.printf(Locale.ROOT, "BENCH sandbox: 1 SDK client: %.1f pages of 1,000 recovery points per second (%,d points/s, %d pages in %.1f s)%n",
                        one.perSecond(), (long) (one.perSecond() * 1000), one.pages(), one.seconds());
                long[] micros = sandbox.requestLog().entries().stream().filter(e -> e.operation().equals("ListRecoveryPointsByBackupVault"))
                        .mapToLong(RequestLog.Entry::micros).sorted().toArray();
                System.out.printf(Locale.ROOT, "BENCH sandbox: server time per page of 1,000: median %.1f ms, p90 %.1f ms (the rest is the SDK client's)%n",
                        micros[micros.length / 2] / 1000.0, micros[micros.length * 9 / 10] / 1000.0);
            }
            int threads = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<BackupClient> clients = new ArrayList<>();
            try {
                List<Future<Result>> futures = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    BackupClient c = client(sandbox, sandbox.credential(account, EstateGenerator.READ_ONLY_ROLE));
                    clients.add(c);
                    List<String> vaults = c.listBackupVaults(r -> { }).backupVaultList().stream().map(BackupVaultListMember::backupVaultName).toList();
                    futures.add(pool.submit(() -> pages(c, vaults, RUN)));
                }
                double total = 0;
                for (Future<Result> f : futures) {
                    total += f.get().perSecond();
                }
                System.out.printf(Locale.ROOT, "BENCH sandbox: %d SDK clients at once: %.1f pages of 1,000 recovery points per second in all (%d cores)%n",
                        threads, total, Runtime.getRuntime().availableProcessors());
            } finally {
                pool.shutdownNow();
                clients.forEach(BackupClient::close);
            }
        }
    }

    private record Result(long pages, double seconds) {
        double perSecond() {
            return pages / seconds;
        }
    }

    private static Result pages(BackupClient client, List<String> vaults, Duration run) {
        long pages = 0;
        long t0 = System.nanoTime();
        long end = t0 + run.toNanos();
        int v = 0;
        String token = null;
        while (System.nanoTime() < end) {
            String vault = vaults.get(v);
            String next = token;
            ListRecoveryPointsByBackupVaultResponse page = client.listRecoveryPointsByBackupVault(r -> r.backupVaultName(vault)
                    .maxResults(1000).nextToken(next));
            if (page.recoveryPoints().size() != 1000 && page.nextToken() != null) {
                throw new AssertionError("short page: " + page.recoveryPoints().size());
            }
            pages++;
            token = page.nextToken();
            if (token == null) {
                v = (v + 1) % vaults.size();
            }
        }
        return new Result(pages, (System.nanoTime() - t0) / 1e9);
    }

    private static BackupClient client(Sandbox sandbox, SandboxCredential c) {
        return BackupClient.builder().endpointOverride(sandbox.endpoint()).region(Region.of(c.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
