package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** A restore-access backup vault opened from a (logically air-gapped) source vault: backup:ListRestoreAccessBackupVaults member. Members this version does not know are kept in {@code unknown}. */
public record RestoreAccessVault(
        @JsonProperty("RestoreAccessBackupVaultArn") String restoreAccessBackupVaultArn,
        @JsonProperty("CreationDate") Instant creationDate,
        @JsonProperty("ApprovalDate") Instant approvalDate,
        @JsonProperty("VaultState") String vaultState,
        @JsonProperty("LatestRevokeRequest") MpaUpdate latestRevokeRequest,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public RestoreAccessVault {
        unknown = Unknown.normalize(unknown);
    }
}
