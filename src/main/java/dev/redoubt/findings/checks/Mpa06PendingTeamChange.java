package dev.redoubt.findings.checks;

import dev.redoubt.estate.MpaUpdate;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;

/**
 * MPA-06: a vault has a pending or failed approval-team change (LatestMpaApprovalTeamUpdate).
 * A pending change may be an attacker's attempt to swap the team; a failed one means the vault
 * is not protected by the team one believes.
 */
public final class Mpa06PendingTeamChange extends VaultCheck {
    public Mpa06PendingTeamChange() {
        super("MPA-06", Facet.MPA, Severity.MEDIUM, "Vault has a pending or failed approval-team change",
                "A pending team change may be an attempt to take over recovery; a failed one leaves the vault with another team than intended.",
                "LatestMpaApprovalTeamUpdate", "-", "backup:DescribeBackupVault");
    }

    @Override
    boolean appliesTo(EstateIndex x, VaultRef v) {
        return v.isAirGapped() || v.vault().mpaApprovalTeamArn() != null || v.vault().latestMpaApprovalTeamUpdate() != null;
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        MpaUpdate u = v.vault().latestMpaApprovalTeamUpdate();
        String status = u == null ? null : u.status();
        boolean bad = "PENDING".equals(status) || "FAILED".equals(status);
        Evidence e = Evidence.at(x.at(), u == null ? "No approval-team change on record"
                        : bad ? "The latest approval-team change is " + status + (u.initiationDate() == null ? "" : " since " + u.initiationDate())
                        + (u.statusMessage() == null ? "" : " (" + u.statusMessage() + ")") : "The latest approval-team change is " + status)
                .field("LatestMpaApprovalTeamUpdate.Status", status)
                .field("LatestMpaApprovalTeamUpdate.MpaSessionArn", u == null ? null : u.mpaSessionArn())
                .field("LatestMpaApprovalTeamUpdate.InitiationDate", u == null ? null : u.initiationDate()).build();
        if (!bad) {
            return pass(v.scope(), e);
        }
        return fail(v.scope(), e, new Remediation(
                "Find out who requested the change (the MPA session's requester); reject it if unexpected, or complete it and re-associate the intended team.",
                "aws mpa get-session --region " + sh(v.region()) + " --session-arn " + sh(u.mpaSessionArn() == null ? "<SESSION_ARN>" : u.mpaSessionArn()) + "\n"
                        + "aws backup associate-backup-vault-mpa-approval-team --region " + sh(v.region()) + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --mpa-approval-team-arn <INTENDED_TEAM_ARN>",
                "CloudFormation",
                "# Vault-team associations are not CloudFormation resources: use aws backup associate-backup-vault-mpa-approval-team"));
    }
}
