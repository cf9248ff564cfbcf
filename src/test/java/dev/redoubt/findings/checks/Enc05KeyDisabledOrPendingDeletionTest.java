package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ENC-05. The AWS pages that decide it: "Key states of AWS KMS keys"
 * (https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html): PendingImport when imported
 * material expires or is deleted, Unavailable when a custom key store is disconnected;
 * "Step 4: Import the key material" (https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-import-key-material.html):
 * expired material is deleted and only the same material can be imported again;
 * "Connect an AWS CloudHSM key store" (https://docs.aws.amazon.com/kms/latest/developerguide/connect-keystore.html).
 */
class Enc05KeyDisabledOrPendingDeletionTest {
    static final String VOL = EstateFixture.volume(PROD, REGION, "0abc");
    final Enc05KeyDisabledOrPendingDeletion check = new Enc05KeyDisabledOrPendingDeletion();

    static ObjectNode vaultKey(EstateFixture f, ObjectNode vault) {
        String arn = vault.get("EncryptionKeyArn").asText();
        for (var k : f.region(EstateFixture.accountOf(vault), EstateFixture.regionOf(vault)).withArray("KmsKeys")) {
            if (k.get("KeyMetadata").get("Arn").asText().equals(arn)) {
                return (ObjectNode) k;
            }
        }
        throw new AssertionError(arn);
    }

    static ObjectNode metadata(ObjectNode key) {
        return (ObjectNode) key.get("KeyMetadata");
    }

    /** Imported material (Origin EXTERNAL) that expires at {@code validTo}. */
    static void imported(ObjectNode key, Instant validTo) {
        metadata(key).put("Origin", "EXTERNAL").put("ExpirationModel", "KEY_MATERIAL_EXPIRES").put("ValidTo", validTo.toString());
        key.put("KeyRotationEnabled", false).remove("RotationPeriodInDays");
    }

    static Result resultFor(EstateFixture f, ObjectNode key) {
        return about(f.run(new Enc05KeyDisabledOrPendingDeletion()), EstateFixture.arnOfKey(key));
    }

    @Test
    @DisplayName("FAIL (CRITICAL): PendingDeletion; cancel-key-deletion then enable-key, since a cancelled key is Disabled "
            + "(https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html)")
    void failsAKeyPendingDeletionAndNamesItsVaults() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        ObjectNode key = vaultKey(f, v);
        metadata(key).put("KeyState", "PendingDeletion").put("Enabled", false).put("DeletionDate", NOW.plus(Duration.ofDays(6)).toString());
        Result r = resultFor(f, key);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(r.evidence().field("ProtectsVaults")).contains(arnOf(v));
        assertThat(r.remediation().awsCli().split("\n")).hasSize(2);
        assertThat(r.remediation().awsCli().split("\n")[0]).startsWith("aws kms cancel-key-deletion");
        assertThat(r.remediation().awsCli().split("\n")[1]).startsWith("aws kms enable-key");
    }

    @Test
    @DisplayName("FAIL (CRITICAL): Disabled; the fix is enable-key alone (https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html)")
    void failsADisabledKey() {
        EstateFixture f = new EstateFixture();
        ObjectNode key = vaultKey(f, f.vault(BACKUP, REGION, "v"));
        metadata(key).put("KeyState", "Disabled").put("Enabled", false);
        Result r = resultFor(f, key);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(r.evidence().summary()).contains("Disabled");
        assertThat(r.remediation().awsCli()).startsWith("aws kms enable-key").doesNotContain("cancel-key-deletion");
    }

    @Test
    @DisplayName("FAIL (CRITICAL): PendingImport; import the same key material again, not enable-key "
            + "(https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-import-key-material.html)")
    void failsAKeyWhoseImportedMaterialExpired() {
        EstateFixture f = new EstateFixture();
        ObjectNode key = vaultKey(f, f.vault(BACKUP, REGION, "v"));
        imported(key, NOW.minus(Duration.ofDays(2)));
        metadata(key).put("KeyState", "PendingImport").put("Enabled", false);
        Result r = resultFor(f, key);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(r.evidence().summary()).contains("PendingImport").contains("same material");
        assertThat(r.remediation().awsCli()).contains("aws kms get-parameters-for-import").contains("aws kms import-key-material")
                .contains("--import-type EXISTING_KEY_MATERIAL").doesNotContain("enable-key");
    }

    @Test
    @DisplayName("FAIL (CRITICAL): Unavailable; reconnect the custom key store (connect-custom-key-store), enable-key would not help "
            + "(https://docs.aws.amazon.com/kms/latest/developerguide/connect-keystore.html)")
    void failsAKeyWhoseCustomKeyStoreIsDisconnected() {
        EstateFixture f = new EstateFixture();
        ObjectNode key = vaultKey(f, f.vault(BACKUP, REGION, "v"));
        metadata(key).put("KeyState", "Unavailable").put("Enabled", true).put("Origin", "AWS_CLOUDHSM")
                .put("CustomKeyStoreId", "cks-1234567890abcdef0").put("CloudHsmClusterId", "cluster-1a23b4cdefg");
        Result r = resultFor(f, key);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(r.evidence().field("KeyMetadata.CustomKeyStoreId")).isEqualTo("cks-1234567890abcdef0");
        assertThat(r.remediation().awsCli()).startsWith("aws kms connect-custom-key-store --region " + REGION
                + " --custom-key-store-id cks-1234567890abcdef0").doesNotContain("enable-key");
    }

    @Test
    @DisplayName("FAIL (HIGH): imported material that expires within 30 days; the key still works today "
            + "(https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-import-key-material.html)")
    void failsAsHighImportedMaterialAboutToExpire() {
        EstateFixture f = new EstateFixture();
        ObjectNode key = vaultKey(f, f.vault(BACKUP, REGION, "v"));
        imported(key, NOW.plus(Duration.ofDays(10)));
        Result r = resultFor(f, key);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.HIGH);
        assertThat(r.evidence().summary()).contains("in 10 days");
        assertThat(r.evidence().thresholds()).anyMatch(t -> t.name().equals("keyMaterialExpiryDays"));
        assertThat(r.remediation().awsCli()).contains("aws kms import-key-material").doesNotContain("enable-key");
    }

    @Test
    @DisplayName("PASS: an Enabled key, imported material valid beyond 30 days, or imported material that does not expire "
            + "(https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-import-key-material.html)")
    void passesUsableKeys() {
        EstateFixture f = new EstateFixture();
        ObjectNode plain = vaultKey(f, f.vault(BACKUP, REGION, "v"));
        ObjectNode later = vaultKey(f, f.vault(BACKUP, REGION, "w"));
        imported(later, NOW.plus(Duration.ofDays(90)));
        ObjectNode forever = vaultKey(f, f.vault(BACKUP, REGION, "x"));
        metadata(forever).put("Origin", "EXTERNAL").put("ExpirationModel", "KEY_MATERIAL_DOES_NOT_EXPIRE");
        List<Result> results = f.run(check);
        for (ObjectNode k : List.of(plain, later, forever)) {
            assertThat(about(results, EstateFixture.arnOfKey(k)).status()).as(EstateFixture.arnOfKey(k)).isEqualTo(Status.PASS);
        }
    }

    @Test
    @DisplayName("Edge: the 30 days include their last instant and are a setting (keyMaterialExpiryDays) "
            + "(https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-import-key-material.html)")
    void theWindowIsInclusiveAndConfigurable() {
        EstateFixture f = new EstateFixture();
        ObjectNode exactly = vaultKey(f, f.vault(BACKUP, REGION, "v"));
        imported(exactly, NOW.plus(Duration.ofDays(30)));
        ObjectNode justAfter = vaultKey(f, f.vault(BACKUP, REGION, "w"));
        imported(justAfter, NOW.plus(Duration.ofDays(30)).plusSeconds(60));
        List<Result> results = f.run(check);
        assertThat(about(results, EstateFixture.arnOfKey(exactly)).status()).isEqualTo(Status.FAIL);
        assertThat(about(results, EstateFixture.arnOfKey(justAfter)).status()).isEqualTo(Status.PASS);
        FindingsSettings shorter = new FindingsSettings(Map.of("keyMaterialExpiryDays", 7), Map.of(), Map.of());
        assertThat(about(f.run(check, shorter), EstateFixture.arnOfKey(exactly)).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("Edge: a multi-Region primary in PendingReplicaDeletion is scheduled for deletion too; a recovery point's key that "
            + "could not be described is UNKNOWN (https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html)")
    void replicaDeletionAndUnreadKeys() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        ObjectNode primary = vaultKey(f, v);
        metadata(primary).put("KeyState", "PendingReplicaDeletion").put("Enabled", false).put("MultiRegion", true);
        ObjectNode p = f.point(v, VOL, NOW.minus(Duration.ofDays(1)));
        String foreign = "arn:aws:kms:eu-west-1:" + PROD + ":key/not-described";
        p.put("EncryptionKeyArn", foreign);
        f.region(PROD, REGION).putArray("ReadErrors").addObject().put("Scope", foreign).put("Operation", "kms:DescribeKey")
                .put("ErrorCode", "AccessDeniedException");
        List<Result> results = f.run(check);
        Result r = about(results, EstateFixture.arnOfKey(primary));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.remediation().awsCli()).startsWith("aws kms cancel-key-deletion");
        Result unread = about(results, foreign);
        assertThat(unread.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unread.evidence().field("ReadError.Operation")).isEqualTo("kms:DescribeKey");
    }
}
