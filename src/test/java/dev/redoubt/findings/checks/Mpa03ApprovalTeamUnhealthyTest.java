package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * MPA-03. The AWS pages that decide it:
 * "GetApprovalTeam" (https://docs.aws.amazon.com/mpa/latest/APIReference/API_GetApprovalTeam.html): Status, StatusCode, Approvers'
 * PrimaryIdentityStatus (PENDING, ACCEPTED, REJECTED, INVALID), PendingUpdate;
 * "PendingUpdate" (https://docs.aws.amazon.com/mpa/latest/APIReference/API_PendingUpdate.html): the team's next approvers and its
 * StatusCode (UPDATE_PENDING_APPROVAL, DELETE_PENDING_APPROVAL, ...);
 * "Team health" (https://docs.aws.amazon.com/mpa/latest/userguide/mpa-health.html).
 */
class Mpa03ApprovalTeamUnhealthyTest {
    final Mpa03ApprovalTeamUnhealthy check = new Mpa03ApprovalTeamUnhealthy();

    static String teamArn(ObjectNode t) {
        return t.get("Arn").asText();
    }

    /** A PendingUpdate whose approvers are the given identities. */
    static ObjectNode pendingUpdate(ObjectNode team, String statusCode, String... identities) {
        ObjectNode p = team.putObject("PendingUpdate");
        p.put("Status", "ACTIVE").put("StatusCode", statusCode).put("NumberOfApprovers", identities.length);
        ArrayNode approvers = p.putArray("Approvers");
        for (String id : identities) {
            approvers.addObject().put("ApproverId", "ap-" + id).put("PrimaryIdentityId", id).put("PrimaryIdentityStatus", "PENDING");
        }
        return p;
    }

    @Test
    @DisplayName("FAIL HIGH: an approver whose PrimaryIdentityStatus is PENDING (https://docs.aws.amazon.com/mpa/latest/APIReference/API_GetApprovalTeam.html)")
    void flagsAnApproverWhoNeverAccepted() {
        EstateFixture f = new EstateFixture();
        ObjectNode t = f.team(BACKUP, REGION, "recovery");
        ((ObjectNode) t.get("Approvers").get(2)).put("PrimaryIdentityStatus", "PENDING");
        Result r = about(f.run(check), teamArn(t));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.HIGH);
        assertThat(r.evidence().summary()).contains("u-c (PENDING)");
    }

    @Test
    @DisplayName("PASS: ACTIVE, every approver ACCEPTED, nothing pending (https://docs.aws.amazon.com/mpa/latest/userguide/mpa-health.html)")
    void passesAHealthyTeam() {
        EstateFixture f = new EstateFixture();
        ObjectNode t = f.team(BACKUP, REGION, "recovery");
        assertThat(about(f.run(check), teamArn(t)).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("Edge: a failed StatusCode fails even while ACTIVE; a team PENDING activation fails (https://docs.aws.amazon.com/mpa/latest/userguide/mpa-health.html)")
    void flagsAFailedStatusCodeEvenWhenActive() {
        EstateFixture f = new EstateFixture();
        ObjectNode t = f.team(BACKUP, REGION, "recovery");
        t.put("StatusCode", "UPDATE_FAILED_VALIDATION");
        assertThat(about(f.run(check), teamArn(t)).status()).isEqualTo(Status.FAIL);
        t.put("Status", "PENDING").put("StatusCode", "PENDING_ACTIVATION");
        assertThat(about(f.run(check), teamArn(t)).evidence().summary()).isEqualTo("Status PENDING");
    }

    @Test
    @DisplayName("FAIL: a pending update (UPDATE_PENDING_APPROVAL) that swaps approvers names who leaves and who joins "
            + "(https://docs.aws.amazon.com/mpa/latest/APIReference/API_PendingUpdate.html)")
    void flagsAPendingUpdateThatSwapsApprovers() {
        EstateFixture f = new EstateFixture();
        ObjectNode t = f.team(BACKUP, REGION, "recovery");
        t.put("StatusCode", "UPDATE_PENDING_APPROVAL");
        pendingUpdate(t, "UPDATE_PENDING_APPROVAL", "u-a", "u-x", "u-y");
        Result r = about(f.run(check), teamArn(t));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).contains("pending update (UPDATE_PENDING_APPROVAL) swaps approvers: removes u-b, u-c, adds u-x, u-y");
    }

    @Test
    @DisplayName("FAIL: a deletion of the team pending approval (DELETE_PENDING_APPROVAL) (https://docs.aws.amazon.com/mpa/latest/APIReference/API_GetApprovalTeam.html)")
    void flagsAPendingDeletion() {
        EstateFixture f = new EstateFixture();
        ObjectNode t = f.team(BACKUP, REGION, "recovery");
        t.put("StatusCode", "DELETE_PENDING_APPROVAL");
        Result r = about(f.run(check), teamArn(t));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).contains("deletion of the team pending approval");
    }

    @Test
    @DisplayName("Edge: a pending update that keeps the same approvers (a new description) is named, not failed "
            + "(https://docs.aws.amazon.com/mpa/latest/APIReference/API_PendingUpdate.html)")
    void aPendingUpdateKeepingTheApproversIsNamedOnly() {
        EstateFixture f = new EstateFixture();
        ObjectNode t = f.team(BACKUP, REGION, "recovery");
        pendingUpdate(t, "UPDATE_PENDING_APPROVAL", "u-a", "u-b", "u-c").put("Description", "New description");
        Result r = about(f.run(check), teamArn(t));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence().summary()).contains("a pending update (UPDATE_PENDING_APPROVAL) keeps the same approvers");
    }
}
