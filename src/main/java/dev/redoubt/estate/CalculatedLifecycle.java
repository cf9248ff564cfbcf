package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** backup CalculatedLifecycle: the instants the lifecycle resolves to. Members this version does not know are kept in {@code unknown}. */
public record CalculatedLifecycle(
        @JsonProperty("MoveToColdStorageAt") Instant moveToColdStorageAt,
        @JsonProperty("DeleteAt") Instant deleteAt,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public CalculatedLifecycle {
        unknown = Unknown.normalize(unknown);
    }
}
