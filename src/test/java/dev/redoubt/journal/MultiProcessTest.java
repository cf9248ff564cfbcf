package dev.redoubt.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Other processes: two appending at once, and one killed with SIGKILL again and again. */
class MultiProcessTest {
    private static final Pattern OK = Pattern.compile("ok (\\d+) ([0-9a-f]{64})");

    @TempDir
    Path home;
    @TempDir
    Path childTmp;

    private Process child(long count, String tag) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-Djava.io.tmpdir=" + childTmp, "-cp", System.getProperty("java.class.path"), AppendingChild.class.getName(),
                home.toString(), Long.toString(count), tag)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** The appends a child reported as returned, seq to hash; an unfinished last line (cut by the kill) promises nothing. */
    private static void acknowledged(String line, Map<Long, String> into) {
        Matcher m = OK.matcher(line);
        if (m.matches()) {
            into.put(Long.parseLong(m.group(1)), m.group(2));
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoProcessesAppendingAtOnceLeaveAChainThatVerifies() throws Exception {
        Process a = child(100, "a");
        Process b = child(100, "b");
        Map<Long, String> acked = new HashMap<>();
        for (Process p : List.of(a, b)) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    acknowledged(line, acked);
                }
            }
            assertThat(p.waitFor()).isZero();
        }
        Verification v = JournalVerifier.verify(Fixture.files(home), Optional.empty());
        assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();
        long perChild = 100 + 2 * 20; // every fifth append is a batch of three
        assertThat(v.entries()).isEqualTo(2 * perChild);
        assertThat(acked).hasSize((int) (2 * perChild));
        assertStored(acked);
        Set<String> sessions = new HashSet<>();
        try (SqliteJournal j = SqliteJournal.open(Fixture.files(home), java.time.Clock.systemUTC())) {
            j.read(EntryQuery.all()).forEach(e -> sessions.add(e.session()));
        }
        assertThat(sessions).hasSize(2);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void killingAppendingProcessesNeverBreaksTheChainNorLosesAReturnedAppend() throws Exception {
        Random random = new Random(9);
        Map<Long, String> acked = new HashMap<>();
        int kills = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos(); // about 1 s a round on an idle machine
        // The next child starts while the current one appends, so JVM start-ups overlap appends (the two also append at once).
        Process next = child(0, "crash0");
        for (int round = 0; round < 20 && System.nanoTime() < deadline; round++) {
            Process p = next;
            next = round + 1 < 20 ? child(0, "crash" + (round + 1)) : null;
            int killAfter = 1 + random.nextInt(30); // over the rounds the journal passes several 100-entry checkpoints
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null && lines.size() < killAfter; line = r.readLine()) {
                    lines.add(line);
                }
                // SIGKILL on Linux: no shutdown hooks, no session-end checkpoint, maybe mid-write. (Through the handle, which,
                // unlike Process.destroyForcibly, leaves the pipe open for the lines printed before the kill.)
                assertThat(p.toHandle().destroyForcibly()).isTrue();
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                kills++;
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line); // printed before the kill: those appends had returned too
                }
            }
            assertThat(lines).as("round " + round + " appended").isNotEmpty();
            lines.forEach(l -> acknowledged(l, acked));
            if (round % 5 == 4) {
                Verification v = JournalVerifier.verify(Fixture.files(home), Optional.empty());
                assertThat(v.ok()).as("after round " + round + ": " + v.problem()).isTrue();
            }
        }
        if (next != null) {
            next.toHandle().destroyForcibly(); // the deadline came first
            next.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(kills).as("kills before the deadline").isGreaterThanOrEqualTo(10);
        Verification v = JournalVerifier.verify(Fixture.files(home), Optional.empty());
        assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();
        assertThat(v.entries()).isGreaterThanOrEqualTo(acked.size());
        assertStored(acked);
        // sqlite-jdbc's native library went under the home (the copy kept there for every run), not the temporary directory
        try (Stream<Path> lib = Files.list(home.resolve("native")); Stream<Path> tmp = Files.list(childTmp)) {
            assertThat(lib.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("libsqlitejdbc-") && n.contains("sqlitejdbc"));
            assertThat(tmp.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("sqlite-"));
        }
    }

    /** Verification and reading never write beside the journal, and still see whole snapshots while another process appends. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void verifyingAndReadingWhileAnotherProcessAppendsSeeWholeJournals() throws Exception {
        Fixture.fill(Fixture.files(home), java.time.Clock.systemUTC(), 3); // closed: no -wal, so the first reads are of the file as it is
        Process p = child(0, "busy");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(r.readLine()).as("the child appends").startsWith("ok ");
            long last = 0;
            for (int i = 0; i < 15; i++) {
                Verification v = JournalVerifier.verify(Fixture.files(home), Optional.empty());
                assertThat(v.ok()).as("verification " + i + ": " + v.problem()).isTrue();
                assertThat(v.entries()).isGreaterThanOrEqualTo(last);
                last = v.entries();
                long[] seen = {0};
                JournalReader.forEach(Fixture.files(home), EntryQuery.all(), e -> assertThat(e.seq()).isEqualTo(++seen[0]));
            }
        } finally {
            p.toHandle().destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void assertStored(Map<Long, String> acked) {
        Map<Long, String> stored = new HashMap<>();
        JournalReader.forEach(Fixture.files(home), EntryQuery.all(), e -> stored.put(e.seq(), e.hash()));
        for (Map.Entry<Long, String> a : acked.entrySet()) {
            assertThat(stored.get(a.getKey())).as("entry " + a.getKey() + " was acknowledged").isEqualTo(a.getValue());
        }
    }
}
