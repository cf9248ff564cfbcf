package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** mpa MofNApprovalStrategy. Members this version does not know are kept in {@code unknown}. */
public record MofN(
        @JsonProperty("MinApprovalsRequired") Integer minApprovalsRequired,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public MofN {
        unknown = Unknown.normalize(unknown);
    }
}
