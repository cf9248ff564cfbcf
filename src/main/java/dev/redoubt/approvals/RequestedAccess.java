package dev.redoubt.approvals;

/** A restore-access request made: what AWS answered and the session its approvers vote in (null when it could not be read). */
public record RequestedAccess(RestoreAccessRequest request, String sessionArn, String approvalTeamArn, SessionView session) {
}
