package dev.redoubt.approvals;

import java.time.Instant;

/**
 * A restore-access vault onto a logically air-gapped vault (ListRestoreAccessBackupVaults with
 * DescribeBackupVault): its state (CREATING while the approvers vote, AVAILABLE once approved, FAILED),
 * the session that decided it, and the latest revocation request.
 */
public record RestoreAccessGrant(String restoreAccessVaultArn, String sourceVaultArn, String sessionArn, String state,
                                 Instant requested, Instant approved, String revokeSessionArn, String revokeStatus,
                                 String revokeMessage, Instant revokeRequested) {
    /** True when restores may be run from it. */
    public boolean available() {
        return "AVAILABLE".equals(state);
    }

    /** True while a revocation awaits its approvers. */
    public boolean revokePending() {
        return "PENDING".equals(revokeStatus);
    }
}
