package dev.redoubt.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redoubt.settings.SettingsFile;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Verifies a journal database with its sidecar: the key is the pinned one, every checkpoint's
 * signature holds, every entry matches its hash and follows the one before, no sequence number is
 * missing, and the journal is not shorter than its last checkpoint nor its signed high-water mark.
 * Read-only, writing nothing beside the database, and safe while other processes append (it works
 * on one snapshot, reading the sidecar around it and the mark before it).
 */
public final class JournalVerifier {
    /** Journals at least this long are walked in parallel segments. */
    static final long SEGMENT_ENTRIES = 50_000;
    private JournalVerifier() {
    }

    /**
     * @param pinned the fingerprint to trust; empty to use the one pinned in the settings file
     * @throws JournalException when there is no journal to verify (nothing was ever recorded)
     */
    public static Verification verify(JournalFiles files, Optional<String> pinned) {
        return verify(files, pinned, SEGMENT_ENTRIES);
    }

    /** As above; journals of {@code segmentEntries} or more are walked in parallel segments (tests use both ways). */
    static Verification verify(JournalFiles files, Optional<String> pinned, long segmentEntries) {
        String source = files.database().toString();
        Optional<String> pin = pinned.isPresent() ? pinned : KeyPin.read(new SettingsFile(files.settingsFile()));
        boolean given = pinned.isPresent();
        Sidecar sidecar = new Sidecar(files.sidecar());
        HighWaterMark mark = new HighWaterMark(files.highWaterMark());
        try {
            if (!Sqlite.exists(files)) {
                if (pin.isPresent() && Genesis.interrupted(files)) {
                    throw new JournalException(source + ": no journal here yet: its creation was interrupted (" + files.newDatabase().getFileName()
                            + " is left beside it); Redoubt finishes it when it next records something");
                }
                if (pin.isPresent()) {
                    return Verification.failed(source, null, new Problem(Problem.Kind.MALFORMED, 0,
                            source + " is missing, but settings.json pins a journal key (" + pin.get() + "): the journal was deleted or moved"));
                }
                throw new JournalException(source + ": no journal here yet; Redoubt creates it when it first records something");
            }
            return Sqlite.read(files, true, connections -> {
                // Read before the snapshot: a mark (or sidecar line) written later is for entries the snapshot may not hold.
                HighWaterMark.Read marked = mark.read();
                try (Connection c = connections.open()) {
                    Sidecar.Lines before = sidecar.read();
                    try (Statement s = c.createStatement()) {
                        s.execute("BEGIN");
                        try {
                            return verify(c, connections, files, pin, given, before, marked, sidecar, segmentEntries);
                        } finally {
                            s.execute("COMMIT");
                        }
                    }
                }
            });
        } catch (SQLException e) {
            throw Sqlite.failure(source + ": cannot be verified", e);
        } catch (java.nio.file.FileSystemException e) {
            // the sidecar, the mark or the database's own file: the exception names which
            throw new JournalException(e.getFile() + ": cannot be read (" + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName())
                    + "); check its permissions", false, e);
        } catch (IOException e) {
            throw new JournalException(files.sidecar() + ": cannot be read (" + e.getMessage() + ")", false, e);
        }
    }

    private static Verification verify(Connection c, Sqlite.Connections connections, JournalFiles files, Optional<String> pin, boolean given,
                                       Sidecar.Lines before, HighWaterMark.Read marked, Sidecar sidecar, long segmentEntries)
            throws SQLException, IOException {
        String source = files.database().toString();
        if (Schema.version(c) > Schema.latest()) {
            throw new JournalException(source + ": written by a newer Redoubt (schema " + Schema.version(c) + "); verify it with that version");
        }
        if (Schema.version(c) < 1) {
            return Verification.failed(source, null, new Problem(Problem.Kind.MALFORMED, 0, source + " is not a Redoubt journal (no schema)"));
        }
        EntryRows.Head head = EntryRows.head(c); // the snapshot starts here: the sidecar read after it holds every checkpoint it has
        Sidecar.Lines after = sidecar.read();
        String stored = EntryRows.meta(c, "public_key");
        PublicKey key;
        try {
            key = stored == null ? null : JournalKeys.publicKey(Base64.getDecoder().decode(stored));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            key = null;
        }
        if (key == null) {
            return Verification.failed(source, null, new Problem(Problem.Kind.KEY_NOT_PINNED, 0, source + " has no readable public key"));
        }
        String fp = JournalKeys.fingerprint(key);
        if (pin.isEmpty()) {
            return Verification.failed(source, fp, new Problem(Problem.Kind.KEY_NOT_PINNED, 0, "nothing pins the journal key " + fp
                    + " (settings.json has no journal.keyFingerprint)"));
        }
        if (!pin.get().equals(fp)) {
            return Verification.failed(source, fp, new Problem(Problem.Kind.KEY_NOT_PINNED, 0, "the journal's key " + fp + (given
                    ? " is not the one given (" + pin.get() + "): the journal is signed by another key"
                    : " is not the pinned one (" + pin.get() + "): the key was replaced")));
        }
        if (!after.exists()) {
            return Verification.failed(source, fp, new Problem(Problem.Kind.MISSING_SIGNATURE, 0, "the checkpoint sidecar "
                    + sidecar.file() + " is missing"));
        }
        ObjectMapper mapper = new ObjectMapper();
        List<Checkpoint> sidecarCheckpoints = new ArrayList<>();
        long previousSeq = -1;
        for (int i = 0; i < after.lines().size(); i++) {
            Checkpoint cp;
            String where = sidecar.file() + " line " + (i + 1);
            try {
                cp = Checkpoint.parse(mapper, after.lines().get(i));
            } catch (IllegalArgumentException e) {
                return Verification.failed(source, fp, new Problem(Problem.Kind.MALFORMED, 0, where + " is not a checkpoint (" + e.getMessage() + ")"));
            }
            if (cp.seq() < previousSeq) {
                return Verification.failed(source, fp, new Problem(Problem.Kind.OUT_OF_ORDER, cp.seq(), where + " goes back to entry "
                        + cp.seq() + " after entry " + previousSeq + ": the sidecar was edited"));
            }
            previousSeq = cp.seq();
            sidecarCheckpoints.add(cp);
        }
        if (sidecarCheckpoints.isEmpty()) {
            return Verification.failed(source, fp, new Problem(Problem.Kind.MISSING_SIGNATURE, 0, "no checkpoint signs the journal: the sidecar "
                    + sidecar.file() + " is empty"));
        }
        List<Checkpoint> dbCheckpoints = EntryRows.checkpoints(c, 0, Long.MAX_VALUE);
        Set<String> sidecarTexts = new LinkedHashSet<>();
        sidecarCheckpoints.forEach(cp -> sidecarTexts.add(cp.json()));
        // Signatures are the slow part (Ed25519 in the JDK); they are checked on other threads while the entries are walked.
        PublicKey publicKey = key;
        CompletableFuture<Problem> signatures = CompletableFuture.supplyAsync(() -> checkSignatures(sidecarTexts, mapper, publicKey, fp));
        // What the checkpoints say about the length of the journal is reported after the walk, which names moved entries more precisely.
        Problem shorter = null;
        for (Checkpoint cp : dbCheckpoints) {
            if (shorter == null && !sidecarTexts.contains(cp.json())) {
                shorter = new Problem(Problem.Kind.TRUNCATED, cp.seq(), "the sidecar lacks the checkpoint at entry " + cp.seq() + " (" + cp.time()
                        + ") that the database holds: the sidecar was cut short or replaced");
            }
            if (shorter == null && cp.seq() > head.seq()) {
                shorter = new Problem(Problem.Kind.TRUNCATED, head.seq() + 1, "the journal ends at entry " + head.seq()
                        + " but the database's checkpoint signs entry " + cp.seq() + ": " + removed(head.seq() + 1, cp.seq()));
            }
        }
        Map<Long, String> heads = new HashMap<>();
        long lastSigned = 0;
        for (int i = 0; i < sidecarCheckpoints.size(); i++) {
            Checkpoint cp = sidecarCheckpoints.get(i);
            if (cp.seq() > head.seq()) {
                if (shorter == null && i < before.lines().size()) {
                    shorter = new Problem(Problem.Kind.TRUNCATED, head.seq() + 1, "the journal ends at entry " + head.seq() + " but a checkpoint ("
                            + sidecar.file() + " line " + (i + 1) + ") signs entry " + cp.seq() + ": " + removed(head.seq() + 1, cp.seq()));
                }
                continue; // else written by another process after this snapshot was taken
            }
            String other = heads.putIfAbsent(cp.seq(), cp.head());
            if (shorter == null && ((cp.seq() == 0 && !cp.head().equals(Canonical.ZERO_HASH)) || (other != null && !other.equals(cp.head())))) {
                shorter = new Problem(Problem.Kind.BAD_SIGNATURE, cp.seq(), "two checkpoints sign different hashes for entry " + cp.seq()
                        + ": the journal was rewritten");
            }
            lastSigned = Math.max(lastSigned, cp.seq());
        }
        Walked walked = walkAll(c, connections, head.seq(), heads, segmentEntries);
        Problem signed = signatures.join();
        Problem reached = reached(c, marked, files.highWaterMark(), head, key, fp);
        for (Problem p : new Problem[] {signed, walked.problem(), shorter, reached}) {
            if (p != null) {
                return Verification.failed(source, fp, p);
            }
        }
        // The mark signs its entry's hash, and through the chain every entry before it: they are sealed too.
        long sealed = Math.max(lastSigned, marked.mark().seq());
        return new Verification(source, walked.count(), sidecarCheckpoints.size(), head.seq(), walked.lastHash(), fp,
                head.seq() - sealed, null);
    }

    /** Whether the journal reaches its high-water mark: the mark is there, signed by the key, and the journal holds its entry with its hash. */
    private static Problem reached(Connection c, HighWaterMark.Read marked, java.nio.file.Path file, EntryRows.Head head, PublicKey key, String fp)
            throws SQLException {
        if (marked.missing()) {
            return new Problem(Problem.Kind.MISSING_SIGNATURE, 0, "the high-water mark " + file + " is missing: it is written with the journal "
                    + "and never removed, and without it entries cut from the journal's end go unnoticed");
        }
        Checkpoint m = marked.mark();
        if (m == null) {
            return new Problem(Problem.Kind.MALFORMED, 0, file + " is not a high-water mark (" + marked.malformed() + ")");
        }
        if (!HighWaterMark.signedBy(m, key, fp)) {
            return new Problem(Problem.Kind.BAD_SIGNATURE, m.seq(), "the high-water mark " + file + " (entry " + m.seq() + ", " + m.time()
                    + ") has a bad signature: it was forged or altered");
        }
        if (m.seq() > head.seq()) {
            return new Problem(Problem.Kind.TRUNCATED, head.seq() + 1, "truncated: the journal ends at entry " + head.seq() + ", but entry " + m.seq()
                    + " (hash " + m.head() + ") was recorded (" + file.getFileName() + ", " + m.time() + "): " + removed(head.seq() + 1, m.seq()));
        }
        if (m.seq() > 0 && !m.head().equals(EntryRows.hashAt(c, m.seq()))) {
            return new Problem(Problem.Kind.BAD_SIGNATURE, m.seq(), "the high-water mark signed another hash for entry " + m.seq() + " (" + m.head()
                    + "): entries up to " + m.seq() + " were rewritten");
        }
        return null;
    }

    /** The outcome of walking the entries: the first problem (or null), how many entries passed, the last one's hash. */
    private record Walked(Problem problem, long count, String lastHash) {
    }

    /**
     * Walks entries 1 to {@code last}; a large journal is cut into one segment per processor, each
     * walked on its own connection from the hash and time of the entry before it (entries never
     * change, so every snapshot agrees on them), and the lowest-numbered problem wins, as in one walk.
     */
    private static Walked walkAll(Connection c, Sqlite.Connections connections, long last, Map<Long, String> heads, long segmentEntries)
            throws SQLException {
        int segments = last < segmentEntries ? 1 : (int) Math.min(Math.max(Runtime.getRuntime().availableProcessors(), 2), Math.min(8, last));
        if (segments == 1) {
            return walkSegment(c, 1, last, heads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(segments);
        try {
            List<Future<Walked>> parts = new ArrayList<>();
            for (int k = 0; k < segments; k++) {
                long from = 1 + k * last / segments;
                long to = (k + 1) * last / segments;
                parts.add(pool.submit(() -> {
                    try (Connection own = connections.open()) {
                        return walkSegment(own, from, to, heads);
                    }
                }));
            }
            Problem first = null;
            long count = 0;
            String lastHash = null;
            for (Future<Walked> part : parts) {
                Walked w = part.get();
                if (w.problem() != null && (first == null || w.problem().seq() < first.seq())) {
                    first = w.problem();
                }
                count += w.count();
                lastHash = w.lastHash();
            }
            return new Walked(first, count, lastHash);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("verification was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Walked walkSegment(Connection c, long from, long to, Map<Long, String> heads) throws SQLException {
        String prev = Canonical.ZERO_HASH;
        String time = "";
        if (from > 1) {
            try (PreparedStatement ps = c.prepareStatement("SELECT hash, time FROM entries WHERE seq = ?")) {
                ps.setLong(1, from - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    prev = rs.next() ? rs.getString(1) : "";
                    time = prev.isEmpty() ? "" : rs.getString(2);
                }
            }
        }
        ChainChecker chain = new ChainChecker(from, prev, time, heads, hash -> seqOfHash(c, hash));
        Problem p = walk(c, chain, from, to);
        if (p == null && chain.lastSeq() != to) {
            long missing = chain.lastSeq() + 1;
            p = new Problem(Problem.Kind.MISSING, missing, missing == to ? "entry " + missing + " is missing"
                    : "entries " + missing + " to " + to + " are missing");
        }
        return new Walked(p, chain.count(), chain.lastHash());
    }

    private static String removed(long from, long to) {
        return from == to ? "entry " + from + " was removed" : "entries " + from + " to " + to + " were removed";
    }

    private static Problem checkSignatures(Set<String> lines, ObjectMapper mapper, PublicKey key, String fp) {
        return lines.parallelStream().map(line -> {
            Checkpoint cp = Checkpoint.parse(mapper, line);
            if (cp.signature().isEmpty()) {
                return new Problem(Problem.Kind.MISSING_SIGNATURE, cp.seq(), "the checkpoint at entry " + cp.seq() + " (" + cp.time() + ") has no signature");
            }
            if (!cp.key().equals(fp) || !cp.signatureValid(key)) {
                return new Problem(Problem.Kind.BAD_SIGNATURE, cp.seq(), "the checkpoint at entry " + cp.seq() + " (" + cp.time()
                        + ") has a bad signature: it was forged or altered");
            }
            return null;
        }).filter(p -> p != null).min((a, b) -> Long.compare(a.seq(), b.seq())).orElse(null);
    }

    /** Each row's fields as one UTF-8 blob behind a header of their byte lengths, built by SQLite: two JNI calls a row, not eleven. */
    private static final String RAW_ROWS = "SELECT seq, CAST("
            + lengths("time", "actor", "session", "mode", "target", "action") + " || ifnull(length(CAST(subject AS BLOB)), -1) || ',' || "
            + lengths("details", "prev", "hash") + " || ';' || "
            + "ifnull(time, '') || ifnull(actor, '') || ifnull(session, '') || ifnull(mode, '') || ifnull(target, '') || ifnull(action, '')"
            + " || ifnull(subject, '') || ifnull(details, '') || ifnull(prev, '') || ifnull(hash, '') AS BLOB) FROM entries"
            + " WHERE seq BETWEEN ? AND ? ORDER BY seq";

    private static String lengths(String... columns) {
        StringBuilder sb = new StringBuilder();
        for (String c : columns) {
            sb.append(sb.length() == 0 ? "" : " || ").append("ifnull(length(CAST(").append(c).append(" AS BLOB)), 0) || ','");
        }
        return sb.toString();
    }

    private static Problem walk(Connection c, ChainChecker chain, long first, long last) throws SQLException {
        int[] from = new int[ChainChecker.FIELDS];
        int[] to = new int[ChainChecker.FIELDS];
        try (PreparedStatement ps = c.prepareStatement(RAW_ROWS)) {
            ps.setLong(1, first);
            ps.setLong(2, last);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    byte[] raw = rs.getBytes(2);
                    boolean subjectNull = split(raw, from, to);
                    if (!chain.acceptRaw(seq, raw, from, to, subjectNull)) {
                        Problem p = chain.accept(row(c, seq));
                        if (p != null) {
                            return p;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Reads the header of lengths; returns whether the subject is null. */
    private static boolean split(byte[] raw, int[] from, int[] to) {
        int pos = 0;
        int field = 0;
        int[] lengths = new int[ChainChecker.FIELDS];
        int value = 0;
        boolean negative = false;
        while (raw[pos] != ';') {
            byte b = raw[pos++];
            if (b == '-') {
                negative = true;
            } else if (b == ',') {
                lengths[field++] = negative ? -value : value;
                value = 0;
                negative = false;
            } else {
                value = value * 10 + (b - '0');
            }
        }
        pos++;
        for (int i = 0; i < ChainChecker.FIELDS; i++) {
            from[i] = pos;
            pos += Math.max(lengths[i], 0);
            to[i] = pos;
        }
        return lengths[ChainChecker.SUBJECT] < 0;
    }

    private static ChainChecker.Row row(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EntryRows.COLUMNS + " FROM entries WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ChainChecker.Row(rs.getLong(1), text(rs, 2), text(rs, 3), text(rs, 4), text(rs, 5), text(rs, 6),
                        text(rs, 7), rs.getString(8), text(rs, 9), text(rs, 10), text(rs, 11));
            }
        }
    }

    private static String text(ResultSet rs, int column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? "" : s;
    }

    private static Long seqOfHash(Connection c, String hash) {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM entries WHERE hash = ? ORDER BY seq LIMIT 1")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }
}
