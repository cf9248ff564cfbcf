package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redoubt.app.AppPaths;
import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.SqliteJournal;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxCredential;
import dev.redoubt.sandbox.SandboxOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the journal must record (docs/journal.md): every sign-in the command line makes, whatever the
 * profile's kind and whether it succeeded, and no audit report that could not be journaled.
 */
class JournalRecordsTest {
    @TempDir
    Path dir;
    private Sandbox sandbox;
    private final Estate demo = NorthwindDemo.build();

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.start(SandboxOptions.forTests(demo, Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Account account(String name) {
        return demo.accounts().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    /** An AWS config with the given profiles' lines; the environment points Redoubt at it and at a home of its own. */
    private Map<String, String> env(String config) throws IOException {
        Path home = dir.resolve("user");
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), config);
        return Map.of("HOME", home.toString(), "REDOUBT_HOME", dir.resolve("redoubt").toString());
    }

    private String keys(String profile, SandboxCredential c, String secret, String endpoint) {
        return "[" + (profile.equals("default") ? "default" : "profile " + profile) + "]\nregion = eu-west-1\naws_access_key_id = "
                + c.accessKeyId() + "\naws_secret_access_key = " + secret + "\nendpoint_url = " + endpoint + "\n";
    }

    private List<Entry> journal(Map<String, String> env) {
        try (SqliteJournal j = SqliteJournal.open(new AppPaths(Path.of(env.get("REDOUBT_HOME"))).journalFiles(), Clock.systemUTC())) {
            return j.read(EntryQuery.all());
        }
    }

    private List<Entry> signIns(Map<String, String> env) {
        return journal(env).stream().filter(e -> e.action().equals("sign-in")).toList();
    }

    @Test
    void aScanWithStaticKeysJournalsItsSignInBeforeTheScan() throws IOException {
        Account backup = account("northwind-backup");
        SandboxCredential c = sandbox.credential(backup.id(), "AuditReadOnly");
        Map<String, String> env = env(keys("default", c, c.secretAccessKey(), sandbox.endpoint().toString()));

        CliRun r = CliRun.withEnv(env, "scan", "--regions", "eu-west-1", "--out", dir.resolve("capture.json").toString());

        assertThat(r.exitCode()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.PARTIAL);
        List<Entry> entries = journal(env);
        assertThat(entries).extracting(Entry::action).as("the sign-in, then the scan").containsSubsequence("sign-in", "scan");
        assertThat(signIns(env)).singleElement().satisfies(e -> {
            assertThat(e.actor()).as("the caller's ARN from STS").startsWith("arn:aws:sts::" + backup.id() + ":assumed-role/AuditReadOnly");
            assertThat(e.subject()).isEqualTo(e.actor());
            assertThat(e.target()).isEqualTo("sandbox");
            assertThat(e.mode().wire()).isEqualTo("auditor");
            JsonNode d = e.detailsTree();
            assertThat(d.path("method").asText()).isEqualTo("profile");
            assertThat(d.path("profile").asText()).isEqualTo("default");
            assertThat(d.path("account").asText()).isEqualTo(backup.id());
            assertThat(d.path("region").asText()).isEqualTo("eu-west-1");
            assertThat(d.path("outcome").asText()).isEqualTo("ok");
        });
    }

    @Test
    void aLiveAuditWithAnAssumedRoleProfileJournalsItsSignIn() throws IOException {
        String management = demo.organization().masterAccountId();
        Account backup = account("northwind-backup");
        SandboxCredential c = sandbox.credential(management, "AuditReadOnly");
        Map<String, String> env = env(keys("keys", c, c.secretAccessKey(), sandbox.endpoint().toString())
                + "[profile assumed]\nrole_arn = arn:aws:iam::" + backup.id() + ":role/AuditReadOnly\nsource_profile = keys\n"
                + "region = eu-west-1\nendpoint_url = " + sandbox.endpoint() + "\n");
        Path report = dir.resolve("report.json");

        CliRun r = CliRun.withEnv(env, "audit", "--profile", "assumed", "--regions", "eu-west-1", "--out", report.toString());

        assertThat(r.exitCode()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.PARTIAL);
        assertThat(journal(env)).extracting(Entry::action).containsSubsequence("sign-in", "scan", "audit");
        assertThat(signIns(env)).singleElement().satisfies(e -> {
            assertThat(e.actor()).startsWith("arn:aws:sts::" + backup.id() + ":assumed-role/AuditReadOnly/");
            JsonNode d = e.detailsTree();
            assertThat(d.path("method").asText()).isEqualTo("profile");
            assertThat(d.path("profile").asText()).isEqualTo("assumed");
            assertThat(d.path("account").asText()).isEqualTo(backup.id());
            assertThat(d.path("outcome").asText()).isEqualTo("ok");
        });
    }

    @Test
    void refusedAndUnreachableSignInsAreJournaledAsFailedWithoutTheSecret() throws IOException {
        SandboxCredential c = sandbox.credential(account("northwind-backup").id(), "AuditReadOnly");
        String wrongSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGSECRET";
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Map<String, String> env = env(keys("refused", c, wrongSecret, sandbox.endpoint().toString())
                + keys("gone", c, c.secretAccessKey(), "http://127.0.0.1:" + closedPort));

        CliRun refused = CliRun.withEnv(env, "scan", "--profile", "refused", "--regions", "eu-west-1", "--out", dir.resolve("a.json").toString());
        CliRun whoami = CliRun.withEnv(env, "whoami", "--profile", "refused");
        CliRun gone = CliRun.withEnv(env, "audit", "--profile", "gone", "--regions", "eu-west-1", "--out", dir.resolve("r.json").toString());

        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCodes.AUTH);
        assertThat(whoami.exitCode()).as(whoami.err()).isEqualTo(ExitCodes.AUTH);
        assertThat(gone.exitCode()).as(gone.err()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(dir.resolve("a.json")).doesNotExist();
        assertThat(dir.resolve("r.json")).doesNotExist();
        List<Entry> signIns = signIns(env);
        assertThat(signIns).hasSize(3).allSatisfy(e -> {
            assertThat(e.detailsTree().path("outcome").asText()).isEqualTo("failed");
            assertThat(e.detailsTree().path("method").asText()).isEqualTo("profile");
            assertThat(e.detailsTree().path("error").asText()).isNotBlank().doesNotContain("\n");
            assertThat(e.target()).isEqualTo("sandbox");
        });
        assertThat(signIns).extracting(e -> e.detailsTree().path("profile").asText()).containsExactly("refused", "refused", "gone");
        assertThat(signIns).extracting(Entry::subject).containsExactly("refused", "refused", "gone");
        assertThat(signIns.get(2).detailsTree().path("error").asText()).contains("127.0.0.1:" + closedPort);
        assertThat(journal(env)).extracting(Entry::action).as("nothing but the sign-ins").containsOnly("sign-in");
        assertThat(Files.readString(dir.resolve("redoubt/journal.db"), StandardCharsets.ISO_8859_1)).doesNotContain(wrongSecret)
                .doesNotContain(c.secretAccessKey());
        assertThat(CliRun.withEnv(env, "journal", "verify").exitCode()).isZero();
    }

    @Test
    void anAuditWhoseJournalCannotBeOpenedWritesNoReport() throws IOException {
        Path unopenable = dir.resolve("unopenable");
        Files.createDirectories(unopenable.resolve("journal.db")); // a folder where the database should be
        Path damaged = dir.resolve("damaged");
        Files.createDirectories(damaged);
        Files.writeString(damaged.resolve("journal.db"), "not a database, and long enough to be read as one............"
                + "..................................................................................................");
        Path report = dir.resolve("report.html");

        CliRun toFile = CliRun.run(unopenable, "audit", "--demo", "--format", "html", "--out", report.toString());
        assertThat(toFile.exitCode()).as(toFile.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(report).as("no report that could not be journaled").doesNotExist();
        assertThat(toFile.err()).contains("journal.db: cannot be", "no report was written").doesNotContain("Wrote ");
        assertThat(toFile.err().lines().count()).as(toFile.err()).isEqualTo(1);
        assertThat(toFile.noStackTrace()).isTrue();

        Files.writeString(report, "the report of an earlier audit");
        CliRun overExisting = CliRun.run(unopenable, "audit", "--demo", "--format", "html", "--out", report.toString());
        assertThat(overExisting.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(report).as("an earlier report stays as it was").hasContent("the report of an earlier audit");

        CliRun toStdout = CliRun.run(damaged, "audit", "--demo", "--format", "json");
        assertThat(toStdout.exitCode()).as(toStdout.err()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(toStdout.out()).as("nothing on standard output").isEmpty();
        assertThat(toStdout.err()).contains("journal.db: cannot be", "no report was written");
    }
}
