package dev.redoubt.estate.demo;

import static dev.redoubt.estate.demo.ResourceKind.DYNAMODB;
import static dev.redoubt.estate.demo.ResourceKind.EBS;
import static dev.redoubt.estate.demo.ResourceKind.EC2;
import static dev.redoubt.estate.demo.ResourceKind.EFS;
import static dev.redoubt.estate.demo.ResourceKind.RDS;
import static dev.redoubt.estate.demo.ResourceKind.S3;
import static dev.redoubt.estate.demo.ResourceSpec.gib;
import static dev.redoubt.estate.demo.RestoreRun.RestoreOutcome.FAILED;
import static dev.redoubt.estate.demo.RestoreRun.RestoreOutcome.NOT_CLEANED_UP;
import static dev.redoubt.estate.demo.RestoreRun.RestoreOutcome.NOT_VALIDATED;
import static dev.redoubt.estate.demo.RestoreRun.RestoreOutcome.PASSED;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import java.time.Instant;
import java.util.List;

/**
 * Northwind, the demo organization: seven accounts in three regions whose backups show every state Redoubt's
 * tier-1 checks tell apart, at least once failing and once passing (docs/demo-coverage.md says where).
 *
 * <p>The story: a central backup account keeps cross-account, cross-region and air-gapped copies of the shop's
 * production data; the ERP team runs its own backups, whose copies have never arrived; development cuts corners;
 * a legacy CRM account is being closed with its backups still in it. The estate is built by playing that story's
 * schedules up to {@link #CAPTURED_AT}, so every call gives the same estate.
 */
public final class NorthwindDemo {
    public static final String NAME = "Northwind (demo)";
    public static final Instant CAPTURED_AT = Instant.parse("2026-11-28T09:00:00Z");
    static final String EU_WEST = "eu-west-1";
    static final String EU_CENTRAL = "eu-central-1";
    static final String US_EAST = "us-east-1";
    private static final long SEED = 20261128L;
    /** The events that tell of tampering and failures (what ACC-08 asks for), and a few more. */
    private static final List<String> ALERTS = List.of("BACKUP_JOB_FAILED", "BACKUP_JOB_EXPIRED", "COPY_JOB_FAILED",
            "RESTORE_JOB_FAILED", "RECOVERY_POINT_MODIFIED", "S3_BACKUP_OBJECT_FAILED");
    /** A disaster-recovery vendor outside the organization. */
    private static final String FABRIKAM_RECOVERY = "210987654321";

    private NorthwindDemo() {
    }

    public static Estate build() {
        return new EstateFile().fromTree(tree(), NAME);
    }

    /** The estate as a JSON tree in AWS's shapes (what {@link #build()} reads). */
    static ObjectNode tree() {
        return new Story().tell().toTree();
    }

    /** The scenario, told in the order its parts depend on each other. */
    private static final class Story {
        private final ScenarioBuilder org = new ScenarioBuilder(NAME, CAPTURED_AT, "o-7nw3rkd5qp", "northwind.example", SEED);
        private AccountSpec management;
        private AccountSpec security;
        private AccountSpec backup;
        private AccountSpec shop;
        private AccountSpec erp;
        private AccountSpec dev;
        private AccountSpec legacy;
        private SsoUserSpec alice;
        private SsoUserSpec bob;
        private SsoUserSpec carol;
        private SsoUserSpec dave;
        private KeySpec securityAirGapKey;
        private VaultSpec centralEuWest;
        private VaultSpec centralAirGap;
        private VaultSpec centralAirGapKeyed;
        private VaultSpec centralArchive;
        private VaultSpec centralEuCentral;
        private VaultSpec centralUsEast;
        private ResourceSpec shopOrders;

        ScenarioBuilder tell() {
            accounts();
            people();
            securityKeys();
            centralBackup();
            shop();
            erp();
            development();
            legacyCrm();
            managementAccount();
            securityTooling();
            approvals();
            return org;
        }

        private void accounts() {
            management = org.managementAccount("318274650019", "northwind-management", "2024-01-08T10:00:00Z").invited();
            security = org.account("427365019283", "northwind-security", "Security", "2024-01-09T09:30:00Z");
            backup = org.account("536470192834", "northwind-backup", "Infrastructure/Backup", "2025-02-03T11:15:00Z");
            shop = org.account("645019283746", "northwind-shop-prod", "Workloads/Production", "2024-02-12T10:00:00Z");
            erp = org.account("754192837465", "northwind-erp-prod", "Workloads/Production", "2024-05-20T08:45:00Z");
            dev = org.account("863201928374", "northwind-dev", "Workloads/Development", "2024-03-01T13:20:00Z");
            legacy = org.account("972310293847", "northwind-legacy-crm", "Suspended", "2023-03-01T09:00:00Z")
                    .invited().pendingClosure();
            org.mpaEnabledIn(EU_WEST);
        }

        private void people() {
            alice = org.user("alice", "demo").auditorAndOperator(org.accounts().toArray(AccountSpec[]::new));
            bob = org.user("bob", "demo").auditorAndOperator(backup).auditor(shop, erp);
            carol = org.user("carol", "demo").auditorAndOperator(security).auditor(backup);
            dave = org.user("dave", "demo").auditorAndOperator(dev);
        }

        /** The security account keeps the key of the central keyed air-gapped vault, away from the backups. */
        private void securityKeys() {
            securityAirGapKey = security.region(EU_WEST)
                    .customerKey("central-airgap-keyed", "Key of the central keyed air-gapped vault", "2025-05-14T09:00:00Z")
                    .rotating()
                    .policy(Policies.accountKey(security.id)
                            .plus(Policies.letAccountUseKeyThroughBackup("Allow the backup account to use the key through AWS Backup",
                                    backup.id)))
                    .tag("owner", "security");
        }

        private void centralBackup() {
            RegionSpec eu = backup.region(EU_WEST);
            KeySpec euKey = eu.customerKey("central-backup-eu-west-1", "Central backup vault key", "2025-02-10T09:00:00Z")
                    .rotating().grantToAwsBackup("2025-02-11T03:05:00Z").tag("owner", "platform-backup");
            centralEuWest = eu.vault("central-eu-west-1", euKey, "2025-02-10T09:12:00Z")
                    .complianceLock(7, 400L, "2025-02-13T09:12:00Z")
                    .accessPolicy(Policies.hardenedVault(breakGlass(backup), shop.id, erp.id, security.id))
                    .notifies(ALERTS)
                    .tag("owner", "platform-backup");
            centralAirGap = eu.airGappedVault("central-airgap-eu-west-1", "2026-04-20T10:00:00Z")
                    .retention(7, 400)
                    .accessPolicy(Policies.hardenedVault(breakGlass(backup)))
                    .notifies(ALERTS);
            centralAirGapKeyed = eu.airGappedVault("central-airgap-keyed", securityAirGapKey, "2025-05-15T10:30:00Z")
                    .retention(7, 400);
            // the shop team set up the archive, opened its key to their own account and made their platform role its administrator
            KeySpec archiveKey = eu.customerKey("central-archive", "Long-term archive key", "2025-05-18T08:00:00Z")
                    .notRotating()
                    .policyAlso(Policies.letAccountUseKey("Allow the shop account to use the key for archive copies", shop.id))
                    .policyAlso(Policies.letRoleAdministerKey("Allow the shop platform team to administer the key",
                            Arns.role(shop.id, "shop-platform-admin")));
            centralArchive = eu.vault("central-archive", archiveKey, "2025-05-18T08:10:00Z")
                    .complianceLock(30, null, "2025-05-21T08:10:00Z")
                    .accessPolicy(Policy.of(Policies.denyToAllBut("DenyRecoveryPointDeletion",
                            List.of("backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"), breakGlass(backup))))
                    .notifies(List.of("BACKUP_JOB_COMPLETED", "BACKUP_JOB_FAILED"));
            String framework = eu.framework("northwind_rel09", "REL09-BP02 controls for the central backup account",
                    "2025-03-01T10:00:00Z",
                    RegionSpec.control("BACKUP_RECOVERY_POINT_ENCRYPTED"),
                    RegionSpec.control("BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED"),
                    RegionSpec.control("BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK", "requiredRetentionDays", "35"),
                    RegionSpec.control("BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK", "requiredRetentionDays", "35",
                            "requiredFrequencyUnit", "hours", "requiredFrequencyValue", "24"));
            eu.reportPlan("central_compliance", "RESOURCE_COMPLIANCE_REPORT", "2025-03-01T10:30:00Z",
                    "northwind-backup-reports", List.of(framework));
            eu.restoreTestingPlan("central_halfyearly_restore_test", Schedule.halfYearly(2, 15, 5), "2025-03-01T11:00:00Z")
                    .includeAllVaultsExcept(centralArchive)
                    .select(RDS).select(EBS).select(EC2).select(DYNAMODB).select(EFS).select(S3)
                    .lastRuns(PASSED);

            RegionSpec fra = backup.region(EU_CENTRAL);
            KeySpec fraKey = fra.customerKey("central-backup-eu-central-1", "Central DR vault key", "2025-02-10T09:30:00Z")
                    .rotating().grantToAwsBackup("2025-02-11T03:20:00Z");
            // a Vault Lock set two days ago: still in its grace time
            centralEuCentral = fra.vault("central-eu-central-1", fraKey, "2025-02-10T09:40:00Z")
                    .complianceLock(7, 120L, "2026-12-01T10:15:00Z")
                    .accessPolicy(Policies.hardenedVault(breakGlass(backup), shop.id, erp.id, FABRIKAM_RECOVERY))
                    .notifies(List.of("BACKUP_JOB_FAILED", "COPY_JOB_FAILED", "RESTORE_JOB_FAILED"));
            fra.restoreTestingPlan("central_dr_restore_test", Schedule.weekly(WEDNESDAY, 7), "2025-09-10T12:00:00Z")
                    .includeVaults(centralEuCentral)
                    .select(RDS)
                    .lastRuns(PASSED, FAILED, NOT_VALIDATED, NOT_CLEANED_UP);

            RegionSpec us = backup.region(US_EAST);
            // opened to everyone while a cross-account copy was being debugged
            KeySpec usKey = us.customerKey("central-backup-us-east-1", "Central US vault key", "2025-09-01T14:00:00Z")
                    .rotating()
                    .policyAlso(Policies.letAnyoneUseKey("AllowCrossAccountCopies"));
            centralUsEast = us.vault("central-us-east-1", usKey, "2025-09-01T14:10:00Z")
                    .complianceLock(7, 120L, "2025-09-04T14:10:00Z")
                    .accessPolicy(Policies.hardenedVault(breakGlass(backup), shop.id))
                    .notifies(ALERTS);
        }

        private void shop() {
            RegionSpec eu = shop.region(EU_WEST);
            KeySpec data = eu.customerKey("shop-prod-data", "Shop data and backup key", "2025-02-20T08:00:00Z")
                    .rotating()
                    .policy(Policies.accountKey(shop.id)
                            .plus(Policies.letAccountUseKeyThroughBackup("Allow the backup account to copy shop backups", backup.id)))
                    .tag("owner", "shop");
            VaultSpec vault = eu.vault("shop-prod", data, "2025-02-20T08:30:00Z")
                    .governanceLock(7, 365L)
                    .accessPolicy(Policy.of(Policy.Statement.deny("DenyManualDeletion").toEveryone()
                            .actions(Policies.TAMPERING)))
                    .notifies(ALERTS)
                    .tag("owner", "shop");
            VaultSpec defaultVault = eu.defaultVault("2024-11-03T15:00:00Z");
            shopOrders = eu.resource(RDS, "shop-orders", gib(250)).encryptedWith(data);
            ResourceSpec webData1 = eu.resource(EBS, "shop-web-data-1", gib(200)).encryptedWith(data);
            ResourceSpec webData2 = eu.resource(EBS, "shop-web-data-2", gib(200)).encryptedWith(data);
            ResourceSpec web = eu.resource(EC2, "shop-web-1", gib(80)).encryptedWith(data);
            ResourceSpec carts = eu.resource(DYNAMODB, "shop-carts", gib(35));
            ResourceSpec media = eu.resource(EFS, "shop-media", gib(620));
            ResourceSpec assets = eu.resource(S3, "northwind-shop-assets", gib(1400));

            eu.plan("shop-daily", "2025-02-21T08:30:00Z")
                    .select(shopOrders, webData1, webData2, web, carts, media, assets)
                    .rule("daily-35d", Schedule.daily(3), vault, 35)
                    .copyTo(centralEuWest, 180)
                    .copyTo(centralEuCentral, 35)
                    .copyTo(centralAirGap, 60);
            PlanSpec longTerm = eu.plan("shop-long-term", "2025-05-20T09:00:00Z").select(shopOrders, webData1);
            longTerm.rule("weekly-airgap", Schedule.weekly(SUNDAY, 5), vault, 180).copyTo(centralAirGapKeyed, 180);
            longTerm.rule("monthly-archive", Schedule.monthly(1, 6), vault, 35)
                    .copyTo(centralArchive, null, CopyResult.KEEPS_SOURCE_KEY);
            // before Friday's schema change someone took on-demand backups into the Default vault
            defaultVault.onDemand(carts, 7, "2026-11-23T16:40:00Z", "2026-11-25T17:05:00Z", "2026-11-27T15:20:00Z");
            eu.restoreTestingPlan("shop_weekly_restore_test", Schedule.weekly(FRIDAY, 6), "2025-06-02T09:00:00Z")
                    .includeVaults(vault)
                    .select(RDS, shopOrders)
                    .select(EBS, webData1)
                    .lastRuns(PASSED, PASSED, PASSED, PASSED);
            backup.region(EU_WEST).legalHold("Supplier dispute 2026-117",
                    "Keep September's order database backups until the dispute is settled", "2026-10-05T14:20:00Z",
                    centralEuWest, shopOrders, "2026-09-01T00:00:00Z", "2026-09-30T23:59:59Z");

            // the US storefront: copied to the central account in the same region only, never restore-tested
            RegionSpec us = shop.region(US_EAST);
            KeySpec usData = us.customerKey("shop-us-data", "US storefront data and backup key", "2025-08-28T10:00:00Z")
                    .rotating();
            VaultSpec usVault = us.vault("shop-us", usData, "2025-09-01T13:00:00Z")
                    .complianceLock(7, 120L, "2025-09-04T13:00:00Z")
                    .accessPolicy(Policies.hardenedVault(breakGlass(shop)))
                    .notifies(ALERTS);
            ResourceSpec usOrders = us.resource(RDS, "shop-us-orders", gib(120)).encryptedWith(usData);
            ResourceSpec usCarts = us.resource(DYNAMODB, "shop-us-carts", gib(12));
            us.plan("shop-us-daily", "2025-09-02T09:00:00Z")
                    .select(usOrders, usCarts)
                    .rule("daily-35d", Schedule.daily(7), usVault, 35)
                    .copyTo(centralUsEast, 35);
        }

        /** ERP runs its own backups: copies that never arrive, its own air-gapped vault, no restore tests. */
        private void erp() {
            RegionSpec fra = erp.region(EU_CENTRAL);
            KeySpec data = fra.customerKey("erp-data", "ERP data and backup key", "2025-01-14T08:00:00Z")
                    .notRotating()
                    .policy(Policies.accountKey(erp.id))
                    .grantToAwsBackup("2025-01-16T01:05:00Z")
                    .grant(Arns.role(erp.id, "erp-reporting-export"), "2025-06-03T11:42:00Z", "Decrypt", "DescribeKey");
            VaultSpec vault = fra.vault("erp-prod", data, "2025-01-15T09:00:00Z")
                    .complianceLock(1, 400L, "2025-01-18T09:00:00Z")
                    .notifies(List.of("BACKUP_JOB_FAILED"));
            VaultSpec airGap = fra.airGappedVault("erp-airgap", data, "2026-06-30T12:00:00Z").retention(7, 365);
            fra.defaultVault("2024-06-01T10:00:00Z");
            ResourceSpec db = fra.resource(RDS, "erp-db", gib(1800)).encryptedWith(data);
            ResourceSpec app = fra.resource(EC2, "erp-app-1", gib(120)).encryptedWith(data);
            ResourceSpec shared = fra.resource(EFS, "erp-shared", gib(300));

            fra.plan("erp-daily", "2025-01-16T08:00:00Z")
                    .select(db, app, shared)
                    .rule("daily-35d", Schedule.daily(1), vault, 35)
                    // the ERP key was never shared with the backup account, so no copy has ever completed
                    .copyTo(centralEuCentral, 35, CopyResult.fails("Access denied: account " + backup.id
                            + " is not allowed to use the source recovery point's key " + data.arn + ".", "AccessDenied"));
            fra.plan("erp-weekly", "2025-01-16T08:05:00Z")
                    .select(db, shared)
                    .rule("weekly-1y", Schedule.weekly(SATURDAY, 2), vault, 365);
            airGap.onDemandCopies(db, vault, 180, "2026-07-04T10:00:00Z", "2026-07-11T10:00:00Z", "2026-07-18T10:00:00Z",
                    "2026-07-25T10:00:00Z", "2026-08-01T10:00:00Z", "2026-08-08T10:00:00Z");
            // the database was restored by hand during the November migration rehearsal: 19 hours
            fra.restoreByHand(db, "2026-11-12T08:00:00Z", 1140);
            fra.legalHold("Tax audit FY2025", "Keep FY2025 ERP backups for the tax audit", "2026-02-02T09:00:00Z",
                            vault, db, "2025-01-16T00:00:00Z", "2025-12-31T23:59:59Z")
                    .with("Status", "CANCELED")
                    .with("CancelDescription", "Audit closed")
                    .with("CancellationDate", Instant.parse("2026-08-01T12:00:00Z"))
                    .with("RetainRecordUntil", Instant.parse("2033-08-01T12:00:00Z"));
        }

        /** Development: short retention, an unencrypted volume, a key about to be deleted, a test plan that never ran. */
        private void development() {
            RegionSpec eu = dev.region(EU_WEST);
            KeySpec key = eu.customerKey("dev-backup", "Development backup key", "2025-03-30T10:00:00Z")
                    .notRotating()
                    .policy(Policies.accountKey(dev.id))
                    .pendingDeletion("2026-11-27T16:02:00Z", 7);
            VaultSpec nightly = eu.vault("dev-nightly", key, "2025-04-01T10:00:00Z");
            VaultSpec scratch = eu.vault("dev-scratch", null, "2026-10-12T14:00:00Z");
            eu.defaultVault("2025-04-01T09:00:00Z");
            ResourceSpec buildCache = eu.resource(EBS, "dev-build-cache", gib(500)).backedUpUntil("2026-11-19T12:00:00Z");
            ResourceSpec postgres = eu.resource(RDS, "dev-postgres", gib(60)).encryptedWith(key);
            eu.plan("dev-nightly", "2025-04-01T10:30:00Z")
                    .select(buildCache, postgres)
                    .rule("nightly-14d", Schedule.daily(22), nightly, 14);
            scratch.onDemand(buildCache, 30, "2026-11-04T11:00:00Z", "2026-11-11T11:00:00Z", "2026-11-18T11:00:00Z");
            eu.restoreTestingPlan("dev_restore_test", Schedule.monthly(1, 7), "2026-11-20T15:00:00Z")
                    .includeVaults(nightly)
                    .select(RDS, postgres);
        }

        /** The legacy CRM account is being closed, its backups still in it; its plan was deleted in September. */
        private void legacyCrm() {
            RegionSpec us = legacy.region(US_EAST);
            KeySpec key = us.customerKey("legacy-crm", "CRM key", "2023-03-10T10:00:00Z").rotating().disabled();
            VaultSpec vault = us.vault("legacy-crm", key, "2023-03-10T10:30:00Z")
                    .governanceLock(7, 400L)
                    .accessPolicy(Policy.of(Policy.Statement.allow("AllowMigrationTooling").toAnyAwsPrincipal()
                            .actions("backup:DescribeBackupVault", "backup:ListRecoveryPointsByBackupVault",
                                    "backup:StartRestoreJob")));
            ResourceSpec db = us.resource(RDS, "legacy-crm-db", gib(320)).encryptedWith(key);
            ResourceSpec files = us.resource(EBS, "legacy-crm-files", gib(150)).encryptedWith(key);
            us.plan("legacy-weekly", "2023-03-11T09:00:00Z")
                    .select(db, files)
                    .deletedOn("2026-09-28T09:00:00Z")
                    .rule("weekly-1y", Schedule.weekly(SUNDAY, 4), vault, 365);
        }

        private void managementAccount() {
            RegionSpec eu = management.region(EU_WEST);
            VaultSpec vault = eu.defaultVault("2024-01-10T12:00:00Z");
            ResourceSpec registry = eu.resource(DYNAMODB, "org-account-registry", gib(2));
            eu.plan("management-daily", "2024-01-10T12:30:00Z")
                    .select(registry)
                    .rule("daily-35d", Schedule.daily(4), vault, 35);
            String framework = eu.framework("org_backup_baseline", "Organization-wide backup baseline", "2025-02-05T10:00:00Z",
                    RegionSpec.control("BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN"),
                    RegionSpec.control("BACKUP_LAST_RECOVERY_POINT_CREATED", "recoveryPointAgeUnit", "hours",
                            "recoveryPointAgeValue", "26"));
            eu.reportPlan("org_backup_jobs", "BACKUP_JOB_REPORT", "2025-02-05T10:30:00Z", "northwind-org-backup-reports",
                    List.of());
            eu.reportPlan("org_backup_compliance", "CONTROL_COMPLIANCE_REPORT", "2025-02-05T10:40:00Z",
                    "northwind-org-backup-reports", List.of(framework));
        }

        private void securityTooling() {
            RegionSpec eu = security.region(EU_WEST);
            KeySpec key = eu.customerKey("security-tooling", "Security tooling backup key", "2025-02-27T09:00:00Z").rotating();
            VaultSpec vault = eu.vault("security-tooling", key, "2025-03-01T08:00:00Z")
                    .complianceLock(7, 100L, "2025-03-04T08:00:00Z")
                    .accessPolicy(Policies.hardenedVault(breakGlass(security)))
                    .notifies(ALERTS);
            ResourceSpec findings = eu.resource(DYNAMODB, "security-findings", gib(40));
            ResourceSpec evidence = eu.resource(S3, "northwind-security-evidence", gib(900));
            eu.plan("security-daily", "2025-03-01T09:00:00Z")
                    .select(findings, evidence)
                    .rule("daily-35d", Schedule.daily(2), vault, 35);
        }

        /** Approval teams for the air-gapped vaults, the sessions they voted on and the restore access they opened. */
        private void approvals() {
            RegionSpec eu = backup.region(EU_WEST);
            ApprovalTeamSpec recovery = eu.approvalTeam("northwind-recovery", "2026-04-14T10:00:00Z", 2)
                    .approvers(alice, bob, carol);
            ApprovalTeamSpec dr = eu.approvalTeam("northwind-dr", "2026-05-04T10:00:00Z", 2).approvers(alice, bob);
            security.region(EU_WEST).approvalTeam("northwind-forensics", "2026-09-28T10:00:00Z", 1)
                    .approvers(alice, carol).invited(dave);

            centralAirGap.approvalTeam(recovery, eu.session(recovery, SessionSpec.ASSOCIATE_TEAM, centralAirGap, backup, alice,
                    "Associate the recovery team", "2026-04-21T09:00:00Z").approved("2026-04-21T11:30:00Z", bob, carol));
            centralAirGapKeyed.approvalTeam(dr, eu.session(dr, SessionSpec.ASSOCIATE_TEAM, centralAirGapKeyed, backup, alice,
                    "Associate the DR team", "2026-05-05T09:00:00Z").approved("2026-05-05T10:10:00Z", alice, bob));
            // replacing the two-person team: the change waits for the current team's approval
            centralAirGapKeyed.teamChange(eu.session(dr, SessionSpec.ASSOCIATE_TEAM, centralAirGapKeyed, backup, bob,
                    "Move to the recovery team (2 of 3)", "2026-11-26T14:00:00Z"));

            SessionSpec incident = eu.session(recovery, SessionSpec.CREATE_RESTORE_ACCESS, centralAirGap, shop, alice,
                    "INC-4711: restore shop media after the bad deploy", "2026-11-25T07:40:00Z")
                    .approved("2026-11-25T08:05:00Z", alice, bob);
            shop.region(EU_WEST).restoreAccessVault("shop-inc-4711-restore", centralAirGap, incident);
            SessionSpec forensics = eu.session(recovery, SessionSpec.CREATE_RESTORE_ACCESS, centralAirGap, security, carol,
                    "Case 2026-031: forensic copy of the shop data", "2026-10-02T09:00:00Z")
                    .approved("2026-10-02T10:30:00Z", alice, bob);
            SessionSpec revoke = eu.session(recovery, SessionSpec.REVOKE_RESTORE_ACCESS, centralAirGap, security, carol,
                    "Case 2026-031 closed", "2026-10-20T16:00:00Z").expired(alice);
            security.region(EU_WEST).restoreAccessVault("forensics-case-2026-031", centralAirGap, forensics)
                    .revokeRequested(revoke);
        }

        /** The role exempt from a vault policy's denials, for emergencies. */
        private static String breakGlass(AccountSpec account) {
            return Arns.role(account.id, "BackupBreakGlass");
        }
    }
}
