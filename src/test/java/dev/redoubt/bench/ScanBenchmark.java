package dev.redoubt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redoubt.aws.AccessMode;
import dev.redoubt.aws.profiles.AwsConfigFiles;
import dev.redoubt.aws.scan.ScanProgress;
import dev.redoubt.aws.scan.ScanRequest;
import dev.redoubt.aws.scan.ScanResult;
import dev.redoubt.aws.scan.Scanner;
import dev.redoubt.aws.signin.Session;
import dev.redoubt.aws.signin.SignIn;
import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.EstateStats;
import dev.redoubt.estate.generate.EstateGenerator;
import dev.redoubt.estate.generate.GeneratorSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's benchmark: a 20 accounts x 3 regions x 5 vaults estate with 200,000 recovery points, the
 * sandbox in its own process; Redoubt's full scan at 0 ms and 20 ms injected latency, the AWS CLI
 * listing the same vaults and recovery points one account at a time as a script would, the ratios,
 * and Redoubt's heap. Run with bench/scan.sh or ./mvnw -B verify -Pbench -Dtest=ScanBenchmark.
 */
@Tag("bench")
class ScanBenchmark {
    private static final int POINTS = Integer.getInteger("bench.recoveryPoints", 200_000);
    private static final int CLI_ACCOUNTS = Integer.getInteger("bench.cliAccounts", 20);
    private static final Pattern LISTENING = Pattern.compile("Sandbox listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    private record Served(Process process, int port, Path config) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private Served serve(Path estate, int latencyMs) throws Exception {
        Path config = dir.resolve("aws-config-" + latencyMs);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx3g", "-cp", System.getProperty("java.class.path"), "dev.redoubt.app.Launcher",
                "sandbox", "--estate", estate.toString(), "--port", "0", "--as-captured", "--latency-ms", String.valueOf(latencyMs),
                "--write-aws-config", config.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        int port = -1;
        List<String> seen = new ArrayList<>();
        while (port < 0 && System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            }
        }
        if (port < 0) {
            p.destroyForcibly();
            throw new IllegalStateException("the sandbox did not start: " + seen);
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe empty
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        }, "sandbox-output");
        drain.setDaemon(true);
        drain.start();
        long configDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(config) && System.nanoTime() < configDeadline) {
            Thread.onSpinWait();
        }
        return new Served(p, port, config);
    }

    private static String profile(Account a, String role) {
        return a.name() + "-" + role;
    }

    private ScanResult scan(Served served, Estate estate) throws Exception {
        return scan(served, estate, null);
    }

    private ScanResult scan(Served served, Estate estate, Estate since) throws Exception {
        Map<String, String> env = Map.of("HOME", dir.toString(), "AWS_CONFIG_FILE", served.config().toString());
        SignIn signIn = new SignIn(new AwsConfigFiles(env, dir), env, Clock.systemUTC());
        Account management = estate.accounts().get(0);
        try (Session session = signIn.open(signIn.profile(profile(management, EstateGenerator.READ_ONLY_ROLE)), AccessMode.AUDITOR)) {
            ScanRequest request = new ScanRequest(List.of(), true, EstateGenerator.READ_ONLY_ROLE, List.of(), true, 8, 64, since);
            return new Scanner(Clock.systemUTC(), new EstateFile()).scan(session, request, ScanProgress.NONE, new AtomicBoolean());
        }
    }

    /** The AWS CLI, one account at a time: list the vaults of each region, then each vault's recovery points (the CLI pages itself). */
    private long cliScript(Served served, Estate estate) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long points = 0;
        for (Account a : estate.accounts().subList(0, Math.min(CLI_ACCOUNTS, estate.accounts().size()))) {
            for (String region : a.regions().keySet()) {
                JsonNode vaults = json.readTree(aws(served, profile(a, EstateGenerator.READ_ONLY_ROLE), region, "list-backup-vaults"));
                for (JsonNode v : vaults.path("BackupVaultList")) {
                    JsonNode rps = json.readTree(aws(served, profile(a, EstateGenerator.READ_ONLY_ROLE), region,
                            "list-recovery-points-by-backup-vault", "--backup-vault-name", v.path("BackupVaultName").asText()));
                    points += rps.path("RecoveryPoints").size();
                }
            }
        }
        return points;
    }

    private String aws(Served served, String profile, String region, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3", "-m", "awscli", "backup"));
        cmd.addAll(List.of(command));
        cmd.addAll(List.of("--profile", profile, "--region", region, "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("AWS_CONFIG_FILE", served.config().toString());
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("aws " + String.join(" ", command) + " failed for " + profile);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static void resetPeaks() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long retainedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void scanA200kEstateAgainstTheAwsCli() throws Exception {
        EstateFile file = new EstateFile();
        Estate estate = new EstateGenerator(file).generate(new GeneratorSpec(20, 3, 5, POINTS, 1, null));
        Path estateFile = dir.resolve("estate.json");
        file.write(estate, estateFile);
        long held = EstateStats.of(estate).totals().recoveryPoints();

        Duration fast;
        Duration slow;
        long peak;
        long retainedBefore = retainedHeap();
        long retainedWithCapture;
        try (Served zero = serve(estateFile, 0)) {
            scan(zero, estate); // warm-up: class loading and JIT, as a long-running console would have
            resetPeaks();
            ScanResult r = scan(zero, estate);
            peak = peakHeap();
            fast = r.elapsed();
            retainedWithCapture = retainedHeap();
            check(r, held);
            System.out.printf(Locale.ROOT, "%nBENCH scan: %,d recovery points, %d accounts x 3 regions x 5 vaults, %,d API calls%n",
                    held, estate.accounts().size(), r.apiCalls());
            System.out.printf(Locale.ROOT, "BENCH scan: Redoubt full scan at 0 ms latency: %.2f s%n", fast.toMillis() / 1000.0);
            ScanResult incremental = scan(zero, estate, r.estate());
            check(incremental, held);
            System.out.printf(Locale.ROOT, "BENCH scan: incremental refresh (--since-capture, nothing new): %.2f s, %,d API calls (%.1fx faster than the full scan)%n",
                    incremental.elapsed().toMillis() / 1000.0, incremental.apiCalls(), fast.toMillis() / (double) Math.max(1, incremental.elapsed().toMillis()));
            r = null;
            incremental = null;
        }
        try (Served twenty = serve(estateFile, 20)) {
            ScanResult r = scan(twenty, estate);
            slow = r.elapsed();
            check(r, held);
            System.out.printf(Locale.ROOT, "BENCH scan: Redoubt full scan at 20 ms latency: %.2f s (%.2fx the 0 ms scan; goal <= 1.5x)%n",
                    slow.toMillis() / 1000.0, slow.toMillis() / (double) fast.toMillis());
        }
        try (Served zero = serve(estateFile, 0)) {
            long t0 = System.nanoTime();
            long cliPoints = cliScript(zero, estate);
            double cliSeconds = (System.nanoTime() - t0) / 1e9;
            double share = Math.min(CLI_ACCOUNTS, estate.accounts().size()) / (double) estate.accounts().size();
            double cliFull = cliSeconds / share;
            System.out.printf(Locale.ROOT, "BENCH scan: AWS CLI script (python3 -m awscli), %d of %d accounts one at a time: %.1f s for %,d recovery points%s%n",
                    Math.min(CLI_ACCOUNTS, estate.accounts().size()), estate.accounts().size(), cliSeconds, cliPoints,
                    share < 1 ? String.format(Locale.ROOT, " (%.1f s for all, extrapolated)", cliFull) : "");
            System.out.printf(Locale.ROOT, "BENCH scan: Redoubt is %.1fx faster than the CLI script (goal >= 10x)%n", cliFull / (fast.toMillis() / 1000.0));
        }
        System.out.printf(Locale.ROOT, "BENCH scan: Redoubt peak heap during the scan %.0f MB (%.0f bytes per recovery point); "
                        + "retained with the capture held %.0f MB (%.0f bytes per recovery point; goal < 1,024)%n",
                peak / 1e6, peak / (double) held, (retainedWithCapture - retainedBefore) / 1e6,
                (retainedWithCapture - retainedBefore) / (double) held);
    }

    private static void check(ScanResult r, long expectedPoints) {
        long got = EstateStats.of(r.estate()).totals().recoveryPoints();
        if (got != expectedPoints || r.readErrors() != 0) {
            throw new AssertionError("incomplete scan: " + got + " of " + expectedPoints + " recovery points, " + r.readErrors() + " read errors");
        }
    }
}
