package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redoubt.findings.HostileEstate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line prints about an estate whose names carry ESC[2J (clear the screen), BEL, a
 * C1 CSI and a right-to-left override: every such character reaches the terminal as a visible escape
 * ({@code \u001b}), never raw, while the files it writes keep the data as it is.
 */
class TerminalInjectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    /** Hostile names (valid as an estate: the validator refuses bad regions, not names). */
    private Path estate;
    /** Hostile regions too: refused, with the path and the value in the message. */
    private Path invalid;

    @BeforeEach
    void writeHostileEstates() throws IOException {
        estate = dir.resolve("hostile.json");
        Files.writeString(estate, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(HostileEstate.tree(false)));
        invalid = dir.resolve("invalid.json");
        Files.writeString(invalid, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(HostileEstate.tree(true)));
    }

    private Path home() {
        return dir.resolve("home");
    }

    private static void assertShown(CliRun r) {
        for (String stream : new String[] {r.out(), r.err()}) {
            // CR LF ends a CSV row: harmless on a terminal, so it passes
            assertThat(HostileEstate.firstHidden(stream.replace("\r\n", "\n"))).as("a hidden character reached the terminal in:\n" + stream).isNull();
        }
        assertThat(r.out() + r.err()).contains("\\u001b[2J\\u0007\\u202e\\u009b31m");
    }

    @Test
    void theAuditSummaryAndTheJournalShowNamesWithVisibleEscapes() throws IOException {
        Path report = dir.resolve("report.json");
        CliRun audit = CliRun.run(home(), "audit", "--estate", estate.toString(), "--format", "json", "--out", report.toString());
        assertThat(audit.exitCode()).as(audit.err()).isZero();
        assertShown(audit);
        assertThat(audit.err()).contains("Audited Northwind\\u001b[2J");
        // the report file keeps the name as it is (JSON escapes the controls itself)
        JsonNode json = JSON.readTree(report.toFile());
        assertThat(json.path("Estate").path("Name").asText()).isEqualTo("Northwind" + HostileEstate.PAYLOAD);

        // a suppressions file is edited by hand too: its text is journaled and listed
        CliRun add = CliRun.run(home(), "suppress", "add", "--check", "IMM-01", "--resource", "arn:aws:backup:*:*:backup-vault:Default*",
                "--justification", "accepted" + HostileEstate.TERMINAL, "--author", "mallory" + HostileEstate.TERMINAL, "--expires", "2027-03-31");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertShown(add);
        assertShown(CliRun.run(home(), "suppress", "list"));
        CliRun audited = CliRun.run(home(), "audit", "--estate", estate.toString(), "--format", "json", "--out", report.toString());
        assertShown(audited);
        CliRun show = CliRun.run(home(), "journal", "show");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertShown(show);
        CliRun showJson = CliRun.run(home(), "journal", "show", "--json");
        assertThat(HostileEstate.firstHidden(showJson.out())).isNull();
        // still JSON, and the same data: the escapes are JSON's own
        showJson.out().lines().forEach(line -> {
            try {
                JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError(line, e);
            }
        });
        assertThat(showJson.out()).contains("accepted\\u001b[2J\\u0007\\u202e\\u009b31m");
    }

    @Test
    void estateStatsAndValidateShowNamesWithVisibleEscapes() {
        CliRun stats = CliRun.run(home(), "estate", "stats", estate.toString(), "--vaults");
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertShown(stats);
        CliRun validate = CliRun.run(home(), "estate", "validate", estate.toString());
        assertThat(HostileEstate.firstHidden(validate.out() + validate.err())).isNull();
        CliRun refused = CliRun.run(home(), "estate", "validate", invalid.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertShown(refused);
        CliRun audit = CliRun.run(home(), "audit", "--estate", invalid.toString());
        assertThat(audit.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertShown(audit);
    }

    @Test
    void aCsvReportOnStandardOutputKeepsItsDataWhenRedirected() {
        CliRun csv = CliRun.run(home(), "audit", "--estate", estate.toString(), "--format", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out()).contains(HostileEstate.TERMINAL);
        assertThat(HostileEstate.firstHidden(csv.err())).isNull();
    }

    @Test
    void aReportOnATerminalShowsItsHiddenCharacters() throws IOException {
        CliRun csv = CliRun.onTerminal(home(), "audit", "--estate", estate.toString(), "--format", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertShown(csv);
        CliRun json = CliRun.onTerminal(home(), "audit", "--estate", estate.toString(), "--format", "json");
        assertShown(json);
        // the escapes are JSON's own: the report on the terminal still reads as the same data
        assertThat(JSON.readTree(json.out()).path("Estate").path("Name").asText()).isEqualTo("Northwind" + HostileEstate.PAYLOAD);
    }
}
