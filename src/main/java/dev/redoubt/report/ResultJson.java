package dev.redoubt.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.Counts;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Fact;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Suppression;
import java.io.IOException;
import java.util.List;

/**
 * A result as JSON, with the member names every export uses: CheckId, Status, Severity, Facet,
 * AccountId, Region, ResourceArn, Title, Evidence, Remediation (and Suppression when one applied).
 */
public final class ResultJson {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    private ResultJson() {
    }

    public static ObjectNode node(Result r) {
        ObjectNode n = J.objectNode();
        n.put("CheckId", r.checkId());
        n.put("Status", r.status().name());
        n.put("Severity", r.severity().name());
        n.put("Facet", r.facet().name());
        n.put("AccountId", r.accountId());
        n.put("Region", r.region());
        n.put("ResourceArn", r.resourceArn());
        n.put("Title", r.title());
        n.set("Evidence", evidence(r.evidence()));
        n.set("Remediation", remediation(r.remediation()));
        if (r.suppression() != null) {
            n.set("Suppression", suppression(r.suppression()));
        }
        return n;
    }

    static ObjectNode evidence(Evidence e) {
        ObjectNode n = J.objectNode();
        n.put("Summary", e.summary());
        n.set("Fields", facts(e.fields()));
        n.set("Thresholds", facts(e.thresholds()));
        n.put("EvaluatedAt", e.evaluatedAt() == null ? null : e.evaluatedAt().toString());
        return n;
    }

    private static ObjectNode facts(List<Fact> facts) {
        ObjectNode n = J.objectNode();
        for (Fact f : facts) {
            n.put(f.name(), f.value());
        }
        return n;
    }

    static JsonNode remediation(Remediation r) {
        if (r == null) {
            return J.nullNode();
        }
        ObjectNode n = J.objectNode();
        n.put("Action", r.action());
        n.put("AwsCli", r.awsCli());
        n.put("SnippetLanguage", r.snippetLanguage());
        n.put("Snippet", r.snippet());
        return n;
    }

    static ObjectNode suppression(Suppression s) {
        ObjectNode n = J.objectNode();
        n.put("CheckId", s.checkId());
        n.put("Resource", s.resource());
        n.put("Justification", s.justification());
        n.put("Author", s.author());
        n.put("Expires", s.expires().toString());
        return n;
    }

    static ObjectNode counts(Counts c) {
        ObjectNode n = J.objectNode();
        n.put("Pass", c.pass());
        n.put("Fail", c.fail());
        n.put("Unknown", c.unknown());
        n.put("Suppressed", c.suppressed());
        return n;
    }

    /**
     * Streams a result as JSON: in the report's member order, or with every object's members sorted
     * by name ({@code sorted}), which is the form the digest is taken of.
     */
    public static void write(JsonGenerator g, Result r, boolean sorted) throws IOException {
        g.writeStartObject();
        if (sorted) {
            g.writeStringField("AccountId", r.accountId());
            g.writeStringField("CheckId", r.checkId());
            writeEvidence(g, r.evidence(), true);
            g.writeStringField("Facet", r.facet().name());
            g.writeStringField("Region", r.region());
            writeRemediation(g, r.remediation(), true);
            g.writeStringField("ResourceArn", r.resourceArn());
            g.writeStringField("Severity", r.severity().name());
            g.writeStringField("Status", r.status().name());
            writeSuppression(g, r.suppression(), true);
            g.writeStringField("Title", r.title());
        } else {
            g.writeStringField("CheckId", r.checkId());
            g.writeStringField("Status", r.status().name());
            g.writeStringField("Severity", r.severity().name());
            g.writeStringField("Facet", r.facet().name());
            g.writeStringField("AccountId", r.accountId());
            g.writeStringField("Region", r.region());
            g.writeStringField("ResourceArn", r.resourceArn());
            g.writeStringField("Title", r.title());
            writeEvidence(g, r.evidence(), false);
            writeRemediation(g, r.remediation(), false);
            writeSuppression(g, r.suppression(), false);
        }
        g.writeEndObject();
    }

    private static void writeEvidence(JsonGenerator g, Evidence e, boolean sorted) throws IOException {
        g.writeObjectFieldStart("Evidence");
        if (sorted) {
            g.writeStringField("EvaluatedAt", e.evaluatedAt() == null ? null : e.evaluatedAt().toString());
            writeFacts(g, "Fields", e.fields(), true);
            g.writeStringField("Summary", e.summary());
            writeFacts(g, "Thresholds", e.thresholds(), true);
        } else {
            g.writeStringField("Summary", e.summary());
            writeFacts(g, "Fields", e.fields(), false);
            writeFacts(g, "Thresholds", e.thresholds(), false);
            g.writeStringField("EvaluatedAt", e.evaluatedAt() == null ? null : e.evaluatedAt().toString());
        }
        g.writeEndObject();
    }

    private static void writeFacts(JsonGenerator g, String name, List<Fact> facts, boolean sorted) throws IOException {
        g.writeObjectFieldStart(name);
        if (!sorted || facts.size() < 2) {
            for (Fact f : facts) {
                g.writeStringField(f.name(), f.value());
            }
        } else {
            Fact[] byName = facts.toArray(new Fact[0]);
            java.util.Arrays.sort(byName, java.util.Comparator.comparing(Fact::name)); // stable: a repeated name keeps its order
            for (int i = 0; i < byName.length; i++) {
                if (i + 1 < byName.length && byName[i + 1].name().equals(byName[i].name())) {
                    continue; // a repeated name keeps its last value, as a JSON object does
                }
                g.writeStringField(byName[i].name(), byName[i].value());
            }
        }
        g.writeEndObject();
    }

    private static void writeRemediation(JsonGenerator g, Remediation r, boolean sorted) throws IOException {
        if (r == null) {
            g.writeNullField("Remediation");
            return;
        }
        g.writeObjectFieldStart("Remediation");
        g.writeStringField("Action", r.action());
        g.writeStringField("AwsCli", r.awsCli());
        if (sorted) {
            g.writeStringField("Snippet", r.snippet());
            g.writeStringField("SnippetLanguage", r.snippetLanguage());
        } else {
            g.writeStringField("SnippetLanguage", r.snippetLanguage());
            g.writeStringField("Snippet", r.snippet());
        }
        g.writeEndObject();
    }

    private static void writeSuppression(JsonGenerator g, Suppression s, boolean sorted) throws IOException {
        if (s == null) {
            return;
        }
        g.writeObjectFieldStart("Suppression");
        if (sorted) {
            g.writeStringField("Author", s.author());
            g.writeStringField("CheckId", s.checkId());
            g.writeStringField("Expires", s.expires().toString());
            g.writeStringField("Justification", s.justification());
            g.writeStringField("Resource", s.resource());
        } else {
            g.writeStringField("CheckId", s.checkId());
            g.writeStringField("Resource", s.resource());
            g.writeStringField("Justification", s.justification());
            g.writeStringField("Author", s.author());
            g.writeStringField("Expires", s.expires().toString());
        }
        g.writeEndObject();
    }

    /**
     * The SHA-256 (hex) of the results: of the JSON array of every result, written compactly with
     * members sorted by name, in UTF-8 (what {@code jq -cjS .Results} prints from a JSON report).
     * The bytes are those {@link #write} gives with {@code sorted}, encoded without a generator ({@link ResultDigest}).
     */
    public static String sha256(List<Result> results) {
        return ResultDigest.sha256(results);
    }
}
