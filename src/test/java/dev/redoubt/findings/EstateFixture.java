package dev.redoubt.findings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Small estates for check tests, built as JSON in AWS's shapes: every object the fixture adds is
 * healthy (it passes every check), so a test breaks exactly the member it is about.
 * Accounts: management (no OU), production ("Workloads/Production"), backup ("Infrastructure/Backup").
 */
public final class EstateFixture {
    public static final String MGMT = "111111111111";
    public static final String PROD = "222222222222";
    public static final String BACKUP = "333333333333";
    public static final String ORG = "o-fixture0001";
    public static final String REGION = "eu-west-1";
    public static final String OTHER_REGION = "eu-central-1";
    public static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    private final ObjectNode root = J.objectNode();
    private int counter;

    public EstateFixture() {
        root.put("Format", EstateFile.FORMAT);
        root.put("Name", "fixture");
        root.put("CapturedAt", NOW.toString());
        ObjectNode org = root.putObject("Organization");
        org.put("Id", ORG).put("Arn", "arn:aws:organizations::" + MGMT + ":organization/" + ORG).put("FeatureSet", "ALL")
                .put("MasterAccountId", MGMT).put("MasterAccountArn", accountArn(MGMT));
        ArrayNode accounts = root.putArray("Accounts");
        accounts.add(account(MGMT, "management", ""));
        accounts.add(account(PROD, "shop-prod", "Workloads/Production"));
        accounts.add(account(BACKUP, "backup", "Infrastructure/Backup"));
    }

    public static String accountArn(String id) {
        return "arn:aws:organizations::" + MGMT + ":account/" + ORG + "/" + id;
    }

    private ObjectNode account(String id, String name, String ou) {
        ObjectNode a = J.objectNode();
        a.put("Id", id).put("Arn", accountArn(id)).put("Name", name).put("Status", "ACTIVE").put("State", "ACTIVE").put("OrganizationalUnit", ou);
        a.putObject("Regions");
        return a;
    }

    public ObjectNode root() {
        return root;
    }

    public ObjectNode account(String id) {
        for (var a : root.withArray("Accounts")) {
            if (a.get("Id").asText().equals(id)) {
                return (ObjectNode) a;
            }
        }
        throw new IllegalArgumentException(id);
    }

    /** The region entry, created with every collection empty except one report plan and MPA enabled. */
    public ObjectNode region(String account, String region) {
        ObjectNode regions = (ObjectNode) account(account).get("Regions");
        if (regions.has(region)) {
            return (ObjectNode) regions.get(region);
        }
        ObjectNode r = regions.putObject(region);
        r.putObject("GlobalSettings").put("isCrossAccountBackupEnabled", "true").put("isMpaEnabled", "true");
        for (String c : List.of("BackupVaults", "KmsKeys", "BackupPlans", "ProtectedResources", "RestoreTestingPlans", "RestoreJobs", "CopyJobs",
                "LegalHolds", "Frameworks", "ReportPlans", "MpaApprovalTeams", "MpaSessions")) {
            r.putArray(c);
        }
        r.withArray("ReportPlans").addObject().put("ReportPlanName", "daily_jobs")
                .put("ReportPlanArn", "arn:aws:backup:" + region + ":" + account + ":report-plan:daily_jobs").put("DeploymentStatus", "COMPLETED");
        return r;
    }

    /** A customer-managed key that rotates, whose policy delegates to its own account only. */
    public ObjectNode key(String account, String region) {
        String id = String.format("00000000-0000-4000-8000-%012d", ++counter);
        String arn = "arn:aws:kms:" + region + ":" + account + ":key/" + id;
        ObjectNode k = region(account, region).withArray("KmsKeys").addObject();
        ObjectNode m = k.putObject("KeyMetadata");
        m.put("AWSAccountId", account).put("KeyId", id).put("Arn", arn).put("Enabled", true).put("KeyState", "Enabled")
                .put("KeyManager", "CUSTOMER").put("KeySpec", "SYMMETRIC_DEFAULT").put("KeyUsage", "ENCRYPT_DECRYPT").put("MultiRegion", false);
        k.put("Policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + account + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}");
        k.put("KeyRotationEnabled", true).put("RotationPeriodInDays", 365);
        k.putArray("Aliases");
        k.putArray("Grants");
        return k;
    }

    public static String arnOfKey(ObjectNode key) {
        return key.get("KeyMetadata").get("Arn").asText();
    }

    public static String compliantVaultPolicy(String account) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyDelete\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":[\"backup:DeleteRecoveryPoint\",\"backup:UpdateRecoveryPointLifecycle\",\"backup:PutBackupVaultAccessPolicy\","
                + "\"backup:DeleteBackupVaultAccessPolicy\",\"backup:DeleteBackupVaultLockConfiguration\",\"backup:DeleteBackupVault\"],"
                + "\"Resource\":\"*\",\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::" + account + ":role/BreakGlass\"}}}]}";
    }

    /** A standard vault with its own customer-managed key, an immutable compliance lock (7..400 days), a deny-deletion policy and full notifications. */
    public ObjectNode vault(String account, String region, String name) {
        ObjectNode key = key(account, region);
        String arn = "arn:aws:backup:" + region + ":" + account + ":backup-vault:" + name;
        ObjectNode v = region(account, region).withArray("BackupVaults").addObject();
        v.put("BackupVaultName", name).put("BackupVaultArn", arn).put("VaultType", "BACKUP_VAULT").put("VaultState", "AVAILABLE")
                .put("EncryptionKeyArn", arnOfKey(key)).put("CreationDate", NOW.minus(Duration.ofDays(300)).toString())
                .put("NumberOfRecoveryPoints", 0).put("Locked", true).put("MinRetentionDays", 7).put("MaxRetentionDays", 400)
                .put("LockDate", NOW.minus(Duration.ofDays(200)).toString());
        v.put("AccessPolicy", compliantVaultPolicy(account));
        ObjectNode n = v.putObject("Notifications");
        n.put("BackupVaultName", name).put("BackupVaultArn", arn).put("SNSTopicArn", "arn:aws:sns:" + region + ":" + account + ":backup-alerts");
        n.putArray("BackupVaultEvents").add("RECOVERY_POINT_MODIFIED").add("BACKUP_JOB_COMPLETED").add("COPY_JOB_FAILED").add("RESTORE_JOB_COMPLETED");
        v.putArray("RecoveryPoints");
        v.putArray("RestoreAccessBackupVaults");
        return v;
    }

    /** A logically air-gapped vault with an AWS-owned key and an approval team. */
    public ObjectNode airGappedVault(String account, String region, String name) {
        String arn = "arn:aws:backup:" + region + ":" + account + ":backup-vault:" + name;
        ObjectNode v = region(account, region).withArray("BackupVaults").addObject();
        v.put("BackupVaultName", name).put("BackupVaultArn", arn).put("VaultType", "LOGICALLY_AIR_GAPPED_BACKUP_VAULT").put("VaultState", "AVAILABLE")
                .put("EncryptionKeyType", "AWS_OWNED_KMS_KEY").put("CreationDate", NOW.minus(Duration.ofDays(300)).toString())
                .put("Locked", true).put("MinRetentionDays", 7).put("MaxRetentionDays", 400)
                .put("LockDate", NOW.minus(Duration.ofDays(300)).toString())
                .put("MpaApprovalTeamArn", "arn:aws:mpa::" + MGMT + ":approval-team/recovery");
        v.put("AccessPolicy", compliantVaultPolicy(account));
        ObjectNode n = v.putObject("Notifications");
        n.put("SNSTopicArn", "arn:aws:sns:" + region + ":" + account + ":backup-alerts");
        n.putArray("BackupVaultEvents").add("RECOVERY_POINT_MODIFIED").add("BACKUP_JOB_COMPLETED").add("COPY_JOB_FAILED").add("RESTORE_JOB_COMPLETED");
        v.putArray("RecoveryPoints");
        v.putArray("RestoreAccessBackupVaults");
        return v;
    }

    public static String arnOf(ObjectNode vault) {
        return vault.get("BackupVaultArn").asText();
    }

    public static String accountOf(ObjectNode vault) {
        return arnOf(vault).split(":")[4];
    }

    public static String regionOf(ObjectNode vault) {
        return arnOf(vault).split(":")[3];
    }

    public static String volume(String account, String region, String id) {
        return "arn:aws:ec2:" + region + ":" + account + ":volume/vol-" + id;
    }

    /** A completed, encrypted (vault key) EBS recovery point kept 35 days. */
    public ObjectNode point(ObjectNode vault, String resourceArn, Instant created) {
        String account = accountOf(vault);
        String region = regionOf(vault);
        ObjectNode p = vault.withArray("RecoveryPoints").addObject();
        p.put("RecoveryPointArn", "arn:aws:backup:" + region + ":" + account + ":recovery-point:rp-" + (++counter))
                .put("BackupVaultName", vault.get("BackupVaultName").asText()).put("BackupVaultArn", arnOf(vault))
                .put("ResourceArn", resourceArn).put("ResourceType", "EBS").put("Status", "COMPLETED")
                .put("CreationDate", created.toString()).put("IsEncrypted", true);
        if (vault.has("EncryptionKeyArn")) {
            p.put("EncryptionKeyArn", vault.get("EncryptionKeyArn").asText());
        } else {
            p.put("EncryptionKeyType", "AWS_OWNED_KMS_KEY");
        }
        p.putObject("Lifecycle").put("DeleteAfterDays", 35);
        p.putObject("CalculatedLifecycle").put("DeleteAt", created.plus(Duration.ofDays(35)).toString());
        vault.put("NumberOfRecoveryPoints", vault.withArray("RecoveryPoints").size());
        return p;
    }

    /** A protected resource described in its owner account: backed up an hour ago, restored 10 days ago in 60 minutes. */
    public ObjectNode resource(String account, String region, String resourceArn) {
        ObjectNode r = region(account, region).withArray("ProtectedResources").addObject();
        r.put("ResourceArn", resourceArn).put("ResourceType", "EBS").put("LastBackupTime", NOW.minus(Duration.ofHours(1)).toString())
                .put("LatestRestoreExecutionTimeMinutes", 60).put("LatestRestoreJobCreationDate", NOW.minus(Duration.ofDays(10)).toString())
                .put("LastRestoreTime", NOW.minus(Duration.ofDays(10)).toString());
        return r;
    }

    /** A daily plan keeping 35 days. */
    public ObjectNode plan(String account, String region, String name) {
        String id = "plan-" + (++counter);
        ObjectNode p = region(account, region).withArray("BackupPlans").addObject();
        ObjectNode body = p.putObject("BackupPlan");
        body.put("BackupPlanName", name);
        ObjectNode rule = body.putArray("Rules").addObject();
        rule.put("RuleName", "daily").put("TargetBackupVaultName", "main").put("ScheduleExpression", "cron(0 5 ? * * *)").put("RuleId", "rule-" + id);
        rule.putObject("Lifecycle").put("DeleteAfterDays", 35);
        rule.putArray("CopyActions");
        p.put("BackupPlanId", id).put("BackupPlanArn", "arn:aws:backup:" + region + ":" + account + ":backup-plan:" + id);
        p.putArray("Selections");
        return p;
    }

    /** A restore testing plan of every vault, run two days ago, with an EBS selection. */
    public ObjectNode restoreTestingPlan(String account, String region, String name) {
        ObjectNode p = region(account, region).withArray("RestoreTestingPlans").addObject();
        p.put("RestoreTestingPlanName", name).put("RestoreTestingPlanArn", "arn:aws:backup:" + region + ":" + account + ":restore-testing-plan:" + name)
                .put("ScheduleExpression", "cron(0 1 ? * SUN *)").put("LastExecutionTime", NOW.minus(Duration.ofDays(2)).toString());
        ObjectNode sel = p.putObject("RecoveryPointSelection");
        sel.put("Algorithm", "LATEST_WITHIN_WINDOW").putArray("IncludeVaults").add("*");
        sel.putArray("RecoveryPointTypes").add("SNAPSHOT");
        ObjectNode s = p.putArray("Selections").addObject();
        s.put("RestoreTestingSelectionName", "ebs").put("ProtectedResourceType", "EBS")
                .put("IamRoleArn", "arn:aws:iam::" + account + ":role/service-role/AWSBackupDefaultServiceRole");
        s.putArray("ProtectedResourceArns").add("*");
        return p;
    }

    /** A completed, validated, cleaned-up restore-test job of a plan, created a day ago. */
    public ObjectNode restoreJob(String account, String region, ObjectNode testPlan) {
        ObjectNode j = region(account, region).withArray("RestoreJobs").addObject();
        j.put("AccountId", account).put("RestoreJobId", "job-" + (++counter)).put("Status", "COMPLETED")
                .put("CreationDate", NOW.minus(Duration.ofDays(1)).toString()).put("ValidationStatus", "SUCCESSFUL")
                .put("DeletionStatus", "SUCCESSFUL").put("CreatedResourceArn", "arn:aws:ec2:" + region + ":" + account + ":volume/vol-restored" + counter);
        j.putObject("CreatedBy").put("RestoreTestingPlanArn", testPlan.get("RestoreTestingPlanArn").asText());
        return j;
    }

    /** A healthy approval team: ACTIVE, 2 of 3, every approver ACCEPTED. */
    public ObjectNode team(String account, String region, String name) {
        ObjectNode t = region(account, region).withArray("MpaApprovalTeams").addObject();
        t.put("Arn", "arn:aws:mpa:" + region + ":" + account + ":approval-team/" + name).put("Name", name).put("Status", "ACTIVE")
                .put("NumberOfApprovers", 3);
        t.putObject("ApprovalStrategy").putObject("MofN").put("MinApprovalsRequired", 2);
        ArrayNode approvers = t.putArray("Approvers");
        for (String u : List.of("u-a", "u-b", "u-c")) {
            approvers.addObject().put("ApproverId", "ap-" + u).put("PrimaryIdentityId", u).put("PrimaryIdentityStatus", "ACCEPTED");
        }
        return t;
    }

    /** A production volume backed up into the backup account, copied to another region and to an air-gapped vault, restore-tested. */
    public static EstateFixture healthy() {
        EstateFixture f = new EstateFixture();
        String vol = EstateFixture.volume(PROD, REGION, "0healthy");
        f.resource(PROD, REGION, vol);
        ObjectNode main = f.vault(BACKUP, REGION, "main");
        f.point(main, vol, NOW.minus(Duration.ofHours(5)));
        ObjectNode dr = f.vault(BACKUP, OTHER_REGION, "dr");
        f.point(dr, vol, NOW.minus(Duration.ofHours(4)));
        ObjectNode lag = f.airGappedVault(BACKUP, REGION, "air-gapped");
        f.point(lag, vol, NOW.minus(Duration.ofHours(3)));
        f.plan(BACKUP, REGION, "daily");
        for (String region : List.of(REGION, OTHER_REGION)) {
            ObjectNode rt = f.restoreTestingPlan(BACKUP, region, "weekly");
            f.restoreJob(BACKUP, region, rt);
        }
        f.team(BACKUP, REGION, "recovery");
        return f;
    }

    public Estate estate() {
        return new EstateFile().fromTree(root.deepCopy(), "fixture");
    }

    /** Runs one check over the estate with default settings. */
    public List<Result> run(Check check) {
        return run(check, FindingsSettings.DEFAULTS);
    }

    public List<Result> run(Check check, FindingsSettings settings) {
        EstateIndex index = new EstateIndex(estate(), settings, NOW);
        List<Result> out = new ArrayList<>();
        check.evaluate(index, out::add);
        return out;
    }

    /** The one result about a resource. */
    public static Result about(List<Result> results, String arn) {
        List<Result> r = results.stream().filter(x -> arn.equals(x.resourceArn())).toList();
        if (r.size() != 1) {
            throw new AssertionError("expected one result about " + arn + ", found " + r.size() + " in " + results);
        }
        return r.get(0);
    }
}
