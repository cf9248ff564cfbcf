package dev.redoubt.findings.checks;

import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Fact;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.checks.PlanRules.RuleRef;
import java.util.List;

/**
 * IMM-05: a COMPLETED recovery point's retention is below the minimum (default 35 days). Ransomware and silent
 * corruption are often found weeks later; a short retention means the last clean copy is already gone. Never-expiring
 * points pass. EXPIRED, DELETING (and other not-COMPLETED) points and composite members (ParentRecoveryPointArn set:
 * judged through their parent, which carries the lifecycle) give no result. Same semantics as the Config rule
 * backup-recovery-point-minimum-retention-check and BAM's control (requiredRetentionDays).
 *
 * <p>The fix depends on the vault's lock. "If any user (including the root user) attempts to delete a backup or change
 * the lifecycle properties in a locked vault, AWS Backup will deny the operation" (Vault Lock,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html), in governance and compliance mode alike:
 * in a locked vault the point keeps its retention and the fix is the plan rule that made it (update-backup-plan).
 * UpdateRecoveryPointLifecycle "does not support continuous backups" and needs MoveToColdStorageAfterDays repeated
 * when the lifecycle has it (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_UpdateRecoveryPointLifecycle.html).
 */
public final class Imm05ShortRecoveryPointRetention extends PointCheck {
    public Imm05ShortRecoveryPointRetention() {
        super("IMM-05", Facet.IMM, Severity.MEDIUM, "Recovery point is retained for less than the minimum",
                "A short retention loses the last clean copy before an intrusion or corruption is discovered.",
                "Lifecycle DeleteAfterDays, CalculatedLifecycle",
                "BAM, Config backup-recovery-point-minimum-retention-check, Steampipe (same semantics)", "backup:ListRecoveryPointsByBackupVault");
    }

    @Override
    Result judge(EstateIndex x, VaultRef v, RecoveryPoint p, Scope where, Shared shared) {
        if (p.parentRecoveryPointArn() != null) {
            return null; // a composite member: its parent's result covers it
        }
        if (p.status() == null) {
            return missing(x, where, "RecoveryPoint.Status");
        }
        if (!"COMPLETED".equals(p.status())) {
            return null; // EXPIRED, DELETING, PARTIAL, CREATING, ...: nothing to keep
        }
        int min = x.thresholds().recoveryPointMinRetentionDays();
        Long days = Retention.days(p);
        boolean ok = days == null || days >= min;
        // The summary and every fact but DeleteAt repeat across points: made once per value (see Shared).
        String summary = shared.get(new SummaryKey(days, min), () -> days == null ? "The recovery point never expires"
                : ok ? "The recovery point is retained " + days + " days, at least " + min
                : "The recovery point is retained " + days + " days, less than " + min);
        Long deleteAfterDays = p.lifecycle() == null ? null : p.lifecycle().deleteAfterDays();
        Evidence e = Evidence.at(x.at(), summary)
                .field(fact(shared, "Status", p.status()))
                .field(fact(shared, "Lifecycle.DeleteAfterDays", deleteAfterDays))
                .field("CalculatedLifecycle.DeleteAt", p.calculatedLifecycle() == null ? null : p.calculatedLifecycle().deleteAt())
                .field(fact(shared, "RetentionDays", days)).thresholds(x.thresholdFact("recoveryPointMinRetentionDays")).build();
        if (ok) {
            return pass(where, e);
        }
        return fail(where, e.plusField("BackupVault.Locked", v.vault().locked()), remediation(x, v, p, min, shared));
    }

    private record SummaryKey(Long days, int min) {
    }

    private record FactKey(String name, Object value) {
    }

    private static Fact fact(Shared shared, String name, Object value) {
        return shared.get(new FactKey(name, value), () -> new Fact(name, value));
    }

    /** The fix; its text is shared with every other point that needs the same words (most of it names the vault and the rule). */
    private static Remediation remediation(EstateIndex x, VaultRef v, RecoveryPoint p, int min, Shared shared) {
        List<RuleRef> creators = PlanRules.creators(x, v, p);
        boolean locked = Boolean.TRUE.equals(v.vault().locked());
        boolean continuous = p.recoveryPointArn() != null && p.recoveryPointArn().contains(":recovery-point:continuous:");
        Long cold = p.lifecycle() == null ? null : p.lifecycle().moveToColdStorageAfterDays();
        long keep = cold == null ? min : Math.max(min, cold + PlanRules.COLD_MINIMUM_DAYS);
        String rules = creators.isEmpty() ? null : String.join(", ", creators.stream().map(RuleRef::describe).toList());
        StringBuilder cli = new StringBuilder();
        StringBuilder action = new StringBuilder();
        if (locked || continuous) {
            action.append(locked ? "The vault's Vault Lock refuses lifecycle changes on its recovery points, so this one expires as it is. "
                    : "AWS Backup cannot change the lifecycle of a continuous backup, so this one expires as it is. ");
        } else {
            action.append("Extend the recovery point's retention to ").append(keep).append(" days (as a principal the vault policy allows to call"
                    + " backup:UpdateRecoveryPointLifecycle)");
            cli.append("aws backup update-recovery-point-lifecycle --region ").append(sh(v.region())).append(" --backup-vault-name ")
                    .append(sh(v.vault().backupVaultName())).append(" --recovery-point-arn ").append(sh(p.recoveryPointArn()))
                    .append(" --lifecycle ").append(cold == null ? "" : "MoveToColdStorageAfterDays=" + cold + ",").append("DeleteAfterDays=").append(keep);
            action.append(", and ");
        }
        if (rules != null) {
            action.append(locked || continuous ? "Raise" : "raise").append(" the retention of ").append(rules).append(" to at least ").append(min)
                    .append(" days so the next recovery points keep long enough (get-backup-plan, edit the Lifecycle, update-backup-plan).");
            creators.stream().map(RuleRef::updateCommand).distinct().forEach(c -> cli.append(cli.length() == 0 ? "" : "\n").append(c));
        } else {
            action.append(locked || continuous ? "Give" : "give").append(" the on-demand backups and copies of this resource a retention of at least ")
                    .append(min).append(" days (StartBackupJob / StartCopyJob Lifecycle).");
            String start = p.sourceBackupVaultArn() != null
                    ? "aws backup start-copy-job --region " + sh(v.region()) + " --recovery-point-arn <SOURCE_RECOVERY_POINT_ARN> --source-backup-vault-name "
                            + sh(vaultName(p.sourceBackupVaultArn())) + " --destination-backup-vault-arn " + sh(v.arn())
                            + " --iam-role-arn " + sh(p.iamRoleArn() == null ? "<BACKUP_ROLE_ARN>" : p.iamRoleArn()) + " --lifecycle DeleteAfterDays=" + min
                    : "aws backup start-backup-job --region " + sh(v.region()) + " --backup-vault-name " + sh(v.vault().backupVaultName())
                            + " --resource-arn " + sh(p.resourceArn()) + " --iam-role-arn " + sh(p.iamRoleArn() == null ? "<BACKUP_ROLE_ARN>" : p.iamRoleArn())
                            + " --lifecycle DeleteAfterDays=" + min;
            cli.append(cli.length() == 0 ? "" : "\n").append(start);
        }
        return shared.once(new Remediation(shared.once(action.toString()), cli.toString(), "Terraform", shared.once(snippet(v, creators, min))));
    }

    /** The Terraform of the rule (or copy action) with the minimum retention. */
    static String snippet(VaultRef v, List<RuleRef> creators, long min) {
        RuleRef first = creators.isEmpty() ? null : creators.get(0);
        if (first != null && first.copy() != null) {
            return "copy_action {\n  destination_vault_arn = " + hcl(v.arn()) + "\n  lifecycle {\n    delete_after = " + min + "\n  }\n}";
        }
        return "rule {\n  rule_name         = " + hcl(first == null ? "daily" : first.rule().ruleName()) + "\n  target_vault_name = "
                + hcl(v.vault().backupVaultName()) + "\n  lifecycle {\n    delete_after = " + min + "\n  }\n}";
    }
}
