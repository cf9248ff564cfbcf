package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** A backup:GetLegalHold output. Members this version does not know are kept in {@code unknown}. */
public record LegalHold(
        @JsonProperty("Title") String title,
        @JsonProperty("Status") String status,
        @JsonProperty("Description") String description,
        @JsonProperty("CancelDescription") String cancelDescription,
        @JsonProperty("LegalHoldId") String legalHoldId,
        @JsonProperty("LegalHoldArn") String legalHoldArn,
        @JsonProperty("CreationDate") Instant creationDate,
        @JsonProperty("CancellationDate") Instant cancellationDate,
        @JsonProperty("RetainRecordUntil") Instant retainRecordUntil,
        @JsonProperty("RecoveryPointSelection") JsonNode recoveryPointSelection,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public LegalHold {
        unknown = Unknown.normalize(unknown);
    }
}
