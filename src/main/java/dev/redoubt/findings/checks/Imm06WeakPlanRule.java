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
 * IMM-06: a backup plan rule runs less often than daily or retains for less than the minimum
 * (default 35 days). Every recovery point the rule makes is then too old or gone too soon to
 * recover from an incident found late. Close to BAM/Config
 * backup-plan-min-frequency-and-min-retention-check, but every rule must comply, not just one.
 */
public final class Imm06WeakPlanRule extends AbstractCheck {
    public Imm06WeakPlanRule() {
        super("IMM-06", Facet.IMM, Severity.MEDIUM, "Backup plan rule runs less often than daily or retains too briefly",
                "A rule that backs up rarely or keeps backups briefly leaves no recent or no surviving copy to restore.",
                "plan rules ScheduleExpression, Lifecycle", "BAM, Config backup-plan-min-frequency-and-min-retention-check, Steampipe",
                "backup:GetBackupPlan");
    }

    @Override
    public void evaluate(EstateIndex x, Consumer<Result> out) {
        int min = x.thresholds().planMinRetentionDays();
        for (PlanRef p : x.plans()) {
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
            List<String> problems = new ArrayList<>();
            List<String> rules = new ArrayList<>();
            for (BackupRule rule : p.plan().backupPlan().rules()) {
                Long keep = rule.lifecycle() == null ? null : rule.lifecycle().deleteAfterDays();
                boolean daily = Schedule.atLeastDaily(rule.scheduleExpression(), rule.enableContinuousBackup());
                rules.add(rule.ruleName() + ": " + (rule.scheduleExpression() == null ? "no schedule" : rule.scheduleExpression())
                        + (Boolean.TRUE.equals(rule.enableContinuousBackup()) ? " + continuous" : "") + ", DeleteAfterDays " + (keep == null ? "never" : keep));
                if (!daily) {
                    problems.add("rule " + rule.ruleName() + " runs less often than daily (" + rule.scheduleExpression() + ")");
                }
                if (keep != null && keep < min) {
                    problems.add("rule " + rule.ruleName() + " keeps recovery points " + keep + " days");
                }
            }
            String name = p.plan().backupPlan().backupPlanName();
            Evidence e = Evidence.at(x.at(), problems.isEmpty() ? "Every rule runs at least daily and retains at least " + min + " days"
                            : String.join("; ", problems))
                    .field("BackupPlan.BackupPlanName", name).field("Rules", rules)
                    .threshold("planMinRetentionDays", min).threshold("Frequency", "at least daily").build();
            if (problems.isEmpty()) {
                out.accept(pass(where, e));
            } else {
                out.accept(fail(where, e, new Remediation(
                        "Make every rule of plan " + name + " run at least daily and keep recovery points at least " + min + " days; update the plan with the corrected rules (get-backup-plan, edit, update-backup-plan).",
                        "aws backup update-backup-plan --region " + p.where().region() + " --backup-plan-id " + sh(p.plan().backupPlanId())
                                + " --backup-plan file://plan.json",
                        "CloudFormation",
                        "BackupPlanRule:\n  - RuleName: daily\n    TargetBackupVault: <VAULT_NAME>\n    ScheduleExpression: cron(0 5 ? * * *)\n    Lifecycle:\n      DeleteAfterDays: " + min)));
            }
        }
    }
}
