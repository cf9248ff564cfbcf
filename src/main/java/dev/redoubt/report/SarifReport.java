package dev.redoubt.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.Check;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning tools. There is no source file, so each result's location is a
 * logical location: the resource ARN. FAIL results are kind "fail", UNKNOWN ones kind "review",
 * SUPPRESSED ones carry an accepted external suppression; PASS results are counted in the run's
 * properties, not listed (code scanning tracks problems).
 */
public final class SarifReport implements ReportWriter {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public void write(AuditReport report, OutputStream out) throws IOException {
        ObjectNode run = mapper.createObjectNode();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Redoubt");
        driver.put("version", report.toolVersion());
        driver.put("semanticVersion", report.toolVersion().replace("-SNAPSHOT", ""));
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (Check c : report.catalogue()) {
            index.put(c.id(), rules.size());
            ObjectNode r = rules.addObject();
            r.put("id", c.id());
            r.put("name", c.title().replaceAll("[^A-Za-z0-9]+", " ").trim().replace(' ', '_'));
            r.putObject("shortDescription").put("text", c.title());
            r.putObject("fullDescription").put("text", c.weakness());
            r.putObject("help").put("text", c.weakness() + " Reads: " + c.reads() + ". Elsewhere: " + c.others() + ".");
            r.putObject("defaultConfiguration").put("level", level(c.severity()));
            ObjectNode p = r.putObject("properties");
            p.putArray("tags").add("REL09-BP02").add(c.facet().name()).add(c.facet().title()).add("security");
            p.put("security-severity", securitySeverity(c.severity()));
            p.put("problem.severity", c.severity() == Severity.CRITICAL || c.severity() == Severity.HIGH ? "error"
                    : c.severity() == Severity.MEDIUM ? "warning" : "recommendation");
            p.put("precision", "high");
        }
        run.putObject("automationDetails").put("id", "redoubt/audit/" + (report.organizationId() == null ? "estate" : report.organizationId())
                + "/" + (report.capturedAt() == null ? report.evaluatedAt() : report.capturedAt()));
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        invocation.put("endTimeUtc", report.generatedAt().toString());
        ObjectNode props = run.putObject("properties");
        props.put("estate", report.estateName());
        props.put("source", report.source());
        props.put("capturedAt", report.capturedAt() == null ? null : report.capturedAt().toString());
        props.put("evaluatedAt", report.evaluatedAt().toString());
        props.put("resultsSha256", report.resultsSha256());
        props.put("passingResultsNotListed", report.summary().total().pass());
        try (JsonGenerator g = mapper.getFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            for (var it = run.fields(); it.hasNext(); ) {
                var e = it.next();
                g.writeFieldName(e.getKey());
                mapper.writeTree(g, e.getValue());
            }
            g.writeArrayFieldStart("results");
            for (Result r : report.results()) {
                if (r.status() != Status.PASS) {
                    mapper.writeTree(g, result(r, index.getOrDefault(r.checkId(), -1)));
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
    }

    private ObjectNode result(Result r, int ruleIndex) {
        ObjectNode n = mapper.createObjectNode();
        n.put("ruleId", r.checkId());
        if (ruleIndex >= 0) {
            n.put("ruleIndex", ruleIndex);
        }
        if (r.status() == Status.UNKNOWN) {
            n.put("kind", "review");
            n.put("level", "none");
        } else {
            n.put("kind", "fail");
            n.put("level", level(r.severity()));
        }
        n.putObject("message").put("text", (r.status() == Status.UNKNOWN ? "Not evaluated: " : "") + r.evidence().summary());
        ObjectNode logical = n.putArray("locations").addObject().putArray("logicalLocations").addObject();
        logical.put("fullyQualifiedName", r.resourceArn());
        logical.put("name", shortName(r.resourceArn()));
        logical.put("kind", "resource");
        n.putObject("partialFingerprints").put("redoubtResult/v1", fingerprint(r.checkId() + "|" + r.resourceArn()));
        ObjectNode p = n.putObject("properties");
        p.put("status", r.status().name());
        p.put("severity", r.severity().name());
        p.put("facet", r.facet().name());
        p.put("accountId", r.accountId());
        p.put("region", r.region());
        p.set("evidence", ResultJson.evidence(r.evidence()));
        p.set("remediation", ResultJson.remediation(r.remediation()));
        if (r.remediation() != null) {
            n.putArray("fixes").addObject().putObject("description").put("text", r.remediation().action() + "\n" + r.remediation().awsCli());
        }
        if (r.status() == Status.SUPPRESSED) {
            ObjectNode s = n.putArray("suppressions").addObject();
            s.put("kind", "external");
            s.put("status", "accepted");
            s.put("justification", r.suppression().justification() + " (" + r.suppression().author() + ", until " + r.suppression().expires() + ")");
        }
        return n;
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    private static String shortName(String arn) {
        if (arn == null) {
            return "";
        }
        int i = Math.max(arn.lastIndexOf(':'), arn.lastIndexOf('/'));
        return i < 0 ? arn : arn.substring(i + 1);
    }

    private static String fingerprint(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
