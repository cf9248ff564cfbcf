package dev.redoubt.estate;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** kms:DescribeKey .KeyMetadata. Members this version does not know are kept in {@code unknown}. */
public record KeyMetadata(
        @JsonProperty("AWSAccountId") String awsAccountId,
        @JsonProperty("KeyId") String keyId,
        @JsonProperty("Arn") String arn,
        @JsonProperty("CreationDate") Instant creationDate,
        @JsonProperty("Enabled") Boolean enabled,
        @JsonProperty("Description") String description,
        @JsonProperty("KeyUsage") String keyUsage,
        @JsonProperty("KeyState") String keyState,
        @JsonProperty("DeletionDate") Instant deletionDate,
        @JsonProperty("ValidTo") Instant validTo,
        @JsonProperty("Origin") String origin,
        @JsonProperty("CustomKeyStoreId") String customKeyStoreId,
        @JsonProperty("CloudHsmClusterId") String cloudHsmClusterId,
        @JsonProperty("ExpirationModel") String expirationModel,
        @JsonProperty("KeyManager") String keyManager,
        @JsonProperty("CustomerMasterKeySpec") String customerMasterKeySpec,
        @JsonProperty("KeySpec") String keySpec,
        @JsonProperty("EncryptionAlgorithms") List<String> encryptionAlgorithms,
        @JsonProperty("SigningAlgorithms") List<String> signingAlgorithms,
        @JsonProperty("KeyAgreementAlgorithms") List<String> keyAgreementAlgorithms,
        @JsonProperty("MultiRegion") Boolean multiRegion,
        @JsonProperty("MultiRegionConfiguration") JsonNode multiRegionConfiguration,
        @JsonProperty("PendingDeletionWindowInDays") Integer pendingDeletionWindowInDays,
        @JsonProperty("MacAlgorithms") List<String> macAlgorithms,
        @JsonProperty("XksKeyConfiguration") JsonNode xksKeyConfiguration,
        @JsonProperty("CurrentKeyMaterialId") String currentKeyMaterialId,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> unknown) {
    public KeyMetadata {
        unknown = Unknown.normalize(unknown);
    }
}
