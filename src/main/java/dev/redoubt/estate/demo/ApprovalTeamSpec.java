package dev.redoubt.estate.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A multi-party approval team (mpa:GetApprovalTeam) whose approvers are sandbox users. */
final class ApprovalTeamSpec {
    /** The MPA policy that lets a team approve AWS Backup's restore-access operations. */
    private static final String BACKUP_POLICY = "arn:aws:mpa:::aws:policy/backup.amazonaws.com/CreateRestoreAccessVault/1";

    final RegionSpec home;
    final String name;
    final String id;
    final String arn;
    private final Instant created;
    private final int minApprovals;
    private final List<Approver> approvers = new ArrayList<>();

    private record Approver(SsoUserSpec user, String status, Instant responded) {
    }

    ApprovalTeamSpec(RegionSpec home, String name, Instant created, int minApprovals) {
        this.home = home;
        this.name = name;
        this.created = created;
        this.minApprovals = minApprovals;
        this.id = name + "-" + Ids.stableUuid("mpa-team", home.account.id, name);
        this.arn = Arns.mpa(home.name, home.account.id, "approval-team/" + id);
    }

    /** Approvers who accepted their invitation the day after the team was created. */
    ApprovalTeamSpec approvers(SsoUserSpec... users) {
        for (SsoUserSpec user : users) {
            approvers.add(new Approver(user, "ACCEPTED", created.plus(Duration.ofDays(1))));
        }
        return this;
    }

    /** An approver who has not accepted the invitation yet. */
    ApprovalTeamSpec invited(SsoUserSpec user) {
        approvers.add(new Approver(user, "PENDING", null));
        return this;
    }

    List<SsoUserSpec> members() {
        return approvers.stream().map(Approver::user).toList();
    }

    Json strategy() {
        return Json.object().with("MofN", Map.of("MinApprovalsRequired", minApprovals));
    }

    String approverId(SsoUserSpec user) {
        return Ids.stableUuid("mpa-approver", arn, user.userId);
    }

    Json toJson(String identitySourceArn) {
        List<Json> members = approvers.stream().map(a -> Json.object()
                .with("ApproverId", approverId(a.user()))
                .with("ResponseTime", a.responded())
                .with("PrimaryIdentityId", a.user().userId)
                .with("PrimaryIdentitySourceArn", identitySourceArn)
                .with("PrimaryIdentityStatus", a.status())
                .with("LastActivity", a.responded() == null ? null : "RESPONDED_TO_INVITATION")
                .with("LastActivityTime", a.responded())).toList();
        return Json.object()
                .with("CreationTime", created)
                .with("ApprovalStrategy", strategy())
                .with("NumberOfApprovers", approvers.size())
                .with("Approvers", members)
                .with("Arn", arn)
                .with("Description", "Approves recovery from Northwind's air-gapped vaults")
                .with("Name", name)
                .with("Status", "ACTIVE")
                .with("VersionId", Ids.stableHex(32, arn, "version"))
                .with("Policies", List.of(Map.of("PolicyArn", BACKUP_POLICY)))
                .with("LastUpdateTime", created);
    }
}
