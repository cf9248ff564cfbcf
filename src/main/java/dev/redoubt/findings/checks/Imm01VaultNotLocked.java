package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.util.List;

/**
 * IMM-01: the vault has no Vault Lock. Without a lock, anyone with the right IAM permissions (or ransomware holding
 * them) can delete recovery points or shorten their retention: the "not implementing immutability" anti-pattern.
 * Rated above IMM-02 (a governance lock at least stops everyone without backup:DeleteBackupVaultLockConfiguration).
 *
 * <p>A logically air-gapped vault always passes: "each vault is equipped with AWS Backup Vault Lock's compliance
 * mode" (Logically air-gapped vault, https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html).
 * The fix puts a compliance lock ("Vault Lock", https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html)
 * whose bounds fit the rules writing into the vault. Same semantics as Prowler's (proposed)
 * backup_vaults_lock_enabled; BAM's vault-lock control judges it per resource.
 */
public final class Imm01VaultNotLocked extends VaultCheck {
    public Imm01VaultNotLocked() {
        super("IMM-01", Facet.IMM, Severity.HIGH, "Vault has no Vault Lock",
                "An unlocked vault lets anyone with IAM permissions delete or shorten backups.",
                "Locked", "BAM backup-resources-protected-by-backup-vault-lock, Prowler (PR) backup_vaults_lock_enabled", "backup:DescribeBackupVault");
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        Boolean locked = v.vault().locked();
        if (v.isAirGapped()) {
            return pass(v.scope(), Evidence.at(x.at(), "A logically air-gapped vault is always locked in compliance mode")
                    .field("BackupVault.VaultType", v.vault().vaultType()).field("BackupVault.Locked", locked)
                    .field("BackupVault.LockDate", v.vault().lockDate()).build());
        }
        if (locked == null) {
            return missing(x, v.scope(), "BackupVault.Locked");
        }
        Evidence e = Evidence.at(x.at(), locked ? "The vault is locked" + (v.vault().lockDate() == null ? " (governance mode)" : " (compliance mode)")
                        : "The vault has no Vault Lock: recovery points can be deleted and their retention shortened")
                .field("BackupVault.Locked", locked).field("BackupVault.LockDate", v.vault().lockDate()).build();
        if (locked) {
            return pass(v.scope(), e);
        }
        int min = x.thresholds().lockMinRetentionDays();
        long max = PlanRules.suggestedMaxDays(x, v);
        List<String> shorter = PlanRules.keepingLessThan(x, v, min);
        return fail(v.scope(), e, new Remediation(
                "Put a Vault Lock in compliance mode on the vault: ChangeableForDays starts a grace time (at least 3 days) after which nobody,"
                        + " root included, can remove it. MinRetentionDays " + min + " and MaxRetentionDays " + max
                        + " (at least the longest rule's retention) bound the rules writing into this vault; a backup or copy job whose retention falls outside them fails"
                        + (shorter.isEmpty() ? "" : ", so raise these first: " + String.join("; ", shorter))
                        + ". Recovery points already in the vault are not affected by the bounds.",
                "aws backup put-backup-vault-lock-configuration --region " + sh(v.region()) + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --min-retention-days " + min + " --max-retention-days " + max + " --changeable-for-days 3",
                "CloudFormation",
                "Vault:\n  Type: AWS::Backup::BackupVault\n  Properties:\n    BackupVaultName: " + yaml(v.vault().backupVaultName())
                        + "\n    LockConfiguration:\n      MinRetentionDays: " + min + "\n      MaxRetentionDays: " + max + "\n      ChangeableForDays: 3"));
    }
}
