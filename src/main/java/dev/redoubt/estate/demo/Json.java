package dev.redoubt.estate.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Builds a JSON object in an AWS output shape: a member whose value is null is left out, as AWS leaves it out. */
final class Json {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectNode node = NODES.objectNode();

    private Json() {
    }

    static Json object() {
        return new Json();
    }

    Json with(String name, Object value) {
        if (value != null) {
            node.set(name, toNode(value));
        }
        return this;
    }

    /** An explicit JSON null: the API answered "none configured". */
    Json withNone(String name) {
        node.putNull(name);
        return this;
    }

    ObjectNode node() {
        return node;
    }

    static ArrayNode array(Collection<?> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(item -> array.add(toNode(item)));
        return array;
    }

    private static JsonNode toNode(Object value) {
        if (value instanceof JsonNode n) {
            return n;
        }
        if (value instanceof Json j) {
            return j.node;
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Instant t) {
            return NODES.textNode(t.toString());
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Collection<?> c) {
            return array(c);
        }
        if (value instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, v) -> o.set((String) k, toNode(v)));
            return o;
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass().getSimpleName());
    }
}
