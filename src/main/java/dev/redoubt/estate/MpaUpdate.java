package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** An MPA-backed change in flight: a vault's LatestMpaApprovalTeamUpdate or a restore-access vault's LatestRevokeRequest. Members this version does not know are kept in {@code unknown}. */
public record MpaUpdate(
        @JsonProperty("MpaSessionArn") String mpaSessionArn,
        @JsonProperty("Status") String status,
        @JsonProperty("StatusMessage") String statusMessage,
        @JsonProperty("InitiationDate") Instant initiationDate,
        @JsonProperty("ExpiryDate") Instant expiryDate,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public MpaUpdate {
        unknown = Unknown.normalize(unknown);
    }
}
