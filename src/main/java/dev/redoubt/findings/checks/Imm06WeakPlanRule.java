package dev.redoubt.findings.checks;

import dev.redoubt.estate.BackupRule;
import dev.redoubt.findings.AbstractCheck;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.PlanRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Schedule;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * IMM-06: no rule of a backup plan runs at least daily with a retention of at least the minimum (default 35 days).
 * Without one, the plan leaves no recent copy, or none that survives until an incident found late. One compliant
 * rule suffices, so a plan may add weekly or monthly long-term rules: the semantics of the Config rule
 * backup-plan-min-frequency-and-min-retention-check ("Checks if a backup plan has a backup rule that satisfies the
 * required frequency and retention period",
 * https://docs.aws.amazon.com/config/latest/developerguide/backup-plan-min-frequency-and-min-retention-check.html)
 * and of BAM's control "Backup plan has minimum frequency and minimum retention" (Controls and remediation,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/controls-and-remediation.html). Daily as checks.md
 * "Frequency" reads it ({@link Schedule#atLeastDaily}); a rule that never expires keeps long enough. Deleted plans
 * (DeletionDate set) run nothing and give no result.
 */
public final class Imm06WeakPlanRule extends AbstractCheck {
    public Imm06WeakPlanRule() {
        super("IMM-06", Facet.IMM, Severity.MEDIUM, "No rule of the backup plan runs at least daily with the minimum retention",
                "A plan without a daily rule that keeps backups long enough leaves no recent or no surviving copy to restore.",
                "plan rules ScheduleExpression, Lifecycle", "BAM, Config backup-plan-min-frequency-and-min-retention-check (same semantics), Steampipe",
                "backup:GetBackupPlan");
    }

    @Override
    public void evaluate(EstateIndex x, Consumer<Result> out) {
        int min = x.thresholds().planMinRetentionDays();
        for (PlanRef p : x.plans()) {
            if (PlanRules.isDeleted(p)) {
                continue;
            }
            Scope where = new Scope(p.where().accountId(), p.where().region(), p.plan().backupPlanArn());
            Result r = unreadable(x, where);
            if (r != null) {
                out.accept(r);
                continue;
            }
            if (p.plan().backupPlan() == null || p.plan().backupPlan().rules() == null) {
                out.accept(missing(x, where, "BackupPlan.Rules"));
                continue;
            }
            out.accept(judge(x, p, where, min));
        }
    }

    private Result judge(EstateIndex x, PlanRef p, Scope where, int min) {
        List<String> compliant = new ArrayList<>();
        List<String> compliantNames = new ArrayList<>();
        List<String> others = new ArrayList<>();
        BackupRule dailyShort = null;
        for (BackupRule rule : p.plan().backupPlan().rules()) {
            Long keep = rule.lifecycle() == null ? null : rule.lifecycle().deleteAfterDays();
            boolean daily = Schedule.atLeastDaily(rule.scheduleExpression(), rule.enableContinuousBackup());
            boolean longEnough = keep == null || keep >= min;
            String text = rule.ruleName() + ": " + (rule.scheduleExpression() == null ? "no schedule" : rule.scheduleExpression())
                    + (Boolean.TRUE.equals(rule.enableContinuousBackup()) ? " + continuous" : "") + ", DeleteAfterDays " + (keep == null ? "never" : keep);
            if (daily && longEnough) {
                compliant.add(text);
                compliantNames.add(rule.ruleName());
            } else {
                others.add(text + " (" + (daily ? "keeps less than " + min + " days" : longEnough ? "runs less often than daily"
                        : "runs less often than daily and keeps less than " + min + " days") + ")");
                if (daily && dailyShort == null) {
                    dailyShort = rule;
                }
            }
        }
        String name = p.plan().backupPlan().backupPlanName();
        Evidence e = Evidence.at(x.at(), !compliant.isEmpty()
                        ? "Rule " + compliantNames.get(0) + " runs at least daily and keeps at least " + min + " days"
                        : "No rule runs at least daily and keeps at least " + min + " days: " + String.join("; ", others))
                .field("BackupPlan.BackupPlanName", name).field("CompliantRules", compliant).field("OtherRules", others)
                .threshold("planMinRetentionDays", min).threshold("Frequency", "at least daily").build();
        if (!compliant.isEmpty()) {
            return pass(where, e);
        }
        List<BackupRule> rules = p.plan().backupPlan().rules();
        String vault = dailyShort != null ? dailyShort.targetBackupVaultName() : rules.isEmpty() ? "<VAULT_NAME>" : rules.get(0).targetBackupVaultName();
        String action = dailyShort != null
                ? "Raise the retention of rule " + dailyShort.ruleName() + " of plan " + name + " (it runs daily) to at least " + min
                        + " days, or add a daily rule that keeps " + min + " days; the plan's other rules may stay as they are."
                : "Add to plan " + name + " a rule that runs at least daily into " + vault + " and keeps recovery points at least " + min
                        + " days; the plan's weekly or monthly rules may stay as they are.";
        return fail(where, e, new Remediation(action + " Update the plan with get-backup-plan, edit the rules, update-backup-plan.",
                "aws backup update-backup-plan --region " + sh(p.where().region()) + " --backup-plan-id " + sh(p.plan().backupPlanId())
                        + " --backup-plan file://plan.json",
                "CloudFormation",
                "BackupPlanRule:\n  - RuleName: " + yaml(dailyShort != null ? dailyShort.ruleName() : "daily-" + min + "d") + "\n    TargetBackupVault: " + yaml(vault)
                        + "\n    ScheduleExpression: " + yaml(dailyShort != null && dailyShort.scheduleExpression() != null ? dailyShort.scheduleExpression() : "cron(0 5 ? * * *)")
                        + "\n    Lifecycle:\n      DeleteAfterDays: " + min));
    }
}
