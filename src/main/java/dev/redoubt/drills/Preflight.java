package dev.redoubt.drills;

import dev.redoubt.findings.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The preflight of one drill member: pure judgement of facts the service gathered (from the estate and
 * from AWS's answers). Each item is PASS, FAIL (blocks the restore) or UNKNOWN (never PASS for what could
 * not be read), with its reason and what to do. Also proposes the restore metadata a drill uses.
 */
public final class Preflight {
    /** Restored resources Redoubt names start with this, so nobody mistakes them for production. */
    public static final String NAME_PREFIX = "redoubt-drill-";
    /** How long the operator is given to validate a restored resource after its restore (the point must outlive it). */
    public static final Duration VALIDATION_WINDOW = Duration.ofHours(24);
    /** Restore metadata keys that name the restored resource (one of them set to production's name would restore over or beside it). */
    public static final Set<String> NAME_KEYS = Set.of("DBInstanceIdentifier", "DBClusterIdentifier", "targetTableName", "DestinationBucketName",
            "CreationToken", "DBName", "TableName", "DestinationTableName", "ClusterIdentifier", "FileSystemName", "InstanceName",
            "VolumeName", "targetTableNameOverride");
    /** Of {@link #NAME_KEYS}, those that name a database inside an instance rather than the resource: never renamed. */
    private static final Set<String> INNER_NAMES = Set.of("DBName");

    public static final String POINT_USABLE = "point-usable";
    public static final String KEY_USABLE = "key-usable";
    public static final String NOT_EXPIRING = "not-expiring";
    public static final String METADATA = "metadata";
    public static final String RESTORE_ROLE = "restore-role";
    public static final String ISOLATED_TARGET = "isolated-target";
    public static final String APPROVAL = "approval";

    private Preflight() {
    }

    /**
     * What the service found out about a member before judging it.
     *
     * @param pointInEstate      the recovery point is in the estate Redoubt read
     * @param pointStatus        its status (COMPLETED, PARTIAL, EXPIRED...)
     * @param deleteAt           when its lifecycle deletes it (null: kept until deleted by hand)
     * @param keyArn             the point's KMS key (else its vault's); null when neither says
     * @param keyType            AWS_OWNED_KMS_KEY for AWS-owned keys, else null or CUSTOMER_MANAGED_KMS_KEY
     * @param keyState           the key's state as read (Enabled, Disabled, PendingDeletion...); null when not read
     * @param metadataAnswered   GetRecoveryPointRestoreMetadata answered
     * @param metadataError      AWS's code and message when it refused
     * @param iamRoleArn         the restore role chosen (null: none)
     * @param roleEvidence       where the estate shows the role restoring (a completed restore job, a restore testing selection); null: not seen
     * @param vaultAccountId     the account of the point's vault (where the restore runs)
     * @param resourceAccountId  the account of the production resource
     * @param resourceType       AWS Backup's resource type
     * @param productionNames    the production resource's names (its name, the last part of its ARN)
     * @param metadata           the restore metadata the restore will use
     * @param vaultType          BACKUP_VAULT, LOGICALLY_AIR_GAPPED_BACKUP_VAULT, RESTORE_ACCESS_BACKUP_VAULT
     * @param approvalTeam       for an air-gapped vault: its approval team's name (or ARN); null when none is associated
     * @param sourceVaultArn     for a restore-access vault: the air-gapped vault it opens
     * @param now                the time of the preflight
     * @param expectedRestore    how long the restore is expected to take
     */
    public record Facts(String recoveryPointArn, boolean pointInEstate, String pointStatus, Instant deleteAt, String keyArn, String keyType,
                        String keyState, boolean metadataAnswered, String metadataError, String iamRoleArn, String roleEvidence,
                        String vaultAccountId, String resourceAccountId, String resourceType, List<String> productionNames,
                        Map<String, String> metadata, String vaultType, String approvalTeam, String sourceVaultArn, Instant now,
                        Duration expectedRestore) {
        public Facts {
            productionNames = productionNames == null ? List.of() : List.copyOf(productionNames);
            metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        }
    }

    /** The items, in a fixed order. */
    public static List<PreflightItem> judge(Facts f) {
        List<PreflightItem> out = new ArrayList<>();
        out.add(pointUsable(f));
        out.add(keyUsable(f));
        out.add(notExpiring(f));
        out.add(metadata(f));
        out.add(role(f));
        out.add(isolated(f));
        out.add(approval(f));
        return out;
    }

    /** True when no item is FAIL. */
    public static boolean passable(List<PreflightItem> items) {
        return items != null && !items.isEmpty() && items.stream().noneMatch(i -> i.verdict() == Status.FAIL);
    }

    private static PreflightItem pointUsable(Facts f) {
        String title = "The recovery point can be restored";
        if (!f.pointInEstate()) {
            return new PreflightItem(POINT_USABLE, title, Status.FAIL, "The recovery point is not in the estate Redoubt read",
                    "Scan again, then choose a recovery point the scan found");
        }
        if (!"COMPLETED".equals(f.pointStatus())) {
            return new PreflightItem(POINT_USABLE, title, Status.FAIL, "The recovery point's status is " + words(f.pointStatus())
                    + ", not completed", "Choose a completed recovery point");
        }
        return new PreflightItem(POINT_USABLE, title, Status.PASS, "The recovery point is completed", null);
    }

    private static PreflightItem keyUsable(Facts f) {
        String title = "Its encryption key is enabled";
        if ("AWS_OWNED_KMS_KEY".equals(f.keyType())) {
            return new PreflightItem(KEY_USABLE, title, Status.PASS, "It is encrypted with a key AWS owns and keeps usable", null);
        }
        if (f.keyArn() == null) {
            return new PreflightItem(KEY_USABLE, title, Status.UNKNOWN, "Neither the recovery point nor its vault names its key",
                    "Check the vault's encryption key in AWS Backup before going on");
        }
        if (f.keyState() == null) {
            return new PreflightItem(KEY_USABLE, title, Status.UNKNOWN, "The key " + f.keyArn() + " was not read",
                    "Scan the key's account with a role that may read KMS keys, or check the key in the KMS console");
        }
        if ("Enabled".equals(f.keyState())) {
            return new PreflightItem(KEY_USABLE, title, Status.PASS, "The key " + f.keyArn() + " is enabled", null);
        }
        String state = "PendingDeletion".equals(f.keyState()) ? "pending deletion" : f.keyState().toLowerCase(Locale.ROOT);
        return new PreflightItem(KEY_USABLE, title, Status.FAIL, "The key " + f.keyArn() + " is " + state + ": AWS cannot decrypt the backup",
                "PendingDeletion".equals(f.keyState()) ? "Cancel the key's deletion in KMS and enable it, then run the preflight again"
                        : "Enable the key in KMS, then run the preflight again");
    }

    private static PreflightItem notExpiring(Facts f) {
        String title = "It is kept until the drill ends";
        Duration restore = f.expectedRestore() == null ? Duration.ZERO : f.expectedRestore();
        if (f.deleteAt() == null) {
            return new PreflightItem(NOT_EXPIRING, title, Status.PASS, "No lifecycle deletes the recovery point", null);
        }
        Instant needed = f.now().plus(restore).plus(VALIDATION_WINDOW);
        if (f.deleteAt().isBefore(needed)) {
            return new PreflightItem(NOT_EXPIRING, title, Status.FAIL, "Its lifecycle deletes it at " + DrillText.time(f.deleteAt())
                    + ", before the restore (about " + DrillText.duration(restore) + ") and " + DrillText.duration(VALIDATION_WINDOW)
                    + " of validation are over", "Choose a newer recovery point");
        }
        return new PreflightItem(NOT_EXPIRING, title, Status.PASS, "Its lifecycle deletes it at " + DrillText.time(f.deleteAt())
                + ", after the drill (restore about " + DrillText.duration(restore) + ", then " + DrillText.duration(VALIDATION_WINDOW)
                + " to validate)", null);
    }

    private static PreflightItem metadata(Facts f) {
        String title = "AWS gives the restore metadata";
        if (!f.metadataAnswered()) {
            return new PreflightItem(METADATA, title, Status.FAIL, "AWS refused GetRecoveryPointRestoreMetadata: "
                    + (f.metadataError() == null ? "no reason given" : f.metadataError()),
                    "Sign in with a role that may read the vault's recovery points (backup:GetRecoveryPointRestoreMetadata), or enter the metadata in a runbook");
        }
        return new PreflightItem(METADATA, title, Status.PASS, "AWS gave the point's restore metadata; the restore uses " + f.metadata().size()
                + (f.metadata().size() == 1 ? " setting" : " settings"), null);
    }

    private static PreflightItem role(Facts f) {
        String title = "A restore role is chosen";
        if (f.iamRoleArn() == null || f.iamRoleArn().isBlank()) {
            return new PreflightItem(RESTORE_ROLE, title, Status.FAIL, "No restore role was given and Redoubt saw none restoring in this account",
                    "Enter the ARN of a role AWS Backup may assume to restore (e.g. AWSBackupDefaultServiceRole)");
        }
        if (f.roleEvidence() != null) {
            return new PreflightItem(RESTORE_ROLE, title, Status.PASS, "The role " + f.iamRoleArn() + " " + f.roleEvidence(), null);
        }
        return new PreflightItem(RESTORE_ROLE, title, Status.UNKNOWN, "Redoubt saw no restore by the role " + f.iamRoleArn()
                + " and cannot read IAM to check it may restore", "Check in IAM that AWS Backup may assume the role and restore this resource type");
    }

    private static PreflightItem isolated(Facts f) {
        String title = "The restore does not touch production";
        if (f.vaultAccountId() != null && f.resourceAccountId() != null && !f.vaultAccountId().equals(f.resourceAccountId())) {
            return new PreflightItem(ISOLATED_TARGET, title, Status.PASS, "It restores into account " + f.vaultAccountId()
                    + ", not the production account " + f.resourceAccountId(), null);
        }
        List<String> prefixed = new ArrayList<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(f.metadata()).entrySet()) {
            if (!NAME_KEYS.contains(e.getKey()) || INNER_NAMES.contains(e.getKey())) {
                continue;
            }
            String v = e.getValue() == null ? "" : e.getValue();
            for (String prod : f.productionNames()) {
                if (v.equals(prod)) {
                    return new PreflightItem(ISOLATED_TARGET, title, Status.FAIL, e.getKey() + " is " + v + ", production's own name: the restore "
                            + "would collide with the production resource", "Rename it to start with " + NAME_PREFIX);
                }
            }
            if (!v.startsWith(NAME_PREFIX)) {
                return new PreflightItem(ISOLATED_TARGET, title, Status.UNKNOWN, e.getKey() + " is " + v + ": not marked as a drill's",
                        "Rename it to start with " + NAME_PREFIX + ", so the restored resource is known as a drill's and cleaned up");
            }
            prefixed.add(e.getKey() + " " + v);
        }
        if ("EFS".equals(f.resourceType()) && "false".equalsIgnoreCase(f.metadata().get("newFileSystem"))) {
            return new PreflightItem(ISOLATED_TARGET, title, Status.FAIL, "newFileSystem is false: the restore writes into the production file system",
                    "Set newFileSystem to true");
        }
        if ("S3".equals(f.resourceType()) && !f.metadata().containsKey("DestinationBucketName")) {
            return new PreflightItem(ISOLATED_TARGET, title, Status.FAIL, "No DestinationBucketName: the restore writes into the source bucket",
                    "Set DestinationBucketName to a bucket named " + NAME_PREFIX + "...");
        }
        if (!prefixed.isEmpty()) {
            return new PreflightItem(ISOLATED_TARGET, title, Status.PASS, "It restores as a new resource named for the drill ("
                    + String.join(", ", prefixed) + ")", null);
        }
        return new PreflightItem(ISOLATED_TARGET, title, Status.PASS, "AWS restores it as a new " + noun(f.resourceType())
                + " with its own ID; nothing in production is replaced", null);
    }

    private static PreflightItem approval(Facts f) {
        String title = "Restore access is open";
        if ("LOGICALLY_AIR_GAPPED_BACKUP_VAULT".equals(f.vaultType())) {
            return new PreflightItem(APPROVAL, title, Status.FAIL, "The point is in a logically air-gapped vault: restore access must first be "
                    + "approved through multi-party approval" + (f.approvalTeam() == null ? " (no approval team is associated with the vault)"
                    : " by the team " + f.approvalTeam()), "Request restore access for this vault, then choose the point in the restore-access vault");
        }
        if ("RESTORE_ACCESS_BACKUP_VAULT".equals(f.vaultType())) {
            return new PreflightItem(APPROVAL, title, Status.PASS, "The point is in a restore-access vault opened by approval"
                    + (f.sourceVaultArn() == null ? "" : " from " + f.sourceVaultArn()), null);
        }
        return new PreflightItem(APPROVAL, title, Status.PASS, "A standard backup vault: no approval is needed to restore from it", null);
    }

    /**
     * The restore metadata a drill proposes: AWS's answer, the runbook's over it, then every name key set to
     * {@code redoubt-drill-<short drill id>-<name>} (unless it already starts with redoubt-drill-), cut to 63 characters.
     */
    public static Map<String, String> propose(Map<String, String> aws, Map<String, String> runbook, String shortDrillId) {
        Map<String, String> out = new LinkedHashMap<>();
        if (aws != null) {
            new java.util.TreeMap<>(aws).forEach(out::put);
        }
        if (runbook != null) {
            out.putAll(runbook);
        }
        for (Map.Entry<String, String> e : out.entrySet()) {
            if (NAME_KEYS.contains(e.getKey()) && !INNER_NAMES.contains(e.getKey()) && e.getValue() != null && !e.getValue().startsWith(NAME_PREFIX)) {
                e.setValue(drillName(shortDrillId, e.getValue()));
            }
        }
        return out;
    }

    /** {@code redoubt-drill-<short id>-<name>}, at most 63 characters, lower case for the names AWS wants so. */
    public static String drillName(String shortDrillId, String name) {
        String n = NAME_PREFIX + shortDrillId + "-" + name;
        return n.length() > 63 ? n.substring(0, 63) : n;
    }

    private static String words(String status) {
        return status == null ? "unknown" : status.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String noun(String type) {
        if (type == null) {
            return "resource";
        }
        return switch (type) {
            case "EBS" -> "volume";
            case "EC2" -> "instance";
            case "EFS" -> "file system";
            case "RDS", "Aurora" -> "database";
            case "DynamoDB" -> "table";
            case "S3" -> "bucket";
            default -> type + " resource";
        };
    }
}
