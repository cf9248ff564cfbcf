package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** mpa ApprovalStrategyResponse. Members this version does not know are kept in {@code unknown}. */
public record ApprovalStrategy(
        @JsonProperty("MofN") MofN mofN,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public ApprovalStrategy {
        unknown = Unknown.normalize(unknown);
    }
}
