package dev.redoubt.ui.overview;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.time.Instant;
import java.util.List;

/** Tiny estates in AWS's shapes for the overview's computations: only the members each test is about. */
final class SmallEstate {
    static final String PROD = "222222222222";
    static final String BACKUP = "333333333333";
    static final String REGION = "eu-west-1";
    static final Instant CAPTURED = Instant.parse("2026-11-28T09:00:00Z");

    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    private final ObjectNode root = J.objectNode();
    private int points;

    SmallEstate(Instant capturedAt) {
        root.put("Format", EstateFile.FORMAT).put("Name", "small");
        if (capturedAt != null) {
            root.put("CapturedAt", capturedAt.toString());
        }
        root.putArray("Accounts");
    }

    SmallEstate() {
        this(CAPTURED);
    }

    SmallEstate account(String id, String name) {
        ObjectNode a = ((ArrayNode) root.get("Accounts")).addObject();
        a.put("Id", id).put("Name", name).put("Status", "ACTIVE");
        a.putObject("Regions");
        return this;
    }

    ObjectNode region(String account, String region) {
        for (var a : root.get("Accounts")) {
            if (a.get("Id").asText().equals(account)) {
                ObjectNode regions = (ObjectNode) a.get("Regions");
                if (!regions.has(region)) {
                    regions.putObject(region);
                }
                return (ObjectNode) regions.get(region);
            }
        }
        throw new IllegalArgumentException("no account " + account);
    }

    ObjectNode accountNode(String account) {
        for (var a : root.get("Accounts")) {
            if (a.get("Id").asText().equals(account)) {
                return (ObjectNode) a;
            }
        }
        throw new IllegalArgumentException("no account " + account);
    }

    static String vaultArn(String account, String name) {
        return "arn:aws:backup:" + REGION + ":" + account + ":backup-vault:" + name;
    }

    static String volume(String account, String id) {
        return "arn:aws:ec2:" + REGION + ":" + account + ":volume/" + id;
    }

    static String database(String account, String id) {
        return "arn:aws:rds:" + REGION + ":" + account + ":db:" + id;
    }

    SmallEstate vault(String account, String name) {
        ArrayNode vaults = region(account, REGION).withArray("BackupVaults");
        vaults.addObject().put("BackupVaultName", name).put("BackupVaultArn", vaultArn(account, name)).putArray("RecoveryPoints");
        return this;
    }

    /** A recovery point of {@code resource} (type from the ARN) in the vault, created at {@code created} (null: no CreationDate). */
    SmallEstate point(String account, String vault, String resource, Instant created) {
        for (var v : region(account, REGION).withArray("BackupVaults")) {
            if (v.get("BackupVaultName").asText().equals(vault)) {
                ObjectNode p = ((ArrayNode) v.get("RecoveryPoints")).addObject();
                p.put("RecoveryPointArn", "arn:aws:backup:" + REGION + ":" + account + ":recovery-point:rp-" + (++points))
                        .put("BackupVaultName", vault).put("BackupVaultArn", vaultArn(account, vault)).put("ResourceArn", resource)
                        .put("ResourceType", type(resource)).put("Status", "COMPLETED");
                if (created != null) {
                    p.put("CreationDate", created.toString());
                }
                return this;
            }
        }
        throw new IllegalArgumentException("no vault " + vault);
    }

    SmallEstate protectedResource(String account, String resource) {
        region(account, REGION).withArray("ProtectedResources").addObject().put("ResourceArn", resource).put("ResourceType", type(resource));
        return this;
    }

    /** A restore testing plan of the account and region: IncludeVaults, ExcludeVaults, and selections "TYPE=arn1,arn2". */
    SmallEstate restoreTestingPlan(String account, String name, List<String> include, List<String> exclude, String... selections) {
        ObjectNode plan = region(account, REGION).withArray("RestoreTestingPlans").addObject();
        plan.put("RestoreTestingPlanName", name).put("RestoreTestingPlanArn", planArn(account, name));
        ObjectNode sel = plan.putObject("RecoveryPointSelection");
        sel.put("Algorithm", "LATEST_WITHIN_WINDOW");
        include.forEach(sel.putArray("IncludeVaults")::add);
        if (exclude != null) {
            exclude.forEach(sel.putArray("ExcludeVaults")::add);
        }
        ArrayNode list = plan.putArray("Selections");
        for (String s : selections) {
            String[] parts = s.split("=", 2);
            ObjectNode selection = list.addObject().put("ProtectedResourceType", parts[0]).put("RestoreTestingSelectionName", name + "_" + parts[0]);
            ArrayNode arns = selection.putArray("ProtectedResourceArns");
            for (String arn : parts[1].split(",")) {
                arns.add(arn);
            }
        }
        return this;
    }

    static String planArn(String account, String name) {
        return "arn:aws:backup:" + REGION + ":" + account + ":restore-testing-plan:" + name + "-1234";
    }

    /** A restore job in the account and region; {@code plan} null for a restore by hand. */
    SmallEstate restoreJob(String account, String id, String resource, String plan, String status, Instant created, String validation) {
        ObjectNode j = region(account, REGION).withArray("RestoreJobs").addObject();
        j.put("AccountId", account).put("RestoreJobId", id).put("SourceResourceArn", resource).put("Status", status)
                .put("CreationDate", created.toString());
        if (plan != null) {
            j.putObject("CreatedBy").put("RestoreTestingPlanArn", plan);
        }
        if (validation != null) {
            j.put("ValidationStatus", validation);
        }
        return this;
    }

    SmallEstate readError(String account, String region, String scope, String operation, String code, String message) {
        ObjectNode where = region == null ? accountNode(account) : region(account, region);
        where.withArray("ReadErrors").addObject().put("Scope", scope).put("Operation", operation).put("ErrorCode", code).put("Message", message);
        return this;
    }

    SmallEstate incomplete() {
        root.putObject("Incomplete").put("Reason", "cancelled").put("At", "2026-11-28T08:59:00Z")
                .put("Message", "the scan was cancelled before it finished");
        return this;
    }

    SmallEstate key(String account, String arn, String alias) {
        ObjectNode key = region(account, REGION).withArray("KmsKeys").addObject();
        key.putObject("KeyMetadata").put("Arn", arn).put("KeyId", arn.substring(arn.lastIndexOf('/') + 1));
        key.putArray("Aliases").addObject().put("AliasName", alias);
        return this;
    }

    private static String type(String resource) {
        return resource.contains(":volume/") ? "EBS" : resource.contains(":db:") ? "RDS" : "S3";
    }

    Estate build() {
        return new EstateFile().fromTree(root, "small");
    }

    /** A result for the score computations; the evidence is the same for all. */
    static Result result(String check, Status status, Severity severity, Facet facet, String account, String arn) {
        return new Result(check, status, severity, facet, account, account == null ? null : REGION, arn, check + " title",
                Evidence.at(CAPTURED, "test").build(), null, null);
    }
}
