package dev.redoubt.estate.demo;

import dev.redoubt.estate.demo.RestoreRun.RestoreOutcome;
import java.time.Duration;
import java.time.Instant;

/** Plays the scenario's schedules up to "now": backups, copies, copy jobs and restores, with seeded variation. */
final class Simulation {
    /** How far back the job lists (ListCopyJobs, ListRestoreJobs) reach. */
    static final Duration JOB_HISTORY = Duration.ofDays(30);
    final Ids ids;
    final Instant now;

    Simulation(Ids ids, Instant now) {
        this.ids = ids;
        this.now = now;
    }

    /** A scheduled backup: it starts within the rule's start window. */
    RecoveryPointSpec backup(ResourceSpec resource, VaultSpec vault, Instant scheduled, Integer deleteAfterDays, Json createdBy) {
        Instant started = scheduled.plusSeconds(ids.between(60, 50 * 60));
        return recoveryPoint(resource, vault, started, deleteAfterDays, createdBy, null);
    }

    /** A backup (or, with {@code copiedFrom}, a hand-made copy) of the resource into the vault; kept if it still exists now. */
    RecoveryPointSpec recoveryPoint(ResourceSpec resource, VaultSpec vault, Instant created, Integer deleteAfterDays,
            Json createdBy, VaultSpec copiedFrom) {
        KeySpec key = copiedFrom != null || resource.kind.fullyManaged || !vault.type.equals(VaultSpec.STANDARD)
                ? vault.key : resource.key();
        RecoveryPointSpec rp = new RecoveryPointSpec(resource.kind.recoveryPointArn(vault, copiedFrom != null, ids), vault,
                resource, created, finished(created, resource), ids.around(resource.sizeBytes, 0.03), deleteAfterDays, key,
                copiedFrom, createdBy);
        keepIfPresent(rp);
        return rp;
    }

    /** Copies a backup as the copy action says, and files the copy job with the source account if it is recent. */
    void copy(RecoveryPointSpec source, PlanSpec.CopyAction action, Json createdBy) {
        VaultSpec destination = action.destination();
        Instant started = source.completed.plusSeconds(ids.between(60, 20 * 60));
        Instant finished = finished(started, source.resource);
        if (started.isBefore(destination.created)) {
            return;
        }
        RecoveryPointSpec copy = null;
        if (action.result().completes()) {
            // a copy is encrypted with the destination vault's key (AWS Backup, "Creating backup copies across AWS accounts")
            copy = new RecoveryPointSpec(source.resource.kind.recoveryPointArn(destination, true, ids), destination,
                    source.resource, started, finished, source.sizeBytes, action.deleteAfterDays(), destination.key, source.vault, null);
            keepIfPresent(copy);
        }
        if (isRecent(started) && !finished.isAfter(now)) {
            source.vault.home.addCopyJob(copyJob(source, action, copy, started, finished, createdBy));
        }
    }

    /** A restore of the recovery point, requested at {@code requested}; {@code minutes} null: as long as such restores take. */
    void restore(RecoveryPointSpec rp, Instant requested, RestoreOutcome outcome, RestoreTestingPlanSpec testingPlan,
            Integer minutes) {
        Instant created = requested.plusSeconds(ids.between(30, 15 * 60));
        int took = minutes != null ? minutes : rp.resource.kind.restoreMinutes(ids);
        Instant completed = created.plus(Duration.ofMinutes(took));
        RestoreRun run = new RestoreRun(ids.uuid(), rp, created, completed, outcome,
                rp.resource.kind.restoredResourceArn(rp.vault, rp.resource.name, ids), testingPlan);
        if (outcome != RestoreOutcome.FAILED) {
            rp.restoredAt(completed);
        }
        if (isRecent(created)) {
            rp.vault.home.addRestore(run);
        }
    }

    private Instant finished(Instant started, ResourceSpec resource) {
        return started.plusSeconds(60L * resource.kind.backupMinutes(ids) + ids.between(0, 59));
    }

    private boolean isRecent(Instant t) {
        return !t.isBefore(now.minus(JOB_HISTORY));
    }

    private void keepIfPresent(RecoveryPointSpec rp) {
        if (rp.existsAt(now)) {
            rp.vault.add(rp);
        }
    }

    private Json copyJob(RecoveryPointSpec source, PlanSpec.CopyAction action, RecoveryPointSpec copy, Instant started,
            Instant finished, Json createdBy) {
        VaultSpec destination = action.destination();
        CopyResult result = action.result();
        return Json.object()
                .with("AccountId", source.vault.account())
                .with("CopyJobId", ids.uuid().toUpperCase(java.util.Locale.ROOT))
                .with("SourceBackupVaultArn", source.vault.arn)
                .with("SourceRecoveryPointArn", source.arn)
                .with("DestinationBackupVaultArn", destination.arn)
                .with("DestinationVaultType", destination.type)
                .with("DestinationVaultLockState", destination.isLocked() ? "LOCKED" : "UNLOCKED")
                .with("DestinationRecoveryPointArn", copy == null ? null : copy.arn)
                .with("DestinationEncryptionKeyArn", copy == null || copy.key == null ? null : copy.key.arn)
                .with("DestinationRecoveryPointLifecycle", PlanSpec.lifecycle(action.deleteAfterDays()))
                .with("ResourceArn", source.resource.arn)
                .with("CreationDate", started)
                .with("CompletionDate", finished)
                .with("State", result.completes() ? "COMPLETED" : "FAILED")
                .with("StatusMessage", result.message())
                .with("BackupSizeInBytes", source.sizeBytes)
                .with("IamRoleArn", Arns.backupRole(source.vault.account()))
                .with("CreatedBy", createdBy)
                .with("ResourceType", source.resource.kind.awsName)
                .with("ResourceName", source.resource.name)
                .with("MessageCategory", result.messageCategory());
    }
}
