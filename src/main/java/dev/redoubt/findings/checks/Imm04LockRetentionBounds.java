package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * IMM-04: the lock's MinRetentionDays is below the policy minimum (default 7) or its
 * MaxRetentionDays is unset. A low minimum lets an attacker store (or shorten to) recovery points
 * that expire almost at once; no maximum lets a mistake keep data forever in a vault that can
 * never be emptied.
 */
public final class Imm04LockRetentionBounds extends VaultCheck {
    public Imm04LockRetentionBounds() {
        super("IMM-04", Facet.IMM, Severity.LOW, "Vault lock's retention bounds are too loose",
                "A lock with a minimum below policy, or no maximum, does not bound what the vault keeps.",
                "Min/MaxRetentionDays", "BAM vault-lock control parameters", "backup:DescribeBackupVault");
    }

    @Override
    boolean appliesTo(EstateIndex x, VaultRef v) {
        return Boolean.TRUE.equals(v.vault().locked());
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        int min = x.thresholds().lockMinRetentionDays();
        Long lockMin = v.vault().minRetentionDays();
        Long lockMax = v.vault().maxRetentionDays();
        List<String> problems = new ArrayList<>();
        if (lockMin == null || lockMin < min) {
            problems.add("MinRetentionDays " + (lockMin == null ? "is unset" : lockMin + " is below " + min));
        }
        if (lockMax == null) {
            problems.add("MaxRetentionDays is unset");
        }
        Evidence e = Evidence.at(x.at(), problems.isEmpty() ? "The lock keeps recovery points between " + lockMin + " and " + lockMax + " days"
                        : String.join("; ", problems))
                .field("BackupVault.MinRetentionDays", lockMin).field("BackupVault.MaxRetentionDays", lockMax)
                .threshold("lockMinRetentionDays", min).build();
        if (problems.isEmpty()) {
            return pass(v.scope(), e);
        }
        long newMin = Math.max(min, lockMin == null ? 0 : lockMin);
        return fail(v.scope(), e, new Remediation(
                "Set the lock's MinRetentionDays to at least " + min + " and a MaxRetentionDays that fits the longest plan retention (only possible while the lock is in governance mode or in its grace time).",
                "aws backup put-backup-vault-lock-configuration --region " + v.region() + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --min-retention-days " + newMin + " --max-retention-days " + (lockMax == null ? 400 : lockMax),
                "Terraform",
                "resource \"aws_backup_vault_lock_configuration\" \"bounds\" {\n  backup_vault_name  = \"" + v.vault().backupVaultName()
                        + "\"\n  min_retention_days = " + newMin + "\n  max_retention_days = 400\n}"));
    }
}
