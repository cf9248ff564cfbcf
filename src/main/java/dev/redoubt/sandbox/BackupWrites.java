package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.estate.KmsKey;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.sandbox.World.Cell;
import dev.redoubt.sandbox.World.RestoreAccessEntry;
import dev.redoubt.sandbox.World.VaultEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.backup.model.CreateRestoreAccessBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.PutRestoreValidationResultRequest;
import software.amazon.awssdk.services.backup.model.RevokeRestoreAccessBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.StartRestoreJobRequest;

/**
 * The AWS Backup writes that drills need: restore jobs that progress on the sandbox's clock, their
 * validation results, and restore-access vaults opened and revoked through multi-party approval.
 */
final class BackupWrites {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BackupWrites() {
    }

    static void register(Handlers h) {
        h.write(BackupApi.SERVICE, "StartRestoreJob", StartRestoreJobRequest.class, BackupWrites::startRestoreJob);
        h.write(BackupApi.SERVICE, "PutRestoreValidationResult", PutRestoreValidationResultRequest.class, BackupWrites::putValidation);
        h.write(BackupApi.SERVICE, "CreateRestoreAccessBackupVault", CreateRestoreAccessBackupVaultRequest.class, BackupWrites::openRestoreAccess);
        h.write(BackupApi.SERVICE, "RevokeRestoreAccessBackupVault", RevokeRestoreAccessBackupVaultRequest.class, BackupWrites::revokeRestoreAccess);
    }

    // ---------------------------------------------------------------- restore jobs

    private record Found(VaultEntry vault, RecoveryPoint point) {
    }

    private static Found find(Call c, String arn) {
        Cell cell = c.cell();
        if (cell != null) {
            for (VaultEntry v : cell.vaults.values()) {
                if (gone(c.world(), v)) {
                    continue;
                }
                RecoveryPoint p = BackupApi.point(c.world(), v, arn);
                if (p != null) {
                    return new Found(v, p);
                }
            }
        }
        throw BackupApi.notFound("Cannot find recovery point " + Wire.printable(String.valueOf(arn)) + ".");
    }

    private static JsonNode startRestoreJob(Call c, StartRestoreJobRequest r) {
        World w = c.world();
        Found found = find(c, r.recoveryPointArn());
        RecoveryPoint p = found.point();
        Cell cell = w.cellForWrite(c.account(), c.region());
        if (r.idempotencyToken() != null) {
            for (RestoreJobEntry j : cell.restoreJobs) {
                if (r.idempotencyToken().equals(j.idempotencyToken())) {
                    return JSON.objectNode().put("RestoreJobId", j.id());
                }
            }
        }
        Instant now = w.estateNow();
        String id = jobId(w, now);
        String type = r.resourceType() != null ? r.resourceType() : p.resourceType();
        long size = p.backupSizeInBytes() == null ? 0 : p.backupSizeInBytes();
        Duration running = Duration.ofMinutes(Math.min(60, 2 + size / (50L << 30)));
        ObjectNode job = JSON.objectNode();
        job.put("AccountId", c.account());
        job.put("RestoreJobId", id);
        job.put("RecoveryPointArn", p.recoveryPointArn());
        if (p.resourceArn() != null) {
            job.put("SourceResourceArn", p.resourceArn());
        }
        job.put("BackupVaultArn", found.vault().arn());
        job.put("CreationDate", now.toString());
        job.put("Status", "PENDING");
        job.put("PercentDone", "0.00%");
        if (p.backupSizeInBytes() != null) {
            job.put("BackupSizeInBytes", p.backupSizeInBytes());
        }
        if (r.iamRoleArn() != null) {
            job.put("IamRoleArn", r.iamRoleArn());
        }
        if (type != null) {
            job.put("ResourceType", type);
        }
        if (p.creationDate() != null) {
            job.put("RecoveryPointCreationDate", p.creationDate().toString());
        }
        job.put("IsParent", false);
        // AWS Backup assumes the restore role before it reads a byte: a role it cannot assume fails the job first
        String failure = roleFailure(w, c.account(), r.iamRoleArn());
        if (failure == null) {
            failure = keyFailure(w, p.encryptionKeyArn() != null ? p.encryptionKeyArn() : found.vault().json.path("EncryptionKeyArn").asText(null));
        }
        RestoreJobEntry entry = RestoreJobEntry.started(job, now, running, failure, createdResourceArn(c, type, r.metadata(), id),
                r.idempotencyToken());
        cell.restoreJobs.add(entry);
        return JSON.objectNode().put("RestoreJobId", id);
    }

    private static String jobId(World w, Instant now) {
        byte[] h = SigV4.hmac("redoubt-sandbox/restore-job".getBytes(), w.nextSerial() + "/" + now);
        String hex = HexFormat.of().formatHex(h, 0, 16).toUpperCase(Locale.ROOT);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-"
                + hex.substring(20, 32);
    }

    /**
     * Why AWS Backup cannot assume the restore role, or null when it can. StartRestoreJob accepts a
     * request without IamRoleArn (the botocore and SDK models require only RecoveryPointArn and
     * Metadata), so neither case refuses the call: the job is created and fails, as a job whose role
     * cannot be assumed does. The wording of an unknown role follows the error AWS Backup records when
     * it cannot assume a job's role ("The provided role arn:aws:iam::...:role/... cannot be assumed by
     * AWS Backup.", errorCode AccessDenied, seen in CloudTrail: awslabs/landing-zone-accelerator-on-aws
     * issue 194); the missing-role wording is the sandbox's own. A role is known when the estate has it
     * in the calling account (World.knowsRole): a role of another account cannot be passed.
     */
    static String roleFailure(World w, String account, String roleArn) {
        if (roleArn == null || roleArn.isBlank()) {
            return "Access denied: No IAM role was given for this restore (IamRoleArn), so AWS Backup has no role to assume to create "
                    + "the restored resource.";
        }
        if (!w.knowsRole(account, roleArn)) {
            return "Access denied: The provided role " + Wire.printable(roleArn) + " cannot be assumed by AWS Backup.";
        }
        return null;
    }

    /** Why a restore from data under this key fails, in the words KMS uses, or null when the key is usable or unknown. */
    static String keyFailure(World w, String keyArn) {
        if (keyArn == null) {
            return null;
        }
        KmsKey key = w.keyByArn(keyArn);
        if (key == null || key.keyMetadata() == null) {
            return null;
        }
        String state = key.keyMetadata().keyState();
        if ("PendingDeletion".equals(state)) {
            return "Restore failed: the KMS key " + keyArn + " is pending deletion. (Service: Kms, Status Code: 400, "
                    + "Error Code: KMSInvalidStateException)";
        }
        if ("Disabled".equals(state) || Boolean.FALSE.equals(key.keyMetadata().enabled())) {
            return "Restore failed: the KMS key " + keyArn + " is disabled. (Service: Kms, Status Code: 400, Error Code: DisabledException)";
        }
        return null;
    }

    private static String createdResourceArn(Call c, String type, Map<String, String> metadata, String jobId) {
        String suffix = jobId.replace("-", "").toLowerCase(Locale.ROOT).substring(0, 17);
        String prefix = ":" + c.region() + ":" + c.account() + ":";
        String t = type == null ? "" : type;
        return switch (t) {
            case "EBS" -> "arn:aws:ec2" + prefix + "volume/vol-" + suffix;
            case "EC2" -> "arn:aws:ec2" + prefix + "instance/i-" + suffix;
            case "RDS" -> "arn:aws:rds" + prefix + "db:" + value(metadata, "DBInstanceIdentifier", "restored-" + suffix);
            case "Aurora", "DocumentDB", "Neptune" -> "arn:aws:rds" + prefix + "cluster:" + value(metadata, "DBClusterIdentifier", "restored-" + suffix);
            case "DynamoDB" -> "arn:aws:dynamodb" + prefix + "table/" + value(metadata, "targetTableName", "restored-" + suffix);
            case "EFS" -> "arn:aws:elasticfilesystem" + prefix + "file-system/fs-" + suffix;
            case "S3" -> "arn:aws:s3:::" + value(metadata, "DestinationBucketName", "restored-" + suffix);
            default -> "arn:aws:backup" + prefix + "restored-resource/" + suffix;
        };
    }

    /** A metadata value by key, the key's case ignored ("key values are not case sensitive": the inferred-metadata page). */
    private static String value(Map<String, String> metadata, String key, String otherwise) {
        if (metadata != null) {
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                if (e.getKey().equalsIgnoreCase(key) && e.getValue() != null && !e.getValue().isBlank()) {
                    return e.getValue();
                }
            }
        }
        return otherwise;
    }

    /**
     * PutRestoreValidationResult: "your independent self-run restore test validation results" (the API
     * reference), reported for a job a restore testing plan started once it completes (the developer
     * guide's "Restore testing validation": a validation that runs "when a restore testing job
     * completes"). So the sandbox takes it only for a restore-testing job that is COMPLETED, and
     * answers any other job with InvalidRequestException (an error the operation's model lists). That
     * AWS refuses an on-demand job is inferred from those two pages, not observed.
     */
    private static JsonNode putValidation(Call c, PutRestoreValidationResultRequest r) {
        RestoreJobEntry job = BackupApi.restoreJob(c, r.restoreJobId());
        if (!job.byRestoreTesting()) {
            throw BackupApi.invalidRequest("Restore job " + job.id() + " was not started by a restore testing plan; validation results "
                    + "can only be put on restore testing jobs.");
        }
        String status = job.status(c.estateNow());
        if (!"COMPLETED".equals(status)) {
            throw BackupApi.invalidRequest("Restore job " + job.id() + " is " + status + "; validation results can only be put on a "
                    + "COMPLETED restore job.");
        }
        job.validate(r.validationStatusAsString(), r.validationStatusMessage());
        return JSON.objectNode();
    }

    // ---------------------------------------------------------------- restore-access vaults

    /** True when a restore-access vault opened in the sandbox has been revoked. */
    static boolean gone(World w, VaultEntry v) {
        return v.grant != null && revoked(w, v.grant);
    }

    static boolean revoked(World w, RestoreAccessEntry e) {
        return e.revokeSession != null && "APPROVED".equals(e.revokeSession.status(w.estateNow(), w.team(e.revokeSession.teamArn())));
    }

    static ObjectNode restoreAccessView(World w, RestoreAccessEntry e) {
        ObjectNode out = e.json.deepCopy();
        if (e.vault != null) {
            String state = BackupApi.openedVaultState(w, e.vault);
            out.put("VaultState", state);
            if ("AVAILABLE".equals(state)) {
                Instant at = e.vault.creationSession.decidedAt(w.estateNow(), w.team(e.vault.creationSession.teamArn()));
                if (at != null) {
                    out.put("ApprovalDate", at.toString());
                }
            }
        }
        if (e.revokeSession != null) {
            ObjectNode s = e.revokeSession.view(w.estateNow(), w.team(e.revokeSession.teamArn()));
            ObjectNode req = out.putObject("LatestRevokeRequest");
            req.put("MpaSessionArn", e.revokeSession.arn());
            req.put("Status", "PENDING".equals(s.path("Status").asText()) ? "PENDING" : "FAILED");
            if (s.has("StatusMessage")) {
                req.put("StatusMessage", s.path("StatusMessage").asText());
            }
            req.set("InitiationDate", s.get("InitiationTime"));
            req.set("ExpiryDate", s.get("ExpirationTime"));
        }
        return out;
    }

    private static ApprovalTeam teamOf(World w, VaultEntry source) {
        String teamArn = source.json.path("MpaApprovalTeamArn").asText(null);
        ApprovalTeam team = teamArn == null ? null : w.team(teamArn);
        if (team == null) {
            throw BackupApi.invalidRequest("Backup vault " + source.name() + " is not associated with a multi-party approval team.");
        }
        return team;
    }

    private static JsonNode openRestoreAccess(Call c, CreateRestoreAccessBackupVaultRequest r) {
        World w = c.world();
        VaultEntry source = w.vaultByArn(r.sourceBackupVaultArn());
        if (source == null || gone(w, source)) {
            throw BackupApi.notFound("Backup vault " + Wire.printable(String.valueOf(r.sourceBackupVaultArn())) + " does not exist.");
        }
        if (!BackupApi.AIR_GAPPED.equals(source.vaultType())) {
            throw BackupApi.invalidRequest("Restore access backup vaults can only be created from logically air-gapped backup vaults.");
        }
        ApprovalTeam team = teamOf(w, source);
        Cell cell = w.cellForWrite(c.account(), c.region());
        String name = r.backupVaultName() != null ? r.backupVaultName()
                : "restore-access-" + source.name() + "-" + Keys.base32(SigV4.hmac(source.arn().getBytes(), "ra/" + w.nextSerial()), 6)
                .toLowerCase(Locale.ROOT);
        if (cell.vaults.containsKey(name) && !gone(w, cell.vaults.get(name))) {
            throw AwsError.service("AlreadyExistsException", 400, "Backup vault " + Wire.printable(name) + " already exists.");
        }
        String arn = "arn:aws:backup:" + c.region() + ":" + c.account() + ":backup-vault:" + name;
        Instant now = w.estateNow();
        SessionEntry session = Approvals.open(w, team, "CreateRestoreAccessBackupVault", source.arn(), c.principal(), c.region(),
                r.requesterComment(), Map.of("RestoreAccessBackupVaultArn", arn));
        ObjectNode json = JSON.objectNode();
        json.put("BackupVaultName", name);
        json.put("BackupVaultArn", arn);
        json.put("VaultType", BackupApi.RESTORE_ACCESS);
        json.put("VaultState", "CREATING");
        if (source.json.has("EncryptionKeyArn")) {
            json.set("EncryptionKeyArn", source.json.get("EncryptionKeyArn"));
        }
        if (source.json.has("EncryptionKeyType")) {
            json.set("EncryptionKeyType", source.json.get("EncryptionKeyType"));
        }
        json.put("CreationDate", now.toString());
        if (r.creatorRequestId() != null) {
            json.put("CreatorRequestId", r.creatorRequestId());
        }
        json.put("NumberOfRecoveryPoints", 0);
        json.put("Locked", source.json.path("Locked").asBoolean(false));
        json.put("SourceBackupVaultArn", source.arn());
        json.put("MpaApprovalTeamArn", team.arn());
        json.put("MpaSessionArn", session.arn());
        VaultEntry vault = new VaultEntry(c.account(), c.region(), json);
        vault.creationSession = session;
        vault.sourceVaultArn = source.arn();
        ObjectNode member = JSON.objectNode();
        member.put("RestoreAccessBackupVaultArn", arn);
        member.put("CreationDate", now.toString());
        member.put("VaultState", "CREATING");
        RestoreAccessEntry grant = new RestoreAccessEntry(member, vault);
        vault.grant = grant;
        source.restoreAccess.add(grant);
        cell.vaults.put(name, vault);
        ObjectNode out = JSON.objectNode();
        out.put("RestoreAccessBackupVaultArn", arn);
        out.put("VaultState", "CREATING");
        out.put("RestoreAccessBackupVaultName", name);
        out.put("CreationDate", now.toString());
        return out;
    }

    private static JsonNode revokeRestoreAccess(Call c, RevokeRestoreAccessBackupVaultRequest r) {
        World w = c.world();
        VaultEntry source = BackupApi.vault(c, r.backupVaultName(), null);
        RestoreAccessEntry entry = null;
        for (RestoreAccessEntry e : source.restoreAccess) {
            if (e.arn().equals(r.restoreAccessBackupVaultArn()) && !revoked(w, e)) {
                entry = e;
            }
        }
        if (entry == null) {
            throw BackupApi.notFound("Restore access backup vault " + Wire.printable(String.valueOf(r.restoreAccessBackupVaultArn()))
                    + " does not exist for backup vault " + source.name() + ".");
        }
        if (entry.revokeSession != null && "PENDING".equals(entry.revokeSession.status(w.estateNow(), w.team(entry.revokeSession.teamArn())))) {
            throw BackupApi.invalidRequest("A revocation of " + entry.arn() + " is already pending approval.");
        }
        entry.revokeSession = Approvals.open(w, teamOf(w, source), "RevokeRestoreAccessBackupVault", source.arn(), c.principal(),
                c.region(), r.requesterComment(), Map.of("RestoreAccessBackupVaultArn", entry.arn()));
        return JSON.objectNode();
    }
}
