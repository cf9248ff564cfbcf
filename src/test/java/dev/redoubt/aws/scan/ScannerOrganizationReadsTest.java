package dev.redoubt.aws.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.aws.signin.Session;
import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.generate.EstateGenerator;
import dev.redoubt.estate.generate.GeneratorSpec;
import dev.redoubt.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a scan reads of the organization: a scan of some accounts reads the OU paths of the accounts its capture lists,
 * not of every account; each OU is described once however many accounts' paths pass through it, even when they are read
 * concurrently; the signed-in identity and the organization are each asked once. The OU paths are those served.
 */
class ScannerOrganizationReadsTest {
    /** 8 accounts: the management account at the root, one in Infrastructure/Backup, the rest in Workloads/Production or Development (5 OUs). */
    private static final Estate SERVED = new EstateGenerator(new EstateFile()).generate(new GeneratorSpec(8, 1, 1, 10, 3, null));
    private static final String MANAGEMENT = SERVED.accounts().get(0).id();

    @TempDir
    Path home;

    private static Map<String, Long> operations(Sandbox sandbox) {
        return sandbox.requestLog().entries().stream().collect(Collectors.groupingBy(e -> e.operation(), Collectors.counting()));
    }

    private static Map<String, String> ouPaths(Estate e) {
        return e.accounts().stream().collect(Collectors.toMap(Account::id, a -> String.valueOf(a.organizationalUnit())));
    }

    private ScanResult scan(Sandbox sandbox, ScanRequest request) throws Exception {
        try (Session session = SandboxSessions.withKeys(home, sandbox, sandbox.credential(MANAGEMENT, EstateGenerator.READ_ONLY_ROLE), "us-east-1")) {
            session.callerIdentity(); // as the sign-in does before every scan
            return new Scanner(Clock.systemUTC(), new EstateFile()).scan(session, request, ScanProgress.NONE, new AtomicBoolean());
        }
    }

    @Test
    void aScanOfOneAccountReadsOnlyTheOuPathsItsCaptureShows() throws Exception {
        Account target = SERVED.accounts().get(3); // Workloads/Development: three ListParents, two OUs
        assertThat(target.organizationalUnit()).isEqualTo("Workloads/Development");
        try (Sandbox sandbox = Sandbox.start(SandboxSessions.withLatency(SERVED, 5))) {
            ScanResult result = scan(sandbox, new ScanRequest(List.of(target.id()), false, EstateGenerator.READ_ONLY_ROLE, List.of(), false, 8, 64, null));

            Map<String, Long> ops = operations(sandbox);
            assertThat(ops.get("GetCallerIdentity")).as("the sign-in's identity, not asked again").isEqualTo(1);
            assertThat(ops.get("DescribeOrganization")).isEqualTo(1);
            assertThat(ops.get("ListAccounts")).isEqualTo(1);
            // The target's chain (account, Development, Workloads) and the signed-in management account's (at the root).
            assertThat(ops.get("ListParents")).isEqualTo(3 + 1);
            assertThat(ops.get("DescribeOrganizationalUnit")).isEqualTo(2);

            Map<String, String> got = ouPaths(result.estate());
            assertThat(got.keySet()).containsExactlyInAnyOrder(MANAGEMENT, target.id());
            assertThat(got).isEqualTo(ouPaths(SERVED).entrySet().stream().filter(e -> got.containsKey(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            assertThat(result.estate().name()).as("named by the management account, as listed").startsWith(SERVED.accounts().get(0).name());
            assertThat(result.estate().accounts().stream().filter(a -> a.id().equals(target.id())).findFirst().orElseThrow().name())
                    .isEqualTo(target.name());
        }
    }

    @Test
    void eachOuIsDescribedOnceWhileAllAccountsPathsAreReadConcurrently() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxSessions.withLatency(SERVED, 20))) {
            ScanResult result = scan(sandbox, new ScanRequest(List.of(), true, EstateGenerator.READ_ONLY_ROLE, List.of(), false, 8, 64, null));

            Map<String, Long> ops = operations(sandbox);
            assertThat(ops.get("DescribeOrganizationalUnit")).as("Infrastructure, Backup, Workloads, Production, Development").isEqualTo(5);
            assertThat(ops.get("DescribeOrganization")).isEqualTo(1);
            assertThat(ops.get("GetCallerIdentity")).isEqualTo(1);
            assertThat(ouPaths(result.estate())).isEqualTo(ouPaths(SERVED));
            assertThat(result.estate().accounts().stream().collect(Collectors.toMap(Account::id, Account::name)))
                    .isEqualTo(SERVED.accounts().stream().collect(Collectors.toMap(Account::id, Account::name)));
            assertThat(result.readErrors()).isZero();
        }
    }
}
