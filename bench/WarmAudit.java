import dev.redoubt.app.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The audit of one capture repeated in one JVM, for bench/floor.sh: the same command line a user types
 * (`redoubt audit --estate FILE --format html --out F`, through Cli.run, the launcher's entry), run N times in a row.
 * The first run pays the cold JVM (class loading, interpreter, JIT); the later ones show what the work itself costs
 * once the code is compiled, as in a console that has opened a capture before. Prints each run's wall time and its
 * phases (-Dredoubt.bench=phases). Run with the jar on the class path and REDOUBT_HOME set:
 * java -cp target/redoubt.jar:CLASSES WarmAudit RUNS FILE
 */
public final class WarmAudit {
    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].matches("[1-9][0-9]*")) {
            System.err.println("usage: WarmAudit RUNS FILE   (RUNS: a whole number from 1)");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[0]);
        Path report = Files.createTempFile("warm-audit", ".html");
        Map<String, String> env = new HashMap<>(System.getenv());
        try {
            for (int i = 1; i <= runs; i++) {
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                long t0 = System.nanoTime();
                int exit = Cli.run(new String[] {"audit", "--estate", args[1], "--format", "html", "--out", report.toString()},
                        new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), env);
                double s = (System.nanoTime() - t0) / 1e9;
                String text = err.toString(StandardCharsets.UTF_8);
                if (exit != 0 && exit != 1) { // 1: failing results, the audit itself ran
                    System.err.print(text);
                    System.exit(exit);
                }
                System.out.printf("BENCH floor   in one JVM, run %d of %d: %.2f s wall%s%n", i, runs, s, i == 1 ? " (the cold JVM's run)" : "");
                text.lines().filter(l -> l.startsWith("BENCH audit phase")).forEach(l -> System.out.println("      " + l));
            }
        } finally {
            Files.deleteIfExists(report);
        }
    }
}
