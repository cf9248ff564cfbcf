package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** backup CopyAction: where a rule copies its recovery points. Members this version does not know are kept in {@code unknown}. */
public record CopyAction(
        @JsonProperty("Lifecycle") Lifecycle lifecycle,
        @JsonProperty("DestinationBackupVaultArn") String destinationBackupVaultArn,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public CopyAction {
        unknown = Unknown.normalize(unknown);
    }
}
