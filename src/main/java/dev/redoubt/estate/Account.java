package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An organizations Account, with the OU path, the sandbox roles, what could not be read, and its regions. Members this version does not know are kept in {@code unknown}. */
public record Account(
        @JsonProperty("Id") String id,
        @JsonProperty("Arn") String arn,
        @JsonProperty("Name") String name,
        @JsonProperty("Email") String email,
        @JsonProperty("Status") String status,
        @JsonProperty("State") String state,
        @JsonProperty("JoinedMethod") String joinedMethod,
        @JsonProperty("JoinedTimestamp") Instant joinedTimestamp,
        @JsonProperty("Paths") JsonNode paths,
        @JsonProperty("OrganizationalUnit") String organizationalUnit,
        @JsonProperty("Roles") List<AccountRole> roles,
        @JsonProperty("ReadErrors") List<ReadError> readErrors,
        @JsonProperty("Regions") Map<String, Region> regions,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public Account {
        unknown = Unknown.normalize(unknown);
    }
}
