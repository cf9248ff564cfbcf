package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Which plan and rule created a recovery point or copy job (backup RecoveryPointCreator). Members this version does not know are kept in {@code unknown}. */
public record RecoveryPointCreator(
        @JsonProperty("BackupPlanId") String backupPlanId,
        @JsonProperty("BackupPlanArn") String backupPlanArn,
        @JsonProperty("BackupPlanName") String backupPlanName,
        @JsonProperty("BackupPlanVersion") String backupPlanVersion,
        @JsonProperty("BackupRuleId") String backupRuleId,
        @JsonProperty("BackupRuleName") String backupRuleName,
        @JsonProperty("BackupRuleCron") String backupRuleCron,
        @JsonProperty("BackupRuleTimezone") String backupRuleTimezone,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public RecoveryPointCreator {
        unknown = Unknown.normalize(unknown);
    }
}
