package dev.redoubt.estate.demo;

import dev.redoubt.estate.demo.RestoreRun.RestoreOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one account holds in one region, and the factories the scenario uses to fill it. */
final class RegionSpec {
    final AccountSpec account;
    final String name;
    private final List<KeySpec> keys = new ArrayList<>();
    private final List<VaultSpec> vaults = new ArrayList<>();
    private final List<ResourceSpec> resources = new ArrayList<>();
    private final List<PlanSpec> plans = new ArrayList<>();
    private final List<RestoreTestingPlanSpec> restoreTestingPlans = new ArrayList<>();
    private final List<ManualRestore> manualRestores = new ArrayList<>();
    private final List<RestoreRun> restoreRuns = new ArrayList<>();
    private final List<Json> copyJobs = new ArrayList<>();
    private final List<Json> legalHolds = new ArrayList<>();
    private final List<Json> frameworks = new ArrayList<>();
    private final List<Json> reportPlans = new ArrayList<>();
    private final List<ApprovalTeamSpec> approvalTeams = new ArrayList<>();
    private final List<SessionSpec> sessions = new ArrayList<>();
    private KeySpec awsManagedBackupKey;

    private record ManualRestore(ResourceSpec resource, Instant at, int minutes) {
    }

    RegionSpec(AccountSpec account, String name) {
        this.account = account;
        this.name = name;
    }

    // Keys and vaults

    /** The account's aws/backup key in this region (AWS creates it with the first vault that names no key). */
    KeySpec awsManagedBackupKey(String created) {
        if (awsManagedBackupKey == null) {
            awsManagedBackupKey = add(keys, KeySpec.awsManagedBackupKey(this, Instant.parse(created)));
        }
        return awsManagedBackupKey;
    }

    KeySpec customerKey(String alias, String description, String created) {
        return add(keys, KeySpec.customerManaged(this, alias, description, Instant.parse(created)));
    }

    VaultSpec vault(String vaultName, KeySpec key, String created) {
        return add(vaults, new VaultSpec(this, vaultName, VaultSpec.STANDARD, key, Instant.parse(created)));
    }

    /** The vault AWS Backup creates on first use, encrypted with the aws/backup key. */
    VaultSpec defaultVault(String created) {
        return vault("Default", awsManagedBackupKey(created), created);
    }

    /** A logically air-gapped vault with an AWS-owned key. */
    VaultSpec airGappedVault(String vaultName, String created) {
        return airGappedVault(vaultName, null, created);
    }

    /** A logically air-gapped vault with a customer-managed key (null: AWS-owned). */
    VaultSpec airGappedVault(String vaultName, KeySpec key, String created) {
        return add(vaults, new VaultSpec(this, vaultName, VaultSpec.AIR_GAPPED, key, Instant.parse(created)));
    }

    /** A restore-access vault in this account onto an air-gapped vault, created when the session approved it. */
    VaultSpec restoreAccessVault(String vaultName, VaultSpec airGapped, SessionSpec approval) {
        VaultSpec vault = new VaultSpec(this, vaultName, VaultSpec.RESTORE_ACCESS, null, approval.completed());
        vault.openedFrom(airGapped, approval);
        return add(vaults, vault);
    }

    List<VaultSpec> vaults() {
        return vaults;
    }

    // Resources, plans, restores

    ResourceSpec resource(ResourceKind kind, String resourceName, long sizeBytes) {
        return add(resources, new ResourceSpec(this, kind, resourceName, sizeBytes));
    }

    PlanSpec plan(String planName, String created) {
        return add(plans, new PlanSpec(this, planName, Instant.parse(created)));
    }

    RestoreTestingPlanSpec restoreTestingPlan(String planName, Schedule schedule, String created) {
        return add(restoreTestingPlans, new RestoreTestingPlanSpec(this, planName, schedule, Instant.parse(created)));
    }

    /** Someone restored the resource's latest backup by hand at {@code at}; it took {@code minutes}. */
    RegionSpec restoreByHand(ResourceSpec resource, String at, int minutes) {
        manualRestores.add(new ManualRestore(resource, Instant.parse(at), minutes));
        return this;
    }

    void addCopyJob(Json job) {
        copyJobs.add(job);
    }

    void addRestore(RestoreRun run) {
        restoreRuns.add(run);
    }

    // Multi-party approval

    ApprovalTeamSpec approvalTeam(String teamName, String created, int minApprovals) {
        return add(approvalTeams, new ApprovalTeamSpec(this, teamName, Instant.parse(created), minApprovals));
    }

    /** Someone in {@code requesterAccount} asked the team to approve {@code action} on the vault. */
    SessionSpec session(ApprovalTeamSpec team, String action, VaultSpec vault, AccountSpec requesterAccount, SsoUserSpec requester,
            String comment, String initiated) {
        return add(sessions, new SessionSpec(team, action, vault, requesterAccount, requester, comment, Instant.parse(initiated)));
    }

    // Backup Audit Manager and legal holds

    /** A Backup Audit Manager framework; returns its ARN for report plans. */
    String framework(String frameworkName, String description, String created, Json... controls) {
        String frameworkArn = Arns.backup(name, account.id,
                "framework:" + frameworkName + "-" + Ids.stableUuid("framework", account.id, name, frameworkName));
        frameworks.add(Json.object()
                .with("FrameworkName", frameworkName)
                .with("FrameworkArn", frameworkArn)
                .with("FrameworkDescription", description)
                .with("FrameworkControls", List.of(controls))
                .with("CreationTime", Instant.parse(created))
                .with("DeploymentStatus", "COMPLETED")
                .with("FrameworkStatus", "ACTIVE")
                .with("IdempotencyToken", frameworkName));
        return frameworkArn;
    }

    /** A framework control; parameters alternate name and value. */
    static Json control(String controlName, String... parameters) {
        List<Json> inputs = new ArrayList<>();
        for (int i = 0; i < parameters.length; i += 2) {
            inputs.add(Json.object().with("ParameterName", parameters[i]).with("ParameterValue", parameters[i + 1]));
        }
        return Json.object().with("ControlName", controlName).with("ControlInputParameters", inputs);
    }

    RegionSpec reportPlan(String planName, String template, String created, String bucket, List<String> frameworkArns) {
        return reportPlan(planName, template, created, bucket, frameworkArns, List.of(), List.of("*"));
    }

    /** A report plan covering {@code accounts} (none: its own account) in {@code regions} (ReportSetting Accounts, Regions). */
    RegionSpec reportPlan(String planName, String template, String created, String bucket, List<String> frameworkArns,
            List<String> accounts, List<String> regions) {
        Instant createdAt = Instant.parse(created);
        Instant lastRun = account.org.now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(1));
        reportPlans.add(Json.object()
                .with("ReportPlanArn", Arns.backup(name, account.id,
                        "report-plan:" + planName + "-" + Ids.stableUuid("report-plan", account.id, name, planName)))
                .with("ReportPlanName", planName)
                .with("ReportSetting", Json.object()
                        .with("ReportTemplate", template)
                        .with("FrameworkArns", frameworkArns.isEmpty() ? null : frameworkArns)
                        .with("NumberOfFrameworks", frameworkArns.isEmpty() ? null : frameworkArns.size())
                        .with("Accounts", accounts.isEmpty() ? null : accounts)
                        .with("Regions", regions))
                .with("ReportDeliveryChannel", Json.object()
                        .with("S3BucketName", bucket)
                        .with("S3KeyPrefix", planName)
                        .with("Formats", List.of("CSV", "JSON")))
                .with("DeploymentStatus", "COMPLETED")
                .with("CreationTime", createdAt)
                .with("LastAttemptedExecutionTime", lastRun)
                .with("LastSuccessfulExecutionTime", lastRun));
        return this;
    }

    /** A legal hold on the resource's recovery points in the vault created between {@code from} and {@code to}. */
    Json legalHold(String title, String description, String created, VaultSpec vault, ResourceSpec resource, String from,
            String to) {
        String id = Ids.stableUuid("legal-hold", account.id, name, title);
        Json hold = Json.object()
                .with("Title", title)
                .with("Status", "ACTIVE")
                .with("Description", description)
                .with("LegalHoldId", id)
                .with("LegalHoldArn", Arns.backup(name, account.id, "legal-hold:" + id))
                .with("CreationDate", Instant.parse(created))
                .with("RecoveryPointSelection", Json.object()
                        .with("VaultNames", List.of(vault.name))
                        .with("ResourceIdentifiers", List.of(resource.arn))
                        .with("DateRange", Json.object().with("FromDate", Instant.parse(from)).with("ToDate", Instant.parse(to))));
        legalHolds.add(hold);
        return hold;
    }

    // Playing and rendering

    void runBackups(Simulation sim) {
        plans.forEach(plan -> plan.run(sim));
        vaults.forEach(vault -> vault.runOnDemand(sim));
    }

    void runRestores(Simulation sim) {
        restoreTestingPlans.forEach(plan -> plan.run(sim));
        for (ManualRestore restore : manualRestores) {
            RecoveryPointSpec latest = ownRecoveryPoints(restore.resource()).stream()
                    .filter(rp -> rp.completed.isBefore(restore.at()))
                    .max(Comparator.comparing((RecoveryPointSpec rp) -> rp.created))
                    .orElseThrow(() -> new IllegalStateException("nothing to restore of " + restore.resource().name));
            sim.restore(latest, restore.at(), RestoreOutcome.PASSED, null, restore.minutes());
        }
    }

    /** The resource's recovery points in this account and region (not the copies elsewhere). */
    private List<RecoveryPointSpec> ownRecoveryPoints(ResourceSpec resource) {
        return vaults.stream().flatMap(v -> v.recoveryPoints().stream()).filter(rp -> rp.resource == resource).toList();
    }

    Json toJson() {
        ScenarioBuilder org = account.org;
        return Json.object()
                .with("GlobalSettings", globalSettings(org))
                .with("BackupVaults", vaults.stream().map(VaultSpec::toJson).toList())
                .with("KmsKeys", keys.stream().map(k -> k.toJson(org.now)).toList())
                .with("BackupPlans", plans.stream().filter(PlanSpec::isListed).map(PlanSpec::toJson).toList())
                .with("ProtectedResources", resources.stream().map(r -> r.toProtectedResource(ownRecoveryPoints(r),
                        restoreRuns.stream().filter(run -> run.recoveryPoint().resource == r
                                && run.outcome() != RestoreOutcome.FAILED).toList())).toList())
                .with("RestoreTestingPlans", restoreTestingPlans.stream().map(RestoreTestingPlanSpec::toJson).toList())
                .with("RestoreJobs", restoreRuns.stream().map(RestoreRun::toJson).toList())
                .with("CopyJobs", copyJobs)
                .with("LegalHolds", legalHolds)
                .with("Frameworks", frameworks)
                .with("ReportPlans", reportPlans)
                .with("MpaApprovalTeams", approvalTeams.stream().map(t -> t.toJson(org.identitySourceArn())).toList())
                .with("MpaSessions", sessions.stream().map(SessionSpec::toJson).toList());
    }

    /** backup:DescribeGlobalSettings, in the order the API lists them. */
    private Map<String, String> globalSettings(ScenarioBuilder org) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("isCrossAccountBackupEnabled", "true");
        settings.put("isMpaEnabled", String.valueOf(org.isMpaEnabledIn(name)));
        return settings;
    }

    private static <T> T add(List<? super T> list, T item) {
        list.add(item);
        return item;
    }
}
