package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.aws.scan.CaptureComparison;
import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One SSO sign-in through the sandbox's device flow, then a read-only scan of every account of the demo. */
class SsoScanTest {
    @TempDir
    Path dir;

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.withEnv(env, args);
    }

    @Test
    void signsInOnceAndScansEveryAccountItCanReachReadOnly() throws IOException {
        Estate demo = NorthwindDemo.build();
        Account backup = demo.accounts().stream().filter(a -> a.name().equals("northwind-backup")).findFirst().orElseThrow();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests(demo, Clock.fixed(demo.capturedAt(), ZoneOffset.UTC))
                .withAsCaptured(true).withAutoApprove(true))) {
            Path home = dir.resolve("user");
            Files.createDirectories(home.resolve(".aws"));
            Files.writeString(home.resolve(".aws/config"), String.join("\n",
                    "[profile alice]", "sso_session = northwind", "sso_account_id = " + backup.id(), "sso_role_name = AuditReadOnly",
                    "region = eu-west-1", "endpoint_url = " + sandbox.endpoint(),
                    "[sso-session northwind]", "sso_start_url = " + sandbox.endpoint() + "/start", "sso_region = eu-west-1", ""));
            Map<String, String> env = Map.of("HOME", home.toString(), "REDOUBT_HOME", dir.resolve("redoubt").toString());

            CliRun before = run(env, "whoami", "--profile", "alice");
            assertThat(before.exitCode()).isEqualTo(ExitCodes.AUTH);
            assertThat(before.err()).contains("profile alice is not signed in; run: redoubt login --profile alice");

            CliRun login = run(env, "login", "--profile", "alice", "--no-browser");
            assertThat(login.exitCode()).as(login.err()).isZero();
            assertThat(login.out()).contains("Open this page and confirm the code", "Signed in until");
            assertThat(run(env, "profiles").out()).containsPattern("alice\\s+SSO.*signed in until");
            CliRun signIns = run(env, "journal", "show", "--action", "sign-in", "--json");
            assertThat(signIns.out()).contains("\"outcome\":\"ok\"", "arn:aws:sts::" + backup.id() + ":assumed-role/AuditReadOnly");

            CliRun whoami = run(env, "whoami", "--profile", "alice");
            assertThat(whoami.out()).contains(backup.id(), "Mode:      auditor", "Reach:     7 accounts, 14 roles");

            long firstRequest = sandbox.requestLog().lastSeq();
            Path capture = dir.resolve("northwind.json");
            CliRun scan = run(env, "scan", "--profile", "alice", "--accounts", "all", "--regions", "all", "--out", capture.toString());
            assertThat(scan.exitCode()).as(scan.err()).isZero();
            Estate captured = new EstateFile().read(capture);
            assertThat(CaptureComparison.differences(CaptureComparison.normalize(demo, Set.of()),
                    CaptureComparison.normalize(captured, Set.of()), 10)).isEmpty();
            assertThat(sandbox.requestLog().since(firstRequest)).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.operation()).as(e.line()).matches("(Describe|Get|List).*"));
            // approvers are named (SsoUsers: UserId, UserName), but a capture holds no sign-in secret nor any sandbox identity
            assertThat(Files.readString(capture)).contains("\"SsoUsers\"").doesNotContain("Password", "\"Assignments\"", "\"Roles\"");
        }
    }
}
