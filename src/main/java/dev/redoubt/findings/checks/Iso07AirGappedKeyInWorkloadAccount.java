package dev.redoubt.findings.checks;

import dev.redoubt.estate.Arn;
import dev.redoubt.findings.AccountType;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;

/**
 * ISO-07: a logically air-gapped vault is encrypted with a customer-managed key that lives in a
 * workload account. Whoever controls that account can disable or delete the key and so make the
 * air-gapped copies unreadable: the isolation is undone by the key.
 */
public final class Iso07AirGappedKeyInWorkloadAccount extends VaultCheck {
    public Iso07AirGappedKeyInWorkloadAccount() {
        super("ISO-07", Facet.ISO, Severity.HIGH, "Air-gapped vault is keyed from a workload account",
                "A workload account that owns the air-gapped vault's key can make the isolated backups unreadable.",
                "EncryptionKeyType, key ARN account", "-", "backup:DescribeBackupVault");
    }

    @Override
    boolean appliesTo(EstateIndex x, VaultRef v) {
        return v.isAirGapped();
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        String type = v.vault().encryptionKeyType();
        String key = v.vault().encryptionKeyArn();
        if (type == null && key == null) {
            return missing(x, v.scope(), "BackupVault.EncryptionKeyType");
        }
        boolean awsOwned = EstateIndex.AWS_OWNED_KEY.equals(type) || key == null;
        String keyAccount = awsOwned ? null : Arn.accountOf(key);
        AccountType role = keyAccount == null ? null : x.role(keyAccount);
        boolean bad = role != null && role.isWorkload();
        Evidence e = Evidence.at(x.at(), awsOwned ? "The air-gapped vault uses an AWS-owned key"
                        : bad ? "The air-gapped vault's key lives in " + role.name().toLowerCase(java.util.Locale.ROOT) + " account " + keyAccount
                        : "The air-gapped vault's key lives in " + (role == null ? "an unknown" : role.name().toLowerCase(java.util.Locale.ROOT)) + " account " + keyAccount)
                .field("BackupVault.EncryptionKeyType", type).field("BackupVault.EncryptionKeyArn", key)
                .field("KeyAccount", keyAccount).field("KeyAccountRole", role).build();
        if (!bad) {
            return pass(v.scope(), e);
        }
        return fail(v.scope(), e, new Remediation(
                "A vault's key cannot be changed: create a new logically air-gapped vault with an AWS-owned key (or a key in the backup or security account), copy the recovery points there and retarget the plans.",
                "aws backup create-logically-air-gapped-backup-vault --region " + sh(v.region()) + " --backup-vault-name " + sh(v.vault().backupVaultName() + "-v2")
                        + " --min-retention-days " + (v.vault().minRetentionDays() == null ? 7 : v.vault().minRetentionDays())
                        + " --max-retention-days " + (v.vault().maxRetentionDays() == null ? 400 : v.vault().maxRetentionDays()),
                "CloudFormation",
                "AirGappedVault:\n  Type: AWS::Backup::LogicallyAirGappedBackupVault\n  Properties:\n    BackupVaultName: " + yaml(v.vault().backupVaultName() + "-v2") + "\n    MinRetentionDays: 7\n    MaxRetentionDays: 400"));
    }
}
