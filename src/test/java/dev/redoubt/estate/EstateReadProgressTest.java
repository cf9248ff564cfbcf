package dev.redoubt.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.redoubt.estate.generate.EstateGenerator;
import dev.redoubt.estate.generate.GeneratorSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A capture read with its progress told as it goes, and stopped when the listener says so (the console's Cancel). */
class EstateReadProgressTest {
    @TempDir
    Path dir;

    private Path capture(int points) throws Exception {
        EstateFile file = new EstateFile();
        Path out = dir.resolve("capture.json");
        file.write(new EstateGenerator(file).generate(new GeneratorSpec(2, 1, 2, points, 1, null)), out);
        return out;
    }

    @Test
    void tellsHowFarTheReadHasComeUpToTheWholeFile() throws Exception {
        Path f = capture(3000);
        long size = Files.size(f);
        List<long[]> told = new ArrayList<>();

        Estate e = new EstateFile().read(f, (done, total) -> {
            told.add(new long[] {done, total});
            return true;
        });

        assertThat(e.accounts()).hasSize(2);
        assertThat(size).as("a file larger than one step of the progress").isGreaterThan(2L * EstateFile.PROGRESS_STEP);
        assertThat(told.size()).as("told more than once").isGreaterThan(2);
        assertThat(told).allSatisfy(t -> assertThat(t[1]).isEqualTo(size));
        for (int i = 1; i < told.size(); i++) {
            assertThat(told.get(i)[0]).as("never backwards").isGreaterThanOrEqualTo(told.get(i - 1)[0]);
        }
        assertThat(told.get(told.size() - 1)[0]).as("the whole file, at the end").isEqualTo(size);
    }

    @Test
    void stopsWhenTheListenerSaysSoAndSaysItStopped() throws Exception {
        Path f = capture(3000);
        List<Long> told = new ArrayList<>();

        assertThatThrownBy(() -> new EstateFile().read(f, (done, total) -> {
            told.add(done);
            return told.size() < 2;
        })).isInstanceOf(EstateReadStopped.class).hasMessageContaining(f.toString()).hasMessageContaining("stopped");
        assertThat(told).as("not read on after the stop").hasSize(2);
        assertThat(told.get(1)).isLessThan(Files.size(f));
    }
}
