package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An mpa:GetSession output: one request for approval. Members this version does not know are kept in {@code unknown}. */
public record ApprovalSession(
        @JsonProperty("SessionArn") String sessionArn,
        @JsonProperty("ApprovalTeamArn") String approvalTeamArn,
        @JsonProperty("ApprovalTeamName") String approvalTeamName,
        @JsonProperty("ProtectedResourceArn") String protectedResourceArn,
        @JsonProperty("ApprovalStrategy") ApprovalStrategy approvalStrategy,
        @JsonProperty("NumberOfApprovers") Integer numberOfApprovers,
        @JsonProperty("InitiationTime") Instant initiationTime,
        @JsonProperty("ExpirationTime") Instant expirationTime,
        @JsonProperty("CompletionTime") Instant completionTime,
        @JsonProperty("Description") String description,
        @JsonProperty("Metadata") Map<String, String> metadata,
        @JsonProperty("Status") String status,
        @JsonProperty("StatusCode") String statusCode,
        @JsonProperty("StatusMessage") String statusMessage,
        @JsonProperty("ExecutionStatus") String executionStatus,
        @JsonProperty("ActionName") String actionName,
        @JsonProperty("RequesterServicePrincipal") String requesterServicePrincipal,
        @JsonProperty("RequesterPrincipalArn") String requesterPrincipalArn,
        @JsonProperty("RequesterAccountId") String requesterAccountId,
        @JsonProperty("RequesterRegion") String requesterRegion,
        @JsonProperty("RequesterComment") String requesterComment,
        @JsonProperty("ActionCompletionStrategy") String actionCompletionStrategy,
        @JsonProperty("ApproverResponses") List<ApproverResponse> approverResponses,
        @JsonProperty("AdditionalSecurityRequirements") List<String> additionalSecurityRequirements,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public ApprovalSession {
        unknown = Unknown.normalize(unknown);
    }
}
