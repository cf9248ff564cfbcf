package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** redoubt sandbox: what it prints, the AWS config it writes (used by whoami and an SSO login), its refusals and its clean stop. */
class SandboxCommandTest {
    @TempDir
    Path dir;

    private void assertBadInput(CliRun r, String expected) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip().lines()).as("one line").hasSize(1);
        assertThat(r.err()).startsWith("redoubt: ").contains(expected);
        assertThat(r.noStackTrace()).isTrue();
    }

    @Test
    void refusesABadEstateOrBadOptionsInOneLine() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"Format\": \"redoubt-estate/1\", \"Accounts\": [");
        assertBadInput(CliRun.run(dir, "sandbox", "--estate", broken.toString(), "--port", "0"), broken + ": line 1");
        assertBadInput(CliRun.run(dir, "sandbox", "--estate", dir.resolve("missing.json").toString()), "no such file");
        assertBadInput(CliRun.run(dir, "sandbox", "--demo", "--port", "0", "--throttle-rate", "2"), "--throttle-rate must be between 0 and 1");
        CliRun both = CliRun.run(dir, "sandbox", "--demo", "--estate", broken.toString());
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void refusesAPortInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertBadInput(CliRun.run(dir, "sandbox", "--demo", "--port", Integer.toString(taken.getLocalPort())),
                    "127.0.0.1:" + taken.getLocalPort() + " is in use; choose another port with --port");
        }
    }

    /** Standard output that signals once the sandbox says it is ready. */
    private static final class Watched extends OutputStream {
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch stopped = new CountDownLatch(1);

        @Override
        public synchronized void write(int b) {
            buffer.write(b);
            if (b == '\n') {
                String text = buffer.toString(StandardCharsets.UTF_8);
                if (text.contains("Press Ctrl+C to stop.")) {
                    ready.countDown();
                }
                if (text.contains("Sandbox stopped.")) {
                    stopped.countDown();
                }
            }
        }

        synchronized String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    private CliRun run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
        int code = Cli.run(args, ctx);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void servesTheDemoPrintsCredentialsWritesAConfigAndStopsCleanly() throws Exception {
        Path config = dir.resolve("aws").resolve("config");
        Watched out = new Watched();
        AtomicInteger exit = new AtomicInteger(-1);
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), Map.of("REDOUBT_HOME", dir.resolve("home").toString()),
                Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
        Thread server = new Thread(() -> exit.set(Cli.run(new String[] {"sandbox", "--demo", "--port", "0", "--write-aws-config",
                config.toString(), "--auto-approve", "--log-requests"}, ctx)), "sandbox-command");
        server.start();
        try {
            assertThat(out.ready.await(60, TimeUnit.SECONDS)).as(out.text()).isTrue();
            String text = out.text();
            Matcher m = Pattern.compile("^Sandbox listening on (http://127\\.0\\.0\\.1:(\\d+))$", Pattern.MULTILINE).matcher(text);
            assertThat(m.find()).as(text).isTrue();
            String endpoint = m.group(1);
            assertThat(text).contains("Regions: eu-central-1, eu-west-1, us-east-1")
                    .contains("timestamps shifted by +1h 0m")
                    .containsPattern("ACCOUNT +NAME +ROLE +ACCESS +AWS_ACCESS_KEY_ID +AWS_SECRET_ACCESS_KEY")
                    .containsPattern("536470192834 +northwind-backup +AuditReadOnly +read-only +AKIA[A-Z2-7]{16} +\\S{40}")
                    .contains("Default credentials (AuditReadOnly, read-only, in northwind-backup 536470192834):")
                    .contains("export AWS_DEFAULT_REGION=eu-west-1")
                    .contains("aws backup list-backup-vaults --endpoint-url " + endpoint + " --region eu-west-1");
            assertThat(Files.getPosixFilePermissions(config)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(config)).contains("[profile sandbox]", "endpoint_url = " + endpoint, "[sso-session sandbox]",
                    "sso_start_url = " + endpoint + "/start", "[profile sso-northwind-backup-AuditReadOnly]");

            Map<String, String> env = Map.of("HOME", dir.resolve("user").toString(), "AWS_CONFIG_FILE", config.toString(),
                    "REDOUBT_HOME", dir.resolve("home").toString(), "AWS_EC2_METADATA_DISABLED", "true");
            CliRun whoami = run(env, "whoami", "--profile", "sandbox");
            assertThat(whoami.exitCode()).as(whoami.err()).isZero();
            assertThat(whoami.out()).contains("arn:aws:sts::536470192834:assumed-role/AuditReadOnly/redoubt-sandbox");

            CliRun login = run(env, "login", "--profile", "sso-northwind-backup-AuditReadOnly", "--no-browser");
            assertThat(login.exitCode()).as(login.err() + login.out()).isZero();
            CliRun sso = run(env, "whoami", "--profile", "sso-northwind-backup-AuditReadOnly");
            assertThat(sso.exitCode()).as(sso.err()).isZero();
            assertThat(sso.out()).contains("arn:aws:sts::536470192834:assumed-role/AuditReadOnly/alice");
            assertThat(out.text()).contains("GetRoleCredentials").contains("GetCallerIdentity");
        } finally {
            server.interrupt();
            assertThat(out.stopped.await(10, TimeUnit.SECONDS)).isTrue();
            server.join(10_000);
        }
        assertThat(exit.get()).isZero();
        assertThat(out.text()).endsWith("Sandbox stopped.\n");
    }

    /** Runs 'redoubt sandbox' until it is ready, then stops it; returns what it printed. */
    private String serveOnce(String... extra) throws Exception {
        Watched out = new Watched();
        AtomicInteger exit = new AtomicInteger(-1);
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), Map.of("REDOUBT_HOME", dir.resolve("home").toString()),
                Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
        String[] args = new String[3 + extra.length];
        args[0] = "sandbox";
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(extra, 0, args, 3, extra.length);
        Thread server = new Thread(() -> exit.set(Cli.run(args, ctx)), "sandbox-command");
        server.start();
        try {
            assertThat(out.ready.await(60, TimeUnit.SECONDS)).as(out.text()).isTrue();
        } finally {
            server.interrupt();
            assertThat(out.stopped.await(10, TimeUnit.SECONDS)).isTrue();
            server.join(10_000);
        }
        assertThat(exit.get()).as(out.text()).isZero();
        return out.text();
    }

    @Test
    void anExistingAwsConfigKeepsEverySectionOfItsOwnAndGetsTheSandboxsMergedIn() throws Exception {
        Path config = Files.createDirectories(dir.resolve("aws")).resolve("config");
        String mine = "# my profiles\n[default]\nregion = eu-west-1\n\n"
                + "[profile sandbox]\nregion = us-east-1\naws_access_key_id = STALE\n\n"
                + "; corporate SSO\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n\n"
                + "[profile prod-admin]   \nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\r\n"
                + "[services local]\ns3 =\n  endpoint_url = http://localhost:9000\n";
        Files.writeString(config, mine);
        String text = serveOnce("--demo", "--write-aws-config", config.toString());
        assertThat(text).contains("AWS config " + config + " updated: 1 sandbox section replaced, ")
                .contains("every other line kept; the file as it was is in " + config + ".bak");
        String merged = Files.readString(config);
        assertThat(Files.readString(dir.resolve("aws/config.bak"))).isEqualTo(mine);
        // Every section that is not the sandbox's is there byte for byte, in its place.
        assertThat(merged).startsWith("# my profiles\n[default]\nregion = eu-west-1\n\n[profile sandbox]\nregion = ");
        assertThat(merged).contains("\n\n; corporate SSO\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n\n"
                + "[profile prod-admin]   \nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\r\n"
                + "[services local]\ns3 =\n  endpoint_url = http://localhost:9000\n");
        assertThat(merged).doesNotContain("STALE").contains("[sso-session sandbox]", "[profile sso-northwind-backup-AuditReadOnly]",
                "# Added by redoubt sandbox");
        assertThat(merged.split("\\[profile sandbox\\]", -1)).as("one [profile sandbox]").hasSize(2);
        assertThat(Files.getPosixFilePermissions(config)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // Run again: the sandbox's sections are replaced where they are, nothing is added twice, the user's still kept.
        String second = serveOnce("--demo", "--write-aws-config", config.toString());
        assertThat(second).contains("updated: ").contains(" sandbox sections replaced, 0 added");
        String again = Files.readString(config);
        assertThat(again.split("\\[sso-session sandbox\\]", -1)).hasSize(2);
        assertThat(again.split("# Added by redoubt sandbox", -1)).hasSize(2);
        assertThat(again).contains("[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n").startsWith("# my profiles\n[default]\n");
        assertThat(Files.readString(dir.resolve("aws/config.bak"))).isEqualTo(merged);
    }
}
