package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A KMS key as Redoubt reads it: metadata, policy (null when not read), rotation, aliases, grants and tags. Members this version does not know are kept in {@code unknown}. */
public record KmsKey(
        @JsonProperty("KeyMetadata") KeyMetadata keyMetadata,
        @JsonProperty("Policy") String policy,
        @JsonProperty("KeyRotationEnabled") Boolean keyRotationEnabled,
        @JsonProperty("RotationPeriodInDays") Integer rotationPeriodInDays,
        @JsonProperty("NextRotationDate") Instant nextRotationDate,
        @JsonProperty("Aliases") List<KeyAlias> aliases,
        @JsonProperty("Grants") List<KeyGrant> grants,
        @JsonProperty("Tags") Map<String, String> tags,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public KmsKey {
        unknown = Unknown.normalize(unknown);
    }
}
