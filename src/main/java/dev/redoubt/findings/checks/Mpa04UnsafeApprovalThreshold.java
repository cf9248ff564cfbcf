package dev.redoubt.findings.checks;

import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.TeamRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;

/**
 * MPA-04: the team's approval threshold is unsafe: MinApprovalsRequired below 2 (one person
 * decides alone) or equal to the number of approvers (one lost approver blocks every recovery).
 */
public final class Mpa04UnsafeApprovalThreshold extends TeamCheck {
    public Mpa04UnsafeApprovalThreshold() {
        super("MPA-04", Facet.MPA, Severity.MEDIUM, "Approval threshold is unsafe",
                "With fewer than 2 approvals one person decides alone; with all approvers required, one absence blocks recovery.",
                "ApprovalStrategy MofN, NumberOfApprovers", "-", "mpa:GetApprovalTeam");
    }

    @Override
    Result judge(EstateIndex x, TeamRef t) {
        ApprovalTeam team = t.team();
        Integer m = team.approvalStrategy() == null || team.approvalStrategy().mofN() == null ? null : team.approvalStrategy().mofN().minApprovalsRequired();
        Integer n = team.numberOfApprovers() != null ? team.numberOfApprovers() : team.approvers() == null ? null : team.approvers().size();
        if (m == null || n == null) {
            return missing(x, t.scope(), m == null ? "ApprovalStrategy.MofN.MinApprovalsRequired" : "NumberOfApprovers");
        }
        String problem = m < 2 ? m + " approval(s) suffice: one person decides alone"
                : m >= n ? "all " + n + " approvers are required: one absent approver blocks every recovery" : null;
        Evidence e = Evidence.at(x.at(), problem == null ? m + " of " + n + " approvers required" : problem)
                .field("ApprovalStrategy.MofN.MinApprovalsRequired", m).field("NumberOfApprovers", n)
                .threshold("MinApprovalsRequired", ">= 2 and < NumberOfApprovers").build();
        if (problem == null) {
            return pass(t.scope(), e);
        }
        int want = Math.max(2, Math.min(m, n - 1));
        return fail(t.scope(), e, new Remediation(
                "Require at least 2 approvals and fewer than the number of approvers (for example 2 of 3, or 3 of 5); add approvers if needed.",
                "aws mpa update-approval-team --region " + sh(t.where().region()) + " --arn " + sh(team.arn())
                        + " --approval-strategy 'MofN={MinApprovalsRequired=" + want + "}' --approvers file://approvers.json",
                "CloudFormation",
                "# Approval teams are not CloudFormation resources: set ApprovalStrategy MofN MinApprovalsRequired to " + want + " with aws mpa update-approval-team"));
    }
}
