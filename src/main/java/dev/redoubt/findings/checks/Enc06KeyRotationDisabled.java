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
import java.util.List;

/**
 * ENC-06: a customer-managed key protecting backups does not rotate its key material. A key that
 * never rotates keeps every backup's protection tied to one piece of key material for years.
 * Same semantics as Security Hub KMS.4, scoped to backup keys. Only keys that can rotate
 * automatically are judged (AWS KMS "Rotate AWS KMS keys"): customer-managed symmetric
 * encryption keys whose material KMS generated (Origin AWS_KMS). AWS-managed keys rotate every
 * year on their own; imported material, custom key stores, asymmetric and HMAC keys cannot rotate
 * automatically; a multi-Region replica's rotation is set on its primary. Those give no result.
 */
public final class Enc06KeyRotationDisabled extends KeyCheck {
    static final String ROTATION_PAGE = "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html";
    static final String STATUS_PAGE = "https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html";
    private static final String SYMMETRIC = "SYMMETRIC_DEFAULT";

    public Enc06KeyRotationDisabled() {
        super("ENC-06", Facet.ENC, Severity.MEDIUM, "Customer-managed key protecting backups does not rotate",
                "Without rotation, all backups stay encrypted under key material that never changes, widening the impact of its exposure.",
                "KeyRotationEnabled, KeyMetadata KeyManager, Origin, KeySpec, CustomKeyStoreId, MultiRegionConfiguration",
                "SH KMS.4, Prowler kms_cmk_rotation_enabled (not backup-scoped)", "kms:GetKeyRotationStatus");
    }

    @Override
    boolean vaultKeysOnly() {
        return false;
    }

    /** Keys that cannot rotate automatically, or whose rotation AWS or the primary key decides, are not this check's. */
    @Override
    boolean concerns(KeyRef key) {
        KeyMetadata m = key.key().keyMetadata();
        if ("AWS".equals(m.keyManager())) {
            return false; // AWS rotates its managed keys every year; not configurable
        }
        if (m.origin() != null && !"AWS_KMS".equals(m.origin()) || m.customKeyStoreId() != null) {
            return false; // imported material (EXTERNAL), AWS_CLOUDHSM and EXTERNAL_KEY_STORE keys
        }
        String spec = spec(m);
        if (spec != null && !spec.equals(SYMMETRIC)) {
            return false; // asymmetric and HMAC keys
        }
        return !"REPLICA".equals(m.multiRegionConfiguration() == null ? null : m.multiRegionConfiguration().path("MultiRegionKeyType").asText(null));
    }

    @Override
    Result judge(EstateIndex x, KeyRef key, Scope where, List<String> vaults) {
        KeyMetadata m = key.key().keyMetadata();
        Boolean rotation = key.key().keyRotationEnabled();
        if (rotation == null) {
            return missing(x, where, "KeyRotationEnabled");
        }
        if (!rotation && m.keyState() != null && m.keyState().startsWith("Pending") && m.keyState().endsWith("Deletion")) {
            return unknown(where, Evidence.at(x.at(), "Could not be evaluated: while a key is scheduled for deletion, GetKeyRotationStatus answers false whatever its rotation setting, which returns if the deletion is cancelled ("
                            + STATUS_PAGE + "); ENC-05 reports the deletion")
                    .field("KeyRotationEnabled", false).field("KeyMetadata.KeyState", m.keyState()).field("ProtectsVaults", vaults).build());
        }
        if (!rotation) {
            // Only a key known to be customer-managed, AWS_KMS and symmetric can be blamed for not rotating.
            if (m.keyManager() == null) {
                return missing(x, where, "KeyMetadata.KeyManager");
            }
            if (m.origin() == null) {
                return missing(x, where, "KeyMetadata.Origin");
            }
            if (spec(m) == null) {
                return missing(x, where, "KeyMetadata.KeySpec");
            }
        }
        Evidence e = Evidence.at(x.at(), rotation ? "Automatic rotation is enabled" + (key.key().rotationPeriodInDays() != null ? " (every " + key.key().rotationPeriodInDays() + " days)" : "")
                        : "Automatic rotation is disabled on this customer-managed symmetric key, whose key material KMS generated (it could rotate)")
                .field("KeyRotationEnabled", rotation)
                .field("RotationPeriodInDays", key.key().rotationPeriodInDays())
                .field("KeyMetadata.KeyManager", m.keyManager())
                .field("KeyMetadata.Origin", m.origin())
                .field("KeyMetadata.KeySpec", spec(m))
                .field("ProtectsVaults", vaults).build();
        if (rotation) {
            return pass(where, e);
        }
        return fail(where, e, new Remediation("Enable automatic rotation of the key (yearly, or a shorter period), in the key's own account.",
                "aws kms enable-key-rotation --region " + sh(key.region()) + " --key-id " + sh(key.arn()) + " --rotation-period-in-days 365",
                "Terraform", "resource \"aws_kms_key\" \"backup\" {\n  enable_key_rotation     = true\n  rotation_period_in_days = 365\n}"));
    }

    private static String spec(KeyMetadata m) {
        return m.keySpec() != null ? m.keySpec() : m.customerMasterKeySpec();
    }
}
