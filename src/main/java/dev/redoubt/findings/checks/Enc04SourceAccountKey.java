package dev.redoubt.findings.checks;

import dev.redoubt.estate.Arn;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.AccountType;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;

/**
 * ENC-04: a recovery point kept apart from the workloads (in a backup account's vault, or in a
 * logically air-gapped vault) is encrypted with a key that a workload account owns. Whoever
 * administers that key can disable or delete it and so make unreadable the very backups meant to
 * survive that account's compromise.
 *
 * <p>Only vaults of backup accounts and air-gapped vaults are judged: a backup in a workload
 * account's own vault of a type AWS Backup does not fully manage (EBS, EC2, RDS, ...) keeps its
 * source service's key by design ("Encryption for backups in AWS Backup"), and a copy into
 * another account is re-encrypted with the destination vault's key ("Creating backup copies
 * across AWS accounts"), so in a backup account the key is, in practice, the vault's key.
 */
public final class Enc04SourceAccountKey extends PointCheck {
    static final String ENCRYPTION_PAGE = "https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html";
    static final String CROSS_ACCOUNT_PAGE = "https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html";

    public Enc04SourceAccountKey() {
        super("ENC-04", Facet.ENC, Severity.MEDIUM, "Recovery point in a backup account or air-gapped vault is encrypted with a workload account's key",
                "Whoever administers a workload account's key can disable or delete it, and so make unreadable the backups kept apart to survive that account's compromise.",
                "RP EncryptionKeyArn vs vault key, account of each", "-", "backup:ListRecoveryPointsByBackupVault");
    }

    @Override
    boolean appliesTo(EstateIndex x, VaultRef v) {
        return v.isAirGapped() || x.role(v.accountId()) == AccountType.BACKUP;
    }

    @Override
    Result judge(EstateIndex x, VaultRef v, RecoveryPoint p, Scope where, Shared shared) {
        if (Boolean.FALSE.equals(p.isEncrypted())) {
            return null; // ENC-01 judges unencrypted points
        }
        String held = v.isAirGapped() ? "an air-gapped vault" : "a vault of the backup account " + v.accountId();
        String vaultKey = v.vault().encryptionKeyArn();
        if (EstateIndex.AWS_OWNED_KEY.equals(p.encryptionKeyType())) {
            return pass(where, Evidence.at(x.at(), "The recovery point, held in " + held + ", is encrypted with an AWS-owned key, which no account of the organization administers")
                    .field("RecoveryPoint.EncryptionKeyType", p.encryptionKeyType())
                    .field("BackupVault.VaultType", v.vault().vaultType()).build());
        }
        String rpKey = p.encryptionKeyArn();
        if (rpKey == null) {
            return missing(x, where, "RecoveryPoint.EncryptionKeyArn");
        }
        KeyRef known = x.key(rpKey);
        String keyAccount = known != null ? known.accountId() : Arn.accountOf(rpKey);
        if (keyAccount == null) {
            return unknown(where, Evidence.at(x.at(), "Could not be evaluated: the recovery point's key " + rpKey + " names no account")
                    .field("RecoveryPoint.EncryptionKeyArn", rpKey).build());
        }
        AccountType keyRole = x.role(keyAccount);
        boolean workload = keyRole.isWorkload();
        String owner = "account " + keyAccount + " (" + keyRole + (x.inOrganization(keyAccount) ? "" : ", outside the organization") + ")";
        Evidence e = Evidence.at(x.at(), workload
                        ? "The recovery point, held in " + held + ", is encrypted with key " + rpKey + " of the workload " + owner
                                + ": that account can disable or delete the key and make the backup unreadable"
                        : "The recovery point, held in " + held + ", is encrypted with a key of " + owner + ", not of a workload account")
                .field("RecoveryPoint.EncryptionKeyArn", rpKey)
                .field("BackupVault.EncryptionKeyArn", vaultKey)
                .field("BackupVault.VaultType", v.vault().vaultType())
                .field("VaultAccountRole", x.role(v.accountId()))
                .field("KeyAccount", keyAccount)
                .field("KeyAccountRole", keyRole)
                .field("RecoveryPoint.ResourceArn", p.resourceArn()).build();
        if (!workload) {
            return pass(where, e);
        }
        return fail(where, e, remediation(v, rpKey));
    }

    /** A vault's key is set when the vault is created; the fix is a vault keyed outside the workloads, fed by copies. */
    private static Remediation remediation(VaultRef v, String rpKey) {
        String region = v.region();
        String newVault = v.vault().backupVaultName() + "-keyed";
        String action = "A vault's key is chosen when the vault is created and cannot be changed. Create "
                + (v.isAirGapped() ? "an air-gapped vault in the backup account (with its default AWS-owned key, or a key the backup or security account owns), "
                        : "a vault whose key the backup or security account owns, ")
                + "point the copy actions that feed " + v.vault().backupVaultName() + " at it (a copy into another account is re-encrypted with the "
                + "destination vault's key: " + CROSS_ACCOUNT_PAGE + "), and retire this vault once the new one holds the retention you need. "
                + "Until then, keep the workload account from disabling or scheduling deletion of " + rpKey + ".";
        String cli = v.isAirGapped()
                ? "aws backup create-logically-air-gapped-backup-vault --region " + sh(region) + " --backup-vault-name " + sh(newVault)
                        + " --min-retention-days 7 --max-retention-days 400"
                : "aws backup create-backup-vault --region " + sh(region) + " --backup-vault-name " + sh(newVault)
                        + " --encryption-key-arn " + sh("arn:aws:kms:" + region + ":" + v.accountId() + ":key/<KEY_ID_OWNED_BY_THE_BACKUP_ACCOUNT>");
        return new Remediation(action, cli, "Terraform",
                "rule {\n  rule_name         = \"daily\"\n  target_vault_name = aws_backup_vault.local.name\n  schedule          = \"cron(0 5 ? * * *)\"\n"
                        + "  copy_action {\n    destination_vault_arn = \"<NEW_VAULT_ARN>\" # keyed by the backup or security account, or AWS-owned\n  }\n}");
    }
}
