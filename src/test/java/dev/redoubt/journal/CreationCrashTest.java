package dev.redoubt.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A process killed while it creates the journal, at each step of the creation: what it leaves is
 * either no journal yet or a whole one, never a journal that fails verification; the next run
 * creates (or opens) it cleanly and it verifies.
 */
class CreationCrashTest {
    @TempDir
    Path home;
    @TempDir
    Path childTmp;

    static Iterable<String> steps() {
        return SqliteJournal.CREATION_STEPS;
    }

    @ParameterizedTest
    @MethodSource("steps")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aKillDuringCreationLeavesNoJournalOrAWholeOne(String step) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-Djava.io.tmpdir=" + childTmp, "-cp", System.getProperty("java.class.path"), CreatingChild.class.getName(), home.toString(), step)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("stopped at " + step + ": " + output).isEqualTo(CreatingChild.HALTED);

        JournalFiles files = Fixture.files(home);
        Throwable t = catchThrowable(() -> {
            Verification v = JournalVerifier.verify(files, Optional.empty());
            assertThat(v.ok()).as("after a kill at " + step + ": " + v.problem()).isTrue();
            assertThat(v.entries()).isZero();
        });
        if (step.equals("moved")) {
            assertThat(t).as("the journal took its name: it is whole").isNull();
        } else {
            assertThat(t).as("after a kill at " + step).isInstanceOf(JournalException.class).hasMessageContaining("no journal here yet");
            assertThat(files.database()).doesNotExist();
        }

        try (SqliteJournal j = SqliteJournal.open(files, Clock.systemUTC())) {
            j.append(Fixture.draft(1));
        }
        Verification v = JournalVerifier.verify(files, Optional.empty());
        assertThat(v.ok()).as("the next run after a kill at " + step + ": " + v.problem()).isTrue();
        assertThat(v.entries()).isEqualTo(1);
    }
}
