package dev.redoubt.findings.checks;

import dev.redoubt.estate.ReportPlan;
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
 * ACC-11: an account and region that hold vaults or plans have no Backup Audit Manager report
 * plan. Without reports there is no routine evidence of what was backed up, copied and restored,
 * and no trail to notice a change. Same semantics as Prowler backup_reportplans_exist, judged
 * where vaults or plans exist.
 */
public final class Acc11NoReportPlan extends RegionCheck {
    public Acc11NoReportPlan() {
        super("ACC-11", Facet.ACC, Severity.LOW, "No Backup Audit Manager report plan in the account and region",
                "Without report plans there is no routine, independent record of backup, copy and restore activity.",
                "ReportPlans", "Prowler backup_reportplans_exist (same semantics, where backups exist)", "backup:ListReportPlans");
    }

    @Override
    boolean appliesTo(EstateIndex x, RegionRef r) {
        return holdsVaults(r) || r.data().backupPlans() != null && !r.data().backupPlans().isEmpty();
    }

    @Override
    Result judge(EstateIndex x, RegionRef r, Scope where) {
        if (r.data().reportPlans() == null) {
            return missing(x, where, "Region.ReportPlans");
        }
        List<String> names = r.data().reportPlans().stream().map(ReportPlan::reportPlanName).sorted().toList();
        Evidence e = Evidence.at(x.at(), names.isEmpty() ? "No report plan in " + r.accountId() + " " + r.region()
                        : names.size() + " report plan(s): " + String.join(", ", names))
                .field("ReportPlans", names).build();
        if (!names.isEmpty()) {
            return pass(where, e);
        }
        return fail(where, e, new Remediation("Create a Backup Audit Manager report plan (backup jobs, copy jobs, restore jobs) delivering to an S3 bucket of the audit account.",
                "aws backup create-report-plan --region " + r.region() + " --report-plan-name daily_backup_jobs"
                        + " --report-delivery-channel S3BucketName=<AUDIT_BUCKET>,Formats=CSV,JSON --report-setting ReportTemplate=BACKUP_JOB_REPORT",
                "CloudFormation",
                "ReportPlan:\n  Type: AWS::Backup::ReportPlan\n  Properties:\n    ReportPlanName: daily_backup_jobs\n    ReportDeliveryChannel:\n      S3BucketName: <AUDIT_BUCKET>\n      Formats: [CSV, JSON]\n    ReportSetting:\n      ReportTemplate: BACKUP_JOB_REPORT"));
    }
}
