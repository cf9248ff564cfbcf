package dev.redoubt.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The audit's phases timed in the process that runs them, for bench/audit-open.sh: switched on only by
 * {@code -Dredoubt.bench=phases}; prints BENCH lines (wall and the process's CPU per phase, then the CPU of the JVM's
 * own threads: the JIT compilers and the collector, read from /proc on Linux).
 */
final class PhaseClock {
    private final PrintStream out;
    private long wall = System.nanoTime();
    private long cpu = processCpu();

    private PhaseClock(PrintStream out) {
        this.out = out;
    }

    /** A clock that prints when -Dredoubt.bench names "phases", and a silent one otherwise. */
    static PhaseClock wanted(PrintStream out) {
        String bench = System.getProperty("redoubt.bench", "");
        return new PhaseClock(java.util.Arrays.asList(bench.split(",")).contains("phases") ? out : null);
    }

    void lap(String phase) {
        if (out == null) {
            return;
        }
        long w = System.nanoTime();
        long c = processCpu();
        out.printf(Locale.ROOT, "BENCH audit phase: %-62s %6.2f s wall, %6.2f s CPU%n", phase, (w - wall) / 1e9, (c - cpu) / 1e9);
        wall = w;
        cpu = c;
    }

    /** CPU seconds by thread kind so far (JIT compilers, collector, the command, the checks' pool). */
    void threads() {
        if (out == null) {
            return;
        }
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                try {
                    String name = Files.readString(t.resolve("comm")).trim().replaceAll("[0-9#]+$", "").trim();
                    String stat = Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            });
        } catch (IOException e) {
            return; // not Linux
        }
        StringBuilder b = new StringBuilder("BENCH audit threads' CPU:");
        ticks.forEach((name, t) -> {
            if (t >= 5) {
                b.append(String.format(Locale.ROOT, " %s %.2f s;", name, t / 100.0));
            }
        });
        out.println(b);
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }
}
