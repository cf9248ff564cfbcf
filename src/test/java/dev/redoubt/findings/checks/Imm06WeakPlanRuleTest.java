package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Schedule;
import dev.redoubt.findings.Status;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * IMM-06. "Checks if a backup plan has a backup rule that satisfies the required frequency and retention period"
 * (backup-plan-min-frequency-and-min-retention-check,
 * https://docs.aws.amazon.com/config/latest/developerguide/backup-plan-min-frequency-and-min-retention-check.html;
 * BAM's control, https://docs.aws.amazon.com/aws-backup/latest/devguide/controls-and-remediation.html): one compliant
 * rule suffices. Daily as checks.md "Frequency".
 */
class Imm06WeakPlanRuleTest {
    final Imm06WeakPlanRule check = new Imm06WeakPlanRule();

    static String planArn(ObjectNode p) {
        return p.get("BackupPlanArn").asText();
    }

    static ObjectNode rule(ObjectNode plan, int i) {
        return (ObjectNode) plan.get("BackupPlan").get("Rules").get(i);
    }

    /** Adds a rule to the plan. */
    static ObjectNode addRule(ObjectNode plan, String name, String schedule, Long keep) {
        ObjectNode r = ((ObjectNode) plan.get("BackupPlan")).withArray("Rules").addObject();
        r.put("RuleName", name).put("TargetBackupVaultName", "main").put("ScheduleExpression", schedule).put("RuleId", "rule-" + name);
        if (keep != null) {
            r.putObject("Lifecycle").put("DeleteAfterDays", keep);
        }
        r.putArray("CopyActions");
        return r;
    }

    @Test
    @DisplayName("FAIL: a weekly-only plan, a daily rule keeping 14 days, and a plan whose daily rule is short while its long rule is weekly (no one rule complies)")
    void flagsPlansWithoutOneCompliantRule() {
        EstateFixture f = new EstateFixture();
        ObjectNode weekly = f.plan(BACKUP, REGION, "weekly");
        rule(weekly, 0).put("ScheduleExpression", "cron(0 5 ? * SUN *)");
        ObjectNode brief = f.plan(BACKUP, REGION, "brief");
        ((ObjectNode) rule(brief, 0).get("Lifecycle")).put("DeleteAfterDays", 14);
        ObjectNode split = f.plan(BACKUP, REGION, "split");
        ((ObjectNode) rule(split, 0).get("Lifecycle")).put("DeleteAfterDays", 7);
        addRule(split, "weekly-1y", "cron(0 5 ? * SUN *)", 365L);
        List<Result> results = f.run(check);
        Result w = about(results, planArn(weekly));
        assertThat(w.status()).isEqualTo(Status.FAIL);
        assertThat(w.evidence().summary()).contains("runs less often than daily");
        assertThat(w.remediation().action()).startsWith("Add to plan weekly a rule that runs at least daily");
        Result b = about(results, planArn(brief));
        assertThat(b.evidence().summary()).contains("DeleteAfterDays 14 (keeps less than 35 days)");
        assertThat(b.remediation().action()).startsWith("Raise the retention of rule daily of plan brief");
        assertThat(about(results, planArn(split)).status()).as("daily-but-short plus weekly-but-long is not one compliant rule").isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("PASS: a daily 35-day rule beside weekly and monthly long-term rules (one compliant rule suffices, as the Config rule)"
            + " (https://docs.aws.amazon.com/config/latest/developerguide/backup-plan-min-frequency-and-min-retention-check.html)")
    void oneCompliantRuleSuffices() {
        EstateFixture f = new EstateFixture();
        ObjectNode plan = f.plan(BACKUP, REGION, "daily");
        addRule(plan, "weekly-1y", "cron(0 5 ? * SUN *)", 365L);
        addRule(plan, "monthly-short", "cron(0 5 1 * ? *)", 7L);
        Result r = about(f.run(check), planArn(plan));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence().summary()).isEqualTo("Rule daily runs at least daily and keeps at least 35 days");
        assertThat(r.evidence().field("OtherRules")).contains("weekly-1y").contains("monthly-short");
    }

    @Test
    @DisplayName("Edge: continuous backup counts as daily, rate(12 hours) is daily, a never-expiring daily rule keeps long enough; a deleted plan gives no result")
    void continuousRateNeverExpiringAndDeletedPlans() {
        EstateFixture f = new EstateFixture();
        ObjectNode continuous = f.plan(BACKUP, REGION, "continuous");
        rule(continuous, 0).remove("ScheduleExpression");
        rule(continuous, 0).put("EnableContinuousBackup", true);
        ObjectNode rate = f.plan(BACKUP, REGION, "rate");
        rule(rate, 0).put("ScheduleExpression", "rate(12 hours)").remove("Lifecycle");
        ObjectNode deleted = f.plan(BACKUP, REGION, "deleted");
        rule(deleted, 0).put("ScheduleExpression", "cron(0 5 ? * SUN *)");
        deleted.put("DeletionDate", EstateFixture.NOW.minusSeconds(86400).toString());
        List<Result> results = f.run(check);
        assertThat(about(results, planArn(continuous)).status()).isEqualTo(Status.PASS);
        assertThat(about(results, planArn(rate)).status()).isEqualTo(Status.PASS);
        assertThat(results).noneMatch(r -> r.resourceArn().equals(planArn(deleted)));
    }

    @Test
    void readsSchedulesAsChecksMdDefinesDaily() {
        assertThat(Schedule.atLeastDaily("rate(12 hours)", null)).isTrue();
        assertThat(Schedule.atLeastDaily("rate(24 hours)", null)).isTrue();
        assertThat(Schedule.atLeastDaily("rate(25 hours)", null)).isFalse();
        assertThat(Schedule.atLeastDaily("rate(1 day)", null)).isTrue();
        assertThat(Schedule.atLeastDaily("rate(2 days)", null)).isFalse();
        assertThat(Schedule.atLeastDaily("cron(0 5 ? * * *)", null)).isTrue();
        assertThat(Schedule.atLeastDaily("cron(0 */4 * * ? *)", null)).isTrue();
        assertThat(Schedule.atLeastDaily("cron(0 5 ? * MON-FRI *)", null)).isFalse();
        assertThat(Schedule.atLeastDaily("cron(0 5 1 * ? *)", null)).isFalse();
        assertThat(Schedule.atLeastDaily("cron(0 5 ? 1 * *)", null)).isFalse();
        assertThat(Schedule.atLeastDaily(null, true)).as("continuous backup counts as daily").isTrue();
        assertThat(Schedule.atLeastDaily(null, null)).isFalse();
    }
}
