package dev.redoubt.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redoubt.approvals.AccessProgress;
import dev.redoubt.approvals.Outcome;
import dev.redoubt.approvals.RequestPreflight;
import dev.redoubt.approvals.RequestedAccess;
import dev.redoubt.approvals.RestoreAccessGrant;
import dev.redoubt.approvals.RestoreAccessPoint;
import dev.redoubt.approvals.RevokeRequest;
import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.Preflight;
import dev.redoubt.findings.Status;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.JournalVerifier;
import dev.redoubt.sandbox.RequestLog;
import dev.redoubt.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restore access to the demo's air-gapped vault through the real SDK against the sandbox: requested,
 * voted on as the approver page does, approved, rejected, expired, revoked, and refused to an auditor.
 */
class ApprovalFlowTest {
    static final String LAG = "arn:aws:backup:eu-west-1:536470192834:backup-vault:central-airgap-eu-west-1";
    static final String COMMENT = "INC-5000: rehearse the restore of the shop's media";

    @TempDir
    Path dir;

    private static List<Entry> entries(DrillFixture f, String action) {
        return f.app.journal().read(new EntryQuery(null, null, action, null, 0));
    }

    @Test
    void anOperatorRequestsAccessTwoApproversApproveThePointsAreListedAndTheAccessIsRevoked() throws Exception {
        try (DrillFixture f = DrillFixture.open(dir); Connection op = f.operator()) {
            ApprovalService approvals = f.app.approvals();
            Sandbox sandbox = f.sandbox();

            RequestPreflight pre = approvals.preflight(op, f.catalog(), LAG);
            assertThat(pre.items()).as(pre.items().toString()).allSatisfy(i -> assertThat(i.status()).isEqualTo(Status.PASS));
            assertThat(pre.requiredApprovals()).isEqualTo(2);
            assertThat(pre.approvalTeamArn()).contains("northwind-recovery");

            RequestedAccess req = approvals.request(op, LAG, COMMENT);
            String ra = req.request().restoreAccessVaultArn();
            assertThat(req.request().state()).isEqualTo("CREATING");
            assertThat(req.sessionArn()).startsWith("arn:aws:mpa:");
            assertThat(req.session().requiredApprovals()).isEqualTo(2);
            assertThat(req.session().numberOfApprovers()).isEqualTo(3);
            assertThat(req.session().requesterComment()).isEqualTo(COMMENT);
            assertThat(sandbox.pendingSessions()).contains(req.sessionArn());

            AccessProgress p = approvals.follow(op, ra, null);
            assertThat(p.session().outcome()).isEqualTo(Outcome.PENDING);
            assertThat(approvals.points(op, ra)).as("nothing is listed before approval").isEmpty();
            assertThat(p.newVotes()).isEmpty();
            assertThat(p.vault().state()).isEqualTo("CREATING");

            sandbox.vote(req.sessionArn(), "bob", true);
            p = approvals.follow(op, ra, null);
            assertThat(p.newVotes()).hasSize(1);
            assertThat(p.session().outcome()).isEqualTo(Outcome.PENDING);
            assertThat(approvals.follow(op, ra, null).newVotes()).as("a vote is journaled once").isEmpty();

            sandbox.vote(req.sessionArn(), "carol", true);
            p = approvals.follow(op, ra, null);
            assertThat(p.newVotes()).hasSize(1);
            assertThat(p.session().outcome()).isEqualTo(Outcome.APPROVED);
            assertThat(p.session().why()).isEqualTo("Approved: 2 of 2 required approvals");
            assertThat(p.outcomeNew()).isTrue();
            assertThat(p.vault().state()).isEqualTo("AVAILABLE");
            assertThat(approvals.follow(op, ra, null).outcomeNew()).as("the outcome is journaled once").isFalse();

            List<RestoreAccessPoint> points = approvals.points(op, ra);
            assertThat(points).isNotEmpty();
            assertThat(approvals.grants(op, LAG)).extracting(RestoreAccessGrant::restoreAccessVaultArn).contains(ra);

            EstateCatalog catalog = f.catalog();
            RestoreAccessPoint point = points.stream().filter(pt -> catalog.index().protectedResources().stream()
                    .anyMatch(r -> r.resource().resourceArn().equals(pt.resourceArn()))).findFirst().orElseThrow();
            DrillService drills = f.drills();
            DrillState drill = drills.begin(op, drills.plan(catalog, "From the air-gapped vault", List.of(point.resourceArn())));
            drill = drills.choose(op, drill.id(), 0, point.recoveryPointArn(), ra, catalog);
            drill = drills.preflight(op, drill.id(), 0, null, catalog);
            assertThat(drill.members().get(0).preflight()).filteredOn(i -> i.id().equals(Preflight.APPROVAL)).singleElement()
                    .satisfies(i -> {
                        assertThat(i.verdict()).isEqualTo(Status.PASS);
                        assertThat(i.reason()).contains("restore-access vault").contains(LAG);
                    });
            DrillState other = drills.begin(op, drills.plan(catalog, "Straight from the air-gapped vault", List.of(point.resourceArn())));
            other = drills.choose(op, other.id(), 0, point.recoveryPointArn(), catalog);
            other = drills.preflight(op, other.id(), 0, null, catalog);
            assertThat(other.members().get(0).preflight()).filteredOn(i -> i.id().equals(Preflight.APPROVAL)).singleElement()
                    .satisfies(i -> assertThat(i.verdict()).isEqualTo(Status.FAIL));

            List<Entry> requests = entries(f, ActivityJournal.APPROVAL_REQUEST);
            assertThat(requests).hasSize(1);
            JsonNode d = requests.get(0).detailsTree();
            assertThat(requests.get(0).subject()).isEqualTo(req.sessionArn());
            assertThat(d.path("operation").asText()).isEqualTo("CreateRestoreAccessBackupVault");
            assertThat(d.path("approvalTeam").asText()).contains("northwind-recovery");
            assertThat(d.path("requiredApprovals").asInt()).isEqualTo(2);
            assertThat(d.path("restoreAccessVaultArn").asText()).isEqualTo(ra);
            assertThat(d.path("comment").asText()).isEqualTo(COMMENT);
            List<Entry> votes = entries(f, ActivityJournal.APPROVAL_VOTE);
            assertThat(votes).hasSize(2).allSatisfy(e -> assertThat(e.detailsTree().path("response").asText()).isEqualTo("APPROVED"));
            List<Entry> outcomes = entries(f, ActivityJournal.APPROVAL_OUTCOME);
            assertThat(outcomes).hasSize(1);
            assertThat(outcomes.get(0).detailsTree().path("outcome").asText()).isEqualTo("APPROVED");

            assertThat(approvals.requests()).singleElement().satisfies(r -> {
                assertThat(r.sessionArn()).isEqualTo(req.sessionArn());
                assertThat(r.restoreAccessVaultArn()).isEqualTo(ra);
                assertThat(r.comment()).isEqualTo(COMMENT);
                assertThat(r.outcome()).isEqualTo(Outcome.APPROVED);
                assertThat(r.revokeRequested()).isFalse();
            });

            RevokeRequest rv = approvals.revoke(op, ra, "Rehearsal done");
            assertThat(approvals.requests().get(0).revokeRequested()).isTrue();
            assertThat(rv.sessionArn()).startsWith("arn:aws:mpa:");
            assertThat(rv.grant().revokePending()).isTrue();
            List<Entry> revokes = entries(f, ActivityJournal.APPROVAL_REVOKE);
            assertThat(revokes).hasSize(1);
            assertThat(revokes.get(0).detailsTree().path("restoreAccessVaultArn").asText()).isEqualTo(ra);
            assertThat(revokes.get(0).detailsTree().path("sessionArn").asText()).isEqualTo(rv.sessionArn());
            sandbox.vote(rv.sessionArn(), "alice", true);
            sandbox.vote(rv.sessionArn(), "bob", true);
            assertThat(approvals.grants(op, LAG)).extracting(RestoreAccessGrant::restoreAccessVaultArn).doesNotContain(ra);

            assertThat(JournalVerifier.verify(f.app.paths().journalFiles(), Optional.empty()).ok()).isTrue();
        }
    }

    @Test
    void twoRejectionsOfThreeLeaveTooFewToApproveAndTheSessionEndsRejected() throws Exception {
        try (DrillFixture f = DrillFixture.open(dir); Connection op = f.operator()) {
            ApprovalService approvals = f.app.approvals();
            RequestedAccess req = approvals.request(op, LAG, COMMENT);
            f.sandbox().vote(req.sessionArn(), "bob", false);
            f.sandbox().vote(req.sessionArn(), "carol", false);
            AccessProgress p = approvals.follow(op, req.request().restoreAccessVaultArn(), req.sessionArn());
            assertThat(p.session().outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(p.session().why()).startsWith("Rejected by 2 approvers");
            assertThat(p.newVotes()).hasSize(2);
            List<Entry> outcomes = entries(f, ActivityJournal.APPROVAL_OUTCOME);
            assertThat(outcomes).hasSize(1);
            assertThat(outcomes.get(0).detailsTree().path("outcome").asText()).isEqualTo("REJECTED");
            assertThat(entries(f, ActivityJournal.APPROVAL_VOTE)).extracting(e -> e.detailsTree().path("response").asText())
                    .containsExactly("REJECTED", "REJECTED");
        }
    }

    @Test
    void aSessionNobodyFinishesExpiresOnTheSandboxClockWithOneApproval() throws Exception {
        try (DrillFixture f = DrillFixture.open(dir); Connection op = f.operator()) {
            ApprovalService approvals = f.app.approvals();
            RequestedAccess req = approvals.request(op, LAG, COMMENT);
            f.sandbox().vote(req.sessionArn(), "bob", true);
            f.app.demo().advanceClock(op, Duration.ofHours(24));
            f.app.demo().advanceClock(op, Duration.ofHours(1));
            AccessProgress p = approvals.follow(op, req.request().restoreAccessVaultArn(), req.sessionArn());
            assertThat(p.session().outcome()).isEqualTo(Outcome.EXPIRED);
            assertThat(p.session().why()).startsWith("Expired").contains("1 of 2 required approvals");
            List<Entry> outcomes = entries(f, ActivityJournal.APPROVAL_OUTCOME);
            assertThat(outcomes).extracting(e -> e.detailsTree().path("outcome").asText()).containsExactly("EXPIRED");
        }
    }

    @Test
    void anAuditorIsRefusedBeforeAnythingIsJournaledOrSent() throws Exception {
        try (DrillFixture f = DrillFixture.open(dir); Connection auditor = f.auditor()) {
            ApprovalService approvals = f.app.approvals();
            long seq = f.sandbox().requestLog().lastSeq();
            assertThat(approvals.preflight(auditor, f.catalog(), LAG).item(ApprovalService.OPERATOR_ITEM).status()).isEqualTo(Status.FAIL);
            assertThatThrownBy(() -> approvals.request(auditor, LAG, COMMENT)).isInstanceOfSatisfying(ServiceFailure.class,
                    e -> assertThat(e.kind()).isEqualTo(ServiceFailure.Kind.READ_ONLY));
            assertThatThrownBy(() -> approvals.revoke(auditor, "arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-inc-4711-restore", "x"))
                    .isInstanceOfSatisfying(ServiceFailure.class, e -> assertThat(e.kind()).isEqualTo(ServiceFailure.Kind.READ_ONLY));
            assertThat(approvals.history()).isEmpty();
            assertThat(f.sandbox().requestLog().since(seq)).extracting(RequestLog.Entry::operation)
                    .doesNotContain("CreateRestoreAccessBackupVault", "RevokeRestoreAccessBackupVault", "DescribeBackupVault");
        }
    }

    @Test
    void aRequestWithoutACommentOrForAVaultThatIsNotAnArnIsRefusedWithWhatToDo() throws Exception {
        try (DrillFixture f = DrillFixture.open(dir); Connection op = f.operator()) {
            ApprovalService approvals = f.app.approvals();
            assertThatThrownBy(() -> approvals.request(op, LAG, " ")).isInstanceOfSatisfying(ServiceFailure.class,
                    e -> assertThat(e.kind()).isEqualTo(ServiceFailure.Kind.BAD_INPUT)).hasMessageContaining("comment");
            assertThatThrownBy(() -> approvals.request(op, "central-airgap", COMMENT)).isInstanceOfSatisfying(ServiceFailure.class,
                    e -> assertThat(e.kind()).isEqualTo(ServiceFailure.Kind.BAD_INPUT)).hasMessageContaining("not the ARN");
            assertThat(approvals.history()).isEmpty();
        }
    }

    @Test
    void aRequestAwsRefusesIsJournaledAndCarriesAwsReason() throws Exception {
        try (DrillFixture f = DrillFixture.open(dir); Connection op = f.operator()) {
            ApprovalService approvals = f.app.approvals();
            String standard = "arn:aws:backup:eu-west-1:536470192834:backup-vault:no-such-vault";
            assertThatThrownBy(() -> approvals.request(op, standard, COMMENT)).isInstanceOf(ServiceFailure.class)
                    .hasMessageContaining("AWS refused").hasMessageContaining("does not exist");
            List<Entry> requests = entries(f, ActivityJournal.APPROVAL_REQUEST);
            assertThat(requests).hasSize(1);
            assertThat(requests.get(0).detailsTree().path("outcome").asText()).isEqualTo("refused");
            assertThat(requests.get(0).detailsTree().path("error").asText()).contains("does not exist");
            assertThat(approvals.requests()).singleElement().satisfies(r -> {
                assertThat(r.refused()).isTrue();
                assertThat(r.error()).contains("does not exist");
            });
        }
    }
}
