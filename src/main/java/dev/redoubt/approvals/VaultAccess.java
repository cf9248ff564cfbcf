package dev.redoubt.approvals;

/** DescribeBackupVault of a vault in the approval flow: its type, state, the session that guards it and its source. */
public record VaultAccess(String vaultArn, String vaultName, String vaultType, String state, String sessionArn, String approvalTeamArn,
                          String sourceVaultArn, Long recoveryPoints) {
}
