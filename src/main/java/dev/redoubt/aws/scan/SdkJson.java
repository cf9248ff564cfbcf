package dev.redoubt.aws.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * SDK model objects to estate JSON, generically: every modelled member under its AWS member name,
 * through {@link SdkPojo#sdkFields()}, so a capture keeps every member the SDK knows without hand copying.
 */
public final class SdkJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SdkJson() {
    }

    public static ObjectNode toJson(SdkPojo pojo) {
        ObjectNode out = JSON.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object v = field.getValueOrDefault(pojo);
            JsonNode n = value(v);
            if (n != null) {
                out.set(field.memberName(), n);
            }
        }
        return out;
    }

    /** One member's value as {@link #toJson} writes it; null for an absent one. */
    static JsonNode value(Object v) {
        if (v == null || v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap) {
            return null;
        }
        if (v instanceof SdkPojo p) {
            return toJson(p);
        }
        if (v instanceof String s) {
            return JSON.textNode(s);
        }
        if (v instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return JSON.numberNode(i);
        }
        if (v instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (v instanceof Short s) {
            return JSON.numberNode(s);
        }
        if (v instanceof Double d) {
            return JSON.numberNode(d);
        }
        if (v instanceof Float f) {
            return JSON.numberNode(f);
        }
        if (v instanceof BigDecimal d) {
            return JSON.numberNode(d);
        }
        if (v instanceof Instant t) {
            return JSON.textNode(t.toString());
        }
        if (v instanceof SdkBytes b) {
            return JSON.textNode(Base64.getEncoder().encodeToString(b.asByteArray()));
        }
        if (v instanceof Collection<?> c) {
            ArrayNode a = JSON.arrayNode();
            for (Object e : c) {
                JsonNode n = value(e);
                a.add(n == null ? JSON.nullNode() : n);
            }
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = JSON.objectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                JsonNode n = value(e.getValue());
                o.set(String.valueOf(e.getKey()), n == null ? JSON.nullNode() : n);
            }
            return o;
        }
        return JSON.textNode(String.valueOf(v));
    }
}
