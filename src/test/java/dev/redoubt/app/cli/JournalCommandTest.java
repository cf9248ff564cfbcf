package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import dev.redoubt.journal.ZipBomb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCommandTest {
    @TempDir
    Path dir;

    private Path home() {
        return dir.resolve("home");
    }

    private CliRun run(String... args) {
        return CliRun.run(home(), args);
    }

    private void assertOneLineFailure(CliRun r, int code, String expected) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(code);
        assertThat(r.err().strip().lines()).as("one line: " + r.err()).hasSize(1);
        assertThat(r.err()).startsWith("redoubt: ").contains(expected);
        assertThat(r.noStackTrace()).isTrue();
    }

    private void exportTimes(int n) {
        exportTimes(n, dir);
    }

    private void exportTimes(int n, Path folder) {
        for (int i = 0; i < n; i++) {
            CliRun r = run("journal", "export", "--out", folder.resolve("e" + i + ".zip").toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
    }

    @Test
    void verifiesAnUntouchedJournal() {
        exportTimes(3);
        CliRun r = run("journal", "verify");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("journal.db: OK: 3 entries, 6 checkpoints; head entry 3, hash ").contains("(pinned in settings.json)");
    }

    @Test
    void anEditedRowFailsVerificationWithExit3NamingTheEntry() throws SQLException {
        exportTimes(3);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home().resolve("journal.db")); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER entries_no_update");
            s.execute("UPDATE entries SET subject = '/tmp/innocent.zip' WHERE seq = 2");
        }
        assertOneLineFailure(run("journal", "verify"), ExitCodes.VERIFICATION_FAILED,
                "journal.db: verification failed: entry 2 was altered: its content does not match its hash; the journal was altered");
        CliRun verbose = run("journal", "verify", "--verbose");
        assertThat(verbose.err()).contains("problem kind: ALTERED");
    }

    @Test
    void aDeletedJournalIsNoticedThroughThePin() throws IOException {
        exportTimes(1);
        Files.delete(home().resolve("journal.db"));
        assertOneLineFailure(run("journal", "verify"), ExitCodes.VERIFICATION_FAILED, "is missing, but settings.json pins a journal key");
    }

    @Test
    void saysWhenThereIsNoJournalYet() {
        assertOneLineFailure(run("journal", "verify"), ExitCodes.USAGE, "no journal here yet");
        CliRun show = run("journal", "show");
        assertThat(show.exitCode()).isZero();
        assertThat(show.err()).contains("No journal yet at");
        assertThat(home().resolve("journal.db")).doesNotExist();
    }

    @Test
    void exportsJournalThemselvesAndVerifyOnTheirOwn() throws IOException {
        Path zip = dir.resolve("out/journal.zip");
        CliRun e = run("journal", "export", "--out", zip.toString());
        assertThat(e.exitCode()).as(e.err()).isZero();
        assertThat(e.out()).contains("Exported 1 entry (1 to 1) and ").contains("recorded as entry 1");
        String fingerprint = e.out().replaceAll("(?s).*--fingerprint (sha256:[0-9a-f]{64}).*", "$1");
        CliRun v = run("journal", "verify", "--bundle", zip.toString(), "--fingerprint", fingerprint);
        assertThat(v.exitCode()).as(v.err()).isZero();
        assertThat(v.out()).contains("journal.zip: OK: 1 entry, ").contains("(the expected key)");
        CliRun show = run("journal", "show", "--action", "export", "--json");
        JsonNode entry = new ObjectMapper().readTree(show.out().lines().findFirst().orElseThrow());
        assertThat(entry.path("subject").asText()).isEqualTo(zip.toString());
        assertThat(entry.path("actor").asText()).isEqualTo("offline");
        assertThat(entry.path("mode").asText()).isEqualTo("auditor");
        assertThat(entry.at("/details/kind").asText()).isEqualTo("journal");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 0});
        assertOneLineFailure(run("journal", "verify", "--bundle", zip.toString()), ExitCodes.VERIFICATION_FAILED, "do not rely on this export");
        assertOneLineFailure(run("journal", "verify", "--bundle", dir.resolve("none.zip").toString()), ExitCodes.USAGE, "none.zip: no such file");
        assertOneLineFailure(run("journal", "verify", "--bundle", zip.toString(), "--journal", "x.db"), ExitCodes.USAGE,
                "--journal and --bundle name two things to verify");
        assertOneLineFailure(run("journal", "verify", "--bundle", zip.toString(), "--fingerprint", "sha256:" + "ab".repeat(32)),
                ExitCodes.VERIFICATION_FAILED, "verification failed");
    }

    @Test
    void showsEntriesAsATableOrJsonWithFilters() {
        // Wherever the checkout (and so the temporary folder) is, the exported files' paths are longer than the SUBJECT column.
        Path deep = dir.resolve("a-folder-whose-name-alone-is-longer-than-the-subject-column");
        exportTimes(3, deep);
        CliRun table = run("journal", "show");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines()).hasSize(4);
        assertThat(table.out()).contains("SEQ", "ACTION", "2026-11-28T10:00:00Z", "export", "offline", "auditor");
        // A long path is cut in the middle: its start and its file name stay, and the columns stay aligned.
        for (int i = 0; i < 3; i++) {
            String row = table.out().lines().skip(1 + i).findFirst().orElseThrow();
            String subject = row.substring(row.indexOf("export") + 20, row.indexOf(" offline")).strip();
            assertThat(subject).as(row).hasSize(40).contains("…").endsWith("/e" + i + ".zip").startsWith(dir.toString().substring(0, 3));
        }
        assertThat(run("journal", "show", "--subject", "e2.zip", "--json").out().lines()).hasSize(1);
        assertThat(run("journal", "show", "--limit", "2", "--json").out().lines()).hasSize(2);
        assertThat(run("journal", "show", "--from", "2026-11-29", "--json").out()).isEmpty();
        assertThat(run("journal", "show", "--from", "2026-11-28", "--to", "2026-11-28", "--json").out().lines()).hasSize(3);
        assertThat(run("journal", "show", "--action", "scan").err()).contains("No entries match.");
        assertOneLineFailure(run("journal", "show", "--from", "yesterday"), ExitCodes.USAGE, "--from \"yesterday\" is not an ISO-8601 time");
    }

    @Test
    void refusesAnEmptyOrBackwardsExportRange() {
        exportTimes(1);
        assertOneLineFailure(run("journal", "export", "--to", "2026-01-01", "--out", dir.resolve("x.zip").toString()), ExitCodes.USAGE,
                "no entries to 2026-01-01T23:59:59.999Z to export");
        assertOneLineFailure(run("journal", "export", "--from", "2026-12-01", "--to", "2026-11-01", "--out", dir.resolve("x.zip").toString()),
                ExitCodes.USAGE, "is after --to");
        assertThat(dir.resolve("x.zip")).doesNotExist();
        assertThat(run("journal", "show", "--json").out().lines()).hasSize(1);
    }

    @Test
    void estateCommandsRecordNothing() throws IOException {
        Path f = dir.resolve("minimal.json");
        try (InputStream in = getClass().getResourceAsStream("/estates/minimal-estate.json")) {
            Files.copy(in, f);
        }
        assertThat(run("estate", "validate", f.toString()).exitCode()).isZero();
        assertThat(home().resolve("journal.db")).doesNotExist();
    }

    @Test
    void aJournalCutBackToAnEarlierCheckpointFailsWithExit3() throws Exception {
        exportTimes(3);
        Path db = home().resolve("journal.db");
        String last;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT hash FROM entries WHERE seq = 3")) {
                last = rs.getString(1);
            }
            s.execute("DROP TRIGGER entries_no_delete");
            s.execute("DROP TRIGGER checkpoints_no_delete");
            s.execute("DELETE FROM entries WHERE seq > 1");
            s.execute("DELETE FROM checkpoints WHERE seq > 1");
        }
        Path sidecar = home().resolve("journal.db.checkpoints");
        ObjectMapper mapper = new ObjectMapper();
        List<String> kept = Files.readAllLines(sidecar).stream().filter(l -> {
            try {
                return mapper.readTree(l).path("seq").asLong() <= 1;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        Files.write(sidecar, kept);
        assertOneLineFailure(run("journal", "verify"), ExitCodes.VERIFICATION_FAILED,
                "journal.db: verification failed: truncated: the journal ends at entry 1, but entry 3 (hash " + last + ") was recorded");
    }

    @Test
    void aMalformedFingerprintIsAUsageErrorThatSaysTheForm() {
        exportTimes(1);
        for (String fp : new String[] {"garbage", "sha256:00", "sha256:" + "g".repeat(64)}) {
            CliRun r = run("journal", "verify", "--fingerprint", fp);
            assertOneLineFailure(r, ExitCodes.USAGE, "--fingerprint \"" + fp + "\" is not a key fingerprint: it must be \"sha256:\" and 64 hexadecimal digits");
            assertThat(r.err()).doesNotContain("settings.json").doesNotContain("pinned");
            assertOneLineFailure(run("journal", "verify", "--bundle", dir.resolve("e0.zip").toString(), "--fingerprint", fp), ExitCodes.USAGE,
                    "is not a key fingerprint");
        }
        CliRun upper = run("journal", "verify", "--fingerprint", "SHA256:" + "AB".repeat(32));
        assertThat(upper.exitCode()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(upper.err()).contains("is not the one given (sha256:" + "ab".repeat(32) + ")").doesNotContain("settings.json");
    }

    @Test
    void aZipBombIsAOneLineVerificationFailure() throws IOException {
        exportTimes(1);
        Path bomb = dir.resolve("bomb.zip");
        ZipBomb.copyOf(dir.resolve("e0.zip"), "entries.jsonl").bomb("entries.jsonl", 4 * ZipBomb.GIB).write(bomb);
        assertOneLineFailure(run("journal", "verify", "--bundle", bomb.toString()), ExitCodes.VERIFICATION_FAILED,
                "bomb.zip: verification failed: entries.jsonl line 1 is longer than");
    }

    /**
     * A home nobody may write to: verify and show still work and change nothing, not a byte, a time or
     * a permission, and create no file (no -wal or -shm either). As root the permission bits stop
     * nothing, so the unchanged home is what the test checks.
     */
    @Test
    void verifyAndShowWorkInAReadOnlyHomeAndChangeNothing() throws Exception {
        exportTimes(2);
        setWritable(home(), false);
        try {
            Map<String, String> before = snapshot(home());
            CliRun v = run("journal", "verify");
            assertThat(v.exitCode()).as(v.err()).isZero();
            assertThat(v.out()).contains("OK: 2 entries");
            CliRun show = run("journal", "show", "--json");
            assertThat(show.exitCode()).as(show.err()).isZero();
            assertThat(show.out().lines()).hasSize(2);
            assertThat(snapshot(home())).isEqualTo(before);
        } finally {
            setWritable(home(), true);
        }
    }

    private static void setWritable(Path root, boolean writable) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                boolean d = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(writable ? (d ? "rwx------" : "rw-------") : (d ? "r-x------" : "r--------")));
            }
        }
    }

    /** Every file and folder under {@code root}: its permissions, modification time, size and SHA-256. */
    private static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String content = a.isRegularFile() ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))) : "";
                m.put(root.relativize(p).toString(), PosixFilePermissions.toString(a.permissions()) + " " + a.lastModifiedTime().toMillis() + " "
                        + a.size() + " " + content);
            }
        }
        return m;
    }
}
