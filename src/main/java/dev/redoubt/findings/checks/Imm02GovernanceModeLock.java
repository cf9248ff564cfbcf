package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;

/**
 * IMM-02: the vault lock is in governance mode (Locked with no LockDate). "Vaults locked in governance mode can have
 * the lock removed by users with sufficient IAM permissions" (Vault Lock,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html): anyone allowed
 * backup:DeleteBackupVaultLockConfiguration removes it and then deletes the backups. No other tool tells the modes
 * apart; LockDate does (set only by ChangeableForDays). Rated below IMM-01 (no lock at all).
 *
 * <p>The fix is valid while the lock is in governance mode: without ChangeableForDays "you can ... change the Vault
 * Lock configuration using PutBackupVaultLockConfiguration at any time", and giving it ChangeableForDays turns it
 * into a compliance lock that becomes immutable at its LockDate (PutBackupVaultLockConfiguration,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultLockConfiguration.html).
 */
public final class Imm02GovernanceModeLock extends VaultCheck {
    public Imm02GovernanceModeLock() {
        super("IMM-02", Facet.IMM, Severity.MEDIUM, "Vault lock is in governance mode",
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
        Evidence e = Evidence.at(x.at(), governance
                        ? "The vault is locked in governance mode (no LockDate): anyone allowed backup:DeleteBackupVaultLockConfiguration can remove the lock"
                        : "The vault is locked in compliance mode (LockDate " + v.vault().lockDate() + ")")
                .field("BackupVault.Locked", true).field("BackupVault.LockDate", v.vault().lockDate())
                .field("BackupVault.MinRetentionDays", v.vault().minRetentionDays()).field("BackupVault.MaxRetentionDays", v.vault().maxRetentionDays())
                .build();
        if (!governance) {
            return pass(v.scope(), e);
        }
        long min = v.vault().minRetentionDays() != null ? v.vault().minRetentionDays() : x.thresholds().lockMinRetentionDays();
        long max = v.vault().maxRetentionDays() != null ? v.vault().maxRetentionDays() : PlanRules.suggestedMaxDays(x, v);
        return fail(v.scope(), e, new Remediation(
                "Re-apply the lock with ChangeableForDays (at least 3): a governance lock can still be changed, and this turns it into a compliance"
                        + " lock that nobody, root included, can remove after its LockDate. Check the bounds first (IMM-04): after the LockDate they cannot change.",
                "aws backup put-backup-vault-lock-configuration --region " + sh(v.region()) + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --min-retention-days " + min + " --max-retention-days " + max + " --changeable-for-days 3",
                "Terraform",
                "resource \"aws_backup_vault_lock_configuration\" \"compliance\" {\n  backup_vault_name   = " + hcl(v.vault().backupVaultName())
                        + "\n  min_retention_days  = " + min + "\n  max_retention_days  = " + max + "\n  changeable_for_days = 3\n}"));
    }
}
