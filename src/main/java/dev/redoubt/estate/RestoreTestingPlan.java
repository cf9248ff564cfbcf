package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** backup:GetRestoreTestingPlan .RestoreTestingPlan plus its selections. Members this version does not know are kept in {@code unknown}. */
public record RestoreTestingPlan(
        @JsonProperty("CreationTime") Instant creationTime,
        @JsonProperty("CreatorRequestId") String creatorRequestId,
        @JsonProperty("LastExecutionTime") Instant lastExecutionTime,
        @JsonProperty("LastUpdateTime") Instant lastUpdateTime,
        @JsonProperty("RecoveryPointSelection") RestoreTestingPointSelection recoveryPointSelection,
        @JsonProperty("RestoreTestingPlanArn") String restoreTestingPlanArn,
        @JsonProperty("RestoreTestingPlanName") String restoreTestingPlanName,
        @JsonProperty("ScheduleExpression") String scheduleExpression,
        @JsonProperty("ScheduleExpressionTimezone") String scheduleExpressionTimezone,
        @JsonProperty("StartWindowHours") Integer startWindowHours,
        @JsonProperty("Tags") Map<String, String> tags,
        @JsonProperty("Selections") List<RestoreTestingSelection> selections,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public RestoreTestingPlan {
        unknown = Unknown.normalize(unknown);
    }
}
