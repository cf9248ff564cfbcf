package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A user who may sign in to the sandbox through its device-code flow (ours, sandbox only). Members this version does not know are kept in {@code unknown}. */
public record SsoUser(
        @JsonProperty("UserId") String userId,
        @JsonProperty("UserName") String userName,
        @JsonProperty("Password") String password,
        @JsonProperty("Assignments") List<SsoAssignment> assignments,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public SsoUser {
        unknown = Unknown.normalize(unknown);
    }
}
