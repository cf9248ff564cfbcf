package dev.redoubt.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.Counts;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Suppressions;
import java.io.IOException;
import java.io.OutputStream;

/** The JSON report (redoubt-audit/1): what was audited, the summary and scores, and every result. Streams the results. */
public final class JsonReport implements ReportWriter {
    public static final String FORMAT = "redoubt-audit/1";
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void write(AuditReport report, OutputStream out) throws IOException {
        ObjectNode head = mapper.createObjectNode();
        head.put("Format", FORMAT);
        head.putObject("Tool").put("Name", "Redoubt").put("Version", report.toolVersion());
        ObjectNode estate = head.putObject("Estate");
        estate.put("Name", report.estateName());
        estate.put("Source", report.source());
        estate.put("OrganizationId", report.organizationId());
        estate.put("CapturedAt", report.capturedAt() == null ? null : report.capturedAt().toString());
        estate.put("ReadErrors", report.readErrors());
        head.put("EvaluatedAt", report.evaluatedAt().toString());
        head.put("GeneratedAt", report.generatedAt().toString());
        ObjectNode t = head.putObject("Thresholds");
        report.thresholds().forEach(t::put);
        ObjectNode roles = head.putObject("AccountRoles");
        report.accountRoles().forEach((k, v) -> roles.put(k, v.name()));
        head.set("Summary", summary(report));
        ArrayNode sup = head.putArray("Suppressions");
        for (Suppressions.Use u : report.suppressions()) {
            ObjectNode n = ResultJson.suppression(u.suppression());
            n.put("Expired", u.expired());
            n.put("Results", u.results());
            sup.add(n);
        }
        head.put("ResultsSha256", report.resultsSha256());
        try (JsonGenerator g = mapper.getFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            for (var it = head.fields(); it.hasNext(); ) {
                var e = it.next();
                g.writeFieldName(e.getKey());
                mapper.writeTree(g, e.getValue());
            }
            g.writeArrayFieldStart("Results");
            for (Result r : report.results()) {
                ResultJson.write(g, r, false);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
    }

    private ObjectNode summary(AuditReport report) {
        ObjectNode s = mapper.createObjectNode();
        s.set("Total", ResultJson.counts(report.summary().total()));
        ArrayNode facets = s.putArray("Facets");
        for (var e : report.summary().byFacet().entrySet()) {
            Facet f = e.getKey();
            Counts c = e.getValue();
            ObjectNode n = facets.addObject();
            n.put("Facet", f.name());
            n.put("Title", f.title());
            if (c.score() == null) {
                n.putNull("Score");
            } else {
                n.put("Score", Math.round(c.score() * 1000) / 1000.0);
            }
            n.setAll(ResultJson.counts(c));
        }
        ObjectNode sev = s.putObject("BySeverity");
        report.summary().bySeverity().forEach((k, v) -> sev.set(k.name(), ResultJson.counts(v)));
        ObjectNode check = s.putObject("ByCheck");
        report.summary().byCheck().forEach((k, v) -> check.set(k, ResultJson.counts(v)));
        ObjectNode acct = s.putObject("ByAccount");
        report.summary().byAccount().forEach((k, v) -> acct.set(k, ResultJson.counts(v)));
        ObjectNode reg = s.putObject("ByRegion");
        report.summary().byRegion().forEach((k, v) -> reg.set(k, ResultJson.counts(v)));
        return s;
    }
}
