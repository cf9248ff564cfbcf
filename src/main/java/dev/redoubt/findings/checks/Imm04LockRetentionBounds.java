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
 *
 * <p>The fix follows the lock's state (Vault Lock, https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html;
 * PutBackupVaultLockConfiguration, https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultLockConfiguration.html):
 * a governance lock, or a compliance lock in its grace time, can be re-put (keeping ChangeableForDays, else it would
 * become a governance lock); a compliance lock past its LockDate "becomes immutable and cannot be changed or
 * deleted", so the fix is a new vault with the right lock and the plans moved to it.
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
        long newMax = lockMax != null ? lockMax : PlanRules.suggestedMaxDays(x, v);
        if (PlanRules.immutableLock(x, v)) {
            // a compliance lock past its LockDate "becomes immutable and cannot be changed or deleted" (PutBackupVaultLockConfiguration): a new vault is the fix
            return fail(v.scope(), e, new Remediation(
                    "The lock is immutable since " + v.vault().lockDate() + ": AWS refuses to change its bounds. Create a new vault"
                            + " (" + PlanRules.replacementKeyText(x, v) + ") with a lock of MinRetentionDays " + newMin + " and MaxRetentionDays " + newMax
                            + ", and point the plans that write into " + v.vault().backupVaultName() + " (" + PlanRules.describePlans(x, v)
                            + ") at it (rule TargetBackupVaultName, copy action"
                            + " DestinationBackupVaultArn: get-backup-plan, edit, update-backup-plan). The old vault keeps its recovery points until they expire.",
                    PlanRules.replacementCommands(x, v, newMin, newMax), "CloudFormation", PlanRules.replacementSnippet(x, v, newMin, newMax)));
        }
        // re-putting a compliance lock in its grace time without ChangeableForDays would turn it into a governance lock: keep its LockDate
        Long changeable = v.vault().lockDate() == null ? null
                : Math.max(3, (long) Math.ceil(java.time.Duration.between(x.at(), v.vault().lockDate()).toHours() / 24.0));
        return fail(v.scope(), e, new Remediation(
                "Set the lock's MinRetentionDays to at least " + min + " and a MaxRetentionDays that fits the longest plan retention ("
                        + newMax + "); the lock can still be changed (" + (changeable == null ? "governance mode" : "compliance mode, grace time until " + v.vault().lockDate()) + ").",
                "aws backup put-backup-vault-lock-configuration --region " + sh(v.region()) + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --min-retention-days " + newMin + " --max-retention-days " + newMax + (changeable == null ? "" : " --changeable-for-days " + changeable),
                "Terraform",
                "resource \"aws_backup_vault_lock_configuration\" \"bounds\" {\n  backup_vault_name  = " + hcl(v.vault().backupVaultName())
                        + "\n  min_retention_days = " + newMin + "\n  max_retention_days = " + newMax
                        + (changeable == null ? "" : "\n  changeable_for_days = " + changeable) + "\n}"));
    }
}
