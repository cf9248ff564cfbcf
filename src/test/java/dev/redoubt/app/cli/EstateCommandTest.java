package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstateCommandTest {
    @TempDir
    Path dir;

    private Path home() {
        return dir.resolve("home");
    }

    private Path minimal() throws IOException {
        Path f = dir.resolve("minimal.json");
        try (InputStream in = getClass().getResourceAsStream("/estates/minimal-estate.json")) {
            Files.copy(in, f);
        }
        return f;
    }

    private void assertBadInput(CliRun r, String expected) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip().lines()).as("one line").hasSize(1);
        assertThat(r.err()).startsWith("redoubt: ").contains(expected);
        assertThat(r.noStackTrace()).isTrue();
    }

    @Test
    void printsVersionAndHelp() {
        CliRun v = CliRun.run(home(), "--version");
        assertThat(v.exitCode()).isZero();
        assertThat(v.out()).startsWith("Redoubt ");
        CliRun h = CliRun.run(home(), "estate", "--help");
        assertThat(h.exitCode()).isZero();
        assertThat(h.out()).contains("generate", "validate", "stats");
    }

    @Test
    void refusesAnUnknownFlagWithUsageHint() {
        CliRun r = CliRun.run(home(), "estate", "stats", "--bogus", "x.json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Unknown option: '--bogus'").contains("Try 'redoubt estate stats --help'");
    }

    @Test
    void validatesTheFormatExample() throws IOException {
        CliRun r = CliRun.run(home(), "estate", "validate", minimal().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("valid redoubt-estate/1 (1 account, 1 region, 1 vault, 1 recovery point,");
    }

    @Test
    void namesAMissingFile() {
        Path missing = dir.resolve("missing.json");
        assertBadInput(CliRun.run(home(), "estate", "validate", missing.toString()), missing + ": no such file; check the path");
    }

    @Test
    void namesInvalidJson() throws IOException {
        Path f = Files.writeString(dir.resolve("broken.json"), "{\"Format\": \"redoubt-estate/1\",\n \"Accounts\": [\n");
        assertBadInput(CliRun.run(home(), "estate", "stats", f.toString()), f + ": line 3, column 1: not valid JSON");
    }

    @Test
    void namesTheWrongTypeAtItsPath() throws IOException {
        ObjectMapper m = new ObjectMapper();
        JsonNode tree = m.readTree(minimal().toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/Accounts/0/Regions/us-east-2/BackupVaults/0")).put("MinRetentionDays", "seven");
        Path f = dir.resolve("wrong.json");
        m.writeValue(f.toFile(), tree);
        assertBadInput(CliRun.run(home(), "estate", "validate", f.toString()),
                "$.Accounts[0].Regions.us-east-2.BackupVaults[0].MinRetentionDays: expected a whole number, found the string \"seven\"");
    }

    @Test
    void refusesAnUnknownFormatVersion() throws IOException {
        Path f = Files.writeString(dir.resolve("v2.json"), "{\"Format\": \"redoubt-estate/2\", \"Accounts\": []}");
        assertBadInput(CliRun.run(home(), "estate", "validate", f.toString()), "$.Format: unknown format \"redoubt-estate/2\"");
    }

    @Test
    void refusesADanglingReference() throws IOException {
        String text = Files.readString(minimal()).replace(
                "\"EncryptionKeyArn\": \"arn:aws:kms:us-east-2:444455556666:key/0c1d2e3f-0000-4000-8000-00000000aaaa\",\n              \"CreationDate\"",
                "\"EncryptionKeyArn\": \"arn:aws:kms:us-east-2:444455556666:key/gone\",\n              \"CreationDate\"");
        assertThat(text).contains("key/gone");
        Path f = Files.writeString(dir.resolve("dangling.json"), text);
        CliRun r = CliRun.run(home(), "estate", "validate", f.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("$.Accounts[0].Regions.us-east-2.BackupVaults[0].EncryptionKeyArn: error: refers to key "
                + "arn:aws:kms:us-east-2:444455556666:key/gone, which is not in the estate");
        assertThat(r.err()).contains("redoubt: " + f + ": not a valid estate (1 error above)");
        assertThat(r.noStackTrace()).isTrue();
    }

    @Test
    void generatesValidatesAndCounts() throws IOException {
        Path out = dir.resolve("gen.json");
        CliRun g = CliRun.run(home(), "estate", "generate", "--accounts", "2", "--regions", "2", "--vaults-per-region", "3",
                "--recovery-points", "120", "--seed", "3", "--out", out.toString());
        assertThat(g.exitCode()).as(g.err()).isZero();
        assertThat(CliRun.run(home(), "estate", "validate", out.toString()).exitCode()).isZero();
        CliRun s = CliRun.run(home(), "estate", "stats", out.toString(), "--json");
        assertThat(s.exitCode()).isZero();
        JsonNode stats = new ObjectMapper().readTree(s.out());
        assertThat(stats.at("/totals/recoveryPoints").asLong()).isEqualTo(120);
        assertThat(stats.at("/totals/vaults").asInt()).isEqualTo(12);
        CliRun table = CliRun.run(home(), "estate", "stats", out.toString(), "--vaults");
        assertThat(table.out()).contains("ACCOUNT", "vault-02", "us-east-1");
    }

    @Test
    void countsAreGroupedAndOneIsSingular() {
        Path out = dir.resolve("one.json");
        CliRun g = CliRun.run(home(), "estate", "generate", "--accounts", "1", "--regions", "1", "--vaults-per-region", "2",
                "--recovery-points", "1500", "--seed", "3", "--out", out.toString());
        assertThat(g.exitCode()).as(g.err()).isZero();
        assertThat(g.err()).contains(": 1 account, 1 region, 2 vaults, 1,500 recovery points");
        CliRun v = CliRun.run(home(), "estate", "validate", out.toString());
        assertThat(v.out()).contains("(1 account, 1 region, 2 vaults, 1,500 recovery points, ");
    }

    @Test
    void refusesAnImpossibleGeneratorShape() {
        assertBadInput(CliRun.run(home(), "estate", "generate", "--accounts", "1", "--regions", "50", "--vaults-per-region", "1",
                "--recovery-points", "1", "--out", dir.resolve("x.json").toString()), "--regions must be between 1 and 10");
    }

    @Test
    void refusesAnUnwritableOutput() throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        CliRun r = CliRun.run(home(), "estate", "generate", "--accounts", "1", "--regions", "1", "--vaults-per-region", "1",
                "--recovery-points", "1", "--out", blocker.resolve("sub/out.json").toString());
        assertBadInput(r, "cannot be written");
    }
}
