package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** redoubt suppress add | list | remove: accepted risks in suppressions.json, each change journaled. */
class SuppressCommandTest {
    private static final String VAULT = "arn:aws:backup:eu-west-1:863201928374:backup-vault:dev-scratch";

    @TempDir
    Path dir;

    private Path home() {
        return dir.resolve("home");
    }

    @Test
    void addsListsAndLiftsASuppressionAndJournalsEachChange() throws Exception {
        CliRun add = CliRun.run(home(), "suppress", "add", "--check", "imm-01", "--resource", VAULT, "--justification",
                "Scratch data, rebuilt from code", "--expires", "2027-03-31", "--author", "dana");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("Suppressed IMM-01 on " + VAULT + " until 2027-03-31T00:00:00Z (by dana)");
        JsonNode file = new ObjectMapper().readTree(home().resolve("suppressions.json").toFile());
        assertThat(file).hasSize(1);
        assertThat(file.get(0).path("CheckId").asText()).isEqualTo("IMM-01");
        assertThat(file.get(0).path("Expires").asText()).isEqualTo("2027-03-31T00:00:00Z");

        CliRun list = CliRun.run(home(), "suppress", "list");
        assertThat(list.out()).containsPattern("1\\s+IMM-01\\s+active\\s+2027-03-31T00:00:00Z\\s+dana\\s+Scratch data, rebuilt from code\\s+" + VAULT);

        CliRun remove = CliRun.run(home(), "suppress", "remove", "1", "--reason", "the vault holds customer data now");
        assertThat(remove.exitCode()).as(remove.err()).isZero();
        assertThat(CliRun.run(home(), "suppress", "list").out()).contains("No suppressions in");

        CliRun journal = CliRun.run(home(), "journal", "show", "--json");
        assertThat(journal.out()).contains("\"action\":\"suppression-added\"", "\"action\":\"suppression-removed\"",
                "\"why\":\"the vault holds customer data now\"", "\"reason\":\"Scratch data, rebuilt from code\"");
        assertThat(CliRun.run(home(), "journal", "verify").exitCode()).isZero();
    }

    @Test
    void anAuditCountsTheSuppressedFailureAsSuppressed() {
        CliRun before = CliRun.run(home(), "audit", "--demo", "--out", dir.resolve("a.json").toString());
        CliRun add = CliRun.run(home(), "suppress", "add", "--check", "IMM-01", "--resource", "arn:aws:backup:*:863201928374:backup-vault:*",
                "--justification", "Development account", "--expires", "2027-03-31");
        assertThat(add.exitCode()).as(add.err()).isZero();
        CliRun after = CliRun.run(home(), "audit", "--demo", "--out", dir.resolve("b.json").toString());

        assertThat(suppressed(before.err())).isZero();
        assertThat(suppressed(after.err())).isPositive();
    }

    @Test
    void refusesIncompleteOrPastSuppressionsInOneLineAndWritesNothing() {
        assertBad(CliRun.run(home(), "suppress", "add", "--check", "XYZ-99", "--resource", VAULT, "--justification", "x", "--expires", "2027-01-01"),
                "--check: \"XYZ-99\" is not a check of the catalogue");
        assertBad(CliRun.run(home(), "suppress", "add", "--check", "IMM-01", "--resource", VAULT, "--justification", " ", "--expires", "2027-01-01"),
                "--justification: the justification is missing");
        assertBad(CliRun.run(home(), "suppress", "add", "--check", "IMM-01", "--resource", VAULT, "--justification", "x", "--expires", "2026-01-01"),
                "--expires: the expiry must be in the future");
        assertBad(CliRun.run(home(), "suppress", "add", "--check", "IMM-01", "--resource", VAULT, "--justification", "x", "--expires", "next week"),
                "--expires: \"next week\" is not a date");
        assertBad(CliRun.run(home(), "suppress", "remove", "3"), "there is no suppression number 3");
        assertThat(home().resolve("suppressions.json")).doesNotExist();
    }

    @Test
    void leavesABrokenSuppressionsFileAsItIs() throws Exception {
        Files.createDirectories(home());
        Files.writeString(home().resolve("suppressions.json"), "[{\"CheckId\": \"IMM-01\",");
        CliRun r = CliRun.run(home(), "suppress", "add", "--check", "IMM-01", "--resource", VAULT, "--justification", "x", "--expires", "2027-01-01");

        assertBad(r, "suppressions.json: line");
        assertThat(home().resolve("suppressions.json")).hasContent("[{\"CheckId\": \"IMM-01\",");
    }

    private static long suppressed(String err) {
        var m = java.util.regex.Pattern.compile("([\\d,]+) suppressed").matcher(err);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    private static void assertBad(CliRun r, String message) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(message);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.noStackTrace()).isTrue();
    }
}
