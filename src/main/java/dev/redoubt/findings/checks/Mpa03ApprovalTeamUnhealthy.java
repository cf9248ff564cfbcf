package dev.redoubt.findings.checks;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Set;
import java.util.TreeSet;

/**
 * MPA-03: an approval team is not healthy: its Status is not ACTIVE, its StatusCode is a failure
 * (FAILED_VALIDATION, FAILED_ACTIVATION, UPDATE_FAILED_*, DELETE_FAILED_*), an approver's
 * PrimaryIdentityStatus is not ACCEPTED, or a change is in flight (PendingUpdate present, or
 * StatusCode UPDATE_PENDING_APPROVAL / DELETE_PENDING_APPROVAL) that would swap approvers or delete
 * the team. An unhealthy team cannot approve the recovery it exists for, and one finds out on the
 * worst day. Fields and values as mpa:GetApprovalTeam returns them
 * (https://docs.aws.amazon.com/mpa/latest/APIReference/API_GetApprovalTeam.html,
 * https://docs.aws.amazon.com/mpa/latest/APIReference/API_PendingUpdate.html; team health:
 * https://docs.aws.amazon.com/mpa/latest/userguide/mpa-health.html). A pending update that changes
 * neither the approvers nor the team's existence (a description, say) is named in the evidence only.
 */
public final class Mpa03ApprovalTeamUnhealthy extends TeamCheck {
    public Mpa03ApprovalTeamUnhealthy() {
        super("MPA-03", Facet.MPA, Severity.HIGH, "Approval team is not healthy",
                "An inactive or failed approval team, approvers who never accepted, or a pending change that swaps approvers or deletes the team can leave no one able to approve a recovery.",
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
        JsonNode pending = team.pendingUpdate() == null || team.pendingUpdate().isNull() || team.pendingUpdate().isMissingNode() ? null : team.pendingUpdate();
        String pendingCode = pending != null && pending.hasNonNull("StatusCode") ? pending.get("StatusCode").asText() : null;
        boolean deleting = "DELETE_PENDING_APPROVAL".equals(team.statusCode()) || "DELETE_PENDING_APPROVAL".equals(pendingCode);
        String change = null;
        if (deleting) {
            change = "deletion of the team pending approval (DELETE_PENDING_APPROVAL)";
        } else if (pending != null || "UPDATE_PENDING_APPROVAL".equals(team.statusCode())) {
            Set<String> now = identities(team.approvers());
            Set<String> next = pending != null && pending.has("Approvers") ? identities(pending.get("Approvers")) : null;
            if (next != null && !next.equals(now)) {
                Set<String> removed = new TreeSet<>(now);
                removed.removeAll(next);
                Set<String> added = new TreeSet<>(next);
                added.removeAll(now);
                change = "pending update (" + (pendingCode != null ? pendingCode : team.statusCode()) + ") swaps approvers: removes "
                        + (removed.isEmpty() ? "none" : String.join(", ", removed)) + ", adds " + (added.isEmpty() ? "none" : String.join(", ", added));
            }
        }
        if (change != null) {
            problems.add(change);
        }
        String inFlight = change == null && (pending != null || "UPDATE_PENDING_APPROVAL".equals(team.statusCode()))
                ? "a pending update (" + (pendingCode != null ? pendingCode : team.statusCode()) + ") keeps the same approvers" : null;
        Evidence e = Evidence.at(x.at(), (problems.isEmpty() ? "The team is ACTIVE and every approver accepted" : String.join("; ", problems))
                        + (inFlight == null ? "" : "; " + inFlight))
                .field("ApprovalTeam.Status", team.status()).field("ApprovalTeam.StatusCode", team.statusCode())
                .field("ApproversNotAccepted", notAccepted).field("PendingUpdate.StatusCode", pendingCode)
                .field("PendingChange", change != null ? change : inFlight).build();
        if (problems.isEmpty()) {
            return pass(t.scope(), e);
        }
        List<String> steps = new ArrayList<>();
        if (!"ACTIVE".equals(team.status()) || team.statusCode() != null && team.statusCode().contains("FAILED")) {
            steps.add("fix the team's failed or pending state (its StatusMessage says why) or recreate it");
        }
        if (!notAccepted.isEmpty()) {
            steps.add("have every approver accept the invitation in the approval portal, then run a baseline session to prove the team responds");
        }
        if (change != null) {
            steps.add("reject the pending change in the approval portal if you did not ask for it (the current approvers vote on it) before it changes who can approve recovery");
        }
        String todo = String.join("; ", steps);
        return fail(t.scope(), e, new Remediation(Character.toUpperCase(todo.charAt(0)) + todo.substring(1) + ".",
                "aws mpa get-approval-team --region " + sh(t.where().region()) + " --arn " + sh(team.arn()) + "\n"
                        + "aws mpa start-approval-team-baseline --region " + sh(t.where().region()) + " --arn " + sh(team.arn()),
                "CloudFormation",
                "# Approval teams are not CloudFormation resources: manage them in the MPA console or with aws mpa update-approval-team"));
    }

    /** The PrimaryIdentityIds of approvers (records or the PendingUpdate's JSON). */
    private static Set<String> identities(List<Approver> approvers) {
        Set<String> ids = new TreeSet<>();
        if (approvers != null) {
            approvers.forEach(a -> ids.add(String.valueOf(a.primaryIdentityId())));
        }
        return ids;
    }

    private static Set<String> identities(JsonNode approvers) {
        Set<String> ids = new TreeSet<>();
        if (approvers != null && approvers.isArray()) {
            approvers.forEach(a -> ids.add(a.path("PrimaryIdentityId").asText("null")));
        }
        return ids;
    }
}
