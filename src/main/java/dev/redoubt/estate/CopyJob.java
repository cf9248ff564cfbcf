package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** A backup:ListCopyJobs .CopyJobs member. Members this version does not know are kept in {@code unknown}. */
public record CopyJob(
        @JsonProperty("AccountId") String accountId,
        @JsonProperty("CopyJobId") String copyJobId,
        @JsonProperty("SourceBackupVaultArn") String sourceBackupVaultArn,
        @JsonProperty("SourceRecoveryPointArn") String sourceRecoveryPointArn,
        @JsonProperty("DestinationBackupVaultArn") String destinationBackupVaultArn,
        @JsonProperty("DestinationVaultType") String destinationVaultType,
        @JsonProperty("DestinationVaultLockState") String destinationVaultLockState,
        @JsonProperty("DestinationRecoveryPointArn") String destinationRecoveryPointArn,
        @JsonProperty("DestinationEncryptionKeyArn") String destinationEncryptionKeyArn,
        @JsonProperty("DestinationRecoveryPointLifecycle") Lifecycle destinationRecoveryPointLifecycle,
        @JsonProperty("ResourceArn") String resourceArn,
        @JsonProperty("CreationDate") Instant creationDate,
        @JsonProperty("CompletionDate") Instant completionDate,
        @JsonProperty("State") String state,
        @JsonProperty("StatusMessage") String statusMessage,
        @JsonProperty("BackupSizeInBytes") Long backupSizeInBytes,
        @JsonProperty("IamRoleArn") String iamRoleArn,
        @JsonProperty("CreatedBy") RecoveryPointCreator createdBy,
        @JsonProperty("CreatedByBackupJobId") String createdByBackupJobId,
        @JsonProperty("ResourceType") String resourceType,
        @JsonProperty("ParentJobId") String parentJobId,
        @JsonProperty("IsParent") Boolean isParent,
        @JsonProperty("CompositeMemberIdentifier") String compositeMemberIdentifier,
        @JsonProperty("NumberOfChildJobs") Long numberOfChildJobs,
        @JsonProperty("ChildJobsInState") JsonNode childJobsInState,
        @JsonProperty("ResourceName") String resourceName,
        @JsonProperty("MessageCategory") String messageCategory,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public CopyJob {
        unknown = Unknown.normalize(unknown);
    }
}
