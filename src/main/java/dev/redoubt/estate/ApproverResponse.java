package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** mpa GetSessionResponseApproverResponse: one approver's vote. Members this version does not know are kept in {@code unknown}. */
public record ApproverResponse(
        @JsonProperty("ApproverId") String approverId,
        @JsonProperty("IdentitySourceArn") String identitySourceArn,
        @JsonProperty("IdentityId") String identityId,
        @JsonProperty("Response") String response,
        @JsonProperty("ResponseTime") Instant responseTime,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public ApproverResponse {
        unknown = Unknown.normalize(unknown);
    }
}
