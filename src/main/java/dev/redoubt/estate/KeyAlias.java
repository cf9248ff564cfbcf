package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** kms:ListAliases .Aliases member. Members this version does not know are kept in {@code unknown}. */
public record KeyAlias(
        @JsonProperty("AliasName") String aliasName,
        @JsonProperty("AliasArn") String aliasArn,
        @JsonProperty("TargetKeyId") String targetKeyId,
        @JsonProperty("CreationDate") Instant creationDate,
        @JsonProperty("LastUpdatedDate") Instant lastUpdatedDate,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public KeyAlias {
        unknown = Unknown.normalize(unknown);
    }
}
