package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** backup:GetRestoreTestingSelection .RestoreTestingSelection. Members this version does not know are kept in {@code unknown}. */
public record RestoreTestingSelection(
        @JsonProperty("CreationTime") Instant creationTime,
        @JsonProperty("CreatorRequestId") String creatorRequestId,
        @JsonProperty("IamRoleArn") String iamRoleArn,
        @JsonProperty("ProtectedResourceArns") List<String> protectedResourceArns,
        @JsonProperty("ProtectedResourceConditions") JsonNode protectedResourceConditions,
        @JsonProperty("ProtectedResourceType") String protectedResourceType,
        @JsonProperty("RestoreMetadataOverrides") Map<String, String> restoreMetadataOverrides,
        @JsonProperty("RestoreTestingPlanName") String restoreTestingPlanName,
        @JsonProperty("RestoreTestingSelectionName") String restoreTestingSelectionName,
        @JsonProperty("ValidationWindowHours") Integer validationWindowHours,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public RestoreTestingSelection {
        unknown = Unknown.normalize(unknown);
    }
}
