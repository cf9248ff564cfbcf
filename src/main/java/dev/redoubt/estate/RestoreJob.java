package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** A backup:ListRestoreJobs .RestoreJobs member. Members this version does not know are kept in {@code unknown}. */
public record RestoreJob(
        @JsonProperty("AccountId") String accountId,
        @JsonProperty("RestoreJobId") String restoreJobId,
        @JsonProperty("RecoveryPointArn") String recoveryPointArn,
        @JsonProperty("SourceResourceArn") String sourceResourceArn,
        @JsonProperty("BackupVaultArn") String backupVaultArn,
        @JsonProperty("CreationDate") Instant creationDate,
        @JsonProperty("CompletionDate") Instant completionDate,
        @JsonProperty("Status") String status,
        @JsonProperty("StatusMessage") String statusMessage,
        @JsonProperty("PercentDone") String percentDone,
        @JsonProperty("BackupSizeInBytes") Long backupSizeInBytes,
        @JsonProperty("IamRoleArn") String iamRoleArn,
        @JsonProperty("ExpectedCompletionTimeMinutes") Long expectedCompletionTimeMinutes,
        @JsonProperty("CreatedResourceArn") String createdResourceArn,
        @JsonProperty("ResourceType") String resourceType,
        @JsonProperty("RecoveryPointCreationDate") Instant recoveryPointCreationDate,
        @JsonProperty("IsParent") Boolean isParent,
        @JsonProperty("ParentJobId") String parentJobId,
        @JsonProperty("CreatedBy") RestoreJobCreator createdBy,
        @JsonProperty("ValidationStatus") String validationStatus,
        @JsonProperty("ValidationStatusMessage") String validationStatusMessage,
        @JsonProperty("DeletionStatus") String deletionStatus,
        @JsonProperty("DeletionStatusMessage") String deletionStatusMessage,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public RestoreJob {
        unknown = Unknown.normalize(unknown);
    }
}
