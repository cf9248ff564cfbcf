package dev.redoubt.ui.plans;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A selection's tag conditions in words: a backup selection's Conditions ({"StringEquals":
 * [{"ConditionKey": "aws:ResourceTag/backup", "ConditionValue": "daily"}]}) and ListOfTags
 * ([{"ConditionType": "STRINGEQUALS", ...}]), and a restore testing selection's
 * ProtectedResourceConditions ({"StringEquals": [{"Key": ..., "Value": ...}]}). A shape it does not
 * know is shown as written.
 */
public final class ConditionWords {
    private ConditionWords() {
    }

    /** One line per condition ("tag backup is daily"); empty for none. */
    public static List<String> of(JsonNode conditions) {
        List<String> out = new ArrayList<>();
        if (conditions == null || conditions.isNull() || conditions.isMissingNode()) {
            return out;
        }
        if (conditions.isArray()) {
            for (JsonNode c : conditions) {
                String op = text(c, "ConditionType");
                String line = line(op, c);
                out.add(line != null ? line : asWritten(c));
            }
            return out;
        }
        if (!conditions.isObject()) {
            out.add(asWritten(conditions));
            return out;
        }
        var fields = conditions.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            JsonNode list = e.getValue();
            if (list == null || list.isNull()) {
                continue;
            }
            if (!list.isArray()) {
                out.add(asWritten(conditions));
                return out;
            }
            for (JsonNode c : list) {
                String line = line(e.getKey(), c);
                out.add(line != null ? line : e.getKey() + " " + asWritten(c));
            }
        }
        return out;
    }

    private static String line(String operator, JsonNode c) {
        if (operator == null || c == null || !c.isObject()) {
            return null;
        }
        String key = text(c, "ConditionKey") != null ? text(c, "ConditionKey") : text(c, "Key");
        String value = text(c, "ConditionValue") != null ? text(c, "ConditionValue") : text(c, "Value");
        if (key == null || value == null) {
            return null;
        }
        String verb = switch (operator.toUpperCase(Locale.ROOT).replace("_", "")) {
            case "STRINGEQUALS" -> "is";
            case "STRINGNOTEQUALS" -> "is not";
            case "STRINGLIKE" -> "matches";
            case "STRINGNOTLIKE" -> "does not match";
            default -> null;
        };
        if (verb == null) {
            return null;
        }
        return subject(key) + " " + verb + " \u201c" + value + "\u201d";
    }

    /** "tag “backup”" for aws:ResourceTag/backup (and a bare tag key in ListOfTags); other keys as written. */
    private static String subject(String key) {
        String prefix = "aws:ResourceTag/";
        if (key.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return "tag \u201c" + key.substring(prefix.length()) + "\u201d";
        }
        if (!key.contains(":")) {
            return "tag \u201c" + key + "\u201d";
        }
        return key;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String asWritten(JsonNode n) {
        return n + " (as written)";
    }
}
