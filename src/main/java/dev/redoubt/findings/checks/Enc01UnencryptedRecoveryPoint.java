package dev.redoubt.findings.checks;

import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;

/**
 * ENC-01: a recovery point that is not encrypted. Anyone who obtains the backup (a shared
 * snapshot, a compromised copy) reads the data in clear: the "not encrypting your backups"
 * anti-pattern. Same semantics as Security Hub Backup.1 and the Config rule
 * backup-recovery-point-encrypted (IsEncrypted).
 */
public final class Enc01UnencryptedRecoveryPoint extends PointCheck {
    public Enc01UnencryptedRecoveryPoint() {
        super("ENC-01", Facet.ENC, Severity.MEDIUM, "Recovery point is not encrypted",
                "An unencrypted recovery point can be read by whoever obtains a copy of it; REL09-BP02 asks that backups be encrypted.",
                "RecoveryPoint IsEncrypted", "SH Backup.1, BAM, Config backup-recovery-point-encrypted, Prowler (same semantics: IsEncrypted)",
                "backup:ListRecoveryPointsByBackupVault");
    }

    @Override
    Result judge(EstateIndex x, VaultRef v, RecoveryPoint p, Scope where, Shared shared) {
        if (p.isEncrypted() == null) {
            return missing(x, where, "RecoveryPoint.IsEncrypted");
        }
        // Points with the same key and resource type have the same evidence: one object for them all.
        Evidence e = shared.get(new EvidenceKey(p.isEncrypted(), p.encryptionKeyArn(), p.resourceType()),
                () -> Evidence.at(x.at(), p.isEncrypted() ? "The recovery point is encrypted" : "The recovery point is not encrypted")
                        .field("RecoveryPoint.IsEncrypted", p.isEncrypted())
                        .field("RecoveryPoint.EncryptionKeyArn", p.encryptionKeyArn())
                        .field("RecoveryPoint.ResourceType", p.resourceType()).build());
        if (p.isEncrypted()) {
            return pass(where, e);
        }
        return fail(where, e, new Remediation(
                "Encrypt the source resource, or copy this recovery point into a vault with a customer-managed KMS key (the copy is encrypted with the destination vault's key), then let the unencrypted one expire.",
                "aws backup start-copy-job --region " + sh(v.region()) + " --recovery-point-arn " + sh(p.recoveryPointArn())
                        + " --source-backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --destination-backup-vault-arn <ENCRYPTED_VAULT_ARN> --iam-role-arn <BACKUP_ROLE_ARN>",
                "Terraform",
                "resource \"aws_backup_vault\" \"encrypted\" {\n  name        = \"encrypted-backups\"\n  kms_key_arn = aws_kms_key.backup.arn\n}"));
    }

    private record EvidenceKey(Boolean encrypted, String keyArn, String resourceType) {
    }
}
