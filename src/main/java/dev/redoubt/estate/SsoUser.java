package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An IAM Identity Center user: in a sandbox estate, one who may sign in through its device-code flow (Password and
 * Assignments, ours, sandbox only); in a capture, an approver named by identitystore:DescribeUser (UserId, UserName,
 * DisplayName; never a password). Members this version does not know are kept in {@code unknown}.
 */
public record SsoUser(
        @JsonProperty("UserId") String userId,
        @JsonProperty("UserName") String userName,
        @JsonProperty("DisplayName") String displayName,
        @JsonProperty("Password") String password,
        @JsonProperty("Assignments") List<SsoAssignment> assignments,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public SsoUser {
        unknown = Unknown.normalize(unknown);
    }
}
