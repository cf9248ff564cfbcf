package dev.redoubt.estate.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A multi-party approval session (mpa:GetSession): someone asked, the team voted (or did not). */
final class SessionSpec {
    static final String CREATE_RESTORE_ACCESS = "backup:CreateRestoreAccessBackupVault";
    static final String REVOKE_RESTORE_ACCESS = "backup:RevokeRestoreAccessBackupVault";
    static final String ASSOCIATE_TEAM = "backup:AssociateBackupVaultMpaApprovalTeam";
    private static final Duration LIFETIME = Duration.ofDays(7);

    final RegionSpec home;
    final ApprovalTeamSpec team;
    final String arn;
    private final String action;
    private final VaultSpec vault;
    private final AccountSpec requesterAccount;
    private final SsoUserSpec requester;
    private final String comment;
    private final Instant initiated;
    private String status = "PENDING";
    private String statusCode;
    private String statusMessage;
    private Instant completed;
    private Set<SsoUserSpec> approvedBy = Set.of();

    SessionSpec(ApprovalTeamSpec team, String action, VaultSpec vault, AccountSpec requesterAccount, SsoUserSpec requester,
            String comment, Instant initiated) {
        this.home = team.home;
        this.team = team;
        this.action = action;
        this.vault = vault;
        this.requesterAccount = requesterAccount;
        this.requester = requester;
        this.comment = comment;
        this.initiated = initiated;
        this.arn = Arns.mpa(home.name, home.account.id,
                "session/" + team.id + "/" + Ids.stableUuid("mpa-session", team.arn, action, initiated.toString()));
    }

    SessionSpec approved(String at, SsoUserSpec... approvers) {
        status = "APPROVED";
        completed = Instant.parse(at);
        approvedBy = Set.of(approvers);
        return this;
    }

    /** Not enough approvals before the session expired. */
    SessionSpec expired(SsoUserSpec... approvers) {
        status = "FAILED";
        statusCode = "EXPIRED";
        statusMessage = "The session expired before enough approvers responded.";
        completed = expires();
        approvedBy = Set.of(approvers);
        return this;
    }

    Instant completed() {
        return completed;
    }

    private Instant expires() {
        return initiated.plus(LIFETIME);
    }

    /** How AWS Backup reports this session on the vault (LatestMpaApprovalTeamUpdate, LatestRevokeRequest). */
    Json asBackupUpdate() {
        return Json.object()
                .with("MpaSessionArn", arn)
                .with("Status", status)
                .with("StatusMessage", statusMessage)
                .with("InitiationDate", initiated)
                .with("ExpiryDate", expires());
    }

    Json toJson() {
        List<Json> responses = team.members().stream().map(user -> Json.object()
                .with("ApproverId", team.approverId(user))
                .with("IdentitySourceArn", home.account.org.identitySourceArn())
                .with("IdentityId", user.userId)
                .with("Response", approvedBy.contains(user) ? "APPROVED" : "NO_RESPONSE")
                .with("ResponseTime", approvedBy.contains(user) ? responseTime(user) : null)).toList();
        return Json.object()
                .with("SessionArn", arn)
                .with("ApprovalTeamArn", team.arn)
                .with("ApprovalTeamName", team.name)
                .with("ProtectedResourceArn", vault.arn)
                .with("ApprovalStrategy", team.strategy())
                .with("NumberOfApprovers", team.members().size())
                .with("InitiationTime", initiated)
                .with("ExpirationTime", expires())
                .with("CompletionTime", completed)
                .with("Status", status)
                .with("StatusCode", statusCode)
                .with("StatusMessage", statusMessage)
                .with("ExecutionStatus", status.equals("APPROVED") ? "EXECUTED" : status.equals("PENDING") ? "PENDING" : null)
                .with("ActionName", action)
                .with("RequesterServicePrincipal", "backup.amazonaws.com")
                .with("RequesterPrincipalArn", requester.principalIn(requesterAccount, SsoUserSpec.OPERATOR))
                .with("RequesterAccountId", requesterAccount.id)
                .with("RequesterRegion", vault.region())
                .with("RequesterComment", comment)
                .with("ActionCompletionStrategy", "AUTO_COMPLETION_UPON_APPROVAL")
                .with("ApproverResponses", responses);
    }

    /** Approvers answer in the order the team lists them, a quarter of an hour apart. */
    private Instant responseTime(SsoUserSpec user) {
        int rank = team.members().indexOf(user) + 1;
        Instant answered = initiated.plus(Duration.ofMinutes(15L * rank));
        return completed != null && answered.isAfter(completed) ? completed : answered;
    }
}
