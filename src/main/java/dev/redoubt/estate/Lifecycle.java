package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** backup Lifecycle: when a recovery point moves to cold storage and when it is deleted. Members this version does not know are kept in {@code unknown}. */
public record Lifecycle(
        @JsonProperty("MoveToColdStorageAfterDays") Long moveToColdStorageAfterDays,
        @JsonProperty("DeleteAfterDays") Long deleteAfterDays,
        @JsonProperty("OptInToArchiveForSupportedResources") Boolean optInToArchiveForSupportedResources,
        @JsonProperty("DeleteAfterEvent") String deleteAfterEvent,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public Lifecycle {
        unknown = Unknown.normalize(unknown);
    }
}
