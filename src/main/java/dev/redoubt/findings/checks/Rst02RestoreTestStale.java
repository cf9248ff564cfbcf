package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.TestPlanRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * RST-02: a restore testing plan has not run in the last N days (default 30): LastExecutionTime
 * too old or absent. A plan that exists but does not run proves nothing; backups drift out of
 * restorability between tests.
 */
public final class Rst02RestoreTestStale extends TestPlanCheck {
    public Rst02RestoreTestStale() {
        super("RST-02", Facet.RST, Severity.HIGH, "No restore test ran recently",
                "A restore testing plan that has not run recently gives no assurance that today's backups restore.",
                "RestoreTestingPlans LastExecutionTime", "-", "backup:ListRestoreTestingPlans", "backup:GetRestoreTestingPlan");
    }

    @Override
    Result judge(EstateIndex x, TestPlanRef p) {
        int days = x.thresholds().restoreTestMaxAgeDays();
        Instant last = p.plan().lastExecutionTime();
        boolean ok = last != null && !last.isBefore(x.at().minus(Duration.ofDays(days)));
        Evidence e = Evidence.at(x.at(), last == null ? "The plan has never run"
                        : ok ? "The plan last ran " + humanDuration(Duration.between(last, x.at())) + " ago (" + last + ")"
                        : "The plan last ran " + humanDuration(Duration.between(last, x.at())) + " ago (" + last + "), more than " + days + " days")
                .field("RestoreTestingPlan.LastExecutionTime", last).field("RestoreTestingPlan.ScheduleExpression", p.plan().scheduleExpression())
                .threshold("restoreTestMaxAgeDays", days).build();
        if (ok) {
            return pass(p.scope(), e);
        }
        return fail(p.scope(), e, new Remediation(
                "Give the plan a schedule that runs at least every " + days + " days and check that its selections match recovery points (an empty selection never runs a job).",
                "aws backup update-restore-testing-plan --region " + sh(p.where().region()) + " --restore-testing-plan-name " + sh(p.plan().restoreTestingPlanName())
                        + " --restore-testing-plan '{\"ScheduleExpression\":\"cron(0 1 ? * SUN *)\"}'",
                "CloudFormation",
                "RestoreTestingPlan:\n  Type: AWS::Backup::RestoreTestingPlan\n  Properties:\n    RestoreTestingPlanName: " + yaml(p.plan().restoreTestingPlanName()) + "\n    ScheduleExpression: cron(0 1 ? * SUN *)"));
    }
}
