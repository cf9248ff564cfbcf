package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** organizations:DescribeOrganization .Organization. Members this version does not know are kept in {@code unknown}. */
public record Organization(
        @JsonProperty("Id") String id,
        @JsonProperty("Arn") String arn,
        @JsonProperty("FeatureSet") String featureSet,
        @JsonProperty("MasterAccountArn") String masterAccountArn,
        @JsonProperty("MasterAccountId") String masterAccountId,
        @JsonProperty("MasterAccountEmail") String masterAccountEmail,
        @JsonProperty("AvailablePolicyTypes") JsonNode availablePolicyTypes,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public Organization {
        unknown = Unknown.normalize(unknown);
    }
}
