package dev.redoubt.approvals;

import java.time.Instant;

/** A recovery point seen through a restore-access vault (ListRecoveryPointsByBackupVault). */
public record RestoreAccessPoint(String recoveryPointArn, String resourceArn, String resourceType, String status, Instant created) {
}
