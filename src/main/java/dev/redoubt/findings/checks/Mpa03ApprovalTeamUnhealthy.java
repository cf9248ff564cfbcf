package dev.redoubt.findings.checks;

import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.estate.Approver;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.TeamRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * MPA-03: an approval team is not healthy: not ACTIVE, a failed status code, or an approver
 * whose identity is not ACCEPTED. An unhealthy team cannot approve the recovery it exists for,
 * and one finds out on the worst day.
 */
public final class Mpa03ApprovalTeamUnhealthy extends TeamCheck {
    public Mpa03ApprovalTeamUnhealthy() {
        super("MPA-03", Facet.MPA, Severity.HIGH, "Approval team is not healthy",
                "An inactive or failed approval team, or approvers who never accepted, cannot approve a recovery.",
                "MpaApprovalTeams", "-", "mpa:GetApprovalTeam");
    }

    @Override
    Result judge(EstateIndex x, TeamRef t) {
        ApprovalTeam team = t.team();
        List<String> problems = new ArrayList<>();
        if (!"ACTIVE".equals(team.status())) {
            problems.add("Status " + team.status());
        }
        if (team.statusCode() != null && team.statusCode().contains("FAILED")) {
            problems.add("StatusCode " + team.statusCode() + (team.statusMessage() == null ? "" : " (" + team.statusMessage() + ")"));
        }
        List<String> notAccepted = new ArrayList<>();
        if (team.approvers() != null) {
            for (Approver a : team.approvers()) {
                if (!"ACCEPTED".equals(a.primaryIdentityStatus())) {
                    notAccepted.add(a.primaryIdentityId() + " (" + a.primaryIdentityStatus() + ")");
                }
            }
        }
        if (!notAccepted.isEmpty()) {
            problems.add("approvers not ACCEPTED: " + String.join(", ", notAccepted));
        }
        Evidence e = Evidence.at(x.at(), problems.isEmpty() ? "The team is ACTIVE and every approver accepted" : String.join("; ", problems))
                .field("ApprovalTeam.Status", team.status()).field("ApprovalTeam.StatusCode", team.statusCode())
                .field("ApproversNotAccepted", notAccepted).build();
        if (problems.isEmpty()) {
            return pass(t.scope(), e);
        }
        return fail(t.scope(), e, new Remediation(
                "Have every approver accept the invitation in the approval portal, then run a baseline session to prove the team responds; fix or recreate a team in a failed state.",
                "aws mpa get-approval-team --region " + t.where().region() + " --arn " + sh(team.arn()) + "\n"
                        + "aws mpa start-approval-team-baseline --region " + t.where().region() + " --arn " + sh(team.arn()),
                "CloudFormation",
                "# Approval teams are not CloudFormation resources: manage them in the MPA console or with aws mpa update-approval-team"));
    }
}
