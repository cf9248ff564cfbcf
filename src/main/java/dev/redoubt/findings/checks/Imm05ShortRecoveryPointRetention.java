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
 * IMM-05: a recovery point's retention is below the minimum (default 35 days). Ransomware and
 * silent corruption are often found weeks later; a short retention means the last clean copy is
 * already gone. Never-expiring points pass. Same semantics as the Config rule
 * backup-recovery-point-minimum-retention-check and BAM's control (requiredRetentionDays).
 */
public final class Imm05ShortRecoveryPointRetention extends PointCheck {
    public Imm05ShortRecoveryPointRetention() {
        super("IMM-05", Facet.IMM, Severity.MEDIUM, "Recovery point is retained for less than the minimum",
                "A short retention loses the last clean copy before an intrusion or corruption is discovered.",
                "Lifecycle DeleteAfterDays, CalculatedLifecycle",
                "BAM, Config backup-recovery-point-minimum-retention-check, Steampipe (same semantics)", "backup:ListRecoveryPointsByBackupVault");
    }

    @Override
    Result judge(EstateIndex x, VaultRef v, RecoveryPoint p, Scope where) {
        int min = x.thresholds().recoveryPointMinRetentionDays();
        Long days = Retention.days(p);
        boolean ok = days == null || days >= min;
        Evidence e = Evidence.at(x.at(), days == null ? "The recovery point never expires"
                        : ok ? "The recovery point's retention meets the minimum" : "The recovery point is retained " + days + " days, less than " + min)
                .field("Lifecycle.DeleteAfterDays", p.lifecycle() == null ? null : p.lifecycle().deleteAfterDays())
                .field("CalculatedLifecycle.DeleteAt", p.calculatedLifecycle() == null ? null : p.calculatedLifecycle().deleteAt())
                .field("RetentionDays", days).thresholds(x.thresholdFact("recoveryPointMinRetentionDays")).build();
        if (ok) {
            return pass(where, e);
        }
        return fail(where, e, new Remediation("Extend the recovery point's retention to at least " + min + " days, and the plan rule that created it.",
                "aws backup update-recovery-point-lifecycle --region " + v.region() + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --recovery-point-arn " + sh(p.recoveryPointArn()) + " --lifecycle DeleteAfterDays=" + min,
                "Terraform", "rule {\n  rule_name         = \"daily\"\n  target_vault_name = \"" + v.vault().backupVaultName() + "\"\n  lifecycle {\n    delete_after = " + min + "\n  }\n}"));
    }
}
