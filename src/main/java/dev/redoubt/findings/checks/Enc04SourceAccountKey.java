package dev.redoubt.findings.checks;

import dev.redoubt.estate.Arn;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.AccountType;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;

/**
 * ENC-04: a recovery point encrypted with a key other than its vault's, living in the source
 * (production) account. Whoever can use the production key can read, and by disabling it
 * destroy, the backup: the "same access to backups as to data" anti-pattern.
 */
public final class Enc04SourceAccountKey extends PointCheck {
    public Enc04SourceAccountKey() {
        super("ENC-04", Facet.ENC, Severity.MEDIUM, "Recovery point is encrypted with a key of the source (production) account",
                "A backup encrypted with the production account's key is readable, and destructible, by whoever controls that key.",
                "RP EncryptionKeyArn vs vault key, account of each", "-", "backup:ListRecoveryPointsByBackupVault");
    }

    @Override
    Result judge(EstateIndex x, VaultRef v, RecoveryPoint p, Scope where) {
        if (Boolean.FALSE.equals(p.isEncrypted()) || EstateIndex.AWS_OWNED_KEY.equals(p.encryptionKeyType())) {
            return null; // ENC-01 judges unencrypted points; an AWS-owned key lives in no account of ours
        }
        String rpKey = p.encryptionKeyArn();
        if (rpKey == null) {
            return missing(x, where, "RecoveryPoint.EncryptionKeyArn");
        }
        String vaultKey = v.vault().encryptionKeyArn();
        boolean sameAsVault = rpKey.equals(vaultKey) || x.key(rpKey) != null && x.key(rpKey) == x.key(vaultKey);
        if (sameAsVault) {
            return pass(where, Evidence.at(x.at(), "The recovery point is encrypted with its vault's key")
                    .field("RecoveryPoint.EncryptionKeyArn", rpKey).field("BackupVault.EncryptionKeyArn", vaultKey).build());
        }
        String keyAccount = Arn.accountOf(rpKey);
        String source = Arn.accountOf(p.resourceArn());
        AccountType keyRole = keyAccount == null ? null : x.role(keyAccount);
        boolean bad = keyAccount != null && (keyAccount.equals(source) || keyRole.isWorkload());
        Evidence e = Evidence.at(x.at(), bad ? "The recovery point is encrypted with key " + rpKey + " of account " + keyAccount + " (" + keyRole + "), not with its vault's key"
                        : "The recovery point's key is not its vault's but lives outside the source and workload accounts")
                .field("RecoveryPoint.EncryptionKeyArn", rpKey)
                .field("BackupVault.EncryptionKeyArn", vaultKey)
                .field("RecoveryPoint.ResourceArn", p.resourceArn())
                .field("KeyAccount", keyAccount)
                .field("KeyAccountRole", keyRole).build();
        if (!bad) {
            return pass(where, e);
        }
        return fail(where, e, new Remediation(
                "Copy the recovery point into a vault in the backup account whose key lives in the backup account (the copy is re-encrypted with the destination vault's key), and rely on that copy.",
                "aws backup start-copy-job --region " + v.region() + " --recovery-point-arn " + sh(p.recoveryPointArn())
                        + " --source-backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --destination-backup-vault-arn <BACKUP_ACCOUNT_VAULT_ARN> --iam-role-arn <BACKUP_ROLE_ARN>",
                "Terraform",
                "rule {\n  rule_name         = \"daily\"\n  target_vault_name = aws_backup_vault.local.name\n  schedule          = \"cron(0 5 ? * * *)\"\n  copy_action {\n    destination_vault_arn = \"<BACKUP_ACCOUNT_VAULT_ARN>\" # keyed in the backup account\n  }\n}"));
    }
}
