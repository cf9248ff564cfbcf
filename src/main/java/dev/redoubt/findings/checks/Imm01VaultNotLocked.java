package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;

/**
 * IMM-01: the vault has no Vault Lock. Without a lock, anyone with the right IAM permissions (or
 * ransomware holding them) can delete recovery points or shorten their retention: the "not
 * implementing immutability" anti-pattern. Same semantics as Prowler's (proposed)
 * backup_vaults_lock_enabled; BAM's vault-lock control judges it per resource.
 */
public final class Imm01VaultNotLocked extends VaultCheck {
    public Imm01VaultNotLocked() {
        super("IMM-01", Facet.IMM, Severity.MEDIUM, "Vault has no Vault Lock",
                "An unlocked vault lets anyone with IAM permissions delete or shorten backups.",
                "Locked", "BAM backup-resources-protected-by-backup-vault-lock, Prowler (PR) backup_vaults_lock_enabled", "backup:DescribeBackupVault");
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        Boolean locked = v.vault().locked();
        if (locked == null) {
            return missing(x, v.scope(), "BackupVault.Locked");
        }
        Evidence e = Evidence.at(x.at(), locked ? "The vault is locked" : "The vault has no Vault Lock")
                .field("BackupVault.Locked", locked).field("BackupVault.LockDate", v.vault().lockDate()).build();
        if (locked) {
            return pass(v.scope(), e);
        }
        return fail(v.scope(), e, new Remediation(
                "Put a Vault Lock in compliance mode on the vault (ChangeableForDays starts the grace time, after which nobody can remove it), with retention bounds that fit your plans.",
                "aws backup put-backup-vault-lock-configuration --region " + v.region() + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --min-retention-days 7 --max-retention-days 400 --changeable-for-days 3",
                "CloudFormation",
                "Vault:\n  Type: AWS::Backup::BackupVault\n  Properties:\n    BackupVaultName: " + v.vault().backupVaultName()
                        + "\n    LockConfiguration:\n      MinRetentionDays: 7\n      MaxRetentionDays: 400\n      ChangeableForDays: 3"));
    }
}
