package dev.redoubt.findings.checks;

import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;

/**
 * IMM-07: never-expiring recovery points in an immutable compliance vault (LockDate passed).
 * Nothing, not even AWS, can delete them: a permanent cost, and personal data that can never be
 * erased. AWS's Vault Lock guide warns to avoid "Always" retention there.
 */
public final class Imm07NeverExpiringInComplianceVault extends PointCheck {
    public Imm07NeverExpiringInComplianceVault() {
        super("IMM-07", Facet.IMM, Severity.LOW, "Never-expiring recovery point in an immutable compliance vault",
                "A never-expiring recovery point in an immutable vault can never be removed: permanent cost and undeletable data.",
                "Lifecycle, LockDate", "-", "backup:ListRecoveryPointsByBackupVault");
    }

    @Override
    boolean appliesTo(EstateIndex x, VaultRef v) {
        return Boolean.TRUE.equals(v.vault().locked()) && v.vault().lockDate() != null && !v.vault().lockDate().isAfter(x.at());
    }

    @Override
    Result judge(EstateIndex x, VaultRef v, RecoveryPoint p, Scope where) {
        Long days = Retention.days(p);
        Evidence e = Evidence.at(x.at(), days == null ? "The recovery point never expires and the vault's lock is immutable since " + v.vault().lockDate()
                        : "The recovery point expires")
                .field("Lifecycle.DeleteAfterDays", p.lifecycle() == null ? null : p.lifecycle().deleteAfterDays())
                .field("BackupVault.LockDate", v.vault().lockDate()).build();
        if (days != null) {
            return pass(where, e);
        }
        long max = v.vault().maxRetentionDays() == null ? 3650 : v.vault().maxRetentionDays();
        return fail(where, e, new Remediation("Give the recovery point a retention (within the lock's bounds) so it can expire, and set a lifecycle on the rule that created it.",
                "aws backup update-recovery-point-lifecycle --region " + v.region() + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --recovery-point-arn " + sh(p.recoveryPointArn()) + " --lifecycle DeleteAfterDays=" + max,
                "Terraform", "lifecycle {\n  delete_after = " + max + "\n}"));
    }
}
