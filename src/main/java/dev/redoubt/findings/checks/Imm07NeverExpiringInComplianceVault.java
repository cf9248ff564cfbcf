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
import dev.redoubt.findings.checks.PlanRules.RuleRef;
import java.util.List;

/**
 * IMM-07: never-expiring recovery points in an immutable compliance vault (LockDate passed).
 * Nothing, not even AWS, can delete them: a permanent cost, and personal data that can never be
 * erased. AWS's Vault Lock guide warns to avoid "Always" retention there.
 *
 * <p>The point itself cannot be fixed: "If any user (including the root user) attempts to delete a backup or change
 * the lifecycle properties in a locked vault, AWS Backup will deny the operation" (Vault Lock,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html), and the lock past its LockDate cannot
 * change either. The fix stops more: a lifecycle on the rule (or copy action) that made it, and, when the lock has
 * no MaxRetentionDays, a new vault whose lock has one.
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
    Result judge(EstateIndex x, VaultRef v, RecoveryPoint p, Scope where, Shared shared) {
        Long days = Retention.days(p);
        Long deleteAfterDays = p.lifecycle() == null ? null : p.lifecycle().deleteAfterDays();
        // The same for every point of the vault with the same DeleteAfterDays: one object for them all (see Shared).
        Evidence e = shared.get(new EvidenceKey(days == null, deleteAfterDays, v.vault().lockDate()),
                () -> Evidence.at(x.at(), days == null ? "The recovery point never expires and the vault's lock is immutable since " + v.vault().lockDate()
                                : "The recovery point expires")
                        .field("Lifecycle.DeleteAfterDays", deleteAfterDays)
                        .field("BackupVault.LockDate", v.vault().lockDate()).build());
        if (days != null) {
            return pass(where, e);
        }
        // the lock refuses lifecycle changes on the point, and the lock itself cannot change: stop adding more
        long min = v.vault().minRetentionDays() == null ? x.thresholds().lockMinRetentionDays() : v.vault().minRetentionDays();
        long keep = v.vault().maxRetentionDays() != null ? v.vault().maxRetentionDays() : PlanRules.suggestedMaxDays(x, v);
        List<RuleRef> creators = PlanRules.creators(x, v, p);
        StringBuilder action = new StringBuilder("This recovery point can never be deleted: the vault's immutable lock refuses lifecycle changes on it"
                + " (Vault Lock), and AWS refuses to change the lock itself. Stop adding more: ");
        StringBuilder cli = new StringBuilder();
        if (!creators.isEmpty()) {
            action.append("give ").append(String.join(", ", creators.stream().map(RuleRef::describe).toList()))
                    .append(" a DeleteAfterDays within the lock's bounds (").append(keep).append(" days; get-backup-plan, edit the Lifecycle, update-backup-plan)");
            creators.stream().map(RuleRef::updateCommand).distinct().forEach(c -> cli.append(cli.length() == 0 ? "" : "\n").append(c));
        } else {
            action.append("start on-demand backups and copies into this vault with a Lifecycle DeleteAfterDays (").append(keep).append(" days)");
            cli.append("aws backup start-backup-job --region ").append(sh(v.region())).append(" --backup-vault-name ").append(sh(v.vault().backupVaultName()))
                    .append(" --resource-arn ").append(sh(p.resourceArn())).append(" --iam-role-arn ")
                    .append(sh(p.iamRoleArn() == null ? "<BACKUP_ROLE_ARN>" : p.iamRoleArn())).append(" --lifecycle DeleteAfterDays=").append(keep);
        }
        if (v.vault().maxRetentionDays() == null) {
            action.append(". The lock has no MaxRetentionDays, so it accepts more never-expiring recovery points: move the plans to a new vault whose lock"
                    + " has one (MinRetentionDays ").append(min).append(", MaxRetentionDays ").append(keep).append("): ")
                    .append(PlanRules.describePlans(x, v));
            PlanRules.appendLines(cli, PlanRules.replacementCommands(x, v, min, keep));
        }
        action.append(".");
        return fail(where, e, new Remediation(action.toString(), cli.toString(), "Terraform",
                Imm05ShortRecoveryPointRetention.snippet(v, creators, keep)));
    }

    private record EvidenceKey(boolean neverExpires, Long deleteAfterDays, java.time.Instant lockDate) {
    }
}
