package dev.redoubt.sandbox;

import static dev.redoubt.sandbox.SandboxFixture.BACKUP;
import static dev.redoubt.sandbox.SandboxFixture.MGMT;
import static dev.redoubt.sandbox.SandboxFixture.REGION;
import static dev.redoubt.sandbox.SandboxFixture.SECURITY;
import static dev.redoubt.sandbox.SandboxFixture.WORKLOAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.AccessDeniedException;
import software.amazon.awssdk.services.account.model.Region;
import software.amazon.awssdk.services.mpa.MpaClient;
import software.amazon.awssdk.services.mpa.model.MpaException;
import software.amazon.awssdk.services.mpa.model.SessionStatus;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;
import software.amazon.awssdk.services.organizations.model.ParentType;

/** Organizations (OU paths), account:ListRegions and MPA reads, with their reach rules, through the real SDK clients. */
class OrganizationsAccountMpaTest {
    private static SandboxFixture fx;
    private static final String TEAM = "arn:aws:mpa:eu-west-1:333333333333:approval-team/team0001abcd";

    @BeforeAll
    static void start() throws Exception {
        fx = SandboxFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void theManagementAccountListsAccountsAndWalksEachOuPath() {
        try (OrganizationsClient org = fx.client(OrganizationsClient.builder(), fx.readOnly(MGMT), "us-east-1")) {
            assertThat(org.describeOrganization().organization().masterAccountId()).isEqualTo(MGMT);
            List<Account> accounts = org.listAccountsPaginator(r -> r.maxResults(3)).stream().flatMap(p -> p.accounts().stream()).toList();
            assertThat(accounts).extracting(Account::id).containsExactly(MGMT, BACKUP, SECURITY, WORKLOAD);
            assertThat(accounts.get(3).joinedTimestamp()).isNotNull();
            String root = org.listRoots().roots().get(0).id();
            assertThat(root).startsWith("r-");
            assertThat(org.listParents(r -> r.childId(MGMT)).parents()).singleElement()
                    .satisfies(p -> assertThat(p.type()).isEqualTo(ParentType.ROOT));
            assertThat(org.listParents(r -> r.childId(WORKLOAD)).parents()).singleElement()
                    .satisfies(p -> assertThat(p.type()).isEqualTo(ParentType.ORGANIZATIONAL_UNIT));
            assertThat(ouPath(org, WORKLOAD, root)).isEqualTo("Workloads/Production");
            assertThat(ouPath(org, BACKUP, root)).isEqualTo("Infrastructure/Backup");
            assertThat(org.listOrganizationalUnitsForParent(r -> r.parentId(root)).organizationalUnits()).hasSize(2);
            assertThatThrownBy(() -> org.listParents(r -> r.childId("999999999999"))).isInstanceOf(OrganizationsException.class)
                    .satisfies(e -> assertThat(((OrganizationsException) e).awsErrorDetails().errorCode()).isEqualTo("ChildNotFoundException"));
            assertThatThrownBy(() -> org.listAccounts(r -> r.maxResults(21))).isInstanceOf(OrganizationsException.class);
        }
    }

    private static String ouPath(OrganizationsClient org, String child, String root) {
        StringBuilder path = new StringBuilder();
        String id = child;
        while (true) {
            String current = id;
            var parent = org.listParents(r -> r.childId(current)).parents().get(0);
            if (parent.id().equals(root)) {
                return path.toString();
            }
            String name = org.describeOrganizationalUnit(r -> r.organizationalUnitId(parent.id())).organizationalUnit().name();
            path.insert(0, path.length() == 0 ? name : name + "/");
            id = parent.id();
        }
    }

    @Test
    void memberAccountsDescribeTheOrganizationButMayNotListIt() {
        try (OrganizationsClient org = fx.client(OrganizationsClient.builder(), fx.readOnly(BACKUP), "us-east-1")) {
            assertThat(org.describeOrganization().organization().id()).isEqualTo("o-sbx0test01");
            assertThatThrownBy(org::listAccounts).isInstanceOf(OrganizationsException.class)
                    .satisfies(e -> assertThat(((OrganizationsException) e).awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        }
    }

    @Test
    void listsTheRegionsTheEstateHasForAnAccount() {
        try (AccountClient account = fx.client(AccountClient.builder(), fx.readOnly(WORKLOAD), "us-east-1");
             AccountClient mgmt = fx.client(AccountClient.builder(), fx.readOnly(MGMT), "us-east-1");
             AccountClient backup = fx.client(AccountClient.builder(), fx.readOnly(BACKUP), "us-east-1")) {
            assertThat(account.listRegions(r -> { }).regions()).extracting(Region::regionName).containsExactly("eu-west-1", "us-east-2");
            assertThat(account.listRegions(r -> { }).regions()).allSatisfy(r -> assertThat(r.regionOptStatusAsString()).isEqualTo("ENABLED_BY_DEFAULT"));
            assertThat(mgmt.listRegions(r -> r.accountId(WORKLOAD)).regions()).hasSize(2);
            assertThatThrownBy(() -> backup.listRegions(r -> r.accountId(WORKLOAD))).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void readsApprovalTeamsAndSessionsWhereTheTeamIsShared() {
        try (MpaClient security = fx.client(MpaClient.builder(), fx.readOnly(SECURITY), REGION);
             MpaClient backup = fx.client(MpaClient.builder(), fx.readOnly(BACKUP), REGION);
             MpaClient mgmt = fx.client(MpaClient.builder(), fx.readOnly(MGMT), REGION)) {
            assertThat(security.listApprovalTeams(r -> { }).approvalTeams()).singleElement()
                    .satisfies(t -> assertThat(t.name()).isEqualTo("recovery-approvers"));
            var team = security.getApprovalTeam(r -> r.arn(TEAM));
            assertThat(team.approvers()).hasSize(3);
            assertThat(team.approvalStrategy().mofN().minApprovalsRequired()).isEqualTo(2);
            var sessions = security.listSessions(r -> r.approvalTeamArn(TEAM)).sessions();
            assertThat(sessions).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(SessionStatus.APPROVED));
            assertThat(security.getSession(r -> r.sessionArn(sessions.get(0).sessionArn())).actionName()).isEqualTo("CreateRestoreAccessBackupVault");
            // the backup account's air-gapped vault names the team: it is shared with that account
            assertThat(backup.getApprovalTeam(r -> r.arn(TEAM)).name()).isEqualTo("recovery-approvers");
            assertThat(backup.listApprovalTeams(r -> { }).approvalTeams()).isEmpty();
            assertThatThrownBy(() -> mgmt.getApprovalTeam(r -> r.arn(TEAM))).isInstanceOf(MpaException.class)
                    .satisfies(e -> assertThat(((MpaException) e).statusCode()).isEqualTo(403));
            assertThatThrownBy(() -> security.getApprovalTeam(r -> r.arn(TEAM + "x"))).isInstanceOf(MpaException.class)
                    .satisfies(e -> assertThat(((MpaException) e).statusCode()).isEqualTo(404));
            assertThatThrownBy(() -> security.listApprovalTeams(r -> r.maxResults(21))).isInstanceOf(MpaException.class)
                    .hasMessageContaining("less than or equal to 20");
        }
    }
}
