package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** A backup:DescribeFramework output (Backup Audit Manager). Members this version does not know are kept in {@code unknown}. */
public record Framework(
        @JsonProperty("FrameworkName") String frameworkName,
        @JsonProperty("FrameworkArn") String frameworkArn,
        @JsonProperty("FrameworkDescription") String frameworkDescription,
        @JsonProperty("FrameworkControls") JsonNode frameworkControls,
        @JsonProperty("CreationTime") Instant creationTime,
        @JsonProperty("DeploymentStatus") String deploymentStatus,
        @JsonProperty("FrameworkStatus") String frameworkStatus,
        @JsonProperty("IdempotencyToken") String idempotencyToken,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public Framework {
        unknown = Unknown.normalize(unknown);
    }
}
