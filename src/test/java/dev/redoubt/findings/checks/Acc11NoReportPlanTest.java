package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.MGMT;
import static dev.redoubt.findings.EstateFixture.OTHER_REGION;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ACC-11. Coverage is what a report plan's ReportSetting names: Accounts (ROOT for all), OrganizationUnits, Regions
 * ("*" for all) (ReportSetting, https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ReportSetting.html); only
 * the management or delegated administrator account can make cross-account reports (Working with audit reports,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/working-with-audit-reports.html). The result is about
 * the account's organizations ARN with the region in Region (checks.md "What a result is about").
 */
class Acc11NoReportPlanTest {
    final Acc11NoReportPlan check = new Acc11NoReportPlan();

    /** An estate whose backup account holds a vault in REGION and no report plan anywhere. */
    static EstateFixture uncovered() {
        EstateFixture f = new EstateFixture();
        f.vault(BACKUP, REGION, "v");
        f.region(BACKUP, REGION).putArray("ReportPlans");
        return f;
    }

    /** Adds a report plan to the account and region, with the ReportSetting members given (null: absent). */
    static ObjectNode reportPlan(EstateFixture f, String account, String region, String name, List<String> accounts, List<String> units,
            List<String> regions) {
        ObjectNode p = f.region(account, region).withArray("ReportPlans").addObject();
        p.put("ReportPlanName", name).put("ReportPlanArn", "arn:aws:backup:" + region + ":" + account + ":report-plan:" + name)
                .put("DeploymentStatus", "COMPLETED");
        ObjectNode s = p.putObject("ReportSetting");
        s.put("ReportTemplate", "BACKUP_JOB_REPORT");
        put(s, "Accounts", accounts);
        put(s, "OrganizationUnits", units);
        put(s, "Regions", regions);
        return p;
    }

    private static void put(ObjectNode s, String member, List<String> values) {
        if (values != null) {
            ArrayNode a = s.putArray(member);
            values.forEach(a::add);
        }
    }

    /** The management account's region entry, created without its default report plan. */
    static void emptyManagementRegion(EstateFixture f, String region) {
        f.region(MGMT, region).putArray("ReportPlans");
    }

    @Test
    @DisplayName("FAIL: a region holding a vault that no report plan covers, reported on the account's organizations ARN with the region in Region")
    void flagsARegionWithVaultsAndNoReportPlan() {
        EstateFixture f = uncovered();
        Result r = about(f.run(check), EstateFixture.accountArn(BACKUP));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.LOW);
        assertThat(r.region()).isEqualTo(REGION);
        assertThat(r.evidence().summary()).isEqualTo("No report plan covers " + BACKUP + " in " + REGION + " (neither its own nor an organization-wide one)");
        assertThat(r.remediation().awsCli()).startsWith("aws backup create-report-plan --region " + REGION);
    }

    @Test
    @DisplayName("PASS: the account's own report plan in the region (ReportSetting without Accounts or Regions)"
            + " (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ReportSetting.html)")
    void passesTheAccountsOwnReportPlan() {
        EstateFixture f = uncovered();
        reportPlan(f, BACKUP, REGION, "own", null, null, null);
        Result r = about(f.run(check), EstateFixture.accountArn(BACKUP));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence().summary()).isEqualTo("Covered by own (" + BACKUP + ", " + REGION + ")");
    }

    @Test
    @DisplayName("PASS: an organization-wide report plan of the management account naming the account and region; FAIL where its Regions stop"
            + " (Working with audit reports, https://docs.aws.amazon.com/aws-backup/latest/devguide/working-with-audit-reports.html)")
    void anOrganizationWidePlanCoversWhatItNames() {
        EstateFixture f = uncovered();
        f.vault(BACKUP, OTHER_REGION, "dr");
        f.region(BACKUP, OTHER_REGION).putArray("ReportPlans");
        emptyManagementRegion(f, REGION);
        reportPlan(f, MGMT, REGION, "org_jobs", List.of(PROD, BACKUP), null, List.of(REGION));
        List<Result> results = f.run(check);
        List<Result> backup = results.stream().filter(r -> r.resourceArn().equals(EstateFixture.accountArn(BACKUP))).toList();
        assertThat(backup).filteredOn(r -> r.region().equals(REGION)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(Status.PASS))
                .satisfies(r -> assertThat(r.evidence().summary()).contains("org_jobs (" + MGMT + ", " + REGION + ")"));
        assertThat(backup).filteredOn(r -> r.region().equals(OTHER_REGION)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(Status.FAIL))
                .satisfies(r -> assertThat(r.evidence().summary()).endsWith("; org_jobs (" + MGMT + ", " + REGION + ") covers the account in other regions only"));
    }

    @Test
    @DisplayName("Edge: Regions '*' covers the account's other regions; a plan without Regions covers its own region only; ROOT covers every account"
            + " (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ReportSetting.html)")
    void readsRegionsWildcardAndRoot() {
        EstateFixture own = uncovered();
        reportPlan(own, BACKUP, OTHER_REGION, "here_only", null, null, null);
        assertThat(about(own.run(check), EstateFixture.accountArn(BACKUP)).status()).isEqualTo(Status.FAIL);
        reportPlan(own, BACKUP, OTHER_REGION, "everywhere", null, null, List.of("*"));
        assertThat(about(own.run(check), EstateFixture.accountArn(BACKUP)).evidence().summary())
                .isEqualTo("Covered by everywhere (" + BACKUP + ", " + OTHER_REGION + ")");

        EstateFixture root = uncovered();
        emptyManagementRegion(root, REGION);
        reportPlan(root, MGMT, REGION, "org_all", List.of("ROOT"), null, List.of("*"));
        assertThat(about(root.run(check), EstateFixture.accountArn(BACKUP)).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("Edge: OU IDs the capture cannot resolve make it UNKNOWN; a plan being deleted covers nothing"
            + " (ReportPlan DeploymentStatus, https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ReportPlan.html)")
    void unresolvedUnitsAndDeletedPlans() {
        EstateFixture units = uncovered();
        emptyManagementRegion(units, REGION);
        reportPlan(units, MGMT, REGION, "org_ou", null, List.of("ou-ab12-3456cdef"), List.of("*"));
        Result u = about(units.run(check), EstateFixture.accountArn(BACKUP));
        assertThat(u.status()).isEqualTo(Status.UNKNOWN);
        assertThat(u.evidence().summary()).contains("org_ou").contains("organizational units by ID");

        EstateFixture deleting = uncovered();
        reportPlan(deleting, BACKUP, REGION, "going", null, null, null).put("DeploymentStatus", "DELETE_IN_PROGRESS");
        assertThat(about(deleting.run(check), EstateFixture.accountArn(BACKUP)).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void skipsRegionsWithoutBackupsAndUsesTheIamRootWithoutOrganization() {
        EstateFixture f = new EstateFixture();
        f.region(PROD, REGION).putArray("ReportPlans");
        f.vault(BACKUP, REGION, "v");
        f.root().remove("Organization");
        List<Result> results = f.run(check);
        assertThat(results).extracting(Result::resourceArn).containsExactly("arn:aws:iam::" + BACKUP + ":root");
    }
}
