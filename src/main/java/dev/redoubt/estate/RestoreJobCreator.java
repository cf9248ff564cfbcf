package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** backup RestoreJobCreator: the restore testing plan that started a restore job. Members this version does not know are kept in {@code unknown}. */
public record RestoreJobCreator(
        @JsonProperty("RestoreTestingPlanArn") String restoreTestingPlanArn,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public RestoreJobCreator {
        unknown = Unknown.normalize(unknown);
    }
}
