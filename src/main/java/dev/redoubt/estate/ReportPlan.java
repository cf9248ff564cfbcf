package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** A backup:ListReportPlans .ReportPlans member (Backup Audit Manager). Members this version does not know are kept in {@code unknown}. */
public record ReportPlan(
        @JsonProperty("ReportPlanArn") String reportPlanArn,
        @JsonProperty("ReportPlanName") String reportPlanName,
        @JsonProperty("ReportPlanDescription") String reportPlanDescription,
        @JsonProperty("ReportSetting") JsonNode reportSetting,
        @JsonProperty("ReportDeliveryChannel") JsonNode reportDeliveryChannel,
        @JsonProperty("DeploymentStatus") String deploymentStatus,
        @JsonProperty("CreationTime") Instant creationTime,
        @JsonProperty("LastAttemptedExecutionTime") Instant lastAttemptedExecutionTime,
        @JsonProperty("LastSuccessfulExecutionTime") Instant lastSuccessfulExecutionTime,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public ReportPlan {
        unknown = Unknown.normalize(unknown);
    }
}
