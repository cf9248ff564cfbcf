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
 * Same semantics as Security Hub KMS.4 (symmetric customer-managed keys), scoped to backup keys;
 * AWS-managed keys rotate on their own and are not judged.
 */
public final class Enc06KeyRotationDisabled extends KeyCheck {
    public Enc06KeyRotationDisabled() {
        super("ENC-06", Facet.ENC, Severity.MEDIUM, "Customer-managed key protecting backups does not rotate",
                "Without rotation, all backups stay encrypted under key material that never changes, widening the impact of its exposure.",
                "KeyRotationEnabled", "SH KMS.4, Prowler kms_cmk_rotation_enabled (not backup-scoped)", "kms:GetKeyRotationStatus");
    }

    @Override
    boolean vaultKeysOnly() {
        return false;
    }

    @Override
    Result judge(EstateIndex x, KeyRef key, Scope where, List<String> vaults) {
        KeyMetadata m = key.key().keyMetadata();
        if (!"CUSTOMER".equals(m.keyManager()) || m.keySpec() != null && !m.keySpec().equals("SYMMETRIC_DEFAULT")) {
            return null;
        }
        Boolean rotation = key.key().keyRotationEnabled();
        if (rotation == null) {
            return missing(x, where, "KeyRotationEnabled");
        }
        Evidence e = Evidence.at(x.at(), rotation ? "Automatic rotation is enabled" : "Automatic rotation is disabled")
                .field("KeyRotationEnabled", rotation)
                .field("RotationPeriodInDays", key.key().rotationPeriodInDays())
                .field("KeyMetadata.KeyManager", m.keyManager())
                .field("ProtectsVaults", vaults).build();
        if (rotation) {
            return pass(where, e);
        }
        return fail(where, e, new Remediation("Enable automatic rotation of the key (yearly, or a shorter period).",
                "aws kms enable-key-rotation --region " + key.region() + " --key-id " + sh(key.arn()) + " --rotation-period-in-days 365",
                "Terraform", "resource \"aws_kms_key\" \"backup\" {\n  enable_key_rotation     = true\n  rotation_period_in_days = 365\n}"));
    }
}
