package dev.redoubt.ui.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.Severity;
import dev.redoubt.services.ApprovalWords;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.TeamPage;
import dev.redoubt.services.TeamRow;
import dev.redoubt.ui.browse.Formats;
import dev.redoubt.ui.browse.Links;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The approval teams view model over the Northwind demo (opened as a capture; tasks run inline). */
class ApprovalsViewModelTest {
    static final String BACKUP = "536470192834";
    static final String AIR_GAP = "arn:aws:backup:eu-west-1:536470192834:backup-vault:central-airgap-eu-west-1";
    static final String AIR_GAP_KEYED = "arn:aws:backup:eu-west-1:536470192834:backup-vault:central-airgap-keyed";

    @TempDir
    Path dir;

    private TestConsole console;
    private ApprovalsViewModel vm;

    @BeforeEach
    void open() throws Exception {
        console = TestConsole.create(dir).withDemoOpen();
        vm = new ApprovalsViewModel(console.browse());
        vm.activate();
    }

    @AfterEach
    void close() {
        vm.deactivate();
        console.close();
    }

    private TeamRow row(String name) {
        return vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private TeamPage page(String name) {
        vm.open(row(name).arn());
        assertThat(vm.problemProperty().get()).isNull();
        return vm.detail();
    }

    @Test
    void listsEveryTeamByNameWithItsStatusThresholdAndApproversInWords() {
        assertThat(vm.rows()).extracting(TeamRow::name).containsExactly("northwind-dr", "northwind-forensics", "northwind-recovery");
        assertThat(vm.countTextProperty().get()).isEqualTo("3 of 3 approval teams");
        TeamRow recovery = row("northwind-recovery");
        assertThat(recovery.statusText()).isEqualTo("Active");
        assertThat(recovery.thresholdText()).isEqualTo("2 of 3");
        assertThat(recovery.approversText()).isEqualTo("3 accepted");
        assertThat(recovery.accountText()).isEqualTo("northwind-backup (" + BACKUP + ")");
        assertThat(recovery.vaults()).as("the air-gapped vault and the two restore-access vaults opened from it").isEqualTo(3);
        assertThat(recovery.healthy()).isTrue();
        TeamRow forensics = row("northwind-forensics");
        assertThat(forensics.approversText()).isEqualTo("2 accepted, 1 invited, not accepted");
        assertThat(forensics.healthy()).isFalse();
        assertThat(forensics.worst()).isEqualTo(Severity.HIGH);
        assertThat(forensics.vaults()).isZero();
        assertThat(row("northwind-dr").pendingText()).startsWith("New approval team for central-airgap-keyed, awaiting approval since 26 Nov 2026");
        assertThat(recovery.pendingText()).isEqualTo(Formats.NONE);
    }

    @Test
    void sortsByAColumnAndFiltersByEveryWord() {
        vm.sortBy(TeamColumn.VAULTS, false);
        assertThat(vm.rows()).extracting(TeamRow::name).containsExactly("northwind-recovery", "northwind-dr", "northwind-forensics");
        vm.sortBy(TeamColumn.WORST, false);
        assertThat(vm.rows().get(0).name()).isEqualTo("northwind-forensics");
        vm.textProperty().set("invited security");
        assertThat(vm.rows()).extracting(TeamRow::name).containsExactly("northwind-forensics");
        assertThat(vm.countTextProperty().get()).isEqualTo("1 of 3 approval teams");
        vm.textProperty().set("");
        console.workspace.scopeProperty().set(BrowseScope.account("northwind-backup", BACKUP));
        assertThat(vm.rows()).extracting(TeamRow::name).containsExactlyInAnyOrder("northwind-dr", "northwind-recovery");
    }

    @Test
    void aTeamsPageSaysWhatTheThresholdMeansWhoApprovesAndWhatItGuards() {
        TeamPage p = page("northwind-recovery");
        assertThat(p.meaning()).isEqualTo("any 2 of these 3 people approve");
        assertThat(p.statusText()).isEqualTo("Active");
        assertThat(p.approvers()).extracting(TeamPage.ApproverLine::who).containsExactly("alice", "bob", "carol");
        assertThat(p.approvers()).allMatch(a -> a.identityStatusText().equals("accepted") && a.historyText().startsWith("Answered the invitation on"));
        assertThat(p.vaults()).extracting(TeamPage.GuardedVault::arn).first().isEqualTo(AIR_GAP);
        assertThat(p.vaults()).extracting(TeamPage.GuardedVault::roleText).element(1).asString()
                .startsWith("Restore access to central-airgap-eu-west-1 (available, approved 25 Nov 2026");
        assertThat(p.findings()).extracting(TeamPage.FindingLine::checkId).contains("MPA-03", "MPA-04");
        assertThat(p.vaults()).filteredOn(v -> v.name().equals("forensics-case-2026-031")).singleElement()
                .satisfies(v -> assertThat(v.roleText()).as("its revocation expired").endsWith("; revocation failed, access still open"));

        TeamPage forensics = page("northwind-forensics");
        assertThat(forensics.meaning()).isEqualTo("any 1 of these 3 people approve");
        assertThat(forensics.approvers()).filteredOn(a -> a.who().equals("dave")).singleElement()
                .satisfies(a -> assertThat(a.identityStatusText()).isEqualTo("invited, not accepted"))
                .satisfies(a -> assertThat(a.historyText()).isEqualTo("Has not answered the invitation"));
        assertThat(forensics.findings()).filteredOn(f -> f.status() == dev.redoubt.findings.Status.FAIL).extracting(TeamPage.FindingLine::checkId)
                .containsExactly("MPA-03", "MPA-04");
    }

    @Test
    void aScanOfTheDemoSandboxNamesApproversAndVotersFromIamIdentityCenter() throws Exception {
        try (TestConsole scanned = TestConsole.create(dir.resolve("scanned"))) {
            scanned.actions.openDemo(); // the sandbox, its SSO sign-in and a whole scan: no estate file's SsoUsers involved
            assertThat(scanned.workspace.estate().estate().ssoUsers()).as("the capture's users").isNotEmpty()
                    .allSatisfy(u -> assertThat(u.password()).isNull());
            ApprovalsViewModel fromScan = new ApprovalsViewModel(scanned.browse());
            fromScan.activate();
            try {
                TeamRow recovery = fromScan.rows().stream().filter(r -> r.name().equals("northwind-recovery")).findFirst().orElseThrow();
                fromScan.open(recovery.arn());
                TeamPage p = fromScan.detail();
                assertThat(p.approvers()).extracting(TeamPage.ApproverLine::who).containsExactly("alice", "bob", "carol");
                assertThat(p.pastSessions().get(0).votes()).extracting(TeamPage.Vote::who).containsExactly("alice", "bob", "carol");
            } finally {
                fromScan.deactivate();
            }
        }
    }

    @Test
    void sessionsShowThePendingOneWithTimeToExpiryAndThePastOnesWithTheirOutcome() {
        TeamPage dr = page("northwind-dr");
        assertThat(dr.openSessions()).singleElement().satisfies(s -> {
            assertThat(s.actionText()).isEqualTo("Change the vault's approval team");
            assertThat(s.expiryText()).as("from the estate's time, 28 Nov 09:00, to 3 Dec 14:00").isEqualTo("expires in 5 d 5 h");
            assertThat(s.outcomeText()).isEqualTo("Waiting for approvals");
            assertThat(s.approvalsText()).isEqualTo("0 of the 2 approvals needed");
            assertThat(s.votes()).extracting(TeamPage.Vote::responseText).containsExactly("No response", "No response");
            assertThat(s.requester()).isEqualTo("bob");
        });
        assertThat(dr.pending()).singleElement().satisfies(c -> assertThat(c.sessionArn()).isEqualTo(dr.openSessions().get(0).arn()));

        TeamPage recovery = page("northwind-recovery");
        assertThat(recovery.openSessions()).isEmpty();
        assertThat(recovery.pastSessions()).as("newest first").isSortedAccordingTo((a, b) -> b.initiated().compareTo(a.initiated()));
        assertThat(recovery.pastSessions().get(0)).satisfies(s -> {
            assertThat(s.actionText()).isEqualTo("Open restore access to an air-gapped vault");
            assertThat(s.outcomeText()).isEqualTo("Approved and carried out");
            assertThat(s.comment()).isEqualTo("INC-4711: restore shop media after the bad deploy");
            assertThat(s.requester()).isEqualTo("alice");
            assertThat(s.votes()).extracting(v -> v.who() + ": " + v.responseText()).containsExactly("alice: Approved", "bob: Approved", "carol: No response");
        });
        assertThat(recovery.pastSessions()).filteredOn(s -> s.actionText().equals("Revoke restore access")).singleElement()
                .satisfies(s -> assertThat(s.outcomeText()).isEqualTo("Expired: not enough approvals before the deadline"))
                .satisfies(s -> assertThat(s.comment()).isEqualTo("Case 2026-031 closed"));
    }

    @Test
    void routesByTeamOrSessionArnAndLinksKnowBoth() {
        TeamRow dr = row("northwind-dr");
        vm.show(dr);
        assertThat(console.places).containsExactly(Place.of(Destinations.APPROVALS, dr.arn()));
        String session = page("northwind-dr").openSessions().get(0).arn();
        vm.open(session);
        assertThat(vm.detail().row().arn()).isEqualTo(dr.arn());
        assertThat(vm.detail().focusSession()).isEqualTo(session);
        assertThat(Links.placeFor(console.workspace.catalog(), dr.arn())).contains(Place.of(Destinations.APPROVALS, dr.arn()));
        assertThat(Links.placeFor(console.workspace.catalog(), session)).contains(Place.of(Destinations.APPROVALS, session));
        assertThat(Links.placeFor(console.workspace.catalog(), "arn:aws:mpa:eu-west-1:" + BACKUP + ":approval-team/gone")).isEmpty();

        vm.open("arn:aws:mpa:eu-west-1:" + BACKUP + ":approval-team/gone");
        assertThat(vm.detail()).isNull();
        assertThat(vm.problemProperty().get()).startsWith("This capture holds no approval team arn:aws:mpa");
        vm.open(null);
        assertThat(vm.detail()).isNull();
        assertThat(vm.problemProperty().get()).isNull();
    }

    @Test
    void aHollowTeamReadsNotReadEverywhere() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path file = dir.resolve("northwind.json");
        ObjectNode estate = (ObjectNode) json.readTree(Files.readString(file));
        ObjectNode region = (ObjectNode) estate.path("Accounts").get(0).path("Regions").elements().next();
        ArrayNode teams = region.has("MpaApprovalTeams") && region.get("MpaApprovalTeams").isArray()
                ? (ArrayNode) region.get("MpaApprovalTeams") : region.putArray("MpaApprovalTeams");
        teams.addObject().put("Arn", "arn:aws:mpa:eu-west-1:111111111111:approval-team/hollow");
        Path hollow = dir.resolve("hollow.json");
        Files.writeString(hollow, json.writeValueAsString(estate));
        console.actions.openCapture(hollow);

        TeamRow r = vm.rows().stream().filter(t -> t.arn().endsWith("/hollow")).findFirst().orElseThrow();
        assertThat(r.name()).as("the ARN when the name is missing").isEqualTo("arn:aws:mpa:eu-west-1:111111111111:approval-team/hollow");
        assertThat(r.statusText()).isEqualTo(Formats.NOT_READ);
        assertThat(r.thresholdText()).isEqualTo(Formats.NOT_READ);
        assertThat(r.approversText()).isEqualTo(Formats.NOT_READ);
        assertThat(r.healthy()).isFalse();
        vm.open(r.arn());
        TeamPage p = vm.detail();
        assertThat(p.meaning()).isEqualTo("Redoubt did not read how many approvals the team needs.");
        assertThat(p.statusText()).isEqualTo(Formats.NOT_READ);
        assertThat(p.statusCodeText()).isNull();
        assertThat(p.approvers()).isEmpty();
        assertThat(p.openSessions()).isEmpty();
        assertThat(p.pastSessions()).isEmpty();
        assertThat(p.vaults()).isEmpty();
    }

    @Test
    void codesNobodyKnowsAreShownAsAwsSentThem() {
        assertThat(ApprovalWords.teamStatus("ACTIVE", "UPDATE_PENDING_APPROVAL")).isEqualTo("Update pending approval");
        assertThat(ApprovalWords.teamStatus("PENDING", "PENDING_ACTIVATION")).isEqualTo("Pending activation");
        assertThat(ApprovalWords.teamStatus("SOMETHING_NEW", null)).isEqualTo("SOMETHING_NEW");
        assertThat(ApprovalWords.outcome("CANCELLED", "CONFIGURATION_CHANGED")).isEqualTo("Cancelled: the team changed while the request was open");
        assertThat(ApprovalWords.outcome("FAILED", "REJECTED")).startsWith("Rejected: an approver voted no");
        assertThat(ApprovalWords.outcome("CANCELLED", null)).isEqualTo("Cancelled");
        assertThat(ApprovalWords.response("REJECTED")).isEqualTo("Rejected");
        assertThat(ApprovalWords.response(null)).isEqualTo(Formats.NOT_READ);
        assertThat(ApprovalWords.meaning(2, 2)).isEqualTo("both of these people approve (nobody may be away)");
    }
}
