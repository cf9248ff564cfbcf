package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What could not be read (ours): the scope (an ARN, or account/region), the operation and the error. Members this version does not know are kept in {@code unknown}. */
public record ReadError(
        @JsonProperty("Scope") String scope,
        @JsonProperty("Operation") String operation,
        @JsonProperty("ErrorCode") String errorCode,
        @JsonProperty("Message") String message,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public ReadError {
        unknown = Unknown.normalize(unknown);
    }
}
