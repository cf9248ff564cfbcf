package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxCredential;
import dev.redoubt.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `redoubt scan` against the demo served by the sandbox, through a profile with endpoint_url. */
class ScanCommandTest {
    @TempDir
    Path dir;
    private Sandbox sandbox;
    private final Estate demo = NorthwindDemo.build();

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.start(SandboxOptions.forTests(demo, Clock.fixed(demo.capturedAt(), ZoneOffset.UTC)).withAsCaptured(true));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Map<String, String> env(SandboxCredential c, String region) throws IOException {
        Path home = dir.resolve("user");
        Path config = Files.createDirectories(home.resolve(".aws")).resolve("config");
        Files.writeString(config, "[default]\nregion = " + region + "\naws_access_key_id = " + c.accessKeyId()
                + "\naws_secret_access_key = " + c.secretAccessKey() + "\nendpoint_url = " + sandbox.endpoint() + "\n");
        return Map.of("HOME", home.toString(), "REDOUBT_HOME", dir.resolve("redoubt").toString());
    }

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.withEnv(env, args);
    }

    private Account account(String name) {
        return demo.accounts().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void scansTheSignedInAccountAndJournalsIt() throws Exception {
        Account backup = account("northwind-backup");
        Map<String, String> env = env(sandbox.credential(backup.id(), "AuditReadOnly"), "eu-west-1");
        Path capture = dir.resolve("capture.json");
        CliRun r = run(env, "scan", "--regions", "eu-west-1,eu-central-1", "--out", capture.toString());
        assertThat(r.exitCode()).as("cross-account key policies are refused, as AWS refuses them: a partial result").isEqualTo(ExitCodes.PARTIAL);
        assertThat(r.err()).contains("could not be read; the capture lists them under ReadErrors");
        Estate captured = new EstateFile().read(capture);
        assertThat(captured.accounts()).extracting(Account::id).contains(backup.id());
        Account got = captured.accounts().stream().filter(a -> a.id().equals(backup.id())).findFirst().orElseThrow();
        assertThat(got.regions().keySet()).containsExactly("eu-central-1", "eu-west-1");
        assertThat(got.regions().get("eu-west-1").backupVaults()).hasSize(backup.regions().get("eu-west-1").backupVaults().size());
        // the one account scanned, in its two regions (not other accounts the capture files keys or the organization under)
        assertThat(r.err()).contains("Scanned 1 account, 2 regions: ", "sha256 ");

        List<Entry> entries = journal(env).stream().filter(e -> e.action().equals("scan")).toList();
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.mode().wire()).isEqualTo("auditor");
            assertThat(e.target()).isEqualTo("sandbox");
            assertThat(e.actor()).contains(backup.id());
            JsonNode d = e.detailsTree();
            assertThat(d.path("sha256").asText()).isEqualTo(sha256(capture));
            assertThat(d.path("outcome").asText()).isEqualTo("partial");
            assertThat(d.path("recoveryPoints").asLong()).isEqualTo(got.regions().values().stream()
                    .flatMap(x -> x.backupVaults().stream()).mapToLong(v -> v.recoveryPoints().size()).sum());
        });
        assertThat(run(env, "journal", "verify").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("redoubt").resolve("journal.db"), StandardCharsets.ISO_8859_1))
                .doesNotContain(sandbox.credential(backup.id(), "AuditReadOnly").secretAccessKey());
    }

    @Test
    void refusesBadScanOptionsWithUsageErrors() throws IOException {
        Map<String, String> env = env(sandbox.credential(account("northwind-backup").id(), "AuditReadOnly"), "eu-west-1");
        CliRun r = run(env, "scan", "--accounts", "12", "--out", dir.resolve("x.json").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--accounts: \"12\" is not a 12-digit account ID");
        CliRun r2 = run(env, "scan", "--regions", "mars-1", "--out", dir.resolve("x.json").toString());
        assertThat(r2.err()).contains("--regions: \"mars-1\" is not a region name");
        CliRun r3 = run(env, "scan", "--profile", "nope", "--out", dir.resolve("x.json").toString());
        assertThat(r3.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r3.err()).contains("no profile named \"nope\"");
    }

    private List<Entry> journal(Map<String, String> env) {
        try (var j = dev.redoubt.journal.SqliteJournal.open(new dev.redoubt.app.AppPaths(Path.of(env.get("REDOUBT_HOME"))).journalFiles(),
                Clock.systemUTC())) {
            return j.read(EntryQuery.all());
        }
    }

    private static String sha256(Path file) throws java.io.IOException, java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(file)));
    }
}
