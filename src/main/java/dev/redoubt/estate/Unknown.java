package dev.redoubt.estate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Members a reader did not know, kept for the round trip; null when there are none, so records pay nothing. */
final class Unknown {
    private Unknown() {
    }

    static Map<String, JsonNode> normalize(Map<String, JsonNode> unknown) {
        if (unknown == null || unknown.isEmpty()) {
            return null;
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(unknown));
    }
}
