package dev.redoubt.findings.checks;

import dev.redoubt.estate.ReadError;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.util.List;

/**
 * ENC-03: a standard vault encrypted with the AWS-managed key (aws/backup). Its key policy cannot
 * be changed, so anyone in the account authorised to use AWS Backup can decrypt through it, and
 * the backups cannot be copied across accounts with it. Logically air-gapped vaults are exempt
 * (AWS recommends AWS-owned keys there). KeyManager from kms:DescribeKey is authoritative.
 */
public final class Enc03AwsManagedVaultKey extends VaultCheck {
    public Enc03AwsManagedVaultKey() {
        super("ENC-03", Facet.ENC, Severity.MEDIUM, "Vault uses the AWS-managed key instead of a customer-managed key",
                "The AWS-managed aws/backup key's policy cannot be restricted, so decryption cannot be separated from everyday Backup use.",
                "vault key's KeyManager, EncryptionKeyType, VaultType", "-", "backup:DescribeBackupVault", "kms:DescribeKey");
    }

    @Override
    boolean appliesTo(EstateIndex x, VaultRef v) {
        return !v.isAirGapped() && v.vault().encryptionKeyArn() != null;
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        String arn = v.vault().encryptionKeyArn();
        KeyRef key = x.key(arn);
        if (key == null) {
            ReadError err = x.readError(dev.redoubt.estate.Arn.accountOf(arn), null, arn, List.of("kms:DescribeKey"));
            return err != null ? unreadable(x, v.scope(), err)
                    : unknown(v.scope(), Evidence.at(x.at(), "Could not be evaluated: the vault's key " + arn + " is not in the estate (not read)")
                    .field("BackupVault.EncryptionKeyArn", arn).build());
        }
        String manager = key.key().keyMetadata().keyManager();
        if (manager == null) {
            return missing(x, v.scope(), "KeyMetadata.KeyManager");
        }
        boolean awsManaged = manager.equals("AWS");
        Evidence e = Evidence.at(x.at(), awsManaged ? "The vault uses an AWS-managed key (KeyManager AWS)" : "The vault uses a customer-managed key")
                .field("BackupVault.EncryptionKeyArn", arn)
                .field("KeyMetadata.KeyManager", manager)
                .field("BackupVault.VaultType", v.vault().vaultType()).build();
        if (!awsManaged) {
            return pass(v.scope(), e);
        }
        return fail(v.scope(), e, new Remediation(
                "Create a customer-managed key whose policy only the backup administrators can use, create a new vault with it, move the plans to the new vault and copy the existing recovery points.",
                "aws kms create-key --region " + sh(v.region()) + " --description 'Backup vault key'\n"
                        + "aws backup create-backup-vault --region " + sh(v.region()) + " --backup-vault-name " + sh(v.vault().backupVaultName() + "-cmk")
                        + " --encryption-key-arn <NEW_KEY_ARN>",
                "Terraform",
                "resource \"aws_kms_key\" \"backup\" {\n  description         = \"Backup vault key\"\n  enable_key_rotation = true\n}\n\nresource \"aws_backup_vault\" \"cmk\" {\n  name        = " + hcl(v.vault().backupVaultName() + "-cmk") + "\n  kms_key_arn = aws_kms_key.backup.arn\n}"));
    }
}
