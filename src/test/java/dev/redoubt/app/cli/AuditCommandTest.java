package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.findings.Checks;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.JournalReader;
import dev.redoubt.app.AppPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path home() {
        return dir.resolve("home");
    }

    private Path healthyEstate() throws IOException {
        Path f = dir.resolve("healthy.json");
        new EstateFile().write(EstateFixture.healthy().estate(), f);
        return f;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private void assertBadInput(CliRun r, String expected) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip().lines()).as("one line: " + r.err()).hasSize(1);
        assertThat(r.err()).startsWith("redoubt: ").contains(expected);
        assertThat(r.noStackTrace()).isTrue();
    }

    private List<Entry> journal(String action) {
        List<Entry> out = new ArrayList<>();
        JournalReader.forEach(new AppPaths(home()).journalFiles(), new EntryQuery(null, null, action, null, 0), out::add);
        return out;
    }

    @Test
    void theDemoAuditListsEveryCheckWithTheRequiredFieldsAndIsJournaledWithItsDigest() throws IOException {
        CliRun r = CliRun.run(home(), "audit", "--demo", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.get("Format").asText()).isEqualTo("redoubt-audit/1");
        Set<String> checks = new HashSet<>();
        for (JsonNode result : report.get("Results")) {
            checks.add(result.get("CheckId").asText());
            for (String member : List.of("CheckId", "Status", "Severity", "Facet", "AccountId", "Region", "ResourceArn", "Title", "Evidence", "Remediation")) {
                assertThat(result.has(member)).as(member + " in " + result).isTrue();
            }
            assertThat(result.get("Evidence").get("EvaluatedAt").asText()).isEqualTo("2026-11-28T09:00:00Z");
            if (result.get("Status").asText().equals("FAIL")) {
                assertThat(result.get("Remediation").get("AwsCli").asText()).startsWith("aws ");
                assertThat(result.get("Remediation").get("Snippet").asText()).isNotBlank();
            }
        }
        assertThat(checks).hasSize(41).containsAll(Checks.all().stream().map(c -> c.id()).toList());
        assertThat(report.get("Summary").get("Facets")).hasSize(6);
        String digest = report.get("ResultsSha256").asText();
        assertThat(r.err()).contains("Results SHA-256: " + digest).contains("Journaled as entry");
        List<Entry> audits = journal("audit");
        assertThat(audits).hasSize(1);
        assertThat(audits.get(0).detailsTree().get("resultsSha256").asText()).isEqualTo(digest);
        assertThat(audits.get(0).detailsTree().get("rules").asInt()).isEqualTo(41);
        assertThat(audits.get(0).detailsTree().at("/findings/critical").asInt()).isEqualTo(3);
        assertThat(audits.get(0).detailsTree().get("exitCode").asInt()).isZero();
        assertThat(audits.get(0).subject()).isEqualTo("arn:aws:organizations::318274650019:organization/o-7nw3rkd5qp");
        assertThat(audits.get(0).target()).isEqualTo("sandbox");
    }

    @Test
    void theSummaryLineGroupsEveryCountAndGivesTheCaptureTimeToTheSecond() throws IOException {
        Path generated = dir.resolve("generated.json");
        CliRun gen = CliRun.run(home(), "estate", "generate", "--accounts", "2", "--regions", "1", "--vaults-per-region", "2",
                "--recovery-points", "4000", "--seed", "7", "--out", generated.toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(generated.toFile());
        tree.put("CapturedAt", "2026-11-28T09:00:00.123456789Z"); // a scan's capture keeps the instant to the nanosecond
        Files.writeString(generated, tree.toString());

        CliRun r = CliRun.run(home(), "audit", "--estate", generated.toString(), "--out", dir.resolve("g.json").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String line = r.err().lines().filter(l -> l.startsWith("Audited ")).findFirst().orElseThrow();
        assertThat(line).contains(" as of 2026-11-28T09:00:00Z: ");
        // every count of the line in the same form: 1,234 (the severities' counts were printed as 1234)
        String counts = line.substring(line.indexOf("Z: ") + 3); // the estate's name and the time have digits of their own
        assertThat(counts.replaceAll("\\d{1,3}(,\\d{3})+", "N")).as(line).doesNotContainPattern("\\d{4,}");
        assertThat(counts).containsPattern("failing \\([0-9,]+ (high|medium|low)");
        assertThat(counts).containsPattern("\\d,\\d{3} (high|medium|low)");
        // the "Reading ..." and "Running the checks..." notes are for a terminal: redirected, standard error has none
        assertThat(r.err()).doesNotContain("\r", "\u001b[", "Reading ", "Running the checks");
    }

    @Test
    void failOnHighExitsOneOnTheDemoAndZeroOnAnEstateWithoutHighFailures() throws IOException {
        assertThat(CliRun.run(home(), "audit", "--demo", "--fail-on", "HIGH", "--out", dir.resolve("a.json").toString()).exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(CliRun.run(home(), "audit", "--demo", "--out", dir.resolve("b.json").toString()).exitCode()).as("no --fail-on, no exit 1").isZero();
        CliRun healthy = CliRun.run(home(), "audit", "--estate", healthyEstate().toString(), "--fail-on", "high", "--out", dir.resolve("c.json").toString());
        assertThat(healthy.exitCode()).as(healthy.err()).isZero();
        assertThat(journal("audit").get(2).target()).startsWith("capture:");
        assertThat(journal("audit").get(0).detailsTree().get("exitCode").asInt()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(journal("audit").get(0).detailsTree().get("failOn").asText()).isEqualTo("HIGH");
    }

    @Test
    void unknownCountsOnlyWithFailOnUnknown() throws IOException {
        ObjectNode tree = (ObjectNode) new EstateFile().toTree(EstateFixture.healthy().estate());
        ((ObjectNode) tree.at("/Accounts/2/Regions/eu-west-1/BackupVaults/0")).remove("AccessPolicy");
        Path f = dir.resolve("unread-policy.json");
        JSON.writeValue(f.toFile(), tree);
        CliRun without = CliRun.run(home(), "audit", "--estate", f.toString(), "--fail-on", "HIGH", "--out", dir.resolve("u1.json").toString());
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(without.err()).contains("unknown");
        assertThat(CliRun.run(home(), "audit", "--estate", f.toString(), "--fail-on", "HIGH", "--fail-on-unknown", "--out", dir.resolve("u2.json").toString()).exitCode())
                .isEqualTo(ExitCodes.FINDINGS);
        assertThat(CliRun.run(home(), "audit", "--estate", f.toString(), "--fail-on", "CRITICAL", "--fail-on-unknown", "--out", dir.resolve("u3.json").toString()).exitCode())
                .as("the UNKNOWN is HIGH, below CRITICAL").isZero();
        assertBadInput(CliRun.run(home(), "audit", "--estate", f.toString(), "--fail-on-unknown"), "--fail-on-unknown needs --fail-on");
    }

    @Test
    void refusesAMalformedEstateAMissingFileAndTwoSources() throws IOException {
        Path broken = write("broken.json", "{\"Format\": \"redoubt-estate/1\",\n \"Accounts\": [\n");
        assertBadInput(CliRun.run(home(), "audit", "--estate", broken.toString()), broken + ": line 3, column 1: not valid JSON");
        Path missing = dir.resolve("missing.json");
        assertBadInput(CliRun.run(home(), "audit", "--estate", missing.toString()), missing + ": no such file");
        CliRun both = CliRun.run(home(), "audit", "--demo", "--estate", missing.toString());
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
        CliRun none = CliRun.run(home(), "audit");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("no profile named \"default\"").contains("--estate FILE").contains("--demo");
    }

    @Test
    void refusesAnUnknownCheckIdOrAMissingJustificationInSuppressions() throws IOException {
        Path unknown = write("s1.json", "[{\"CheckId\":\"ENC-99\",\"Resource\":\"*\",\"Justification\":\"x\",\"Author\":\"a\",\"Expires\":\"2027-01-01T00:00:00Z\"}]");
        assertBadInput(CliRun.run(home(), "audit", "--demo", "--suppressions", unknown.toString()),
                unknown + ": [0]: CheckId \"ENC-99\" is not a check of the catalogue");
        Path noWhy = write("s2.json", "[{\"CheckId\":\"IMM-02\",\"Resource\":\"*\",\"Author\":\"a\",\"Expires\":\"2027-01-01T00:00:00Z\"}]");
        assertBadInput(CliRun.run(home(), "audit", "--demo", "--suppressions", noWhy.toString()), "Justification is missing");
        assertBadInput(CliRun.run(home(), "audit", "--demo", "--suppressions", dir.resolve("none.json").toString()), "no such file");
        assertThat(journal("audit")).as("nothing audited, nothing journaled").isEmpty();
    }

    @Test
    void suppressedFailuresStayVisibleExpiredOnesFailAgainAndBothAreJournaledOnce() throws IOException {
        String shop = "arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-prod";
        Path s = write("suppressions.json", "[{\"CheckId\":\"IMM-02\",\"Resource\":\"" + shop + "\",\"Justification\":\"Migrating to compliance mode in Q1\","
                + "\"Author\":\"alice\",\"Expires\":\"2027-03-31T00:00:00Z\"},"
                + "{\"CheckId\":\"IMM-02\",\"Resource\":\"arn:aws:backup:us-east-1:*:backup-vault:legacy-*\",\"Justification\":\"Account closing\","
                + "\"Author\":\"bob\",\"Expires\":\"2026-11-01T00:00:00Z\"}]");
        for (int i = 0; i < 2; i++) {
            CliRun r = CliRun.run(home(), "audit", "--demo", "--suppressions", s.toString(), "--fail-on", "HIGH");
            assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
            JsonNode results = JSON.readTree(r.out()).get("Results");
            JsonNode shopResult = null;
            JsonNode legacy = null;
            for (JsonNode x : results) {
                if (x.get("CheckId").asText().equals("IMM-02") && x.get("ResourceArn").asText().equals(shop)) {
                    shopResult = x;
                }
                if (x.get("CheckId").asText().equals("IMM-02") && x.get("ResourceArn").asText().endsWith(":backup-vault:legacy-crm")) {
                    legacy = x;
                }
            }
            assertThat(shopResult.get("Status").asText()).isEqualTo("SUPPRESSED");
            assertThat(shopResult.get("Suppression").get("Author").asText()).isEqualTo("alice");
            assertThat(legacy.get("Status").asText()).isEqualTo("FAIL");
            assertThat(legacy.get("Evidence").get("Summary").asText()).contains("suppression expired on 2026-11-01T00:00:00Z");
            assertThat(r.err()).contains("expired on 2026-11-01T00:00:00Z");
        }
        List<Entry> added = journal("suppression-added");
        assertThat(added).hasSize(2);
        assertThat(added.get(0).subject()).isEqualTo(shop);
        assertThat(added.get(0).detailsTree().get("rule").asText()).isEqualTo("IMM-02");
        assertThat(added.get(0).detailsTree().get("reason").asText()).isEqualTo("Migrating to compliance mode in Q1");
        List<Entry> expired = journal("suppression-expired");
        assertThat(expired).hasSize(1);
        assertThat(expired.get(0).subject()).contains("legacy-*");
        assertThat(expired.get(0).detailsTree().get("addedSeq").asLong()).isEqualTo(added.get(1).seq());
        assertThat(journal("audit")).hasSize(2);
    }

    @Test
    void thresholdsComeFromTheSettingsFileAndABadOneIsRefused() throws IOException {
        Path settings = write("settings.json", "{\"journal\":{\"pin\":\"abc\"},\"findings\":{\"thresholds\":{\"maxRestoreMinutes\":30}}}");
        CliRun r = CliRun.run(home(), "audit", "--demo", "--settings", settings.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.get("Thresholds").get("maxRestoreMinutes").asInt()).isEqualTo(30);
        assertThat(report.get("Summary").get("ByCheck").get("RST-05").get("Fail").asInt()).as("47 and 1140 minutes; 17 passes").isEqualTo(2);
        Path bad = write("bad.json", "{\"findings\":{\"thresholds\":{\"maxRestoreMinute\":30}}}");
        assertBadInput(CliRun.run(home(), "audit", "--demo", "--settings", bad.toString()), "maxRestoreMinute: unknown threshold");
    }

    @Test
    void writesEveryFormat() throws IOException {
        for (String format : List.of("csv", "html", "sarif", "json")) {
            Path out = dir.resolve("report." + format);
            CliRun r = CliRun.run(home(), "audit", "--demo", "--format", format, "--out", out.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).isEmpty();
            String text = Files.readString(out);
            switch (format) {
                case "csv" -> assertThat(text).startsWith("CheckId,Status,Severity,Facet,AccountId,Region,ResourceArn,Title,");
                case "html" -> assertThat(text).startsWith("<!DOCTYPE html>").contains("Scorecard");
                case "sarif" -> assertThat(JSON.readTree(text).get("version").asText()).isEqualTo("2.1.0");
                default -> assertThat(JSON.readTree(text).get("Results").size()).isGreaterThan(1000);
            }
        }
    }
}
