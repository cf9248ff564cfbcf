package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;

/**
 * IMM-02: the vault lock is in governance mode (Locked with no LockDate). Anyone with
 * backup:DeleteBackupVaultLockConfiguration removes it and then deletes the backups, so it is
 * immutability in name only. No other tool tells the modes apart; LockDate does.
 */
public final class Imm02GovernanceModeLock extends VaultCheck {
    public Imm02GovernanceModeLock() {
        super("IMM-02", Facet.IMM, Severity.HIGH, "Vault lock is in governance mode",
                "A governance-mode lock can be removed by anyone allowed backup:DeleteBackupVaultLockConfiguration.",
                "Locked, LockDate", "-", "backup:DescribeBackupVault");
    }

    @Override
    boolean appliesTo(EstateIndex x, VaultRef v) {
        return Boolean.TRUE.equals(v.vault().locked());
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        boolean governance = v.vault().lockDate() == null;
        Evidence e = Evidence.at(x.at(), governance ? "The vault is locked in governance mode (no LockDate): the lock can be removed"
                        : "The vault is locked in compliance mode (LockDate " + v.vault().lockDate() + ")")
                .field("BackupVault.Locked", true).field("BackupVault.LockDate", v.vault().lockDate()).build();
        if (!governance) {
            return pass(v.scope(), e);
        }
        return fail(v.scope(), e, new Remediation(
                "Re-apply the lock in compliance mode by giving ChangeableForDays (at least 3); after that grace time the lock cannot be removed by anyone.",
                "aws backup put-backup-vault-lock-configuration --region " + v.region() + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --min-retention-days " + (v.vault().minRetentionDays() == null ? 7 : v.vault().minRetentionDays())
                        + " --max-retention-days " + (v.vault().maxRetentionDays() == null ? 400 : v.vault().maxRetentionDays()) + " --changeable-for-days 3",
                "Terraform",
                "resource \"aws_backup_vault_lock_configuration\" \"compliance\" {\n  backup_vault_name   = \"" + v.vault().backupVaultName()
                        + "\"\n  min_retention_days  = 7\n  max_retention_days  = 400\n  changeable_for_days = 3\n}"));
    }
}
