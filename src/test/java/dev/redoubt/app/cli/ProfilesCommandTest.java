package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.aws.profiles.SsoToken;
import dev.redoubt.aws.profiles.SsoTokenCache;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesCommandTest {
    @TempDir
    Path dir;

    private CliRun run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
        int code = Cli.run(args, ctx);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listsEachKindAndTheSsoTokenState() throws IOException {
        Path home = dir.resolve("home");
        Path config = Files.createDirectories(home.resolve(".aws")).resolve("config");
        Files.writeString(config, String.join("\n",
                "[default]", "region = eu-west-1", "aws_access_key_id = AKIAEXAMPLEKEY12345", "aws_secret_access_key = verysecretvalue",
                "[profile audit]", "sso_session = corp", "sso_account_id = 111122223333", "sso_role_name = AuditReadOnly", "region = us-east-1",
                "[profile ops]", "sso_session = corp", "sso_account_id = 111122223333", "sso_role_name = BackupOperator",
                "[profile legacy]", "sso_start_url = https://old.awsapps.com/start", "sso_region = us-east-1", "sso_account_id = 1", "sso_role_name = R",
                "[profile assumed]", "role_arn = arn:aws:iam::444455556666:role/Audit", "source_profile = default",
                "[profile proc]", "credential_process = /bin/true",
                "[profile sandbox]", "aws_access_key_id = AKIASANDBOX0000001", "aws_secret_access_key = x", "endpoint_url = http://127.0.0.1:4566",
                "[sso-session corp]", "sso_start_url = https://corp.awsapps.com/start", "sso_region = eu-west-1", ""));
        new SsoTokenCache(home.resolve(".aws/sso/cache")).write("corp", new SsoToken("https://corp.awsapps.com/start", "eu-west-1",
                "token-value-secret", Instant.parse("2026-11-28T18:00:00Z"), null, null, null, null));
        new SsoTokenCache(home.resolve(".aws/sso/cache")).write("https://old.awsapps.com/start", new SsoToken("https://old.awsapps.com/start",
                "us-east-1", "old-token", Instant.parse("2026-11-27T18:00:00Z"), null, null, null, null));
        CliRun r = run(Map.of("HOME", home.toString(), "REDOUBT_HOME", dir.resolve("r").toString()), "profiles");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("\\* default\\s+static\\s+eu-west-1\\s+key AKIA…2345");
        assertThat(r.out()).containsPattern("audit\\s+SSO\\s+us-east-1\\s+111122223333 / AuditReadOnly\\s+signed in until 2026-11-28T18:00:00Z");
        assertThat(r.out()).containsPattern("legacy\\s+SSO.*expired 2026-11-27T18:00:00Z: redoubt login --profile legacy");
        assertThat(r.out()).containsPattern("assumed\\s+assume-role.*arn:aws:iam::444455556666:role/Audit\\s+via default");
        assertThat(r.out()).containsPattern("proc\\s+process");
        assertThat(r.out()).contains("@ http://127.0.0.1:4566");
        assertThat(r.out()).doesNotContain("verysecretvalue", "token-value-secret", "AKIAEXAMPLEKEY12345");

        CliRun withProfile = run(Map.of("HOME", home.toString(), "AWS_PROFILE", "ops", "AWS_CONFIG_FILE", config.toString()), "profiles", "--json");
        assertThat(withProfile.out()).contains("\"Name\" : \"ops\"").contains("\"Default\" : true").contains("\"SsoTokenValid\" : true");
    }

    /** Profile names longer than the column pushed the rest of their rows out of line (a sandbox's are 30 characters). */
    @Test
    void theColumnsLineUpWhateverTheProfileNamesLength() throws IOException {
        Path home = dir.resolve("long");
        Path config = Files.createDirectories(home.resolve(".aws")).resolve("config");
        Files.writeString(config, String.join("\n",
                "[profile a]", "aws_access_key_id = AKIASANDBOX0000001", "aws_secret_access_key = x",
                "[profile gen-backup-0001-BackupOperator]", "aws_access_key_id = AKIASANDBOX0000002", "aws_secret_access_key = x",
                "[profile " + "x".repeat(80) + "]", "aws_access_key_id = AKIASANDBOX0000003", "aws_secret_access_key = x", ""));
        CliRun r = run(Map.of("HOME", home.toString(), "REDOUBT_HOME", dir.resolve("r2").toString()), "profiles");
        assertThat(r.exitCode()).as(r.err()).isZero();
        java.util.List<String> rows = r.out().lines().filter(l -> !l.isBlank() && !l.startsWith("*")).toList();
        int kind = rows.get(0).indexOf("KIND");
        assertThat(rows).hasSize(4);
        for (String row : rows.subList(1, rows.size())) {
            assertThat(row.indexOf("static")).as(row).isEqualTo(kind);
        }
        assertThat(r.out()).contains("gen-backup-0001-BackupOperator ").contains("…");
    }

    @Test
    void saysWhatToDoWhenThereAreNoProfiles() {
        CliRun r = run(Map.of("HOME", dir.resolve("empty").toString()), "profiles");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("No AWS profiles").contains("redoubt sandbox --demo");
    }
}
