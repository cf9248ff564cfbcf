package dev.redoubt.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redoubt.estate.Estate;
import dev.redoubt.findings.Auditor;
import dev.redoubt.findings.Checks;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.HostileEstate;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Summary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reports of an estate whose names carry terminal escapes and bidi overrides: the HTML report shows
 * each such character as a mark, the JSON and CSV reports keep the data as it is (JSON escapes the
 * controls; a CSV file is data for a program), and the commands in every report are safe to show.
 */
class ReportInjectionTest {
    private static AuditReport report;

    @BeforeAll
    static void audit() {
        Estate estate = HostileEstate.build();
        Instant at = Instant.parse("2026-11-28T09:00:00Z");
        Auditor.Outcome o = new Auditor(Checks.all()).run(estate, FindingsSettings.DEFAULTS, at);
        List<Result> results = o.results();
        report = new AuditReport("9.9.9", estate.name(), "hostile.json", "o-x", at, at, at, o.index().thresholds().asMap(), o.index().roles(),
                Checks.all(), results, Summary.of(results, Checks.all()), List.of(), 0, ResultJson.sha256(results));
    }

    @Test
    void theHtmlReportShowsHiddenCharactersAsMarks() throws Exception {
        String html = ReportsTest.render(new HtmlReport(), report);
        assertThat(HostileEstate.firstHidden(html)).as("a hidden character in the HTML report").isNull();
        assertThat(html).contains("Northwind&lt;U+001B&gt;[2J&lt;U+0007&gt;&lt;U+202E&gt;&lt;U+009B&gt;31m${file(&quot;x&quot;)}");
    }

    @Test
    void jsonAndCsvReportsKeepTheDataAsItIs() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportsTest.render(new JsonReport(), report));
        assertThat(json.path("Estate").path("Name").asText(json.path("EstateName").asText())).isEqualTo("Northwind" + HostileEstate.PAYLOAD);
        String csv = ReportsTest.render(new CsvReport(), report);
        assertThat(csv).contains(HostileEstate.TERMINAL);
    }

    @Test
    void noReportCarriesAHiddenCharacterInACommand() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportsTest.render(new JsonReport(), report));
        int commands = 0;
        for (JsonNode r : json.path("Results")) {
            JsonNode m = r.path("Remediation");
            if (m.isObject()) {
                commands++;
                assertThat(HostileEstate.firstHidden(m.path("AwsCli").asText())).as(m.toString()).isNull();
                assertThat(HostileEstate.firstHidden(m.path("Snippet").asText())).as(m.toString()).isNull();
            }
        }
        assertThat(commands).isGreaterThan(40);
    }
}
