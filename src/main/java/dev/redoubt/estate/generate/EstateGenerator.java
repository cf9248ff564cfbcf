package dev.redoubt.estate.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Deterministic, realistically shaped estates for benchmarks: the same spec and seed give the same
 * estate, byte for byte. Identities as the format says: every account declares a read-only and an
 * operator role, and one SSO user ("bench") holds both in every account.
 */
public final class EstateGenerator {
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "eu-central-1", "us-west-2", "ap-southeast-2",
            "ap-northeast-1", "ca-central-1", "eu-north-1", "us-east-2", "sa-east-1");
    public static final String READ_ONLY_ROLE = "AuditReadOnly";
    public static final String OPERATOR_ROLE = "BackupOperator";
    public static final String BENCH_USER = "bench";
    private static final String[] TYPES = {"EBS", "RDS", "DynamoDB", "EFS", "EC2", "S3"};
    private static final long[] RETENTIONS = {7, 35, 35, 90, 365};
    private static final long GIB = 1L << 30;

    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final EstateFile estateFile;

    public EstateGenerator(EstateFile estateFile) {
        this.estateFile = estateFile;
    }

    public Estate generate(GeneratorSpec spec) {
        return estateFile.fromTree(generateTree(spec), "generated estate");
    }

    /** The estate as a JSON tree in AWS's shapes. */
    public ObjectNode generateTree(GeneratorSpec spec) {
        Run run = new Run(spec);
        return run.estate();
    }

    private final class Run {
        private final GeneratorSpec spec;
        private final Random rnd;
        private final Instant now;
        private final String orgId;
        private final List<String> accountIds = new ArrayList<>();
        private final int totalVaults;
        private int vaultOrdinal;

        Run(GeneratorSpec spec) {
            this.spec = spec;
            this.rnd = new Random(spec.seed());
            this.now = spec.capturedAt();
            this.orgId = "o-" + Long.toString(Math.abs(spec.seed() * 2_654_435_761L) % 1_000_000_000_000L, 36);
            long base = 200_000_000_000L + Math.floorMod(spec.seed(), 700L) * 1_000_000L;
            for (int i = 0; i < spec.accounts(); i++) {
                accountIds.add(String.format(Locale.ROOT, "%012d", base + i * 101L));
            }
            this.totalVaults = spec.accounts() * spec.regions() * spec.vaultsPerRegion();
        }

        ObjectNode estate() {
            ObjectNode root = json.objectNode();
            root.put("Format", EstateFile.FORMAT);
            root.put("Name", String.format(Locale.ROOT, "Generated: %d accounts x %d regions x %d vaults, %d recovery points, seed %d",
                    spec.accounts(), spec.regions(), spec.vaultsPerRegion(), spec.recoveryPoints(), spec.seed()));
            root.put("CapturedAt", now.toString());
            String mgmt = accountIds.get(0);
            ObjectNode org = root.putObject("Organization");
            org.put("Id", orgId);
            org.put("Arn", "arn:aws:organizations::" + mgmt + ":organization/" + orgId);
            org.put("FeatureSet", "ALL");
            org.put("MasterAccountArn", accountArn(mgmt));
            org.put("MasterAccountId", mgmt);
            org.put("MasterAccountEmail", "aws-root@generated.example");
            ssoUsers(root.putArray("SsoUsers"));
            ArrayNode accounts = root.putArray("Accounts");
            for (int i = 0; i < accountIds.size(); i++) {
                accounts.add(account(i));
            }
            return root;
        }

        private String accountArn(String id) {
            return "arn:aws:organizations::" + accountIds.get(0) + ":account/" + orgId + "/" + id;
        }

        private void ssoUsers(ArrayNode users) {
            ObjectNode bench = users.addObject();
            bench.put("UserId", "u-" + BENCH_USER);
            bench.put("UserName", BENCH_USER);
            bench.put("Password", BENCH_USER);
            ArrayNode assignments = bench.putArray("Assignments");
            for (String id : accountIds) {
                for (String role : List.of(READ_ONLY_ROLE, OPERATOR_ROLE)) {
                    assignments.addObject().put("AccountId", id).put("RoleName", role);
                }
            }
            for (String name : List.of("approver-a", "approver-b")) {
                ObjectNode u = users.addObject();
                u.put("UserId", "u-" + name);
                u.put("UserName", name);
                u.put("Password", name);
                u.putArray("Assignments").addObject().put("AccountId", accountIds.get(Math.min(1, accountIds.size() - 1)))
                        .put("RoleName", READ_ONLY_ROLE);
            }
        }

        private ObjectNode account(int index) {
            String id = accountIds.get(index);
            ObjectNode a = json.objectNode();
            a.put("Id", id);
            a.put("Arn", accountArn(id));
            String kind = index == 0 ? "mgmt" : index == 1 ? "backup" : index % 4 == 3 ? "dev" : "prod";
            a.put("Name", String.format(Locale.ROOT, "gen-%s-%04d", kind, index));
            a.put("Email", String.format(Locale.ROOT, "gen-%04d@generated.example", index));
            a.put("Status", "ACTIVE");
            a.put("State", "ACTIVE");
            a.put("JoinedTimestamp", now.minus(Duration.ofDays(400L + index)).truncatedTo(ChronoUnit.SECONDS).toString());
            a.put("OrganizationalUnit", switch (kind) {
                case "mgmt" -> "";
                case "backup" -> "Infrastructure/Backup";
                case "dev" -> "Workloads/Development";
                default -> "Workloads/Production";
            });
            ArrayNode roles = a.putArray("Roles");
            roles.addObject().put("RoleName", READ_ONLY_ROLE).put("Access", "read-only");
            roles.addObject().put("RoleName", OPERATOR_ROLE).put("Access", "operator");
            ObjectNode regions = a.putObject("Regions");
            for (int r = 0; r < spec.regions(); r++) {
                regions.set(REGIONS.get(r), region(id, REGIONS.get(r), index + r));
            }
            return a;
        }

        private ObjectNode region(String account, String region, int variant) {
            ObjectNode r = json.objectNode();
            ObjectNode gs = r.putObject("GlobalSettings");
            gs.put("isCrossAccountBackupEnabled", rnd.nextBoolean() ? "true" : "false");
            gs.put("isMpaEnabled", rnd.nextInt(4) == 0 ? "true" : "false");
            ArrayNode keys = r.putArray("KmsKeys");
            String managedKey = key(keys, account, region, true);
            String customerKey = key(keys, account, region, false);
            String planId = uuid();
            String ruleId = uuid();
            String planArn = "arn:aws:backup:" + region + ":" + account + ":backup-plan:" + planId;
            ArrayNode vaults = r.putArray("BackupVaults");
            ArrayNode protectedResources = r.putArray("ProtectedResources");
            for (int v = 0; v < spec.vaultsPerRegion(); v++) {
                String keyArn = rnd.nextInt(3) == 0 ? managedKey : customerKey;
                vaults.add(vault(account, region, v, keyArn, planId, planArn, ruleId, protectedResources));
            }
            r.putArray("BackupPlans").add(plan(account, region, planId, planArn, ruleId));
            ArrayNode rtPlans = r.putArray("RestoreTestingPlans");
            if (variant % 3 != 0) { // a third of the regions have no restore testing at all
                rtPlans.add(restoreTestingPlan(account, region));
            }
            r.putArray("RestoreJobs");
            r.putArray("CopyJobs");
            r.putArray("LegalHolds");
            r.putArray("Frameworks");
            ArrayNode reportPlans = r.putArray("ReportPlans");
            if (variant % 2 == 0) {
                String name = "daily_jobs_" + region.replace('-', '_');
                reportPlans.addObject().put("ReportPlanArn", "arn:aws:backup:" + region + ":" + account + ":report-plan:" + name)
                        .put("ReportPlanName", name).put("DeploymentStatus", "COMPLETED")
                        .put("CreationTime", now.minus(Duration.ofDays(200)).toString());
            }
            r.putArray("MpaApprovalTeams");
            r.putArray("MpaSessions");
            return r;
        }

        private String key(ArrayNode keys, String account, String region, boolean awsManaged) {
            String keyId = uuid();
            String arn = "arn:aws:kms:" + region + ":" + account + ":key/" + keyId;
            ObjectNode k = keys.addObject();
            ObjectNode m = k.putObject("KeyMetadata");
            m.put("AWSAccountId", account);
            m.put("KeyId", keyId);
            m.put("Arn", arn);
            m.put("CreationDate", now.minus(Duration.ofDays(300 + rnd.nextInt(300))).truncatedTo(ChronoUnit.SECONDS).toString());
            m.put("Enabled", true);
            m.put("Description", awsManaged ? "Default key that protects my backups when no other key is defined" : "Backup vault key");
            m.put("KeyUsage", "ENCRYPT_DECRYPT");
            m.put("KeyState", "Enabled");
            m.put("Origin", "AWS_KMS");
            m.put("KeyManager", awsManaged ? "AWS" : "CUSTOMER");
            m.put("KeySpec", "SYMMETRIC_DEFAULT");
            m.putArray("EncryptionAlgorithms").add("SYMMETRIC_DEFAULT");
            m.put("MultiRegion", false);
            k.put("Policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\","
                    + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + account + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}");
            k.put("KeyRotationEnabled", awsManaged || rnd.nextInt(10) < 7);
            k.put("RotationPeriodInDays", 365);
            ArrayNode aliases = k.putArray("Aliases");
            String alias = awsManaged ? "alias/aws/backup" : "alias/backup-vaults";
            aliases.addObject().put("AliasName", alias).put("AliasArn", "arn:aws:kms:" + region + ":" + account + ":" + alias)
                    .put("TargetKeyId", keyId);
            k.putArray("Grants");
            return arn;
        }

        private ObjectNode vault(String account, String region, int index, String keyArn, String planId, String planArn,
                                 String ruleId, ArrayNode protectedResources) {
            String name = String.format(Locale.ROOT, "vault-%02d", index);
            String arn = "arn:aws:backup:" + region + ":" + account + ":backup-vault:" + name;
            ObjectNode v = json.objectNode();
            v.put("BackupVaultName", name);
            v.put("BackupVaultArn", arn);
            v.put("VaultType", "BACKUP_VAULT");
            v.put("VaultState", "AVAILABLE");
            v.put("EncryptionKeyArn", keyArn);
            v.put("EncryptionKeyType", "CUSTOMER_MANAGED_KMS_KEY");
            v.put("CreationDate", now.minus(Duration.ofDays(200 + rnd.nextInt(200))).truncatedTo(ChronoUnit.SECONDS).toString());
            int points = pointsForVault(vaultOrdinal++);
            v.put("NumberOfRecoveryPoints", points);
            int lock = rnd.nextInt(3);
            v.put("Locked", lock > 0);
            if (lock > 0) {
                v.put("MinRetentionDays", 7);
                v.put("MaxRetentionDays", 400);
            }
            if (lock == 2) {
                v.put("LockDate", now.minus(Duration.ofDays(30 + rnd.nextInt(100))).truncatedTo(ChronoUnit.SECONDS).toString());
            }
            v.putObject("Tags").put("team", "team-" + rnd.nextInt(10)).put("env", "generated");
            if (rnd.nextBoolean()) {
                v.put("AccessPolicy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyDelete\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                        + "\"Action\":[\"backup:DeleteRecoveryPoint\",\"backup:UpdateRecoveryPointLifecycle\",\"backup:PutBackupVaultAccessPolicy\"],"
                        + "\"Resource\":\"*\"}]}");
            } else {
                v.putNull("AccessPolicy");
            }
            if (rnd.nextBoolean()) {
                ObjectNode n = v.putObject("Notifications");
                n.put("BackupVaultName", name);
                n.put("BackupVaultArn", arn);
                n.put("SNSTopicArn", "arn:aws:sns:" + region + ":" + account + ":backup-events");
                ArrayNode events = n.putArray("BackupVaultEvents");
                events.add("BACKUP_JOB_FAILED").add("RESTORE_JOB_FAILED").add("COPY_JOB_FAILED").add("RECOVERY_POINT_MODIFIED");
            } else {
                v.putNull("Notifications");
            }
            recoveryPoints(v.putArray("RecoveryPoints"), account, region, name, arn, keyArn, points, planId, planArn, ruleId, protectedResources);
            v.putArray("RestoreAccessBackupVaults");
            return v;
        }

        private int pointsForVault(int ordinal) {
            int base = spec.recoveryPoints() / totalVaults;
            return base + (ordinal < spec.recoveryPoints() % totalVaults ? 1 : 0);
        }

        private void recoveryPoints(ArrayNode out, String account, String region, String vaultName, String vaultArn, String keyArn,
                                    int count, String planId, String planArn, String ruleId, ArrayNode protectedResources) {
            if (count == 0) {
                return;
            }
            int resources = Math.max(1, count / 30);
            int perResource = (count + resources - 1) / resources;
            int made = 0;
            for (int res = 0; res < resources && made < count; res++) {
                String type = TYPES[rnd.nextInt(TYPES.length)];
                String resourceName = String.format(Locale.ROOT, "%s-%s-%02d", type.toLowerCase(Locale.ROOT), vaultName, res);
                String resourceArn = resourceArn(type, account, region, resourceName);
                long size = (1 + rnd.nextInt(500)) * GIB / (type.equals("DynamoDB") ? 64 : 1);
                long retention = RETENTIONS[rnd.nextInt(RETENTIONS.length)];
                String lastArn = null;
                Instant lastTime = null;
                for (int day = 0; day < perResource && made < count; day++, made++) {
                    Instant created = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(day + 1L))
                            .plus(Duration.ofMinutes(300 + rnd.nextInt(120)));
                    String rpArn = recoveryPointArn(type, account, region);
                    ObjectNode p = out.addObject();
                    p.put("RecoveryPointArn", rpArn);
                    p.put("BackupVaultName", vaultName);
                    p.put("BackupVaultArn", vaultArn);
                    p.put("ResourceArn", resourceArn);
                    p.put("ResourceType", type);
                    ObjectNode by = p.putObject("CreatedBy");
                    by.put("BackupPlanId", planId).put("BackupPlanArn", planArn).put("BackupRuleId", ruleId);
                    p.put("IamRoleArn", "arn:aws:iam::" + account + ":role/service-role/AWSBackupDefaultServiceRole");
                    p.put("Status", "COMPLETED");
                    p.put("CreationDate", created.toString());
                    p.put("CompletionDate", created.plus(Duration.ofMinutes(3 + rnd.nextInt(90))).toString());
                    p.put("BackupSizeInBytes", size + rnd.nextInt(1 << 20));
                    p.putObject("CalculatedLifecycle").put("DeleteAt", created.plus(Duration.ofDays(retention)).toString());
                    p.putObject("Lifecycle").put("DeleteAfterDays", retention);
                    p.put("EncryptionKeyArn", keyArn);
                    p.put("IsEncrypted", true);
                    p.put("ResourceName", resourceName);
                    p.put("VaultType", "BACKUP_VAULT");
                    if (lastTime == null) {
                        lastTime = created;
                        lastArn = rpArn;
                    }
                }
                ObjectNode pr = protectedResources.addObject();
                pr.put("ResourceArn", resourceArn);
                pr.put("ResourceType", type);
                pr.put("LastBackupTime", lastTime.toString());
                pr.put("ResourceName", resourceName);
                pr.put("LastBackupVaultArn", vaultArn);
                pr.put("LastRecoveryPointArn", lastArn);
            }
        }

        private String resourceArn(String type, String account, String region, String name) {
            return switch (type) {
                case "EBS" -> "arn:aws:ec2:" + region + ":" + account + ":volume/vol-" + hex(17);
                case "EC2" -> "arn:aws:ec2:" + region + ":" + account + ":instance/i-" + hex(17);
                case "RDS" -> "arn:aws:rds:" + region + ":" + account + ":db:" + name;
                case "DynamoDB" -> "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name;
                case "EFS" -> "arn:aws:elasticfilesystem:" + region + ":" + account + ":file-system/fs-" + hex(17);
                default -> "arn:aws:s3:::" + name + "-" + account;
            };
        }

        private String recoveryPointArn(String type, String account, String region) {
            return switch (type) {
                case "EBS" -> "arn:aws:ec2:" + region + "::snapshot/snap-" + hex(17);
                case "EC2" -> "arn:aws:ec2:" + region + "::image/ami-" + hex(17);
                case "RDS" -> "arn:aws:rds:" + region + ":" + account + ":snapshot:awsbackup:job-" + uuid();
                default -> "arn:aws:backup:" + region + ":" + account + ":recovery-point:" + uuid();
            };
        }

        private ObjectNode plan(String account, String region, String planId, String planArn, String ruleId) {
            ObjectNode p = json.objectNode();
            ObjectNode body = p.putObject("BackupPlan");
            body.put("BackupPlanName", "daily-" + region);
            ObjectNode rule = body.putArray("Rules").addObject();
            rule.put("RuleName", "daily");
            rule.put("TargetBackupVaultName", "vault-00");
            rule.put("ScheduleExpression", "cron(0 5 ? * * *)");
            rule.put("StartWindowMinutes", 60);
            rule.put("CompletionWindowMinutes", 10080);
            rule.putObject("Lifecycle").put("DeleteAfterDays", 35);
            rule.put("RuleId", ruleId);
            ArrayNode copies = rule.putArray("CopyActions");
            if (accountIds.size() > 1 && !account.equals(accountIds.get(1)) && rnd.nextBoolean()) {
                copies.addObject().put("DestinationBackupVaultArn", "arn:aws:backup:" + region + ":" + accountIds.get(1)
                        + ":backup-vault:vault-00").putObject("Lifecycle").put("DeleteAfterDays", 90);
            }
            rule.put("EnableContinuousBackup", false);
            rule.put("ScheduleExpressionTimezone", "Etc/UTC");
            p.put("BackupPlanId", planId);
            p.put("BackupPlanArn", planArn);
            p.put("VersionId", hex(32));
            p.put("CreationDate", now.minus(Duration.ofDays(180)).toString());
            p.put("LastExecutionDate", now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(5)).toString());
            ObjectNode sel = p.putArray("Selections").addObject();
            ObjectNode doc = sel.putObject("BackupSelection");
            doc.put("SelectionName", "tagged-backup");
            doc.put("IamRoleArn", "arn:aws:iam::" + account + ":role/service-role/AWSBackupDefaultServiceRole");
            doc.putArray("Resources").add("*");
            doc.putArray("ListOfTags").addObject().put("ConditionType", "STRINGEQUALS").put("ConditionKey", "backup").put("ConditionValue", "daily");
            sel.put("SelectionId", uuid());
            sel.put("BackupPlanId", planId);
            sel.put("CreationDate", now.minus(Duration.ofDays(180)).toString());
            return p;
        }

        private ObjectNode restoreTestingPlan(String account, String region) {
            String name = "weekly_restore_test";
            ObjectNode p = json.objectNode();
            p.put("CreationTime", now.minus(Duration.ofDays(120)).toString());
            p.put("LastExecutionTime", now.minus(Duration.ofDays(1 + rnd.nextInt(60))).truncatedTo(ChronoUnit.SECONDS).toString());
            ObjectNode sel = p.putObject("RecoveryPointSelection");
            sel.put("Algorithm", "LATEST_WITHIN_WINDOW");
            sel.putArray("IncludeVaults").add("*");
            sel.putArray("RecoveryPointTypes").add("SNAPSHOT");
            sel.put("SelectionWindowDays", 7);
            p.put("RestoreTestingPlanArn", "arn:aws:backup:" + region + ":" + account + ":restore-testing-plan:" + name + "-" + uuid());
            p.put("RestoreTestingPlanName", name);
            p.put("ScheduleExpression", "cron(0 1 ? * SUN *)");
            p.put("ScheduleExpressionTimezone", "Etc/UTC");
            p.put("StartWindowHours", 24);
            ObjectNode s = p.putArray("Selections").addObject();
            s.put("CreationTime", now.minus(Duration.ofDays(120)).toString());
            s.put("IamRoleArn", "arn:aws:iam::" + account + ":role/service-role/AWSBackupDefaultServiceRole");
            s.putArray("ProtectedResourceArns").add("*");
            s.put("ProtectedResourceType", "EBS");
            s.put("RestoreTestingPlanName", name);
            s.put("RestoreTestingSelectionName", "ebs_volumes");
            s.put("ValidationWindowHours", 4);
            return p;
        }

        private String uuid() {
            long hi = (rnd.nextLong() & ~0xF000L) | 0x4000L;
            long lo = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(hi, lo).toString();
        }

        private String hex(int digits) {
            StringBuilder sb = new StringBuilder(digits);
            for (int i = 0; i < digits; i++) {
                sb.append(Character.forDigit(rnd.nextInt(16), 16));
            }
            return sb.toString();
        }
    }
}
