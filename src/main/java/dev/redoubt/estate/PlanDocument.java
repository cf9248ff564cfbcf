package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** backup BackupPlan: the plan body inside GetBackupPlan's output. Members this version does not know are kept in {@code unknown}. */
public record PlanDocument(
        @JsonProperty("BackupPlanName") String backupPlanName,
        @JsonProperty("Rules") List<BackupRule> rules,
        @JsonProperty("AdvancedBackupSettings") JsonNode advancedBackupSettings,
        @JsonProperty("ScanSettings") JsonNode scanSettings,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public PlanDocument {
        unknown = Unknown.normalize(unknown);
    }
}
