package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Status;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ENC-06. The AWS page that decides it: "Rotate AWS KMS keys"
 * (https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html): automatic rotation is
 * supported only on symmetric encryption keys with key material KMS generated; not on asymmetric
 * or HMAC keys, keys with imported material or keys in custom key stores; a multi-Region key's
 * rotation is set on its primary.
 */
class Enc06KeyRotationDisabledTest {
    final Enc06KeyRotationDisabled check = new Enc06KeyRotationDisabled();

    /** A customer-managed symmetric AWS_KMS key protecting a vault, as DescribeKey describes one. */
    static ObjectNode vaultKey(EstateFixture f, String vaultName) {
        ObjectNode vault = f.vault(BACKUP, REGION, vaultName);
        String arn = vault.get("EncryptionKeyArn").asText();
        for (var k : f.region(BACKUP, REGION).withArray("KmsKeys")) {
            if (k.get("KeyMetadata").get("Arn").asText().equals(arn)) {
                ((ObjectNode) k.get("KeyMetadata")).put("Origin", "AWS_KMS");
                return (ObjectNode) k;
            }
        }
        throw new AssertionError(arn);
    }

    static ObjectNode metadata(ObjectNode key) {
        return (ObjectNode) key.get("KeyMetadata");
    }

    static String arn(ObjectNode key) {
        return EstateFixture.arnOfKey(key);
    }

    @Test
    @DisplayName("FAIL: a customer-managed SYMMETRIC_DEFAULT key with Origin AWS_KMS that does not rotate "
            + "(https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html)")
    void failsARotatableKeyThatDoesNotRotate() {
        EstateFixture f = new EstateFixture();
        ObjectNode key = vaultKey(f, "v");
        key.put("KeyRotationEnabled", false).remove("RotationPeriodInDays");
        Result r = about(f.run(check), arn(key));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().field("KeyMetadata.Origin")).isEqualTo("AWS_KMS");
        assertThat(r.remediation().awsCli()).startsWith("aws kms enable-key-rotation");
    }

    @Test
    @DisplayName("PASS: automatic rotation enabled (https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html)")
    void passesARotatingKey() {
        EstateFixture f = new EstateFixture();
        ObjectNode key = vaultKey(f, "v");
        Result r = about(f.run(check), arn(key));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence().summary()).contains("365 days");
    }

    @Test
    @DisplayName("No result for keys that cannot rotate automatically: imported material, CloudHSM and external key stores, asymmetric, "
            + "HMAC, multi-Region replicas, AWS-managed (https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html)")
    void givesNoResultForKeysThatCannotRotate() {
        EstateFixture f = new EstateFixture();
        ObjectNode imported = vaultKey(f, "imported");
        metadata(imported).put("Origin", "EXTERNAL").put("ExpirationModel", "KEY_MATERIAL_DOES_NOT_EXPIRE");
        ObjectNode cloudHsm = vaultKey(f, "cloudhsm");
        metadata(cloudHsm).put("Origin", "AWS_CLOUDHSM").put("CustomKeyStoreId", "cks-1234567890abcdef0");
        ObjectNode xks = vaultKey(f, "xks");
        metadata(xks).put("Origin", "EXTERNAL_KEY_STORE").put("CustomKeyStoreId", "cks-0fedcba0987654321");
        ObjectNode rsa = vaultKey(f, "rsa");
        metadata(rsa).put("KeySpec", "RSA_2048").put("KeyUsage", "ENCRYPT_DECRYPT");
        ObjectNode hmac = vaultKey(f, "hmac");
        metadata(hmac).put("KeySpec", "HMAC_256").put("KeyUsage", "GENERATE_VERIFY_MAC");
        ObjectNode replica = vaultKey(f, "replica");
        metadata(replica).put("MultiRegion", true).putObject("MultiRegionConfiguration").put("MultiRegionKeyType", "REPLICA");
        ObjectNode managed = vaultKey(f, "managed");
        metadata(managed).put("KeyManager", "AWS");
        ObjectNode storeOnly = vaultKey(f, "store-only"); // a custom key store's key is known by its CustomKeyStoreId even without Origin
        metadata(storeOnly).put("CustomKeyStoreId", "cks-00000000000000001").remove("Origin");
        List<ObjectNode> keys = List.of(imported, cloudHsm, xks, rsa, hmac, replica, managed, storeOnly);
        keys.forEach(k -> k.put("KeyRotationEnabled", false));
        List<Result> results = f.run(check);
        for (ObjectNode k : keys) {
            assertThat(results).as(metadata(k).toString()).noneMatch(r -> arn(k).equals(r.resourceArn()));
        }
    }

    @Test
    @DisplayName("Edge: a multi-Region primary is judged (rotation is set on it); a key that cannot rotate gives no result even when "
            + "GetKeyRotationStatus failed for it (https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html)")
    void primariesAreJudgedAndUnrotatableKeysStaySilent() {
        EstateFixture f = new EstateFixture();
        ObjectNode primary = vaultKey(f, "primary");
        metadata(primary).put("MultiRegion", true).putObject("MultiRegionConfiguration").put("MultiRegionKeyType", "PRIMARY");
        primary.put("KeyRotationEnabled", false);
        ObjectNode hsm = vaultKey(f, "hsm");
        metadata(hsm).put("Origin", "AWS_CLOUDHSM").put("CustomKeyStoreId", "cks-1234567890abcdef0");
        hsm.remove("KeyRotationEnabled");
        f.region(BACKUP, REGION).putArray("ReadErrors").addObject().put("Scope", arn(hsm)).put("Operation", "kms:GetKeyRotationStatus")
                .put("ErrorCode", "UnsupportedOperationException");
        List<Result> results = f.run(check);
        assertThat(about(results, arn(primary)).status()).isEqualTo(Status.FAIL);
        assertThat(results).noneMatch(r -> arn(hsm).equals(r.resourceArn()));
    }

    @Test
    @DisplayName("Edge: UNKNOWN, never FAIL, when rotation was not read or when Origin is absent so the key may not be rotatable "
            + "(https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html)")
    void unknownWhenWhatDecidesWasNotRead() {
        EstateFixture f = new EstateFixture();
        ObjectNode unread = vaultKey(f, "unread");
        unread.remove("KeyRotationEnabled");
        ObjectNode noOrigin = vaultKey(f, "no-origin");
        metadata(noOrigin).remove("Origin");
        noOrigin.put("KeyRotationEnabled", false);
        ObjectNode rotatingNoOrigin = vaultKey(f, "rotating-no-origin");
        metadata(rotatingNoOrigin).remove("Origin");
        List<Result> results = f.run(check);
        assertThat(about(results, arn(unread)).status()).isEqualTo(Status.UNKNOWN);
        Result r = about(results, arn(noOrigin));
        assertThat(r.status()).isEqualTo(Status.UNKNOWN);
        assertThat(r.evidence().summary()).contains("KeyMetadata.Origin");
        assertThat(about(results, arn(rotatingNoOrigin)).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("Edge: UNKNOWN for a key pending deletion, whose rotation status reads false whatever its setting "
            + "(https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html); a Disabled key keeps its status and is judged")
    void pendingDeletionHidesTheRotationSetting() {
        EstateFixture f = new EstateFixture();
        ObjectNode pending = vaultKey(f, "pending");
        metadata(pending).put("KeyState", "PendingDeletion").put("Enabled", false);
        pending.put("KeyRotationEnabled", false);
        ObjectNode disabled = vaultKey(f, "disabled");
        metadata(disabled).put("KeyState", "Disabled").put("Enabled", false);
        disabled.put("KeyRotationEnabled", false);
        List<Result> results = f.run(check);
        Result r = about(results, arn(pending));
        assertThat(r.status()).isEqualTo(Status.UNKNOWN);
        assertThat(r.evidence().summary()).contains("ENC-05");
        assertThat(about(results, arn(disabled)).status()).isEqualTo(Status.FAIL);
    }
}
