package dev.redoubt.estate.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** One recovery point in one vault: a backup, or a copy of one ({@code copiedFrom} names the source vault). */
final class RecoveryPointSpec {
    final String arn;
    final VaultSpec vault;
    final ResourceSpec resource;
    final Instant created;
    final Instant completed;
    final long sizeBytes;
    /** Null: never expires. */
    final Integer deleteAfterDays;
    /** Null: not encrypted, or encrypted with an AWS-owned key (see {@link #isEncrypted()}). */
    final KeySpec key;
    final VaultSpec copiedFrom;
    /** The plan and rule that made it; null for on-demand backups and copies. */
    final Json createdBy;
    private Instant lastRestored;

    RecoveryPointSpec(String arn, VaultSpec vault, ResourceSpec resource, Instant created, Instant completed, long sizeBytes,
            Integer deleteAfterDays, KeySpec key, VaultSpec copiedFrom, Json createdBy) {
        this.arn = arn;
        this.vault = vault;
        this.resource = resource;
        this.created = created;
        this.completed = completed;
        this.sizeBytes = sizeBytes;
        this.deleteAfterDays = deleteAfterDays;
        this.key = key;
        this.copiedFrom = copiedFrom;
        this.createdBy = createdBy;
    }

    Instant deleteAt() {
        return deleteAfterDays == null ? null : created.plus(Duration.ofDays(deleteAfterDays));
    }

    boolean existsAt(Instant now) {
        return !completed.isAfter(now) && (deleteAfterDays == null || deleteAt().isAfter(now));
    }

    boolean isEncrypted() {
        return key != null || vault.hasAwsOwnedKey();
    }

    void restoredAt(Instant at) {
        lastRestored = at;
    }

    Json toJson() {
        return Json.object()
                .with("RecoveryPointArn", arn)
                .with("BackupVaultName", vault.name)
                .with("BackupVaultArn", vault.arn)
                .with("SourceBackupVaultArn", copiedFrom == null ? null : copiedFrom.arn)
                .with("ResourceArn", resource.arn)
                .with("ResourceType", resource.kind.awsName)
                .with("CreatedBy", createdBy)
                .with("IamRoleArn", Arns.backupRole(vault.account()))
                .with("Status", "COMPLETED")
                .with("CreationDate", created)
                .with("CompletionDate", completed)
                .with("BackupSizeInBytes", sizeBytes)
                .with("CalculatedLifecycle", deleteAfterDays == null ? null : Map.of("DeleteAt", deleteAt()))
                .with("Lifecycle", PlanSpec.lifecycle(deleteAfterDays))
                .with("EncryptionKeyArn", key == null ? null : key.arn)
                .with("IsEncrypted", isEncrypted())
                .with("LastRestoreTime", lastRestored)
                .with("ResourceName", resource.name)
                .with("VaultType", vault.type)
                .with("EncryptionKeyType", vault.encryptionKeyType());
    }
}
