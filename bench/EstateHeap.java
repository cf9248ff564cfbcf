import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import java.nio.file.Path;

/**
 * The heap a capture holds once read (issue 16, item 3: 200,000 recovery points in a few hundred bytes each), for
 * bench/floor.sh: the heap in use after a full collection before and after EstateFile.read, divided by the points.
 * Everything the estate holds counts (vaults, keys, plans, strings), so the figure per point is an upper bound.
 * Run with the jar on the class path: java -cp target/redoubt.jar:CLASSES EstateHeap FILE
 */
public final class EstateHeap {
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: EstateHeap FILE");
            System.exit(2);
        }
        long before = usedAfterGc();
        Estate estate = new EstateFile().read(Path.of(args[0]));
        long after = usedAfterGc();
        long points = 0;
        for (Account a : estate.accounts()) {
            points += a.regions().values().stream().flatMap(r -> r.backupVaults().stream())
                    .mapToLong(v -> v.recoveryPoints() == null ? 0 : v.recoveryPoints().size()).sum();
        }
        System.out.printf("BENCH floor the estate in memory: %.1f MB in use after reading %s (%,d recovery points): %.0f bytes a point, "
                + "everything else it holds included%n", (after - before) / 1048576.0, args[0], points, (after - before) / (double) Math.max(1, points));
        java.lang.ref.Reference.reachabilityFence(estate); // measured while it is still held
    }

    private static long usedAfterGc() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }
}
