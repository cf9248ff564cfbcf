package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** backup BackupSelection: what a plan selects. Members this version does not know are kept in {@code unknown}. */
public record SelectionDocument(
        @JsonProperty("SelectionName") String selectionName,
        @JsonProperty("IamRoleArn") String iamRoleArn,
        @JsonProperty("Resources") List<String> resources,
        @JsonProperty("ListOfTags") JsonNode listOfTags,
        @JsonProperty("NotResources") List<String> notResources,
        @JsonProperty("Conditions") JsonNode conditions,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public SelectionDocument {
        unknown = Unknown.normalize(unknown);
    }
}
