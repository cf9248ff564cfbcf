package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * IMM-03: a compliance-mode lock still in its grace time (LockDate after the evaluation instant).
 * Until LockDate it can be removed like a governance lock; a long ChangeableForDays leaves the
 * vault removable for years. The evidence says how long until it becomes immutable.
 */
public final class Imm03LockInGraceTime extends VaultCheck {
    public Imm03LockInGraceTime() {
        super("IMM-03", Facet.IMM, Severity.MEDIUM, "Compliance lock is still in its grace time",
                "Until its LockDate a compliance lock can still be removed, so the backups are not yet immutable.",
                "LockDate vs CapturedAt", "-", "backup:DescribeBackupVault");
    }

    @Override
    boolean appliesTo(EstateIndex x, VaultRef v) {
        return Boolean.TRUE.equals(v.vault().locked()) && v.vault().lockDate() != null;
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        Instant lockDate = v.vault().lockDate();
        boolean grace = lockDate.isAfter(x.at());
        Evidence e = Evidence.at(x.at(), grace ? "The lock can still be removed for " + humanDuration(Duration.between(x.at(), lockDate))
                        + " (until " + lockDate + ")" : "The lock became immutable on " + lockDate)
                .field("BackupVault.LockDate", lockDate).field("EvaluatedAt", x.at()).build();
        if (!grace) {
            return pass(v.scope(), e);
        }
        return fail(v.scope(), e, new Remediation(
                "Watch the vault until its LockDate; if the grace time was set long by mistake, re-apply the lock now with a short ChangeableForDays (3) so it becomes immutable sooner.",
                "aws backup put-backup-vault-lock-configuration --region " + sh(v.region()) + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --min-retention-days " + (v.vault().minRetentionDays() == null ? 7 : v.vault().minRetentionDays())
                        + " --max-retention-days " + (v.vault().maxRetentionDays() == null ? 400 : v.vault().maxRetentionDays()) + " --changeable-for-days 3",
                "CloudFormation",
                "LockConfiguration:\n  MinRetentionDays: 7\n  MaxRetentionDays: 400\n  ChangeableForDays: 3"));
    }
}
