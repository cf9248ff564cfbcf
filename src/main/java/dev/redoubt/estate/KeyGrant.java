package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** kms:ListGrants .Grants member. Members this version does not know are kept in {@code unknown}. */
public record KeyGrant(
        @JsonProperty("KeyId") String keyId,
        @JsonProperty("GrantId") String grantId,
        @JsonProperty("Name") String name,
        @JsonProperty("CreationDate") Instant creationDate,
        @JsonProperty("GranteePrincipal") String granteePrincipal,
        @JsonProperty("RetiringPrincipal") String retiringPrincipal,
        @JsonProperty("IssuingAccount") String issuingAccount,
        @JsonProperty("Operations") List<String> operations,
        @JsonProperty("Constraints") JsonNode constraints,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public KeyGrant {
        unknown = Unknown.normalize(unknown);
    }
}
