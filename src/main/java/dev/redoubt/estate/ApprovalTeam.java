package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An mpa:GetApprovalTeam output. Members this version does not know are kept in {@code unknown}. */
public record ApprovalTeam(
        @JsonProperty("CreationTime") Instant creationTime,
        @JsonProperty("ApprovalStrategy") ApprovalStrategy approvalStrategy,
        @JsonProperty("NumberOfApprovers") Integer numberOfApprovers,
        @JsonProperty("Approvers") List<Approver> approvers,
        @JsonProperty("Arn") String arn,
        @JsonProperty("Description") String description,
        @JsonProperty("Name") String name,
        @JsonProperty("Status") String status,
        @JsonProperty("StatusCode") String statusCode,
        @JsonProperty("StatusMessage") String statusMessage,
        @JsonProperty("UpdateSessionArn") String updateSessionArn,
        @JsonProperty("VersionId") String versionId,
        @JsonProperty("Policies") JsonNode policies,
        @JsonProperty("LastUpdateTime") Instant lastUpdateTime,
        @JsonProperty("PendingUpdate") JsonNode pendingUpdate,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public ApprovalTeam {
        unknown = Unknown.normalize(unknown);
    }
}
