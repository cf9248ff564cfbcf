package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A backup:DescribeBackupVault output plus its access policy, notifications, tags, recovery points and restore-access vaults. AccessPolicy and Notifications distinguish "not read" (null) from "none configured" (Fetched.none()). Members this version does not know are kept in {@code unknown}. */
public record BackupVault(
        @JsonProperty("BackupVaultName") String backupVaultName,
        @JsonProperty("BackupVaultArn") String backupVaultArn,
        @JsonProperty("VaultType") String vaultType,
        @JsonProperty("VaultState") String vaultState,
        @JsonProperty("EncryptionKeyArn") String encryptionKeyArn,
        @JsonProperty("EncryptionKeyType") String encryptionKeyType,
        @JsonProperty("CreationDate") Instant creationDate,
        @JsonProperty("CreatorRequestId") String creatorRequestId,
        @JsonProperty("NumberOfRecoveryPoints") Long numberOfRecoveryPoints,
        @JsonProperty("Locked") Boolean locked,
        @JsonProperty("MinRetentionDays") Long minRetentionDays,
        @JsonProperty("MaxRetentionDays") Long maxRetentionDays,
        @JsonProperty("LockDate") Instant lockDate,
        @JsonProperty("SourceBackupVaultArn") String sourceBackupVaultArn,
        @JsonProperty("MpaApprovalTeamArn") String mpaApprovalTeamArn,
        @JsonProperty("MpaSessionArn") String mpaSessionArn,
        @JsonProperty("LatestMpaApprovalTeamUpdate") MpaUpdate latestMpaApprovalTeamUpdate,
        @JsonProperty("Tags") Map<String, String> tags,
        @JsonProperty("AccessPolicy") Fetched<String> accessPolicy,
        @JsonProperty("Notifications") Fetched<VaultNotifications> notifications,
        @JsonProperty("RecoveryPoints") List<RecoveryPoint> recoveryPoints,
        @JsonProperty("RestoreAccessBackupVaults") List<RestoreAccessVault> restoreAccessBackupVaults,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public BackupVault {
        unknown = Unknown.normalize(unknown);
    }
}
