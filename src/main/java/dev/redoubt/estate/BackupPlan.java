package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A backup:GetBackupPlan output plus its selections. Members this version does not know are kept in {@code unknown}. */
public record BackupPlan(
        @JsonProperty("BackupPlan") PlanDocument backupPlan,
        @JsonProperty("BackupPlanId") String backupPlanId,
        @JsonProperty("BackupPlanArn") String backupPlanArn,
        @JsonProperty("VersionId") String versionId,
        @JsonProperty("CreatorRequestId") String creatorRequestId,
        @JsonProperty("CreationDate") Instant creationDate,
        @JsonProperty("DeletionDate") Instant deletionDate,
        @JsonProperty("LastExecutionDate") Instant lastExecutionDate,
        @JsonProperty("AdvancedBackupSettings") JsonNode advancedBackupSettings,
        @JsonProperty("ScheduledRunsPreview") JsonNode scheduledRunsPreview,
        @JsonProperty("Tags") Map<String, String> tags,
        @JsonProperty("Selections") List<BackupSelection> selections,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public BackupPlan {
        unknown = Unknown.normalize(unknown);
    }
}
