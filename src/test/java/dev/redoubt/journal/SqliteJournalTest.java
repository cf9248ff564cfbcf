package dev.redoubt.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.settings.SettingsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJournalTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    private JournalFiles files() {
        return Fixture.files(home);
    }

    @Test
    void appendReturnsTheStoredEntryChainedToThePreviousOne() {
        try (SqliteJournal j = SqliteJournal.open(files(), CLOCK)) {
            Entry first = j.append(Fixture.draft(1));
            Entry second = j.append(Fixture.draft(2));
            assertThat(first.seq()).isEqualTo(1);
            assertThat(first.prev()).isEqualTo(Canonical.ZERO_HASH);
            assertThat(second.seq()).isEqualTo(2);
            assertThat(second.prev()).isEqualTo(first.hash());
            assertThat(first.session()).isEqualTo(j.sessionId()).isEqualTo(second.session());
            assertThat(first.time()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
            assertThat(first.target()).isEqualTo("sandbox");
            assertThat(first.detailsTree().path("regions").get(1).asText()).isEqualTo("eu-west-1");
            // the hash is SHA-256 over the canonical JSON without the hash member
            String withoutHash = first.json().replace(",\"hash\":\"" + first.hash() + "\"", "");
            assertThat(Canonical.sha256Hex(Canonical.sha256(), withoutHash)).isEqualTo(first.hash());
            assertThat(j.read(EntryQuery.all())).containsExactly(first, second);
        }
    }

    @Test
    void appendAllWritesABatchInOneTransaction() {
        try (SqliteJournal j = SqliteJournal.open(files(), CLOCK)) {
            List<Entry> batch = j.appendAll(Fixture.drafts(1, 5));
            assertThat(batch).extracting(Entry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
            for (int i = 1; i < batch.size(); i++) {
                assertThat(batch.get(i).prev()).isEqualTo(batch.get(i - 1).hash());
            }
            assertThat(j.appendAll(List.of())).isEmpty();
        }
    }

    @Test
    void aFailingBatchLeavesNothing() {
        try (SqliteJournal j = SqliteJournal.open(files(), CLOCK)) {
            EntryDraft big = EntryDraft.of("offline", Mode.AUDITOR, Target.none(), "scan", null);
            big.detailsObject().put("blob", "x".repeat(SqliteJournal.MAX_DETAILS_CHARS));
            assertThatThrownBy(() -> j.appendAll(List.of(Fixture.draft(1), big))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the most is");
            assertThat(j.read(EntryQuery.all())).isEmpty();
        }
    }

    @Test
    void queriesByTimeActionAndSubject() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T00:00:00Z"));
        try (SqliteJournal j = SqliteJournal.open(files(), clock)) {
            for (int i = 1; i <= 10; i++) {
                clock.set(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * 24 * i));
                EntryDraft d = i % 2 == 0 ? Fixture.draft(i) : EntryDraft.of("offline", Mode.OPERATOR, Target.aws(), "drill-step", "file-" + i);
                j.append(d);
            }
            assertThat(j.read(EntryQuery.between(Instant.parse("2026-11-03T00:00:00Z"), Instant.parse("2026-11-05T00:00:00Z"))))
                    .extracting(Entry::seq).containsExactly(2L, 3L, 4L);
            assertThat(j.read(new EntryQuery(null, null, "drill-step", null, 0))).extracting(Entry::seq).containsExactly(1L, 3L, 5L, 7L, 9L);
            assertThat(j.read(new EntryQuery(null, null, null, "vault-1", 0))).extracting(Entry::seq).containsExactly(10L);
            assertThat(j.read(new EntryQuery(null, null, null, null, 2))).extracting(Entry::seq).containsExactly(1L, 2L);
            assertThat(j.read(EntryQuery.all()).get(0).mode()).isEqualTo(Mode.OPERATOR);
        }
    }

    @Test
    void timeNeverGoesBackwardsEvenWhenTheClockDoes() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
        try (SqliteJournal j = SqliteJournal.open(files(), clock)) {
            j.append(Fixture.draft(1));
            clock.set(Instant.parse("2026-11-28T09:00:00Z"));
            Entry second = j.append(Fixture.draft(2));
            assertThat(second.time()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        }
        assertThat(JournalVerifier.verify(files(), Optional.empty()).ok()).isTrue();
    }

    @Test
    void checkpointsAtSessionStartAndEndAndEveryHundredEntries() throws Exception {
        try (SqliteJournal j = SqliteJournal.open(files(), CLOCK)) {
            for (int i = 1; i <= 250; i++) {
                j.append(Fixture.draft(i));
            }
        }
        List<Checkpoint> cps = new Sidecar(files().sidecar()).read().lines().stream()
                .map(l -> Checkpoint.parse(new ObjectMapper(), l)).toList();
        assertThat(cps).extracting(Checkpoint::seq).containsExactly(0L, 100L, 200L, 250L);
        assertThat(cps).extracting(Checkpoint::reason).containsExactly("session-start", "interval", "interval", "session-end");
        Verification v = JournalVerifier.verify(files(), Optional.empty());
        assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();
        assertThat(v.entries()).isEqualTo(250);
        assertThat(v.checkpoints()).isEqualTo(4);
        assertThat(v.unsigned()).isZero();
    }

    @Test
    void theSchemaIsVersionedAndTheTablesAreAppendOnly() throws SQLException {
        Fixture.fill(files(), CLOCK, 3);
        assertThat(Schema.MIGRATIONS).extracting(Schema.Migration::version)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, Schema.latest()).boxed().toList());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + files().database()); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                assertThat(rs.getInt(1)).isEqualTo(Schema.latest());
            }
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
            for (String sql : new String[] {"UPDATE entries SET actor = 'mallory' WHERE seq = 2", "DELETE FROM entries WHERE seq = 3",
                    "UPDATE checkpoints SET seq = 9", "DELETE FROM checkpoints", "UPDATE meta SET value = 'x'", "DELETE FROM meta"}) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).hasMessageContaining("the journal is append-only");
            }
        }
        // reopening migrates nothing and keeps the chain
        Fixture.fill(files(), CLOCK, 2);
        assertThat(JournalVerifier.verify(files(), Optional.empty()).entries()).isEqualTo(5);
    }

    @Test
    void pinsTheKeyInTheSettingsKeepingOtherSettings() throws Exception {
        Files.createDirectories(home);
        Files.writeString(files().settingsFile(), "{\"thresholds\": {\"minRetentionDays\": 35}, \"journal\": {\"note\": \"kept\"}}");
        try (SqliteJournal j = SqliteJournal.open(files(), CLOCK)) {
            ObjectNode settings = new SettingsFile(files().settingsFile()).read();
            assertThat(settings.at("/thresholds/minRetentionDays").asInt()).isEqualTo(35);
            assertThat(settings.at("/journal/note").asText()).isEqualTo("kept");
            assertThat(settings.at("/journal/keyFingerprint").asText()).isEqualTo(j.keyFingerprint()).startsWith("sha256:").hasSize(71);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files().privateKey()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files().database()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files().sidecar()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files().settingsFile()))).isEqualTo("rw-------");
    }

    @Test
    void refusesToAppendWithAKeyThatIsNotThePinnedOne() throws Exception {
        Fixture.fill(files(), CLOCK, 2);
        String original = Files.readString(files().privateKey());
        Files.delete(files().privateKey());
        assertThatThrownBy(() -> SqliteJournal.open(files(), CLOCK)).isInstanceOf(JournalException.class)
                .hasMessageContaining("signing key is missing");
        Files.writeString(files().privateKey(), otherKeyFile());
        assertThatThrownBy(() -> SqliteJournal.open(files(), CLOCK)).isInstanceOf(JournalException.class)
                .hasMessageContaining("is not the journal's key");
        Files.writeString(files().privateKey(), original);
        new SettingsFile(files().settingsFile()).update(s -> s.withObject("/journal").put("keyFingerprint", "sha256:" + "ab".repeat(32)));
        assertThatThrownBy(() -> SqliteJournal.open(files(), CLOCK)).isInstanceOf(JournalException.class)
                .hasMessageContaining("is not the one pinned in settings.json")
                .satisfies(e -> assertThat(((JournalException) e).integrity()).isTrue());
        new SettingsFile(files().settingsFile()).update(s -> s.remove("journal"));
        assertThatThrownBy(() -> SqliteJournal.open(files(), CLOCK)).hasMessageContaining("no longer pins the journal key");
    }

    @Test
    void refusesToStartANewJournalSilentlyWhenTheOldOneWasDeleted() throws Exception {
        Fixture.fill(files(), CLOCK, 2);
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(files().database() + suffix));
        }
        assertThatThrownBy(() -> SqliteJournal.open(files(), CLOCK)).isInstanceOf(JournalException.class)
                .hasMessageContaining("the journal was deleted or replaced");
        assertThat(JournalVerifier.verify(files(), Optional.empty()).problem().message()).contains("is missing, but settings.json pins a journal key");
    }

    /** A running session's entries after the last checkpoint: the mark moves with every append, so removing them shows. */
    @Test
    void theTailOfARunningSessionIsCoveredByTheHighWaterMark() throws Exception {
        SqliteJournal j = SqliteJournal.open(files(), CLOCK);
        try {
            for (int i = 1; i <= 5; i++) {
                j.append(Fixture.draft(i));
            }
            Verification whole = JournalVerifier.verify(files(), Optional.empty());
            assertThat(whole.ok()).isTrue();
            assertThat(whole.unsigned()).as("sealed by the mark").isZero();
            Fixture.exec(files(), "DELETE FROM entries WHERE seq > 3");
            Verification v = JournalVerifier.verify(files(), Optional.empty());
            assertThat(v.problem().kind()).isEqualTo(Problem.Kind.TRUNCATED);
            assertThat(v.problem().message()).contains("truncated: the journal ends at entry 3, but entry 5");
            assertThatThrownBy(() -> j.append(Fixture.draft(6))).isInstanceOf(JournalException.class)
                    .hasMessageContaining("truncated: the journal ends at entry 4, but entry 5")
                    .matches(e -> ((JournalException) e).integrity());
        } finally {
            j.connection().close(); // as a crash would: no session-end checkpoint
        }
    }

    @Test
    void refusesToOpenAJournalCutShortOrWithoutItsHighWaterMark() throws Exception {
        Fixture.fill(files(), CLOCK, 5);
        Path mark = files().highWaterMark();
        byte[] kept = Files.readAllBytes(mark);
        Files.delete(mark);
        assertThatThrownBy(() -> SqliteJournal.open(files(), CLOCK)).isInstanceOf(JournalException.class)
                .hasMessageContaining("the journal's high-water mark is missing").matches(e -> ((JournalException) e).integrity());
        Files.write(mark, kept);
        Fixture.exec(files(), "DELETE FROM entries WHERE seq > 2", "DELETE FROM checkpoints WHERE seq > 2");
        assertThatThrownBy(() -> SqliteJournal.open(files(), CLOCK)).isInstanceOf(JournalException.class)
                .hasMessageContaining("truncated: the journal ends at entry 2, but entry 5");
        assertThat(Files.readAllBytes(mark)).as("the evidence is kept").isEqualTo(kept);
    }

    /** Readers read a closed journal's file as it is (no -wal, no -shm); one that changes under them is read again, sharing the WAL. */
    @Test
    void readersWriteNothingAndReadAgainWhatChangedUnderThem() throws Exception {
        Fixture.fill(files(), CLOCK, 2);
        Path wal = Path.of(files().database() + "-wal");
        Path shm = Path.of(files().database() + "-shm");
        assertThat(wal).doesNotExist();
        int[] reads = {0};
        long entries = Sqlite.read(files(), true, connections -> {
            reads[0]++;
            try (Connection c = connections.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM entries")) {
                long n = rs.getLong(1);
                if (reads[0] == 1) {
                    assertThat(wal).as("read as it is").doesNotExist();
                    assertThat(shm).doesNotExist();
                    Fixture.fill(files(), CLOCK, 1); // another writer, while this one reads
                }
                return n;
            }
        });
        assertThat(reads[0]).isEqualTo(2);
        assertThat(entries).isEqualTo(3);
        assertThat(JournalVerifier.verify(files(), Optional.empty()).entries()).isEqualTo(3);
    }

    /** The documented limit (docs/journal.md): a mark is validly signed forever, so an old copy put back after a cut to it passes. */
    @Test
    void anOlderCopyOfTheMarkPutBackAfterACutToItIsNotDetectedLocally() throws Exception {
        Fixture.fill(files(), CLOCK, 5);
        byte[] older = Files.readAllBytes(files().highWaterMark());
        Fixture.fill(files(), CLOCK, 3);
        Fixture.exec(files(), "DELETE FROM entries WHERE seq > 5", "DELETE FROM checkpoints WHERE seq > 5");
        ObjectMapper mapper = new ObjectMapper();
        Files.write(files().sidecar(), new Sidecar(files().sidecar()).read().lines().stream()
                .filter(l -> Checkpoint.parse(mapper, l).seq() <= 5).toList());
        assertThat(JournalVerifier.verify(files(), Optional.empty()).problem().kind()).isEqualTo(Problem.Kind.TRUNCATED);
        Files.write(files().highWaterMark(), older);
        assertThat(JournalVerifier.verify(files(), Optional.empty()).ok()).as("only an outside anchor shows this").isTrue();
    }

    @Test
    void refusesToStartOverAJournalDeletedWithItsSidecarAndMark() throws Exception {
        Fixture.fill(files(), CLOCK, 2);
        for (Path p : new Path[] {files().database(), files().sidecar(), files().highWaterMark()}) {
            Files.delete(p);
        }
        assertThatThrownBy(() -> SqliteJournal.open(files(), CLOCK)).isInstanceOf(JournalException.class)
                .hasMessageContaining("pins journal key").hasMessageContaining("is missing: the journal was deleted or moved");
        assertThat(files().database()).doesNotExist();
        assertThat(JournalVerifier.verify(files(), Optional.empty()).problem().message()).contains("the journal was deleted or moved");
    }

    @Test
    void twoJournalsInOneProcessShareTheChain() {
        try (SqliteJournal a = SqliteJournal.open(files(), CLOCK); SqliteJournal b = SqliteJournal.open(files(), CLOCK)) {
            for (int i = 0; i < 10; i++) {
                (i % 2 == 0 ? a : b).append(Fixture.draft(i));
            }
            assertThat(a.sessionId()).isNotEqualTo(b.sessionId());
        }
        Verification v = JournalVerifier.verify(files(), Optional.empty());
        assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();
        assertThat(v.entries()).isEqualTo(10);
    }

    private static String otherKeyFile() {
        var kp = JournalKeys.generate();
        return JournalKeys.pem("PRIVATE KEY", kp.getPrivate().getEncoded()) + JournalKeys.pem("PUBLIC KEY", kp.getPublic().getEncoded());
    }

    /** A clock a test can move, backwards too. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant t) {
            now.set(t);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
