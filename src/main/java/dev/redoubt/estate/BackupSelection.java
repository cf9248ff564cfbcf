package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** A backup:GetBackupSelection output. Members this version does not know are kept in {@code unknown}. */
public record BackupSelection(
        @JsonProperty("BackupSelection") SelectionDocument backupSelection,
        @JsonProperty("SelectionId") String selectionId,
        @JsonProperty("BackupPlanId") String backupPlanId,
        @JsonProperty("CreationDate") Instant creationDate,
        @JsonProperty("CreatorRequestId") String creatorRequestId,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public BackupSelection {
        unknown = Unknown.normalize(unknown);
    }
}
