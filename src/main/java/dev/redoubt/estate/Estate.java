package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A whole estate file (redoubt-estate/1): the organization, the sandbox's SSO users and the accounts; {@code incomplete}
 * marks a capture whose scan stopped early (null for a complete one). Members this version does not know are kept in {@code unknown}.
 */
public record Estate(
        @JsonProperty("Format") String format,
        @JsonProperty("Name") String name,
        @JsonProperty("CapturedAt") Instant capturedAt,
        @JsonProperty("Incomplete") Incomplete incomplete,
        @JsonProperty("Organization") Organization organization,
        @JsonProperty("SsoUsers") List<SsoUser> ssoUsers,
        @JsonProperty("Accounts") List<Account> accounts,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public Estate {
        unknown = Unknown.normalize(unknown);
    }

    /** A complete estate (no {@code Incomplete} marker), as estates were before the marker existed. */
    public Estate(String format, String name, Instant capturedAt, Organization organization, List<SsoUser> ssoUsers, List<Account> accounts,
                  Map<String, JsonNode> unknown) {
        this(format, name, capturedAt, null, organization, ssoUsers, accounts, unknown);
    }
}
