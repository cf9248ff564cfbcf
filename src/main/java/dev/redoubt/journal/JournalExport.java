package dev.redoubt.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.files.OutputFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Exports entries to a zip a third party can verify with no access to the journal: the entries as
 * JSON lines, the checkpoints that fall among them, the public key, a manifest with each file's
 * SHA-256 signed by the journal key (which is what fixes where the export ends), and a README.
 */
public final class JournalExport {
    public static final String FORMAT = "redoubt-journal-export/1";
    static final String ENTRIES = "entries.jsonl";
    static final String CHECKPOINTS = "checkpoints.jsonl";
    static final String PUBLIC_KEY = "public-key.pem";
    static final String README = "README.txt";
    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_SIG = "manifest.sig";
    static final List<String> FILES = List.of(ENTRIES, CHECKPOINTS, PUBLIC_KEY, README);

    private JournalExport() {
    }

    /**
     * Writes the entries between {@code from} and {@code to} (inclusive, null for open-ended) to
     * {@code out} atomically, then records the export in the journal.
     */
    public static ExportResult export(SqliteJournal journal, Instant from, Instant to, Path out, String actor, Mode mode) {
        Path target = out.toAbsolutePath().normalize();
        synchronized (journal) {
            Instant now = journal.clock().instant();
            boolean includesNow = (from == null || !from.isAfter(now)) && (to == null || !to.isBefore(now));
            if (!includesNow && journal.read(new EntryQuery(from, to, null, null, 1)).isEmpty()) {
                throw new JournalException("no entries " + (from == null ? "" : "from " + Canonical.time(from) + " ")
                        + (to == null ? "" : "to " + Canonical.time(to) + " ") + "to export; widen --from/--to (see 'redoubt journal show')");
            }
            // Recorded first, so that an export reaching to now holds the record of its own making.
            EntryDraft draft = EntryDraft.of(actor, mode, Target.none(), "export", target.toString());
            ObjectNode d = draft.detailsObject();
            d.put("kind", "journal");
            d.put("file", target.toString());
            if (from != null) {
                d.put("from", Canonical.time(from));
            }
            if (to != null) {
                d.put("to", Canonical.time(to));
            }
            Entry recorded = journal.append(draft);
            Written w;
            try (Statement s = journal.connection().createStatement()) {
                s.execute("BEGIN");
                try {
                    w = write(journal, from, to, target);
                } finally {
                    s.execute("COMMIT");
                }
            } catch (SQLException e) {
                throw Sqlite.failure(journal.files().database() + ": cannot be exported", e);
            } catch (IOException e) {
                throw new JournalException(target + ": cannot be written (" + e.getMessage() + "); choose a writable path with --out", false, e);
            }
            return new ExportResult(target, w.sha256(), w.entries(), w.firstSeq(), w.lastSeq(), w.checkpoints(), journal.keyFingerprint(), recorded);
        }
    }

    private record Written(String sha256, long entries, long firstSeq, long lastSeq, long checkpoints) {
    }

    /** Writes the zip through {@link OutputFile}: atomically to a file, through to a device or a pipe. */
    private static Written write(SqliteJournal journal, Instant from, Instant to, Path target) throws SQLException, IOException {
        MessageDigest fileDigest = Canonical.sha256();
        Written[] w = {null};
        SQLException[] sqlFailure = {null};
        try {
            OutputFile.write(target, out -> {
                ZipOutputStream zip = new ZipOutputStream(new DigestOutputStream(out, fileDigest));
                try {
                    w[0] = writeZip(journal, from, to, zip);
                } catch (SQLException e) {
                    sqlFailure[0] = e;
                    throw new IOException("the journal cannot be read", e);
                }
                zip.finish();
                zip.flush();
            }, false);
        } catch (IOException e) {
            if (sqlFailure[0] != null) {
                throw sqlFailure[0];
            }
            throw e;
        }
        return new Written(Canonical.hex(fileDigest.digest()), w[0].entries(), w[0].firstSeq(), w[0].lastSeq(), w[0].checkpoints());
    }

    private static Written writeZip(SqliteJournal journal, Instant from, Instant to, ZipOutputStream zip) throws SQLException, IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        MessageDigest md = Canonical.sha256();
        long[] range = {0, 0, 0}; // first seq, last seq, count
        String[] chain = {null, null}; // first prev, last hash
        IOException[] failure = {null};
        zip.putNextEntry(new ZipEntry(ENTRIES));
        EntryRows.forEach(journal.connection(), EntryQuery.between(from, to), e -> {
            if (failure[0] != null) {
                return;
            }
            if (range[2] == 0) {
                range[0] = e.seq();
                chain[0] = e.prev();
            }
            range[1] = e.seq();
            range[2]++;
            chain[1] = e.hash();
            byte[] line = (e.json() + "\n").getBytes(StandardCharsets.UTF_8);
            md.update(line);
            try {
                zip.write(line);
            } catch (IOException x) {
                failure[0] = x;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        if (range[2] == 0) {
            throw new JournalException("no entries " + (from == null ? "" : "from " + from + " ") + (to == null ? "" : "to " + to + " ")
                    + "to export; widen --from/--to (see 'redoubt journal show')");
        }
        zip.closeEntry();
        hashes.put(ENTRIES, Canonical.hex(md.digest()));
        StringBuilder cps = new StringBuilder();
        List<Checkpoint> checkpoints = EntryRows.checkpoints(journal.connection(), range[0] - 1, range[1]);
        checkpoints.forEach(cp -> cps.append(cp.json()).append('\n'));
        put(zip, hashes, CHECKPOINTS, cps.toString());
        put(zip, hashes, PUBLIC_KEY, JournalKeys.pem("PUBLIC KEY", journal.publicKey().getEncoded()));
        put(zip, hashes, README, readme(journal.keyFingerprint()));
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode m = mapper.createObjectNode();
        m.put("format", FORMAT);
        m.put("createdAt", Canonical.time(journal.clock().instant()));
        m.put("session", journal.sessionId());
        m.put("keyFingerprint", journal.keyFingerprint());
        m.put("from", from == null ? null : Canonical.time(from));
        m.put("to", to == null ? null : Canonical.time(to));
        m.put("firstSeq", range[0]);
        m.put("lastSeq", range[1]);
        m.put("entries", range[2]);
        m.put("checkpoints", checkpoints.size());
        m.put("firstPrev", chain[0]);
        m.put("lastHash", chain[1]);
        // The journal's head as this snapshot holds it: its high-water mark when the export was made, signed with the manifest.
        EntryRows.Head head = EntryRows.head(journal.connection());
        m.put("headSeq", head.seq());
        m.put("headHash", head.hash());
        ObjectNode files = m.putObject("files");
        hashes.forEach(files::put);
        String manifest = Canonical.canonicalize(mapper, m);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(manifest.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(MANIFEST_SIG));
        zip.write((journal.sign(manifest) + "\n").getBytes(StandardCharsets.US_ASCII));
        zip.closeEntry();
        return new Written(null, range[2], range[0], range[1], checkpoints.size());
    }

    private static void put(ZipOutputStream zip, Map<String, String> hashes, String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        hashes.put(name, Canonical.hex(Canonical.sha256().digest(bytes)));
    }

    static String readme(String fingerprint) {
        return """
                Redoubt audit journal export (%s)

                This zip holds part of a Redoubt audit journal, which you can verify without Redoubt's
                database or anyone's help. With Redoubt:  redoubt journal verify --bundle THIS.zip
                By hand:

                1. Key. public-key.pem is the journal's Ed25519 public key. Its fingerprint is
                   "sha256:" + the SHA-256 of its DER form:
                       openssl pkey -pubin -in public-key.pem -outform DER | sha256sum
                   It must be %s, and that must match a fingerprint you hold from
                   elsewhere (the installation's settings.json, an earlier export, a note you kept):
                   anyone can make a self-consistent export with a key of their own.
                2. Manifest. manifest.sig is the base64 Ed25519 signature of the exact bytes of
                   manifest.json:  base64 -d manifest.sig > sig.bin
                       openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile sig.bin
                   Each file's SHA-256 (sha256sum FILE) must equal manifest.json's "files".
                3. Entries. entries.jsonl has one entry per line, sequence numbers without gaps from
                   firstSeq to lastSeq. For each line: remove the "hash" member, write what is left as
                   RFC 8785 canonical JSON (for these objects, sorted keys, no spaces, UTF-8), take its
                   SHA-256 in hex: it must equal "hash". Each line's "prev" must equal the previous
                   line's "hash"; the first line's "prev" must equal the manifest's firstPrev and the
                   last line's "hash" the manifest's lastHash. Times never go backwards.
                4. Checkpoints. checkpoints.jsonl: for each line, remove "signature", canonicalize the
                   rest the same way, and check the base64 Ed25519 "signature" over it with the key;
                   "head" must equal the "hash" of the entry whose seq is the checkpoint's "seq".

                If every step holds, these entries are exactly what the journal held when it was
                exported, in order, none left out between firstSeq and lastSeq.

                manifest.json's headSeq and headHash are the journal's last entry when this was
                exported (its high-water mark). Keep them: the journal must hold that entry with that
                hash for as long as it exists; a later export or 'redoubt journal show --json' shows it.
                """.formatted(FORMAT, fingerprint);
    }
}
