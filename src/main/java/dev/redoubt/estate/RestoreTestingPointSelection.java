package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** backup RestoreTestingRecoveryPointSelection: which recovery points a restore testing plan picks. Members this version does not know are kept in {@code unknown}. */
public record RestoreTestingPointSelection(
        @JsonProperty("Algorithm") String algorithm,
        @JsonProperty("ExcludeVaults") List<String> excludeVaults,
        @JsonProperty("IncludeVaults") List<String> includeVaults,
        @JsonProperty("RecoveryPointTypes") List<String> recoveryPointTypes,
        @JsonProperty("SelectionWindowDays") Integer selectionWindowDays,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public RestoreTestingPointSelection {
        unknown = Unknown.normalize(unknown);
    }
}
