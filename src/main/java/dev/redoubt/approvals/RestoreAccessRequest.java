package dev.redoubt.approvals;

import java.time.Instant;

/** What CreateRestoreAccessBackupVault answered: the restore-access vault it is creating, awaiting approval. */
public record RestoreAccessRequest(String restoreAccessVaultArn, String restoreAccessVaultName, String sourceVaultArn, String state,
                                   Instant requested) {
}
