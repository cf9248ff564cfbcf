package dev.redoubt.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.Counts;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Fact;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Suppression;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A result as JSON, with the member names every export uses: CheckId, Status, Severity, Facet,
 * AccountId, Region, ResourceArn, Title, Evidence, Remediation (and Suppression when one applied).
 */
public final class ResultJson {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    private static final ObjectMapper SORTED = new ObjectMapper().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);

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
     * The SHA-256 (hex) of the results: of the JSON array of every result, written compactly with
     * members sorted by name, in UTF-8 (what {@code jq -cjS .Results} prints from a JSON report).
     */
    public static String sha256(List<Result> results) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update((byte) '[');
        boolean first = true;
        for (Result r : results) {
            if (!first) {
                md.update((byte) ',');
            }
            first = false;
            try {
                md.update(SORTED.writeValueAsString(node(r)).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        md.update((byte) ']');
        return HexFormat.of().formatHex(md.digest());
    }
}
