package dev.redoubt.bench;

import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.EstateStats;
import dev.redoubt.estate.generate.EstateGenerator;
import dev.redoubt.estate.generate.GeneratorSpec;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes and reads a generated 200,000-point estate (20 accounts x 3 regions x 5 vaults) and prints
 * the times and the heap the estate holds. Run with {@code ./mvnw -B verify -Pbench} or bench/estate-io.sh.
 */
@Tag("bench")
class EstateFileBenchmark {
    private static final int POINTS = Integer.getInteger("bench.recoveryPoints", 200_000);

    @Test
    void writeAndReadA200kEstate(@TempDir Path dir) throws Exception {
        EstateFile file = new EstateFile();
        GeneratorSpec spec = new GeneratorSpec(20, 3, 5, POINTS, 1, null);
        long t0 = System.nanoTime();
        Estate generated = new EstateGenerator(file).generate(spec);
        long t1 = System.nanoTime();
        Path out = dir.resolve("estate.json");
        file.write(generated, out);
        long t2 = System.nanoTime();
        generated = null;
        long before = usedHeapAfterGc();
        long t3 = System.nanoTime();
        Estate read = file.read(out);
        long t4 = System.nanoTime();
        long after = usedHeapAfterGc();
        long points = EstateStats.of(read).totals().recoveryPoints();
        System.out.printf(Locale.ROOT, "%nBENCH estate-io: %,d recovery points, file %.1f MB%n", points, Files.size(out) / 1e6);
        System.out.printf(Locale.ROOT, "BENCH estate-io: generate %.2f s, write %.2f s, read %.2f s%n",
                secs(t0, t1), secs(t1, t2), secs(t3, t4));
        System.out.printf(Locale.ROOT, "BENCH estate-io: heap held by the estate %.1f MB (%.0f bytes per recovery point)%n",
                (after - before) / 1e6, (after - before) / (double) points);
        if (read.accounts().isEmpty()) {
            throw new AssertionError("estate read back empty");
        }
    }

    private static double secs(long from, long to) {
        return (to - from) / 1e9;
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
