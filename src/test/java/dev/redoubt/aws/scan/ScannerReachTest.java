package dev.redoubt.aws.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.aws.signin.Session;
import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who can be scanned, asked before a scan: the accounts with names, OU paths and roles, and the regions. */
class ScannerReachTest {
    @TempDir
    Path home;

    private final Estate demo = NorthwindDemo.build();

    private Sandbox serve() throws java.io.IOException {
        return Sandbox.start(SandboxOptions.forTests(demo, Clock.fixed(demo.capturedAt(), ZoneOffset.UTC)).withAsCaptured(true)
                .withAutoApprove(true));
    }

    private Account named(String name) {
        return demo.accounts().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private Set<String> enabledRegions(Account a) {
        return a.regions().keySet();
    }

    @Test
    void anSsoUserReachesEveryAccountOfTheDemoWithNamesOuPathsAndRoles() throws Exception {
        Account backup = named("northwind-backup");
        try (Sandbox sandbox = serve();
             Session session = SandboxSessions.withSso(home, sandbox, backup.id(), "AuditReadOnly", "eu-west-1")) {
            Reach reach = new Scanner(Clock.systemUTC(), new EstateFile()).reach(session);

            assertThat(reach.signedInAccount()).isEqualTo(backup.id());
            assertThat(reach.problems()).isEmpty();
            assertThat(reach.accounts()).hasSize(7);
            assertThat(reach.accounts()).extracting(ReachableAccount::id)
                    .containsExactlyInAnyOrderElementsOf(demo.accounts().stream().map(Account::id).toList());
            for (Account a : demo.accounts()) {
                ReachableAccount r = reach.accounts().stream().filter(x -> x.id().equals(a.id())).findFirst().orElseThrow();
                assertThat(r.name()).isEqualTo(a.name());
                assertThat(r.organizationalUnit()).as(a.name()).isEqualTo(a.organizationalUnit());
                assertThat(r.status()).isEqualTo(a.status());
                assertThat(r.roles()).contains("AuditReadOnly");
                assertThat(r.signedIn()).isEqualTo(a.id().equals(backup.id()));
            }
            assertThat(reach.accounts()).extracting(ReachableAccount::organizationalUnit).contains("Workloads/Production");
            assertThat(reach.accounts()).extracting(ReachableAccount::name).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
            assertThat(reach.regions()).isSorted().containsExactlyInAnyOrderElementsOf(enabledRegions(backup));
        }
    }

    @Test
    void staticKeysOfOneMemberAccountReachThatAccountAndSayWhyNoOther() throws Exception {
        Account production = demo.accounts().stream().filter(a -> "Workloads/Production".equals(a.organizationalUnit())).findFirst().orElseThrow();
        try (Sandbox sandbox = serve();
             Session session = SandboxSessions.withKeys(home, sandbox, sandbox.credential(production.id(), "AuditReadOnly"), "eu-west-1")) {
            Reach reach = new Scanner(Clock.systemUTC(), new EstateFile()).reach(session);

            assertThat(reach.signedInAccount()).isEqualTo(production.id());
            assertThat(reach.accounts()).singleElement().satisfies(a -> {
                assertThat(a.id()).isEqualTo(production.id());
                assertThat(a.signedIn()).isTrue();
                assertThat(a.roles()).isEmpty();
            });
            assertThat(reach.problems()).extracting(p -> p.operation()).contains("organizations:ListAccounts");
            assertThat(reach.regions()).containsExactlyInAnyOrderElementsOf(enabledRegions(production));
        }
    }

    @Test
    void staticKeysOfTheManagementAccountReachTheOrganization() throws Exception {
        String management = demo.organization().masterAccountId();
        try (Sandbox sandbox = serve();
             Session session = SandboxSessions.withKeys(home, sandbox, sandbox.credential(management, "AuditReadOnly"), "eu-west-1")) {
            Reach reach = new Scanner(Clock.systemUTC(), new EstateFile()).reach(session);

            assertThat(reach.problems()).isEmpty();
            assertThat(reach.accounts()).hasSize(7).allSatisfy(a -> assertThat(a.roles()).isEmpty());
            assertThat(reach.accounts()).filteredOn(ReachableAccount::signedIn).extracting(ReachableAccount::id).isEqualTo(List.of(management));
            assertThat(reach.accounts()).extracting(ReachableAccount::organizationalUnit)
                    .containsExactlyInAnyOrderElementsOf(demo.accounts().stream().map(Account::organizationalUnit).toList());
        }
    }
}
