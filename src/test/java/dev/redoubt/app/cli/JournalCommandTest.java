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
        assertThat(e.out()).contains("Exported 1 entries (1 to 1)").contains("recorded as entry 1");
        String fingerprint = e.out().replaceAll("(?s).*--fingerprint (sha256:[0-9a-f]{64}).*", "$1");
        CliRun v = run("journal", "verify", "--bundle", zip.toString(), "--fingerprint", fingerprint);
        assertThat(v.exitCode()).as(v.err()).isZero();
        assertThat(v.out()).contains("journal.zip: OK: 1 entries").contains("(the expected key)");
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
        assertOneLineFailure(run("journal", "verify", "--bundle", zip.toString(), "--fingerprint", "sha256:00"), ExitCodes.VERIFICATION_FAILED,
                "verification failed");
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
}
