package dev.redoubt.findings.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An IAM policy document (a vault access policy, a key policy), parsed with Jackson. */
public record PolicyDocument(String version, List<Statement> statements) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /** Parses a policy JSON string as the APIs return it. */
    public static PolicyDocument parse(String json) throws PolicyException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PolicyException("policy is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new PolicyException("policy is not a JSON object", null);
        }
        JsonNode st = root.get("Statement");
        List<Statement> statements = new ArrayList<>();
        if (st != null && st.isArray()) {
            int i = 0;
            for (JsonNode s : st) {
                statements.add(statement(i++, s));
            }
        } else if (st != null && st.isObject()) {
            statements.add(statement(0, st));
        } else if (st != null) {
            throw new PolicyException("policy Statement must be an object or an array", null);
        }
        return new PolicyDocument(root.path("Version").asText(null), statements);
    }

    private static Statement statement(int index, JsonNode s) throws PolicyException {
        if (!s.isObject()) {
            throw new PolicyException("policy statement #" + (index + 1) + " is not an object", null);
        }
        String effect = s.path("Effect").asText("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new PolicyException("policy statement #" + (index + 1) + " has Effect \"" + effect + "\" (expected Allow or Deny)", null);
        }
        boolean notPrincipal = s.has("NotPrincipal");
        JsonNode p = notPrincipal ? s.get("NotPrincipal") : s.get("Principal");
        boolean any = false;
        Map<String, List<String>> principals = new LinkedHashMap<>();
        if (p != null) {
            if (p.isTextual()) {
                any = p.asText().equals("*");
            } else if (p.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    var e = it.next();
                    List<String> values = strings(e.getValue());
                    principals.put(e.getKey(), values);
                    if (e.getKey().equals("AWS") && values.contains("*")) {
                        any = true;
                    }
                }
            }
        }
        boolean notAction = s.has("NotAction");
        List<String> actions = strings(notAction ? s.get("NotAction") : s.get("Action"));
        boolean notResource = s.has("NotResource");
        List<String> resources = strings(notResource ? s.get("NotResource") : s.get("Resource"));
        List<Condition> conditions = new ArrayList<>();
        JsonNode c = s.get("Condition");
        if (c != null && c.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> ops = c.fields(); ops.hasNext(); ) {
                var op = ops.next();
                if (!op.getValue().isObject()) {
                    throw new PolicyException("policy statement #" + (index + 1) + " condition " + op.getKey() + " is not an object", null);
                }
                for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                    var k = keys.next();
                    conditions.add(new Condition(op.getKey(), k.getKey(), strings(k.getValue())));
                }
            }
        }
        String sid = s.hasNonNull("Sid") ? s.get("Sid").asText() : null;
        return new Statement(index, sid, effect.equals("Allow"), notPrincipal, any, principals, notAction, actions, notResource,
                resources, conditions);
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            for (JsonNode v : n) {
                out.add(v.asText());
            }
        } else {
            out.add(n.asText());
        }
        return out;
    }
}
