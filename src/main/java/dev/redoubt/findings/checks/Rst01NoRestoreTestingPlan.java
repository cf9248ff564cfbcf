package dev.redoubt.findings.checks;

import dev.redoubt.estate.RestoreTestingPlan;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.RegionRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;
import java.util.List;

/**
 * RST-01: an account and region hold backups but no restore testing plan. Backups that are
 * never restored are a hope, not a recovery capability: the "not validating backup integrity
 * through regular testing" anti-pattern.
 */
public final class Rst01NoRestoreTestingPlan extends RegionCheck {
    public Rst01NoRestoreTestingPlan() {
        super("RST-01", Facet.RST, Severity.HIGH, "Backups without a restore testing plan",
                "Untested backups may not restore when needed; REL09-BP02 asks to validate backup integrity by testing.",
                "RestoreTestingPlans", "-", "backup:ListRestoreTestingPlans");
    }

    @Override
    boolean appliesTo(EstateIndex x, RegionRef r) {
        return holdsBackups(r);
    }

    @Override
    Result judge(EstateIndex x, RegionRef r, Scope where) {
        if (r.data().restoreTestingPlans() == null) {
            return missing(x, where, "Region.RestoreTestingPlans");
        }
        List<String> names = r.data().restoreTestingPlans().stream().map(RestoreTestingPlan::restoreTestingPlanName).sorted().toList();
        Evidence e = Evidence.at(x.at(), names.isEmpty() ? "The account and region hold backups but no restore testing plan"
                        : names.size() + " restore testing plan(s): " + String.join(", ", names))
                .field("RestoreTestingPlans", names).build();
        if (!names.isEmpty()) {
            return pass(where, e);
        }
        return fail(where, e, new Remediation("Create a restore testing plan with a selection per protected resource type.",
                "aws backup create-restore-testing-plan --region " + sh(r.region()) + " --restore-testing-plan "
                        + "'{\"RestoreTestingPlanName\":\"weekly_restore_test\",\"ScheduleExpression\":\"cron(0 1 ? * SUN *)\",\"RecoveryPointSelection\":{\"Algorithm\":\"LATEST_WITHIN_WINDOW\",\"IncludeVaults\":[\"*\"],\"RecoveryPointTypes\":[\"SNAPSHOT\"],\"SelectionWindowDays\":7}}'",
                "CloudFormation",
                "RestoreTestingPlan:\n  Type: AWS::Backup::RestoreTestingPlan\n  Properties:\n    RestoreTestingPlanName: weekly_restore_test\n    ScheduleExpression: cron(0 1 ? * SUN *)\n    RecoveryPointSelection:\n      Algorithm: LATEST_WITHIN_WINDOW\n      IncludeVaults: ['*']\n      RecoveryPointTypes: [SNAPSHOT]\n      SelectionWindowDays: 7"));
    }
}
