package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** A backup:ListRecoveryPointsByBackupVault .RecoveryPoints member (plus Tags when the scan read them). Members this version does not know are kept in {@code unknown}. */
public record RecoveryPoint(
        @JsonProperty("RecoveryPointArn") String recoveryPointArn,
        @JsonProperty("BackupVaultName") String backupVaultName,
        @JsonProperty("BackupVaultArn") String backupVaultArn,
        @JsonProperty("SourceBackupVaultArn") String sourceBackupVaultArn,
        @JsonProperty("ResourceArn") String resourceArn,
        @JsonProperty("ResourceType") String resourceType,
        @JsonProperty("CreatedBy") RecoveryPointCreator createdBy,
        @JsonProperty("IamRoleArn") String iamRoleArn,
        @JsonProperty("Status") String status,
        @JsonProperty("StatusMessage") String statusMessage,
        @JsonProperty("CreationDate") Instant creationDate,
        @JsonProperty("InitiationDate") Instant initiationDate,
        @JsonProperty("CompletionDate") Instant completionDate,
        @JsonProperty("BackupSizeInBytes") Long backupSizeInBytes,
        @JsonProperty("CalculatedLifecycle") CalculatedLifecycle calculatedLifecycle,
        @JsonProperty("Lifecycle") Lifecycle lifecycle,
        @JsonProperty("EncryptionKeyArn") String encryptionKeyArn,
        @JsonProperty("IsEncrypted") Boolean isEncrypted,
        @JsonProperty("LastRestoreTime") Instant lastRestoreTime,
        @JsonProperty("ParentRecoveryPointArn") String parentRecoveryPointArn,
        @JsonProperty("CompositeMemberIdentifier") String compositeMemberIdentifier,
        @JsonProperty("IsParent") Boolean isParent,
        @JsonProperty("ResourceName") String resourceName,
        @JsonProperty("VaultType") String vaultType,
        @JsonProperty("IndexStatus") String indexStatus,
        @JsonProperty("IndexStatusMessage") String indexStatusMessage,
        @JsonProperty("EncryptionKeyType") String encryptionKeyType,
        @JsonProperty("AggregatedScanResult") JsonNode aggregatedScanResult,
        @JsonProperty("Tags") Map<String, String> tags,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public RecoveryPoint {
        unknown = Unknown.normalize(unknown);
    }
}
