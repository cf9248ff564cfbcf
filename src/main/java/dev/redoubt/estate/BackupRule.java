package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** backup BackupRule (as GetBackupPlan returns it). Members this version does not know are kept in {@code unknown}. */
public record BackupRule(
        @JsonProperty("RuleName") String ruleName,
        @JsonProperty("TargetBackupVaultName") String targetBackupVaultName,
        @JsonProperty("TargetLogicallyAirGappedBackupVaultArn") String targetLogicallyAirGappedBackupVaultArn,
        @JsonProperty("ScheduleExpression") String scheduleExpression,
        @JsonProperty("StartWindowMinutes") Long startWindowMinutes,
        @JsonProperty("CompletionWindowMinutes") Long completionWindowMinutes,
        @JsonProperty("Lifecycle") Lifecycle lifecycle,
        @JsonProperty("RecoveryPointTags") Map<String, String> recoveryPointTags,
        @JsonProperty("RuleId") String ruleId,
        @JsonProperty("CopyActions") List<CopyAction> copyActions,
        @JsonProperty("EnableContinuousBackup") Boolean enableContinuousBackup,
        @JsonProperty("ScheduleExpressionTimezone") String scheduleExpressionTimezone,
        @JsonProperty("IndexActions") JsonNode indexActions,
        @JsonProperty("ScanActions") JsonNode scanActions,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public BackupRule {
        unknown = Unknown.normalize(unknown);
    }
}
