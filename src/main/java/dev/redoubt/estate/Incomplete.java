package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * Marks a capture that does not hold everything it set out to read (ours): why ("cancelled"), when, and
 * a sentence for people. The scopes left unread are named in ReadErrors. Members this version does not know are kept in {@code unknown}.
 */
public record Incomplete(
        @JsonProperty("Reason") String reason,
        @JsonProperty("At") Instant at,
        @JsonProperty("Message") String message,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    /** The scan was cancelled before it finished. */
    public static final String CANCELLED = "cancelled";
    /** The endpoint stopped answering (refused every connection) before the scan finished. */
    public static final String UNREACHABLE = "endpoint-unreachable";

    public Incomplete {
        unknown = Unknown.normalize(unknown);
    }
}
