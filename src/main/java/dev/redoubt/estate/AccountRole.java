package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A role the sandbox lets callers act as (ours, sandbox only): Access is "read-only" or "operator". Members this version does not know are kept in {@code unknown}. */
public record AccountRole(
        @JsonProperty("RoleName") String roleName,
        @JsonProperty("Access") String access,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public AccountRole {
        unknown = Unknown.normalize(unknown);
    }
}
