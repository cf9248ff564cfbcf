package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxCredential;
import dev.redoubt.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `redoubt audit` with the scan's options: a live read of the sandbox, the capture kept, both journaled. */
class LiveAuditTest {
    @TempDir
    Path dir;

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.withEnv(env, args);
    }

    @Test
    void auditsALiveScanKeepsTheCaptureAndJournalsBoth() throws IOException {
        Estate demo = NorthwindDemo.build();
        String management = demo.organization().masterAccountId();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests(demo, Clock.fixed(demo.capturedAt(), ZoneOffset.UTC)).withAsCaptured(true))) {
            SandboxCredential c = sandbox.credential(management, "AuditReadOnly");
            Path home = dir.resolve("user");
            Files.createDirectories(home.resolve(".aws"));
            Files.writeString(home.resolve(".aws/config"), "[default]\nregion = eu-west-1\naws_access_key_id = " + c.accessKeyId()
                    + "\naws_secret_access_key = " + c.secretAccessKey() + "\nendpoint_url = " + sandbox.endpoint() + "\n");
            Map<String, String> env = Map.of("HOME", home.toString(), "REDOUBT_HOME", dir.resolve("redoubt").toString());
            Path capture = dir.resolve("capture.json");
            Path report = dir.resolve("report.json");
            CliRun r = run(env, "audit", "--accounts", "all", "--role", "AuditReadOnly", "--regions", "all", "--capture", capture.toString(),
                    "--format", "json", "--out", report.toString(), "--fail-on", "HIGH");
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(new EstateFile().read(capture).accounts()).hasSize(demo.accounts().size());
            assertThat(Files.readString(report)).contains("\"CheckId\"", "\"ResultsSha256\"");
            CliRun journal = run(env, "journal", "show", "--json");
            assertThat(journal.out()).contains("\"action\":\"scan\"", "\"action\":\"audit\"", "\"target\":\"sandbox\"",
                    "arn:aws:sts::" + management);

            CliRun mixed = run(env, "audit", "--demo", "--profile", "default");
            assertThat(mixed.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(mixed.err()).contains("--estate and --demo take no scan options");
        }
    }
}
