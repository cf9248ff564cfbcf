package dev.redoubt.aws.approvals;

import dev.redoubt.approvals.ApproverVote;
import dev.redoubt.approvals.RestoreAccessGrant;
import dev.redoubt.approvals.RestoreAccessPoint;
import dev.redoubt.approvals.RestoreAccessRequest;
import dev.redoubt.approvals.SessionView;
import dev.redoubt.approvals.VaultAccess;
import dev.redoubt.aws.AwsClients;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.backup.model.CreateRestoreAccessBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.LatestRevokeRequest;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.RestoreAccessBackupVaultListMember;
import software.amazon.awssdk.services.mpa.model.GetSessionResponse;
import software.amazon.awssdk.services.mpa.model.GetSessionResponseApproverResponse;

/**
 * The AWS Backup and multi-party approval calls of a restore-access request, through the clients of
 * one account (built in {@link AwsClients}, so the endpoint override, retries, timeouts and, in auditor
 * mode, the read-only guard apply). SDK exceptions are left to the caller to translate.
 */
public final class AwsApprovals {
    private final AwsClients clients;

    public AwsApprovals(AwsClients clients) {
        this.clients = clients;
    }

    /** CreateRestoreAccessBackupVault in this account; {@code vaultName} may be null (AWS names it). */
    public RestoreAccessRequest request(String region, String sourceVaultArn, String comment, String vaultName) {
        CreateRestoreAccessBackupVaultResponse r = clients.backup(region).createRestoreAccessBackupVault(b -> b
                .sourceBackupVaultArn(sourceVaultArn).requesterComment(comment).backupVaultName(vaultName));
        return new RestoreAccessRequest(r.restoreAccessBackupVaultArn(), r.restoreAccessBackupVaultName(), sourceVaultArn, r.vaultStateAsString(),
                r.creationDate());
    }

    /** ListRestoreAccessBackupVaults of an air-gapped vault of this account, every page. */
    public List<RestoreAccessGrant> grants(String region, String sourceVaultName, String sourceVaultArn) {
        List<RestoreAccessGrant> out = new ArrayList<>();
        for (RestoreAccessBackupVaultListMember m : clients.backup(region).listRestoreAccessBackupVaultsPaginator(b -> b
                .backupVaultName(sourceVaultName)).restoreAccessBackupVaults()) {
            LatestRevokeRequest rr = m.latestRevokeRequest();
            out.add(new RestoreAccessGrant(m.restoreAccessBackupVaultArn(), sourceVaultArn, null, m.vaultStateAsString(), m.creationDate(),
                    m.approvalDate(), rr == null ? null : rr.mpaSessionArn(), rr == null ? null : rr.statusAsString(),
                    rr == null ? null : rr.statusMessage(), rr == null ? null : rr.initiationDate()));
        }
        return out;
    }

    /** RevokeRestoreAccessBackupVault: asks the team to approve closing a restore-access vault of an air-gapped vault of this account. */
    public void revoke(String region, String sourceVaultName, String restoreAccessVaultArn, String comment) {
        clients.backup(region).revokeRestoreAccessBackupVault(b -> b.backupVaultName(sourceVaultName)
                .restoreAccessBackupVaultArn(restoreAccessVaultArn).requesterComment(comment));
    }

    /** DescribeBackupVault of a vault of this account. */
    public VaultAccess vault(String region, String vaultName) {
        DescribeBackupVaultResponse r = clients.backup(region).describeBackupVault(b -> b.backupVaultName(vaultName));
        return new VaultAccess(r.backupVaultArn(), r.backupVaultName(), r.vaultTypeAsString(), r.vaultStateAsString(), r.mpaSessionArn(),
                r.mpaApprovalTeamArn(), r.sourceBackupVaultArn(), r.numberOfRecoveryPoints());
    }

    /** ListRecoveryPointsByBackupVault of a vault of this account, every page. */
    public List<RestoreAccessPoint> points(String region, String vaultName) {
        List<RestoreAccessPoint> out = new ArrayList<>();
        for (RecoveryPointByBackupVault p : clients.backup(region).listRecoveryPointsByBackupVaultPaginator(b -> b.backupVaultName(vaultName))
                .recoveryPoints()) {
            out.add(new RestoreAccessPoint(p.recoveryPointArn(), p.resourceArn(), p.resourceType(), p.statusAsString(), p.creationDate()));
        }
        return out;
    }

    /** mpa:GetSession. */
    public SessionView session(String region, String sessionArn) {
        GetSessionResponse r = clients.mpa(region).getSession(b -> b.sessionArn(sessionArn));
        List<ApproverVote> votes = new ArrayList<>();
        for (GetSessionResponseApproverResponse a : r.approverResponses()) {
            votes.add(new ApproverVote(a.approverId(), a.identityId(), a.responseAsString(), a.responseTime()));
        }
        int required = r.approvalStrategy() == null || r.approvalStrategy().mofN() == null
                || r.approvalStrategy().mofN().minApprovalsRequired() == null ? 0 : r.approvalStrategy().mofN().minApprovalsRequired();
        return new SessionView(r.sessionArn(), r.approvalTeamArn(), r.approvalTeamName(), r.actionName(), r.protectedResourceArn(),
                r.statusAsString(), r.statusCodeAsString(), r.statusMessage(), required,
                r.numberOfApprovers() == null ? votes.size() : r.numberOfApprovers(), votes, r.initiationTime(), r.expirationTime(),
                r.completionTime(), r.requesterPrincipalArn(), r.requesterComment());
    }
}
