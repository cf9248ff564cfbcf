package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** An SSO user's permission to act as a role in an account (ours, sandbox only). Members this version does not know are kept in {@code unknown}. */
public record SsoAssignment(
        @JsonProperty("AccountId") String accountId,
        @JsonProperty("RoleName") String roleName,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public SsoAssignment {
        unknown = Unknown.normalize(unknown);
    }
}
