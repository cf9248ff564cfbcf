package dev.redoubt.aws.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.aws.AccessMode;
import dev.redoubt.aws.profiles.AwsConfigFiles;
import dev.redoubt.aws.signin.Session;
import dev.redoubt.aws.signin.SignIn;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.ReadError;
import dev.redoubt.estate.SsoUser;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxCredential;
import dev.redoubt.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan names the approvers of approval teams and sessions through IAM Identity Center, as AWS lets it. */
class ScannerApproverNamesTest {
    private static final String MANAGEMENT = "318274650019";
    private static final String BACKUP = "536470192834";

    @TempDir
    Path home;

    private Session open(Sandbox sandbox, SandboxCredential c, AccessMode mode) throws IOException {
        Path config = Files.createDirectories(home.resolve(".aws")).resolve("config");
        Files.writeString(config, "[default]\nregion = eu-west-1\naws_access_key_id = " + c.accessKeyId()
                + "\naws_secret_access_key = " + c.secretAccessKey() + "\nendpoint_url = " + sandbox.endpoint() + "\n");
        Map<String, String> env = Map.of("HOME", home.toString());
        SignIn signIn = new SignIn(new AwsConfigFiles(env, home), env, Clock.systemUTC());
        return signIn.open(signIn.profile("default"), mode);
    }

    private ScanResult scanDemo(String account, ScanRequest request, Sandbox sandbox, String role, AccessMode mode) throws Exception {
        try (Session session = open(sandbox, sandbox.credential(account, role), mode)) {
            return new Scanner(Clock.systemUTC(), new EstateFile()).scan(session, request, ScanProgress.NONE, new AtomicBoolean());
        }
    }

    private static Sandbox demoSandbox(Estate demo) throws IOException {
        return Sandbox.start(SandboxOptions.forTests(demo, Clock.fixed(demo.capturedAt(), ZoneOffset.UTC)).withAsCaptured(true));
    }

    @Test
    void anAuditorsScanOfTheDemoNamesEveryApproverAndCarriesNoPassword() throws Exception {
        Estate demo = NorthwindDemo.build();
        try (Sandbox sandbox = demoSandbox(demo)) {
            ScanRequest everyAccount = new ScanRequest(List.of(), true, "AuditReadOnly", List.of(), true, 8, 64, null);
            ScanResult result = scanDemo(MANAGEMENT, everyAccount, sandbox, "AuditReadOnly", AccessMode.AUDITOR);

            assertThat(result.readErrors()).isZero();
            assertThat(result.estate().ssoUsers()).extracting(SsoUser::userId, SsoUser::userName).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("u-alice", "alice"), org.assertj.core.groups.Tuple.tuple("u-bob", "bob"),
                    org.assertj.core.groups.Tuple.tuple("u-carol", "carol"), org.assertj.core.groups.Tuple.tuple("u-dave", "dave"));
            assertThat(result.estate().ssoUsers()).allSatisfy(u -> {
                assertThat(u.password()).isNull();
                assertThat(u.assignments()).isNull();
            });
            String json = new EstateFile().writeString(result.estate());
            assertThat(json).contains("\"SsoUsers\"").doesNotContain("Password").doesNotContain("\"Assignments\"");
            assertThat(sandbox.requestLog().entries()).extracting(e -> e.service() + ":" + e.operation())
                    .contains("mpa:GetIdentitySource", "sso-admin:DescribeInstance", "identitystore:DescribeUser");
        }
    }

    @Test
    void anAccountThatCannotReadTheIdentitySourceLeavesApproversUnnamedAndSaysWhy() throws Exception {
        Estate demo = NorthwindDemo.build();
        try (Sandbox sandbox = demoSandbox(demo)) {
            // The backup account owns the recovery team, but the identity source is the management account's.
            ScanRequest oneAccount = new ScanRequest(List.of(), false, null, List.of("eu-west-1"), false, 8, 64, null);
            ScanResult result = scanDemo(BACKUP, oneAccount, sandbox, "AuditReadOnly", AccessMode.AUDITOR);

            assertThat(result.estate().ssoUsers()).isNullOrEmpty();
            assertThat(result.estate().accounts().stream().filter(a -> a.id().equals(BACKUP)).findFirst().orElseThrow()
                    .regions().get("eu-west-1").mpaApprovalTeams()).isNotEmpty();
            List<ReadError> errors = result.estate().accounts().stream()
                    .flatMap(a -> a.regions().values().stream())
                    .flatMap(r -> r.readErrors() == null ? java.util.stream.Stream.<ReadError>empty() : r.readErrors().stream())
                    .filter(Objects::nonNull).toList();
            assertThat(errors).anySatisfy(e -> {
                assertThat(e.operation()).isEqualTo("mpa:GetIdentitySource");
                assertThat(e.errorCode()).isEqualTo("AccessDeniedException");
                assertThat(e.scope()).contains(":identity-source/");
            });
            assertThat(result.cancelled()).isFalse();
        }
    }
}
