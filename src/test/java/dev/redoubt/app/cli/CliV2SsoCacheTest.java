package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSO token cache is shared with the AWS CLI v2 both ways: a sign-in made by the CLI v2's own
 * code (`do_sso_login`, behind `aws sso login`) is used by Redoubt, and Redoubt's sign-in is read by
 * the CLI v2's token loader. Needs Debian's awscli package (.ci/run installs it); skipped without it.
 */
class CliV2SsoCacheTest {
    private static final Path CLI_V2 = Path.of("/usr/lib/python3/dist-packages/awscli/customizations/sso/utils.py");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    private CliRun redoubt(Map<String, String> env, String... args) {
        return CliRun.withEnv(env, args);
    }

    private String cliV2(Path home, String... args) throws IOException, InterruptedException {
        Path script = Path.of("src/test/conformance/cli-v2-sso-cache.py").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of(PYTHON.toString(), script.toString())));
        pb.command().addAll(List.of(args));
        pb.environment().put("HOME", home.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theCliV2AndRedoubtReuseEachOthersSignIn() throws Exception {
        assumeTrue(Files.exists(CLI_V2) && Files.isExecutable(PYTHON), "Debian's AWS CLI v2 (apt-get install awscli) is not installed");
        Estate demo = NorthwindDemo.build();
        Account backup = demo.accounts().stream().filter(a -> a.name().equals("northwind-backup")).findFirst().orElseThrow();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests(demo, Clock.fixed(demo.capturedAt(), ZoneOffset.UTC)).withAutoApprove(true))) {
            String start = sandbox.endpoint() + "/start";
            Path home = dir.resolve("user");
            Files.createDirectories(home.resolve(".aws"));
            Files.writeString(home.resolve(".aws/config"), String.join("\n",
                    "[profile alice]", "sso_session = corp", "sso_account_id = " + backup.id(), "sso_role_name = AuditReadOnly",
                    "region = eu-west-1", "endpoint_url = " + sandbox.endpoint(),
                    "[sso-session corp]", "sso_start_url = " + start, "sso_region = eu-west-1", "sso_registration_scopes = sso:account:access", ""));
            Map<String, String> env = Map.of("HOME", home.toString(), "REDOUBT_HOME", dir.resolve("redoubt").toString());

            assertThat(cliV2(home, "login", sandbox.endpoint().toString(), start, "eu-west-1", "corp")).contains("\"signedIn\": true");
            CliRun whoami = redoubt(env, "whoami", "--profile", "alice");
            assertThat(whoami.exitCode()).as(whoami.err()).isZero();
            assertThat(whoami.out()).contains("assumed-role/AuditReadOnly", backup.id());

            try (var files = Files.list(home.resolve(".aws/sso/cache"))) {
                files.forEach(f -> f.toFile().delete());
            }
            assertThat(redoubt(env, "login", "--profile", "alice", "--no-browser").exitCode()).isZero();
            assertThat(cliV2(home, "read", start, "corp")).contains("\"found\": true", "\"refreshable\": true");
        }
    }
}
