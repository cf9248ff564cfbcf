package dev.redoubt.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.generate.EstateGenerator;
import dev.redoubt.estate.generate.GeneratorSpec;
import dev.redoubt.findings.Severity;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings screen's work over a generated 200,000-point estate (about 250,000 results): listing,
 * filtering by text, grouping by resource. Each runs off the FX thread in the window; this measures
 * how long the user waits. Run with {@code ./mvnw -B verify -Pbench -Dtest=FindingsScreenBenchmark}.
 */
@Tag("bench")
class FindingsScreenBenchmark {
    private static final int POINTS = Integer.getInteger("bench.recoveryPoints", 200_000);

    @TempDir
    Path dir;

    @Test
    void listsFiltersAndGroupsA200kEstate() throws Exception {
        Estate estate = new EstateGenerator(new EstateFile()).generate(new GeneratorSpec(20, 3, 5, POINTS, 1, null));
        Path file = dir.resolve("big.json");
        new EstateFile().write(estate, file);
        try (TestConsole console = TestConsole.create(dir)) {
            console.actions.openCapture(file);
            int results = console.workspace.audit().results().size();
            long b0 = System.nanoTime();
            FindingsIndex.Base base = FindingsIndex.build(console.workspace.audit(), null);
            long b1 = System.nanoTime();
            FindingsIndex.view(base, FindingsFilter.none(), Grouping.CHECK, k -> true, null);
            long b2 = System.nanoTime();
            FindingsIndex.view(base, FindingsFilter.none().withText("vault"), Grouping.NONE, k -> true, null);
            long b3 = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                long x = System.nanoTime();
                FindingsIndex.View v = FindingsIndex.view(base, FindingsFilter.none().withText("vault"), Grouping.NONE, k -> true, null);
                long y = System.nanoTime();
                FindingsIndex.View w = FindingsIndex.view(base, FindingsFilter.none(), Grouping.RESOURCE, k -> true, null);
                long z = System.nanoTime();
                Runtime rt = Runtime.getRuntime();
                System.out.printf(Locale.ROOT, "BENCH again: text %.0f ms (%,d matched), by resource %.0f ms (%,d lines); heap used %,d MB of %,d%n",
                        (y - x) / 1e6, v.matched(), (z - y) / 1e6, w.lines().size(), (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
            }
            System.out.printf(Locale.ROOT, "%nBENCH findings index: build %.0f ms, view all by check %.0f ms, text 'vault' %.0f ms%n",
                    (b1 - b0) / 1e6, (b2 - b1) / 1e6, (b3 - b2) / 1e6);
            FindingsViewModel vm = new FindingsViewModel(console.actions);
            vm.filter(FindingsFilter.none());

            long t0 = System.nanoTime();
            vm.activate();
            long t1 = System.nanoTime();
            vm.textProperty().set("vault");
            long t2 = System.nanoTime();
            vm.clearText();
            vm.groupingProperty().set(Grouping.RESOURCE);
            long t3 = System.nanoTime();
            vm.filter(vm.filter().withSeverities(Set.of(Severity.CRITICAL, Severity.HIGH)));
            long t4 = System.nanoTime();

            assertThat(vm.totalProperty().get()).isEqualTo(results);
            System.out.printf(Locale.ROOT, "%nBENCH findings screen: %,d results; listing %.0f ms, text filter %.0f ms, group by resource %.0f ms"
                    + " (%,d lines), severity filter %.0f ms%n", results, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
                    vm.lines().size(), (t4 - t3) / 1e6);
            vm.deactivate();
        }
    }
}
