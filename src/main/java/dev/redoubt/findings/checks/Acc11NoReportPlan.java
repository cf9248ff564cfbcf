package dev.redoubt.findings.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redoubt.estate.ReportPlan;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.RegionRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * ACC-11: no Backup Audit Manager report plan covers an account and region that hold vaults or plans. Without
 * reports there is no routine, independent evidence of what was backed up, copied and restored.
 *
 * <p>A report plan covers what its ReportSetting names (ReportSetting,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ReportSetting.html): {@code Regions} (the wildcard
 * {@code *} for all; absent, the plan's own region) and {@code Accounts} / {@code OrganizationUnits} ({@code ROOT}
 * for the whole organization; both absent, the plan's own account). "All account holders can create cross-Region
 * reports; management and delegated administrator account holders can also create cross-account reports"
 * (Working with audit reports, https://docs.aws.amazon.com/aws-backup/latest/devguide/working-with-audit-reports.html),
 * so a plan that names other accounts is an organization-wide plan of the management or delegated administrator
 * account, wherever the capture found it. A plan being deleted (DeploymentStatus DELETE_IN_PROGRESS,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ReportPlan.html) covers nothing. OU IDs cannot be
 * matched (the capture keeps OU names, not IDs): a plan that names OUs and would be the only cover makes the result
 * UNKNOWN. Prowler's backup_reportplans_exist asks for a plan in the region; this check accepts the
 * organization-wide ones too.
 */
public final class Acc11NoReportPlan extends RegionCheck {
    public Acc11NoReportPlan() {
        super("ACC-11", Facet.ACC, Severity.LOW, "No Backup Audit Manager report plan covers the account and region",
                "Without report plans there is no routine, independent record of backup, copy and restore activity.",
                "ReportPlans", "Prowler backup_reportplans_exist (organization-wide report plans count here)", "backup:ListReportPlans");
    }

    /** One report plan and where it lives. */
    private record Plan(RegionRef home, ReportPlan plan) {
        String label() {
            return plan.reportPlanName() + " (" + home.accountId() + ", " + home.region() + ")";
        }
    }

    private enum Cover { YES, NO, CANNOT_TELL }

    @Override
    boolean appliesTo(EstateIndex x, RegionRef r) {
        return holdsVaults(r) || r.data().backupPlans() != null && !r.data().backupPlans().isEmpty();
    }

    @Override
    Result judge(EstateIndex x, RegionRef r, Scope where) {
        if (r.data().reportPlans() == null) {
            return missing(x, where, "Region.ReportPlans");
        }
        List<String> covering = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        List<String> notRead = new ArrayList<>();
        List<String> otherRegions = new ArrayList<>();
        for (RegionRef home : x.regions()) {
            if (home.data().reportPlans() == null) {
                if (home.accountId().equals(r.accountId()) || home.accountId().equals(x.managementAccountId())) {
                    notRead.add(home.accountId() + "/" + home.region());
                }
                continue;
            }
            for (ReportPlan p : home.data().reportPlans()) {
                Plan plan = new Plan(home, p);
                Cover c = covers(x, plan, r);
                if (c == Cover.YES) {
                    covering.add(plan.label());
                } else if (c == Cover.CANNOT_TELL) {
                    unresolved.add(plan.label());
                } else if (coversAccount(x, plan, r) == Cover.YES) {
                    otherRegions.add(plan.label());
                }
            }
        }
        String summary = !covering.isEmpty() ? "Covered by " + String.join(", ", covering)
                : !unresolved.isEmpty() ? "Could not be evaluated: " + String.join(", ", unresolved)
                        + " name organizational units by ID, which the capture cannot resolve to accounts"
                : !notRead.isEmpty() ? "Could not be evaluated: the report plans of " + String.join(", ", notRead) + " were not read"
                : "No report plan covers " + r.accountId() + " in " + r.region() + " (neither its own nor an organization-wide one)"
                        + (otherRegions.isEmpty() ? "" : "; " + String.join(", ", otherRegions) + " cover" + (otherRegions.size() == 1 ? "s" : "")
                        + " the account in other regions only");
        Evidence e = Evidence.at(x.at(), summary)
                .field("CoveringReportPlans", covering)
                .field("ReportPlansInRegion", r.data().reportPlans().stream().map(ReportPlan::reportPlanName).sorted().toList())
                .field("ReportPlansNamingUnresolvedOUs", unresolved)
                .field("ReportPlansCoveringOtherRegionsOnly", otherRegions).build();
        if (!covering.isEmpty()) {
            return pass(where, e);
        }
        if (!unresolved.isEmpty() || !notRead.isEmpty()) {
            return unknown(where, e);
        }
        return fail(where, e, new Remediation(
                "Create a Backup Audit Manager report plan (backup, copy and restore jobs) in " + r.accountId() + " " + r.region()
                        + " delivering to an S3 bucket of the audit account, or add the account and region to the organization-wide report plan"
                        + " of the management or delegated administrator account (ReportSetting Accounts and Regions).",
                "aws backup create-report-plan --region " + sh(r.region()) + " --report-plan-name daily_backup_jobs"
                        + " --report-delivery-channel S3BucketName=<AUDIT_BUCKET>,Formats=CSV,JSON --report-setting ReportTemplate=BACKUP_JOB_REPORT",
                "CloudFormation",
                "ReportPlan:\n  Type: AWS::Backup::ReportPlan\n  Properties:\n    ReportPlanName: daily_backup_jobs\n    ReportDeliveryChannel:\n      S3BucketName: <AUDIT_BUCKET>\n      Formats: [CSV, JSON]\n    ReportSetting:\n      ReportTemplate: BACKUP_JOB_REPORT"));
    }

    /** Whether the plan reports on the account and region (checks.md ACC-11; ReportSetting). */
    private static Cover covers(EstateIndex x, Plan p, RegionRef target) {
        Cover account = coversAccount(x, p, target);
        return account == Cover.YES && !coversRegion(p, target) ? Cover.NO : account;
    }

    private static boolean coversRegion(Plan p, RegionRef target) {
        List<String> regions = strings(p.plan().reportSetting(), "Regions");
        return regions.isEmpty() ? p.home().region().equals(target.region()) : regions.contains("*") || regions.contains(target.region());
    }

    private static Cover coversAccount(EstateIndex x, Plan p, RegionRef target) {
        if ("DELETE_IN_PROGRESS".equals(p.plan().deploymentStatus())) {
            return Cover.NO;
        }
        JsonNode setting = p.plan().reportSetting();
        List<String> accounts = strings(setting, "Accounts");
        List<String> units = strings(setting, "OrganizationUnits");
        if (accounts.isEmpty() && units.isEmpty()) {
            return p.home().accountId().equals(target.accountId()) ? Cover.YES : Cover.NO;
        }
        // only the management or delegated administrator account can create a cross-account report plan, for its organization
        if (!x.inOrganization(target.accountId()) || !x.inOrganization(p.home().accountId())) {
            return Cover.NO;
        }
        if (accounts.contains(target.accountId()) || accounts.contains("ROOT") || units.contains("ROOT")
                || units.stream().anyMatch(u -> u.startsWith("r-"))) {
            return Cover.YES;
        }
        return units.isEmpty() || !coversRegion(p, target) ? Cover.NO : Cover.CANNOT_TELL;
    }

    private static List<String> strings(JsonNode setting, String member) {
        if (setting == null || !setting.path(member).isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        setting.get(member).forEach(n -> out.add(n.asText()));
        return out;
    }
}
