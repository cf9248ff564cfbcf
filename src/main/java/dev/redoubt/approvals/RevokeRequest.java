package dev.redoubt.approvals;

/** A revocation asked of the team: the restore-access vault, the air-gapped vault it opens, and the revocation's session (null when not read). */
public record RevokeRequest(String restoreAccessVaultArn, String sourceVaultArn, String sessionArn, RestoreAccessGrant grant) {
}
