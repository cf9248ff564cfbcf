package dev.redoubt.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.JournalFiles;
import dev.redoubt.journal.Mode;
import dev.redoubt.journal.SqliteJournal;
import dev.redoubt.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.backup.model.RestoreJobStatus;

/**
 * A second person (the sign-off's signer) signs in in the same window while the operator stays signed
 * in: two identities at once, the operator's cached SSO token untouched, and, in the demo, a clock that
 * can be moved ahead during a rehearsal.
 */
class SecondPersonSignInTest {
    @TempDir
    Path dir;
    private SqliteJournal journalDb;
    private ActivityJournal journal;
    private DemoService demo;
    private final List<DeviceCode> prompts = new ArrayList<>();

    @BeforeEach
    void open() {
        journalDb = SqliteJournal.open(new JournalFiles(dir.resolve("journal.db"), dir.resolve("keys"), dir.resolve("settings.json"),
                dir.resolve("native")), Clock.systemUTC());
        journal = new ActivityJournal(() -> journalDb);
        demo = new DemoService(dir.resolve("demo"), Clock.systemUTC(), journal);
    }

    @AfterEach
    void close() {
        demo.close();
        journalDb.close();
    }

    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }

    private static List<Path> secondSignInFolders() throws IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.filter(p -> p.getFileName().toString().startsWith("redoubt-second-sign-in-")).toList();
        }
    }

    @Test
    void bobSignsInBesideAliceWithoutTouchingHerSignInAndIsJournaled() throws Exception {
        List<Path> before = secondSignInFolders();
        try (Connection alice = demo.connect(Mode.OPERATOR, prompts::add, Cancellation.none())) {
            Map<String, String> aliceCache = files(dir.resolve("demo/sso-cache"));
            assertThat(aliceCache).isNotEmpty();
            assertThat(alice.identity().arn()).endsWith("/alice");

            Connection bob = demo.connectAnotherPerson("bob", prompts::add, Cancellation.none());
            try {
                assertThat(bob.identity().arn()).startsWith("arn:aws:sts::").contains(":assumed-role/AuditReadOnly/").endsWith("/bob");
                assertThat(bob.identity().arn()).isNotEqualTo(alice.identity().arn());
                assertThat(bob.mode()).isEqualTo(Mode.AUDITOR);
                assertThat(bob.demo()).isTrue();
                assertThat(prompts).hasSize(2);
                // both live at once: each still answers as itself
                assertThat(alice.session().callerIdentity().arn()).endsWith("/alice");
                assertThat(bob.session().callerIdentity().arn()).endsWith("/bob");
                assertThat(files(dir.resolve("demo/sso-cache"))).isEqualTo(aliceCache);
                assertThat(secondSignInFolders()).hasSize(before.size() + 1);
            } finally {
                bob.close();
            }
            assertThat(secondSignInFolders()).containsExactlyInAnyOrderElementsOf(before);
            // the operator's connection works after the signer has gone
            assertThat(alice.session().callerIdentity().arn()).endsWith("/alice");
            assertThat(alice.mode()).isEqualTo(Mode.OPERATOR);
            assertThat(files(dir.resolve("demo/sso-cache"))).isEqualTo(aliceCache);

            List<Entry> signIns = journalDb.read(new EntryQuery(null, null, ActivityJournal.SIGN_IN, null, 0));
            assertThat(signIns).extracting(Entry::actor).anySatisfy(a -> assertThat(a).endsWith("/alice"))
                    .anySatisfy(a -> assertThat(a).endsWith("/bob"));
            assertThat(signIns).filteredOn(e -> e.actor().endsWith("/bob"))
                    .allSatisfy(e -> assertThat(e.detailsTree().path("outcome").asText()).isEqualTo("ok"));
        }
    }

    @Test
    void aSecondPersonSignsInWithAnSsoProfileIntoATokenCacheOfTheirOwn() throws Exception {
        try (Sandbox sandbox = Sandbox.start(dev.redoubt.sandbox.SandboxOptions.forTests(dev.redoubt.estate.demo.NorthwindDemo.build(),
                Clock.systemUTC()))) {
            Path home = dir.resolve("home");
            Files.createDirectories(home.resolve(".aws"));
            Files.writeString(home.resolve(".aws/config"), sandbox.awsConfig());
            SignInService signIn = new SignInService(Map.of(), home, Clock.systemUTC(), journal);
            String profile = "sso-" + Sandbox.profileName(sandbox.credential(sandbox.defaultCredential().accountId(), "AuditReadOnly"));
            signIn.signInWithSso(profile, code -> sandbox.approveDevice(code.userCode(), "alice"), Cancellation.none());
            Map<String, String> operatorCache = files(home.resolve(".aws/sso/cache"));
            try (Connection operator = signIn.signIn(profile, Mode.OPERATOR)) {
                assertThat(operator.identity().arn()).endsWith("/alice");
                try (Connection signer = signIn.signInAnotherPerson(profile, code -> sandbox.approveDevice(code.userCode(), "bob"),
                        Cancellation.none())) {
                    assertThat(signer.identity().arn()).endsWith("/bob");
                    assertThat(signer.mode()).isEqualTo(Mode.AUDITOR);
                    assertThat(operator.session().callerIdentity().arn()).endsWith("/alice");
                    assertThat(signer.session().callerIdentity().arn()).endsWith("/bob");
                }
                assertThat(files(home.resolve(".aws/sso/cache"))).isEqualTo(operatorCache);
                assertThat(signIn.profile(profile).needsSignIn()).isFalse();
                assertThat(operator.session().callerIdentity().arn()).endsWith("/alice");
            }
            List<Entry> signIns = journalDb.read(new EntryQuery(null, null, ActivityJournal.SIGN_IN, null, 0));
            assertThat(signIns).filteredOn(e -> e.actor().endsWith("/bob")).extracting(e -> e.detailsTree().path("method").asText())
                    .containsExactly("sso", "profile");
        }
    }

    @Test
    void aPersonTheDemoDoesNotHaveIsToldWhoItHas() {
        assertThatThrownBy(() -> demo.connectAnotherPerson("mallory", prompts::add, Cancellation.none()))
                .isInstanceOfSatisfying(ServiceFailure.class, f -> assertThat(f.kind()).isEqualTo(ServiceFailure.Kind.BAD_INPUT))
                .hasMessageContaining("mallory").hasMessageContaining("alice, bob");
    }

    @Test
    void skippingAheadMovesARehearsalRestoreAlongAndIsRefusedOutsideTheDemo() {
        assertThatThrownBy(() -> demo.advanceClock(Duration.ofMinutes(5)))
                .isInstanceOfSatisfying(ServiceFailure.class, f -> assertThat(f.kind()).isEqualTo(ServiceFailure.Kind.BAD_INPUT))
                .hasMessageContaining("only the demo");
        try (Connection alice = demo.connect(Mode.OPERATOR, prompts::add, Cancellation.none())) {
            Sandbox s = demo.sandbox();
            var before = s.clock().instant();
            demo.advanceClock(alice, Duration.ofMinutes(30));
            assertThat(Duration.between(before, s.clock().instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(30));
            assertThatThrownBy(() -> demo.advanceClock(Duration.ZERO)).isInstanceOf(ServiceFailure.class);
            assertThatThrownBy(() -> demo.advanceClock(Duration.ofMinutes(-1))).isInstanceOf(ServiceFailure.class);
            assertThatThrownBy(() -> demo.advanceClock(Duration.ofDays(2))).isInstanceOf(ServiceFailure.class);
            // a rehearsal restore started through the operator's clients completes once the clock has moved on
            var backup = alice.session().clients().backup(alice.region());
            var point = backup.listBackupVaults(r -> { }).backupVaultList().stream()
                    .flatMap(v -> backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(v.backupVaultName())).recoveryPoints().stream())
                    .filter(p -> "COMPLETED".equals(p.statusAsString()) && "EBS".equals(p.resourceType())).findFirst().orElseThrow();
            String job = backup.startRestoreJob(r -> r.recoveryPointArn(point.recoveryPointArn()).iamRoleArn(point.iamRoleArn())
                    .metadata(Map.of("availabilityZone", alice.region() + "a"))).restoreJobId();
            assertThat(backup.describeRestoreJob(r -> r.restoreJobId(job)).status()).isEqualTo(RestoreJobStatus.PENDING);
            demo.advanceClock(Duration.ofHours(2));
            assertThat(backup.describeRestoreJob(r -> r.restoreJobId(job)).status()).isEqualTo(RestoreJobStatus.COMPLETED);
        }
        try (Connection none = null) {
            assertThatThrownBy(() -> demo.advanceClock(none, Duration.ofMinutes(1))).isInstanceOf(ServiceFailure.class)
                    .hasMessageContaining("only the demo");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
