package dev.redoubt.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of tampering, done outside the API as an attacker would, makes verification fail and name the place. */
class TamperingTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final int ENTRIES = 230;

    @TempDir
    static Path template;
    @TempDir
    Path home;
    JournalFiles files;

    @BeforeAll
    static void fillOnce() {
        Fixture.fill(Fixture.files(template), CLOCK, ENTRIES);
    }

    /** Each test tampers with its own copy of one journal (filling it with durable appends each time would be slow). */
    @BeforeEach
    void copy() throws IOException {
        try (Stream<Path> all = Files.walk(template)) {
            for (Path p : all.toList()) {
                Path to = home.resolve(template.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        files = Fixture.files(home);
        assertThat(verify().ok()).as("untouched").isTrue();
    }

    /** Verifies in one walk and in parallel segments (as a large journal is), which must agree. */
    private Verification verify() {
        Verification one = JournalVerifier.verify(files, Optional.empty(), Long.MAX_VALUE);
        Verification segmented = JournalVerifier.verify(files, Optional.empty(), 1);
        assertThat(segmented).as("segmented walk").isEqualTo(one);
        return one;
    }

    private void assertProblem(Problem.Kind kind, long seq, String message) {
        Verification v = verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.problem().kind()).as(v.problem().message()).isEqualTo(kind);
        assertThat(v.problem().seq()).as(v.problem().message()).isEqualTo(seq);
        assertThat(v.problem().message()).contains(message);
    }

    @Test
    void anEditedRowIsAltered() throws SQLException {
        Fixture.exec(files, "UPDATE entries SET subject = 'arn:aws:backup:us-east-2:111122223333:backup-vault:innocent' WHERE seq = 57");
        assertProblem(Problem.Kind.ALTERED, 57, "entry 57 was altered");
    }

    @Test
    void anEditedRowWithItsHashRecomputedBreaksTheChain() throws SQLException {
        rewrite(57, 57, r -> r.details = "{\"n\":0}");
        assertProblem(Problem.Kind.BROKEN_CHAIN, 58, "the chain is broken at entry 58");
    }

    @Test
    void aRewrittenChainContradictsTheSignedCheckpoint() throws SQLException {
        rewrite(57, ENTRIES, r -> {
            if (r.seq == 57) {
                r.actor = "arn:aws:sts::111122223333:assumed-role/Auditor/mallory";
            }
        });
        assertProblem(Problem.Kind.BAD_SIGNATURE, 100, "the checkpoint at entry 100 signed another hash");
    }

    @Test
    void aDeletedMiddleRowIsMissing() throws SQLException {
        Fixture.exec(files, "DELETE FROM entries WHERE seq = 120");
        assertProblem(Problem.Kind.MISSING, 120, "entry 120 is missing");
    }

    @Test
    void aDeletedRowWithTheRestRenumberedIsOutOfOrder() throws SQLException {
        Fixture.exec(files, "DELETE FROM entries WHERE seq = 120", "UPDATE entries SET seq = seq - 1 WHERE seq > 120");
        assertProblem(Problem.Kind.OUT_OF_ORDER, 120, "entry 120 is entry 121 moved here");
    }

    @Test
    void aTruncatedTailIsShorterThanItsLastCheckpoint() throws SQLException {
        Fixture.exec(files, "DELETE FROM entries WHERE seq > 225", "DELETE FROM checkpoints WHERE seq > 225");
        assertProblem(Problem.Kind.TRUNCATED, 226, "the journal ends at entry 225 but a checkpoint");
    }

    @Test
    void aTruncatedTailWithTheSidecarCutToMatchIsCaughtByTheDatabaseCheckpoints() throws Exception {
        Fixture.exec(files, "DELETE FROM entries WHERE seq > 225");
        List<String> lines = new Sidecar(files.sidecar()).read().lines();
        Files.write(files.sidecar(), lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);
        assertProblem(Problem.Kind.TRUNCATED, 230, "the sidecar lacks the checkpoint at entry 230");
    }

    /** The case: no key needed, the newest entries deleted with their checkpoint rows and sidecar lines, back to the checkpoint at 200. */
    @Test
    void aTailCutBackToAnEarlierCheckpointWithItsRowsAndSidecarLinesIsTruncated() throws Exception {
        String last = hashOf(ENTRIES);
        cutBackTo(200);
        assertProblem(Problem.Kind.TRUNCATED, 201, "truncated: the journal ends at entry 200, but entry 230 (hash " + last + ") was recorded");
    }

    @Test
    void aDeletedHighWaterMarkIsAMissingSignature() throws Exception {
        Files.delete(files.highWaterMark());
        assertProblem(Problem.Kind.MISSING_SIGNATURE, 0, "the high-water mark " + files.highWaterMark() + " is missing");
    }

    /** Without the key the mark cannot be moved back: a lowered one does not verify; a sidecar line in its place is not a mark. */
    @Test
    void aLoweredOrSubstitutedHighWaterMarkIsCaught() throws Exception {
        cutBackTo(200);
        String mark = Files.readString(files.highWaterMark());
        List<String> sidecar = new Sidecar(files.sidecar()).read().lines();
        Files.writeString(files.highWaterMark(), mark.replace("\"seq\":230", "\"seq\":200"));
        assertProblem(Problem.Kind.BAD_SIGNATURE, 200, "has a bad signature: it was forged or altered");
        Files.writeString(files.highWaterMark(), sidecar.get(sidecar.size() - 1) + "\n"); // signed, but a checkpoint
        assertProblem(Problem.Kind.MALFORMED, 0, "is not a high-water mark (its reason is \"interval\", not \"high-water-mark\")");
    }

    /** Entries after the last checkpoint rewritten with their hashes recomputed (and the checkpoint at 230 removed): the mark signed 230's hash. */
    @Test
    void aRewrittenTailAfterTheLastCheckpointContradictsTheHighWaterMark() throws Exception {
        cutBackTo(ENTRIES); // nothing cut: just the same helper
        Fixture.exec(files, "DELETE FROM checkpoints WHERE seq = " + ENTRIES);
        ObjectMapper mapper = new ObjectMapper();
        Files.write(files.sidecar(), new Sidecar(files.sidecar()).read().lines().stream().filter(l -> Checkpoint.parse(mapper, l).seq() < ENTRIES)
                .toList(), StandardCharsets.UTF_8);
        rewrite(225, ENTRIES, r -> r.details = "{\"n\":" + r.seq + "}");
        assertProblem(Problem.Kind.BAD_SIGNATURE, ENTRIES, "the high-water mark signed another hash for entry 230");
    }

    @Test
    void aDeletedSidecarIsAMissingSignature() throws Exception {
        Files.delete(files.sidecar());
        assertProblem(Problem.Kind.MISSING_SIGNATURE, 0, "the checkpoint sidecar " + files.sidecar() + " is missing");
    }

    @Test
    void swappedRowsAreOutOfOrder() throws SQLException {
        try (Connection c = Fixture.tamper(files); Statement s = c.createStatement()) {
            s.execute("UPDATE entries SET seq = -1 WHERE seq = 33");
            s.execute("UPDATE entries SET seq = 33 WHERE seq = 77");
            s.execute("UPDATE entries SET seq = 77 WHERE seq = -1");
        }
        assertProblem(Problem.Kind.OUT_OF_ORDER, 33, "entry 33 is entry 77 moved here");
    }

    @Test
    void anEntryDatedBeforeTheOneBeforeItIsOutOfOrder() throws SQLException {
        rewrite(150, ENTRIES, r -> {
            if (r.seq == 150) {
                r.time = "2020-01-01T00:00:00.000Z";
            }
        });
        assertProblem(Problem.Kind.OUT_OF_ORDER, 150, "entry 150 is dated 2020-01-01T00:00:00.000Z, before entry 149");
    }

    @Test
    void aReplacedKeyIsNotThePinnedOne() throws Exception {
        // The full job: a new key, every checkpoint re-signed with it in the database and the sidecar, the high-water mark too,
        // the key files replaced.
        KeyPair fresh = JournalKeys.generate();
        String fp = JournalKeys.fingerprint(fresh.getPublic());
        List<Checkpoint> resigned = new ArrayList<>();
        for (String line : new Sidecar(files.sidecar()).read().lines()) {
            Checkpoint cp = Checkpoint.parse(new ObjectMapper(), line);
            Checkpoint unsigned = new Checkpoint(cp.seq(), cp.head(), cp.time(), cp.session(), cp.reason(), fp, "");
            resigned.add(new Checkpoint(cp.seq(), cp.head(), cp.time(), cp.session(), cp.reason(), fp,
                    JournalKeys.signText(fresh.getPrivate(), unsigned.signedText())));
        }
        StringBuilder sidecar = new StringBuilder();
        try (Connection c = Fixture.tamper(files); Statement s = c.createStatement()) {
            s.execute("DELETE FROM checkpoints");
            s.execute("UPDATE meta SET value = '" + Base64.getEncoder().encodeToString(fresh.getPublic().getEncoded()) + "' WHERE name = 'public_key'");
            s.execute("UPDATE meta SET value = '" + fp + "' WHERE name = 'key_fingerprint'");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO checkpoints (seq, head, time, session, reason, key, signature) VALUES (?,?,?,?,?,?,?)")) {
                for (Checkpoint cp : resigned) {
                    ps.setLong(1, cp.seq());
                    ps.setString(2, cp.head());
                    ps.setString(3, cp.time());
                    ps.setString(4, cp.session());
                    ps.setString(5, cp.reason());
                    ps.setString(6, cp.key());
                    ps.setString(7, cp.signature());
                    ps.executeUpdate();
                    sidecar.append(cp.json()).append('\n');
                }
            }
        }
        Files.writeString(files.sidecar(), sidecar);
        Checkpoint mark = new HighWaterMark(files.highWaterMark()).read().mark();
        Checkpoint unsignedMark = new Checkpoint(mark.seq(), mark.head(), mark.time(), mark.session(), mark.reason(), fp, "");
        new HighWaterMark(files.highWaterMark()).write(new Checkpoint(mark.seq(), mark.head(), mark.time(), mark.session(), mark.reason(), fp,
                JournalKeys.signText(fresh.getPrivate(), unsignedMark.signedText())));
        Files.writeString(files.privateKey(), JournalKeys.pem("PRIVATE KEY", fresh.getPrivate().getEncoded())
                + JournalKeys.pem("PUBLIC KEY", fresh.getPublic().getEncoded()));
        assertProblem(Problem.Kind.KEY_NOT_PINNED, 0, "is not the pinned one");
        // with the fingerprint given explicitly (as a third party would) the replacement verifies: the pin is what catches it
        assertThat(JournalVerifier.verify(files, Optional.of(fp)).ok()).isTrue();
    }

    @Test
    void aForgedOrStrippedCheckpointSignatureIsCaught() throws Exception {
        List<String> lines = new Sidecar(files.sidecar()).read().lines();
        String forged = lines.get(1).replaceFirst("\"signature\":\"[A-Za-z0-9+/]", "\"signature\":\"A");
        if (forged.equals(lines.get(1))) {
            forged = lines.get(1).replaceFirst("\"signature\":\"[A-Za-z0-9+/]", "\"signature\":\"B");
        }
        List<String> changed = new ArrayList<>(lines);
        changed.set(1, forged);
        Files.write(files.sidecar(), changed, StandardCharsets.UTF_8);
        assertProblem(Problem.Kind.BAD_SIGNATURE, 100, "the checkpoint at entry 100");
        changed.set(1, lines.get(1).replaceFirst("\"signature\":\"[^\"]*\"", "\"signature\":\"\""));
        Files.write(files.sidecar(), changed, StandardCharsets.UTF_8);
        assertProblem(Problem.Kind.MISSING_SIGNATURE, 100, "has no signature");
    }

    @Test
    void aCutSidecarIsCaughtByTheDatabaseCheckpoints() throws Exception {
        List<String> lines = new Sidecar(files.sidecar()).read().lines();
        Files.write(files.sidecar(), lines.subList(0, 2), StandardCharsets.UTF_8);
        assertProblem(Problem.Kind.TRUNCATED, 200, "the sidecar lacks the checkpoint at entry 200");
    }

    @Test
    void aTornLastSidecarLineIsIgnoredAndRepairedByTheNextAppend() throws Exception {
        Files.writeString(files.sidecar(), "{\"head\":\"" + "0".repeat(1000), StandardOpenOption.APPEND); // longer than a line
        assertThat(new Sidecar(files.sidecar()).read().torn()).isTrue();
        assertThat(verify().ok()).isTrue();
        Fixture.fill(files, CLOCK, 1);
        assertThat(verify().ok()).isTrue();
        assertThat(new Sidecar(files.sidecar()).read().torn()).isFalse();
        assertThat(Files.readString(files.sidecar())).doesNotContain("0".repeat(100));
    }

    /** Deletes the entries after {@code seq}, the checkpoint rows after it and the sidecar lines after it. */
    private void cutBackTo(long seq) throws Exception {
        Fixture.exec(files, "DELETE FROM entries WHERE seq > " + seq, "DELETE FROM checkpoints WHERE seq > " + seq);
        ObjectMapper mapper = new ObjectMapper();
        List<String> kept = new Sidecar(files.sidecar()).read().lines().stream().filter(l -> Checkpoint.parse(mapper, l).seq() <= seq).toList();
        Files.write(files.sidecar(), kept, StandardCharsets.UTF_8);
    }

    private String hashOf(long seq) throws SQLException {
        try (Connection c = Fixture.tamper(files); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT hash FROM entries WHERE seq = " + seq)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** An entry's columns, to change and re-hash as someone who knows the format (but not the key) could. */
    static final class Row {
        long seq;
        String time;
        String actor;
        String session;
        String mode;
        String target;
        String action;
        String subject;
        String details;
    }

    /** Rewrites entries {@code from}..{@code to}: applies {@code change}, then recomputes every hash and link from {@code from} on. */
    private void rewrite(long from, long to, java.util.function.Consumer<Row> change) throws SQLException {
        try (Connection c = Fixture.tamper(files)) {
            String prev;
            try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM entries WHERE seq = ?")) {
                ps.setLong(1, from - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    prev = rs.next() ? rs.getString(1) : Canonical.ZERO_HASH;
                }
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, time, actor, session, mode, target, action, subject, details FROM entries"
                    + " WHERE seq BETWEEN ? AND ? ORDER BY seq")) {
                ps.setLong(1, from);
                ps.setLong(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Row r = new Row();
                        r.seq = rs.getLong(1);
                        r.time = rs.getString(2);
                        r.actor = rs.getString(3);
                        r.session = rs.getString(4);
                        r.mode = rs.getString(5);
                        r.target = rs.getString(6);
                        r.action = rs.getString(7);
                        r.subject = rs.getString(8);
                        r.details = rs.getString(9);
                        rows.add(r);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE entries SET time = ?, actor = ?, details = ?, prev = ?, hash = ? WHERE seq = ?")) {
                for (Row r : rows) {
                    change.accept(r);
                    String hash = Canonical.sha256Hex(Canonical.sha256(), Canonical.entry(new StringBuilder(), r.seq, r.time, r.actor, r.session,
                            r.mode, r.target, r.action, r.subject, r.details, prev, null));
                    ps.setString(1, r.time);
                    ps.setString(2, r.actor);
                    ps.setString(3, r.details);
                    ps.setString(4, prev);
                    ps.setString(5, hash);
                    ps.setLong(6, r.seq);
                    ps.executeUpdate();
                    prev = hash;
                }
            }
        }
    }
}
