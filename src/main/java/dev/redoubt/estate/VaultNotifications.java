package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** backup:GetBackupVaultNotifications output. Members this version does not know are kept in {@code unknown}. */
public record VaultNotifications(
        @JsonProperty("BackupVaultName") String backupVaultName,
        @JsonProperty("BackupVaultArn") String backupVaultArn,
        @JsonProperty("SNSTopicArn") String snsTopicArn,
        @JsonProperty("BackupVaultEvents") List<String> backupVaultEvents,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public VaultNotifications {
        unknown = Unknown.normalize(unknown);
    }
}
