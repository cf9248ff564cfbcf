package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** A backup:DescribeProtectedResource output. Members this version does not know are kept in {@code unknown}. */
public record ProtectedResource(
        @JsonProperty("ResourceArn") String resourceArn,
        @JsonProperty("ResourceType") String resourceType,
        @JsonProperty("LastBackupTime") Instant lastBackupTime,
        @JsonProperty("ResourceName") String resourceName,
        @JsonProperty("LastBackupVaultArn") String lastBackupVaultArn,
        @JsonProperty("LastRecoveryPointArn") String lastRecoveryPointArn,
        @JsonProperty("LatestRestoreExecutionTimeMinutes") Long latestRestoreExecutionTimeMinutes,
        @JsonProperty("LatestRestoreJobCreationDate") Instant latestRestoreJobCreationDate,
        @JsonProperty("LatestRestoreRecoveryPointCreationDate") Instant latestRestoreRecoveryPointCreationDate,
        @JsonProperty("LastRestoreTime") Instant lastRestoreTime,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public ProtectedResource {
        unknown = Unknown.normalize(unknown);
    }
}
