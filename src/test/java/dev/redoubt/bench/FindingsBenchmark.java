package dev.redoubt.bench;

import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.EstateStats;
import dev.redoubt.estate.generate.EstateGenerator;
import dev.redoubt.estate.generate.GeneratorSpec;
import dev.redoubt.findings.Auditor;
import dev.redoubt.findings.Checks;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.Summary;
import dev.redoubt.report.ResultJson;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * All 41 checks over a generated 200,000-point estate (20 accounts x 3 regions x 5 vaults): the
 * time of the first audit (cold) and of the best of the next three (warm), and the heap the
 * results hold. Goal: under 2 seconds. Run with {@code ./mvnw -B verify -Pbench}.
 */
@Tag("bench")
class FindingsBenchmark {
    private static final int POINTS = Integer.getInteger("bench.recoveryPoints", 200_000);

    @Test
    void allChecksOverA200kEstate() throws Exception {
        Estate estate = new EstateGenerator(new EstateFile()).generate(new GeneratorSpec(20, 3, 5, POINTS, 1, null));
        long points = EstateStats.of(estate).totals().recoveryPoints();
        Auditor auditor = new Auditor(Checks.all());
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        long before = usedHeapAfterGc();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Auditor.Outcome first = auditor.run(estate, FindingsSettings.DEFAULTS, now);
        long t1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        long after = usedHeapAfterGc();
        int results = first.results().size();
        long heldByResults = after - before;
        first = null;
        double best = Double.MAX_VALUE;
        Auditor.Outcome last = null;
        for (int i = 0; i < 3; i++) {
            last = null;
            long s = System.nanoTime();
            last = auditor.run(estate, FindingsSettings.DEFAULTS, now);
            best = Math.min(best, (System.nanoTime() - s) / 1e9);
        }
        long s0 = System.nanoTime();
        Summary summary = Summary.of(last.results(), Checks.all());
        long s1 = System.nanoTime();
        String digest = ResultJson.sha256(last.results());
        long s2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%nBENCH findings: %d checks over %,d recovery points: %,d results (%,d failing)%n",
                Checks.all().size(), points, results, summary.total().fail());
        System.out.printf(Locale.ROOT, "BENCH findings: all checks %.2f s first run (%.2f s CPU on %d cores), %.2f s best of 3 warm runs (goal < 2 s); load average %.1f%n",
                (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, Runtime.getRuntime().availableProcessors(), best, os.getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "BENCH findings: heap held by the results %.1f MB (%.0f bytes per result); max heap %d MB%n",
                heldByResults / 1e6, heldByResults / (double) results, Runtime.getRuntime().maxMemory() / (1 << 20));
        System.out.printf(Locale.ROOT, "BENCH findings: summary %.2f s, results SHA-256 %.2f s (%s...)%n", (s1 - s0) / 1e9, (s2 - s1) / 1e9, digest.substring(0, 12));
        dev.redoubt.findings.EstateIndex index = new dev.redoubt.findings.EstateIndex(estate, FindingsSettings.DEFAULTS, now);
        java.util.List<String> slowest = new java.util.ArrayList<>();
        java.util.Map<String, Double> perCheck = new java.util.LinkedHashMap<>();
        for (dev.redoubt.findings.Check c : Checks.all()) {
            java.util.List<dev.redoubt.findings.Result> sink = new java.util.ArrayList<>();
            long c0 = System.nanoTime();
            c.evaluate(index, sink::add);
            perCheck.put(c.id(), (System.nanoTime() - c0) / 1e9);
        }
        perCheck.entrySet().stream().sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(6)
                .forEach(e -> slowest.add(String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue())));
        long i0 = System.nanoTime();
        new dev.redoubt.findings.EstateIndex(estate, FindingsSettings.DEFAULTS, now);
        System.out.printf(Locale.ROOT, "BENCH findings: index %.2f s; slowest checks: %s%n", (System.nanoTime() - i0) / 1e9, String.join(", ", slowest));
        if (results < points) {
            throw new AssertionError("expected at least one result per recovery point, got " + results);
        }
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
