package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** mpa GetApprovalTeamResponseApprover: PrimaryIdentityId names an SsoUsers UserId in a sandbox estate. Members this version does not know are kept in {@code unknown}. */
public record Approver(
        @JsonProperty("ApproverId") String approverId,
        @JsonProperty("ResponseTime") Instant responseTime,
        @JsonProperty("PrimaryIdentityId") String primaryIdentityId,
        @JsonProperty("PrimaryIdentitySourceArn") String primaryIdentitySourceArn,
        @JsonProperty("PrimaryIdentityStatus") String primaryIdentityStatus,
        @JsonProperty("LastActivity") String lastActivity,
        @JsonProperty("LastActivityTime") Instant lastActivityTime,
        @JsonProperty("PendingBaselineSessionArn") String pendingBaselineSessionArn,
        @JsonProperty("MfaMethods") JsonNode mfaMethods,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public Approver {
        unknown = Unknown.normalize(unknown);
    }
}
