package dev.redoubt.report;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.Auditor;
import dev.redoubt.findings.Checks;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Status;
import dev.redoubt.findings.Summary;
import dev.redoubt.findings.Suppressions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReportsTest {
    static final String SCRIPT = "<script>alert(\"vault\")</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String PRE = "</pre></td></table><iframe src=https://evil.example/>";

    /** An estate whose names, tags, policies and messages an attacker wrote. */
    static AuditReport hostileReport() throws Exception {
        EstateFixture f = new EstateFixture();
        f.root().put("Name", "</title>" + SCRIPT);
        f.account(PROD).put("Name", IMG).put("State", "PENDING_CLOSURE");
        ObjectNode v = f.vault(PROD, REGION, SCRIPT);
        v.put("Locked", false).remove("LockDate");
        v.putObject("Tags").put("owner", IMG).put(SCRIPT, PRE);
        v.put("AccessPolicy", "{\"Statement\":[{\"Sid\":\"=HYPERLINK(0)\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::210987654321:root\"},\"Action\":\"backup:*\",\"Resource\":\"*\"},{\"Sid\":\"" + PRE.replace("\"", "") + "\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"backup:*\",\"Resource\":\"*\"}]}");
        ObjectNode p = f.point(v, "arn:aws:ec2:eu-west-1:" + PROD + ":volume/vol-" + IMG, NOW.minus(Duration.ofDays(1)));
        p.put("IsEncrypted", false).putObject("Tags").put("x", SCRIPT);
        f.resource(PROD, REGION, "arn:aws:rds:eu-west-1:" + PROD + ":db:=HYPERLINK(\"http://evil.example\")");
        f.restoreTestingPlan(BACKUP, REGION, SCRIPT).put("LastExecutionTime", NOW.minus(Duration.ofDays(90)).toString());
        Suppressions sup = Suppressions.parse("[{\"CheckId\":\"IMM-01\",\"Resource\":\"*\",\"Justification\":\"" + PRE.replace("\"", "'") + "\",\"Author\":\""
                + IMG.replace("\"", "'") + "\",\"Expires\":\"2030-01-01T00:00:00Z\"}]", "s");
        Auditor.Outcome o = new Auditor(Checks.all()).run(f.estate(), FindingsSettings.DEFAULTS, NOW);
        Suppressions.Applied applied = sup.apply(o.results(), NOW);
        List<Result> results = applied.results();
        return new AuditReport("9.9.9", f.estate().name(), "hostile.json", "o-fixture0001", NOW, NOW, NOW, o.index().thresholds().asMap(),
                o.index().roles(), Checks.all(), results, Summary.of(results, Checks.all()), applied.uses(), 0, ResultJson.sha256(results));
    }

    static String render(ReportWriter w, AuditReport r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(r, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theHtmlReportEscapesEverythingFromTheEstateAndLoadsNothing() throws Exception {
        AuditReport r = hostileReport();
        assertThat(r.results()).anyMatch(x -> x.status() == Status.SUPPRESSED);
        String html = render(new HtmlReport(), r);
        String lower = html.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("<script").doesNotContain("<img").doesNotContain("<iframe").doesNotContain("<link")
                .doesNotContain("url(").doesNotContain("@import");
        assertThat(java.util.regex.Pattern.compile("<[^>]*\\s(src|href|on[a-z]+)\\s*=", java.util.regex.Pattern.CASE_INSENSITIVE).matcher(html).find())
                .as("no element loads or runs anything").isFalse();
        assertThat(html).contains("&lt;script&gt;alert(&quot;vault&quot;)&lt;/script&gt;");
        assertThat(html).contains("&lt;/title&gt;&lt;script&gt;");
        assertThat(html).contains("&lt;/pre&gt;&lt;/td&gt;&lt;/table&gt;&lt;iframe");
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        assertThat(html.indexOf("Scorecard")).as("the scorecard comes first").isLessThan(html.indexOf("<h2>Failures"));
        assertThat(html).contains("@media print");
    }

    @Test
    void escapeCoversEveryHtmlSpecialCharacterAndControls() {
        assertThat(HtmlReport.esc("<a href='x'>&\"\u0000\u007f\u202e")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;U+0000&gt;&lt;U+007F&gt;&lt;U+202E&gt;");
        assertThat(HtmlReport.esc(null)).isEmpty();
    }

    @Test
    void theCsvReportDisarmsFormulas() throws Exception {
        String csv = render(new CsvReport(), hostileReport());
        assertThat(csv).contains(",\"'=HYPERLINK(0) allows backup:* to arn:aws:iam::210987654321:root").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", CsvReport.HEADER));
        assertThat(CsvReport.cell("-1+2")).isEqualTo("'-1+2");
        assertThat(CsvReport.cell("a,\"b\"\nc")).isEqualTo("\"a,\"\"b\"\"\nc\"");
    }

    @Test
    void theSarifReportUsesLogicalLocationsAndListsProblemsOnly() throws Exception {
        AuditReport r = hostileReport();
        JsonNode sarif = new ObjectMapper().readTree(render(new SarifReport(), r));
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").asText()).isEqualTo(SarifReport.SCHEMA);
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.at("/tool/driver/rules")).hasSize(41);
        assertThat(run.at("/tool/driver/rules/0/properties/security-severity").asText()).isEqualTo("5.5");
        long problems = r.results().stream().filter(x -> x.status() != Status.PASS).count();
        assertThat(run.get("results")).hasSize((int) problems);
        assertThat(run.at("/properties/passingResultsNotListed").asLong()).isEqualTo(r.summary().total().pass());
        for (JsonNode res : run.get("results")) {
            JsonNode loc = res.at("/locations/0/logicalLocations/0");
            assertThat(loc.get("kind").asText()).isEqualTo("resource");
            assertThat(loc.get("fullyQualifiedName").asText()).isNotBlank();
            assertThat(run.at("/tool/driver/rules/" + res.get("ruleIndex").asInt() + "/id").asText()).isEqualTo(res.get("ruleId").asText());
            assertThat(res.has("physicalLocation")).isFalse();
            String status = res.at("/properties/status").asText();
            if (status.equals("SUPPRESSED")) {
                assertThat(res.at("/suppressions/0/status").asText()).isEqualTo("accepted");
            }
            if (status.equals("FAIL")) {
                assertThat(res.get("kind").asText()).isEqualTo("fail");
                assertThat(res.get("level").asText()).isIn("error", "warning", "note");
            }
        }
    }

    @Test
    void theDigestIsTheSha256OfTheResultsAsSortedCompactJson() throws Exception {
        AuditReport r = hostileReport();
        ObjectMapper sorted = new ObjectMapper().configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);
        com.fasterxml.jackson.databind.node.ArrayNode all = sorted.createArrayNode();
        r.results().forEach(x -> all.add(ResultJson.node(x)));
        byte[] canonical = sorted.writeValueAsBytes(all);
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(canonical));
        assertThat(r.resultsSha256()).isEqualTo(expected);
        JsonNode report = new ObjectMapper().readTree(render(new JsonReport(), r));
        assertThat(sorted.writeValueAsBytes(report.get("Results"))).as("the JSON report holds exactly those results").isEqualTo(canonical);
    }

    @Test
    void theJsonReportCarriesTheDigestOfItsResults() throws Exception {
        AuditReport r = hostileReport();
        JsonNode json = new ObjectMapper().readTree(render(new JsonReport(), r));
        assertThat(json.get("ResultsSha256").asText()).isEqualTo(r.resultsSha256()).hasSize(64);
        assertThat(json.get("Results")).hasSize(r.results().size());
        assertThat(json.at("/Summary/Facets/0/Facet").asText()).isEqualTo("ENC");
        assertThat(json.get("Suppressions").get(0).get("Results").asInt()).isPositive();
        List<Result> changed = new java.util.ArrayList<>(r.results());
        changed.set(0, changed.get(0).withStatus(changed.get(0).status(), changed.get(0).evidence().withSummary("edited"), null));
        assertThat(ResultJson.sha256(changed)).isNotEqualTo(r.resultsSha256());
    }
}
