package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A whole estate file (redoubt-estate/1): the organization, the sandbox's SSO users and the accounts. Members this version does not know are kept in {@code unknown}. */
public record Estate(
        @JsonProperty("Format") String format,
        @JsonProperty("Name") String name,
        @JsonProperty("CapturedAt") Instant capturedAt,
        @JsonProperty("Organization") Organization organization,
        @JsonProperty("SsoUsers") List<SsoUser> ssoUsers,
        @JsonProperty("Accounts") List<Account> accounts,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public Estate {
        unknown = Unknown.normalize(unknown);
    }
}
