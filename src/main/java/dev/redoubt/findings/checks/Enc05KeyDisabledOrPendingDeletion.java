package dev.redoubt.findings.checks;

import dev.redoubt.estate.KeyMetadata;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * ENC-05: the key protecting a vault or recovery points cannot be used: Disabled, scheduled for
 * deletion, PendingImport (its imported key material expired or was deleted) or Unavailable (its
 * custom key store is disconnected). Until it is usable again no backup it encrypts can be
 * restored, and a deleted key destroys them for good, whatever the vault lock says. Imported key
 * material that expires within the threshold fails too, as HIGH: on its ValidTo KMS deletes it.
 * Same semantics as Security Hub KMS.3 for deletion, scoped to keys that protect backups. Each
 * state has its own fix (AWS KMS "Key states of AWS KMS keys"): enable-key does nothing for a
 * key whose material is missing or whose key store is disconnected.
 */
public final class Enc05KeyDisabledOrPendingDeletion extends KeyCheck {
    static final String KEY_STATES_PAGE = "https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html";
    static final String IMPORT_PAGE = "https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-import-key-material.html";
    static final String CONNECT_PAGE = "https://docs.aws.amazon.com/kms/latest/developerguide/connect-keystore.html";

    public Enc05KeyDisabledOrPendingDeletion() {
        super("ENC-05", Facet.ENC, Severity.CRITICAL, "Key protecting backups is disabled, pending deletion or unusable",
                "Deleting the key destroys every backup it encrypts, locked or not; while it is disabled, without its key material or cut off from its key store, none of them can be restored.",
                "KeyMetadata KeyState, DeletionDate, Origin, ExpirationModel, ValidTo, CustomKeyStoreId",
                "SH KMS.3, Prowler kms_cmk_not_deleted_unintentionally (not backup-scoped)", "kms:DescribeKey");
    }

    @Override
    boolean vaultKeysOnly() {
        return false;
    }

    @Override
    Result judge(EstateIndex x, KeyRef key, Scope where, List<String> vaults) {
        KeyMetadata m = key.key().keyMetadata();
        String state = m.keyState();
        if (state == null) {
            return missing(x, where, "KeyMetadata.KeyState");
        }
        int windowDays = x.thresholds().keyMaterialExpiryDays();
        Instant validTo = m.validTo(); // DescribeKey returns it only for imported material that expires (Origin EXTERNAL, KEY_MATERIAL_EXPIRES)
        Evidence.Builder e = null;
        String protects = "; it protects " + vaults.size() + " vault(s)";
        Remediation fix = null;
        Severity rated = severity();
        switch (state) {
            case "Disabled" -> {
                e = Evidence.at(x.at(), "The key is Disabled: no backup it encrypts can be restored until it is enabled" + protects);
                fix = new Remediation("Enable the key; then allow kms:DisableKey and kms:ScheduleKeyDeletion in its policy only to break-glass principals.",
                        "aws kms enable-key --region " + sh(key.region()) + " --key-id " + sh(key.arn()), "CloudFormation", RETAINED_KEY);
            }
            case "PendingDeletion", "PendingReplicaDeletion" -> {
                e = Evidence.at(x.at(), "The key is " + state + (m.deletionDate() != null ? " (deletion on " + m.deletionDate() + ")" : "")
                        + ": once deleted, every backup it encrypts is lost" + protects);
                fix = new Remediation("Cancel the key's deletion (it is then Disabled) and enable it; then allow kms:ScheduleKeyDeletion and kms:DisableKey in its policy only to break-glass principals.",
                        "aws kms cancel-key-deletion --region " + sh(key.region()) + " --key-id " + sh(key.arn())
                                + "\naws kms enable-key --region " + sh(key.region()) + " --key-id " + sh(key.arn()), "CloudFormation", RETAINED_KEY);
            }
            case "PendingImport" -> {
                e = Evidence.at(x.at(), "The key is PendingImport: its imported key material has expired or was deleted, so no backup it encrypts can be decrypted until the same material is imported again" + protects);
                fix = reimport(key, windowDays, "Import the same key material again (KMS accepts no other material for this key; " + IMPORT_PAGE
                        + "), with no expiration or a later one. Without that material, the backups it encrypts are lost.");
            }
            case "Unavailable" -> {
                String store = m.customKeyStoreId();
                e = Evidence.at(x.at(), "The key is Unavailable: its custom key store " + (store != null ? store + " " : "")
                        + "is disconnected, so no backup it encrypts can be decrypted until the store is connected again" + protects);
                fix = new Remediation("Connect the key's custom key store again (" + CONNECT_PAGE + "); enabling the key does not help, its state follows the store. "
                        + "Then check that the store's ConnectionState is CONNECTED.",
                        "aws kms connect-custom-key-store --region " + sh(key.region()) + " --custom-key-store-id " + sh(store != null ? store : "<CUSTOM_KEY_STORE_ID>")
                                + "\naws kms describe-custom-key-stores --region " + sh(key.region()) + " --custom-key-store-id " + sh(store != null ? store : "<CUSTOM_KEY_STORE_ID>"),
                        "CloudFormation", "# No CloudFormation resource connects a custom key store: run connect-custom-key-store (above),\n"
                        + "# then watch the store's ConnectionState (describe-custom-key-stores) until it is CONNECTED.\n"
                        + "BackupKey:\n  Type: AWS::KMS::Key\n  DeletionPolicy: Retain\n  UpdateReplacePolicy: Retain");
            }
            default -> {
                if (validTo != null && !validTo.isAfter(x.at().plus(Duration.ofDays(windowDays)))) {
                    long days = Duration.between(x.at(), validTo).toDays();
                    rated = Severity.HIGH;
                    e = Evidence.at(x.at(), "The key's imported key material expires on " + validTo + (days < 0 ? " (already past)" : " (in " + days + " days)")
                            + ": KMS then deletes it and the key becomes unusable until the same material is imported again" + protects);
                    fix = reimport(key, windowDays, "Import the same key material again before " + validTo + ", with no expiration or a later one ("
                            + IMPORT_PAGE + "); the expiration of an import cannot be changed otherwise. Where KMS asks for it, delete the current import first "
                            + "(delete-imported-key-material) and import at once: the key is unusable in between.");
                }
            }
        }
        if (e == null) {
            e = Evidence.at(x.at(), "The key is " + state + (validTo != null ? "; its imported key material expires on " + validTo : ""));
        }
        e.field("KeyMetadata.KeyState", state)
                .field("KeyMetadata.Enabled", m.enabled())
                .field("KeyMetadata.DeletionDate", m.deletionDate())
                .field("KeyMetadata.Origin", m.origin());
        if ("EXTERNAL".equals(m.origin()) || validTo != null) {
            e.field("KeyMetadata.ExpirationModel", m.expirationModel()).field("KeyMetadata.ValidTo", m.validTo())
                    .thresholds(x.thresholdFact("keyMaterialExpiryDays"));
        }
        if (m.customKeyStoreId() != null) {
            e.field("KeyMetadata.CustomKeyStoreId", m.customKeyStoreId());
        }
        Evidence evidence = e.field("ProtectsVaults", vaults).build();
        if (fix == null) {
            return pass(where, evidence);
        }
        return fail(where, rated, evidence, fix);
    }

    private static Remediation reimport(KeyRef key, int windowDays, String action) {
        String id = sh(key.arn());
        String region = key.region();
        return new Remediation(action + " Wrap the material with the public key that get-parameters-for-import returns before importing it.",
                "aws kms get-parameters-for-import --region " + sh(region) + " --key-id " + id + " --wrapping-algorithm RSAES_OAEP_SHA_256 --wrapping-key-spec RSA_4096"
                        + "\naws kms import-key-material --region " + sh(region) + " --key-id " + id
                        + " --encrypted-key-material fileb://EncryptedKeyMaterial.bin --import-token fileb://ImportToken.bin --import-type EXISTING_KEY_MATERIAL --expiration-model KEY_MATERIAL_DOES_NOT_EXPIRE",
                "CloudFormation", "# Imported key material cannot be set from CloudFormation; alarm before it expires.\n"
                        + "KeyMaterialExpiring:\n  Type: AWS::CloudWatch::Alarm\n  Properties:\n    Namespace: AWS/KMS\n    MetricName: SecondsUntilKeyMaterialExpiration\n"
                        + "    Dimensions:\n      - Name: KeyId\n        Value: " + yaml(key.key().keyMetadata().keyId()) + "\n    Statistic: Minimum\n    Period: 86400\n"
                        + "    EvaluationPeriods: 1\n    Threshold: " + windowDays * 86400L + "\n    ComparisonOperator: LessThanThreshold");
    }

    private static final String RETAINED_KEY = "BackupKey:\n  Type: AWS::KMS::Key\n  DeletionPolicy: Retain\n  UpdateReplacePolicy: Retain\n  Properties:\n    Enabled: true\n    EnableKeyRotation: true";
}
