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

/**
 * Verifies a journal database with its sidecar: the key is the pinned one, every checkpoint's
 * signature holds, every entry matches its hash and follows the one before, no sequence number is
 * missing, and the journal is not shorter than its last checkpoint. Read-only, and safe while other
 * processes append (it works on one snapshot, reading the sidecar around it).
 */
public final class JournalVerifier {
    private JournalVerifier() {
    }

    /**
     * @param pinned the fingerprint to trust; empty to use the one pinned in the settings file
     * @throws JournalException when there is no journal to verify (nothing was ever recorded)
     */
    public static Verification verify(JournalFiles files, Optional<String> pinned) {
        String source = files.database().toString();
        Optional<String> pin = pinned.isPresent() ? pinned : KeyPin.read(new SettingsFile(files.settingsFile()));
        if (!Sqlite.exists(files)) {
            if (pin.isPresent()) {
                return Verification.failed(source, null, new Problem(Problem.Kind.MALFORMED, 0,
                        source + " is missing, but settings.json pins a journal key (" + pin.get() + "): the journal was deleted or moved"));
            }
            throw new JournalException(source + ": no journal here yet; Redoubt creates it when it first records something");
        }
        Sidecar sidecar = new Sidecar(files.sidecar());
        try (Connection c = Sqlite.open(files, true)) {
            Sidecar.Lines before = sidecar.read();
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN");
                try {
                    return verify(c, files, pin, before, sidecar);
                } finally {
                    s.execute("COMMIT");
                }
            }
        } catch (SQLException e) {
            throw Sqlite.failure(source + ": cannot be verified", e);
        } catch (IOException e) {
            throw new JournalException(files.sidecar() + ": cannot be read (" + e.getMessage() + ")", false, e);
        }
    }

    private static Verification verify(Connection c, JournalFiles files, Optional<String> pin, Sidecar.Lines before, Sidecar sidecar)
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
            return Verification.failed(source, fp, new Problem(Problem.Kind.KEY_NOT_PINNED, 0, "the journal's key " + fp
                    + " is not the pinned one (" + pin.get() + "): the key was replaced"));
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
                        + " but the database's checkpoint signs entry " + cp.seq() + ": entries " + (head.seq() + 1) + " to " + cp.seq() + " were removed");
            }
        }
        Map<Long, String> heads = new HashMap<>();
        long lastSigned = 0;
        for (int i = 0; i < sidecarCheckpoints.size(); i++) {
            Checkpoint cp = sidecarCheckpoints.get(i);
            if (cp.seq() > head.seq()) {
                if (shorter == null && i < before.lines().size()) {
                    shorter = new Problem(Problem.Kind.TRUNCATED, head.seq() + 1, "the journal ends at entry " + head.seq() + " but a checkpoint ("
                            + sidecar.file() + " line " + (i + 1) + ") signs entry " + cp.seq() + ": entries " + (head.seq() + 1) + " to "
                            + cp.seq() + " were removed");
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
        ChainChecker chain = new ChainChecker(1, Canonical.ZERO_HASH, heads, hash -> seqOfHash(c, hash));
        Problem walked = walk(c, chain);
        Problem signed = signatures.join();
        for (Problem p : new Problem[] {signed, walked, shorter}) {
            if (p != null) {
                return Verification.failed(source, fp, p);
            }
        }
        if (chain.lastSeq() != head.seq()) {
            return Verification.failed(source, fp, new Problem(Problem.Kind.MALFORMED, chain.lastSeq(), "the entries changed while being verified"));
        }
        return new Verification(source, chain.count(), sidecarCheckpoints.size(), chain.lastSeq(), chain.lastHash(), fp,
                chain.lastSeq() - lastSigned, null);
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

    private static Problem walk(Connection c, ChainChecker chain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EntryRows.COLUMNS + " FROM entries ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Problem p = chain.accept(new ChainChecker.Row(rs.getLong(1), text(rs, 2), text(rs, 3), text(rs, 4), text(rs, 5), text(rs, 6),
                        text(rs, 7), rs.getString(8), text(rs, 9), text(rs, 10), text(rs, 11)));
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
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
