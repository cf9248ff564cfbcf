package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;

/**
 * ENC-02: a vault with no encryption key. Backups the vault encrypts itself (fully managed
 * resource types) would then not be encrypted with a key the organization controls. Same
 * semantics as Prowler backup_vaults_encrypted (EncryptionKeyArn present); a logically air-gapped
 * vault with an AWS-owned key passes.
 */
public final class Enc02VaultWithoutKey extends VaultCheck {
    public Enc02VaultWithoutKey() {
        super("ENC-02", Facet.ENC, Severity.MEDIUM, "Vault has no encryption key",
                "A vault without a KMS key cannot encrypt the backups it manages; REL09-BP02 asks that backups be encrypted.",
                "vault EncryptionKeyArn", "Prowler backup_vaults_encrypted (same semantics)", "backup:DescribeBackupVault");
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        String key = v.vault().encryptionKeyArn();
        boolean awsOwned = EstateIndex.AWS_OWNED_KEY.equals(v.vault().encryptionKeyType());
        boolean ok = key != null && !key.isBlank() || awsOwned;
        Evidence e = Evidence.at(x.at(), ok ? (key != null ? "The vault is encrypted with " + key : "The vault uses an AWS-owned key")
                        : "The vault has no encryption key")
                .field("BackupVault.EncryptionKeyArn", key)
                .field("BackupVault.EncryptionKeyType", v.vault().encryptionKeyType())
                .field("BackupVault.VaultType", v.vault().vaultType()).build();
        if (ok) {
            return pass(v.scope(), e);
        }
        return fail(v.scope(), e, new Remediation(
                "A vault's key cannot be changed: create a vault with a customer-managed KMS key, point the backup plans at it, and copy the existing recovery points there.",
                "aws backup create-backup-vault --region " + sh(v.region()) + " --backup-vault-name " + sh(v.vault().backupVaultName() + "-cmk")
                        + " --encryption-key-arn <CUSTOMER_MANAGED_KEY_ARN>",
                "CloudFormation",
                "Vault:\n  Type: AWS::Backup::BackupVault\n  Properties:\n    BackupVaultName: " + yaml(v.vault().backupVaultName() + "-cmk") + "\n    EncryptionKeyArn: !GetAtt BackupKey.Arn"));
    }
}
