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
import java.util.Set;

/**
 * ENC-05: the key protecting a vault or recovery points is disabled or pending deletion. A
 * disabled key makes the backups unrestorable; a deleted key destroys them for good, whatever the
 * vault lock says. Same semantics as Security Hub KMS.3, scoped to keys that protect backups.
 */
public final class Enc05KeyDisabledOrPendingDeletion extends KeyCheck {
    private static final Set<String> BAD = Set.of("Disabled", "PendingDeletion", "PendingReplicaDeletion", "Unavailable");

    public Enc05KeyDisabledOrPendingDeletion() {
        super("ENC-05", Facet.ENC, Severity.CRITICAL, "Key protecting backups is disabled or pending deletion",
                "Deleting the key destroys every backup it encrypts, locked or not; disabling it makes them unrestorable.",
                "KeyMetadata KeyState, DeletionDate", "SH KMS.3, Prowler kms_cmk_not_deleted_unintentionally (not backup-scoped)",
                "kms:DescribeKey");
    }

    @Override
    boolean vaultKeysOnly() {
        return false;
    }

    @Override
    Result judge(EstateIndex x, KeyRef key, Scope where, List<String> vaults) {
        KeyMetadata m = key.key().keyMetadata();
        if (m.keyState() == null) {
            return missing(x, where, "KeyMetadata.KeyState");
        }
        boolean bad = BAD.contains(m.keyState());
        Evidence e = Evidence.at(x.at(), bad ? "The key is " + m.keyState() + (m.deletionDate() != null ? " (deletion on " + m.deletionDate() + ")" : "")
                        + "; it protects " + vaults.size() + " vault(s)" : "The key is " + m.keyState())
                .field("KeyMetadata.KeyState", m.keyState())
                .field("KeyMetadata.Enabled", m.enabled())
                .field("KeyMetadata.DeletionDate", m.deletionDate())
                .field("ProtectsVaults", vaults).build();
        if (!bad) {
            return pass(where, e);
        }
        String cli = m.keyState().startsWith("Pending")
                ? "aws kms cancel-key-deletion --region " + key.region() + " --key-id " + sh(key.arn()) + "\naws kms enable-key --region " + key.region() + " --key-id " + sh(key.arn())
                : "aws kms enable-key --region " + key.region() + " --key-id " + sh(key.arn());
        return fail(where, e, new Remediation(
                "Cancel the key's deletion and enable it now; then restrict kms:ScheduleKeyDeletion and kms:DisableKey in the key policy to break-glass principals.",
                cli, "CloudFormation",
                "BackupKey:\n  Type: AWS::KMS::Key\n  DeletionPolicy: Retain\n  UpdateReplacePolicy: Retain\n  Properties:\n    Enabled: true\n    EnableKeyRotation: true"));
    }
}
