package dev.redoubt.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Verifies an export with nothing but the zip: the manifest's signature and file hashes, every
 * checkpoint's signature, and the entries' chain from the manifest's firstPrev to its lastHash.
 * The key is only as good as the fingerprint it is compared with: pass the one you hold.
 *
 * <p>The zip may be hostile. Nothing in it is trusted before it is read, and nothing is read
 * unbounded: it may hold at most {@value #MAX_ZIP_ENTRIES} entries, only the six an export holds,
 * each once; each file is read as a stream up to its own limit (whatever size the zip declares) and
 * entries.jsonl a line at a time, each line at most {@link #MAX_LINE} bytes. Anything past a limit is a
 * verification failure, as is a zip that cannot be inflated.
 */
public final class BundleVerifier {
    /** More entries than this and the zip is refused before a name is looked at (an export holds six). */
    static final int MAX_ZIP_ENTRIES = 64;
    static final long MAX_MANIFEST = 1L << 20;
    static final long MAX_SIGNATURE = 4L << 10;
    static final long MAX_PUBLIC_KEY = 4L << 10;
    static final long MAX_README = 1L << 20;
    static final long MAX_CHECKPOINTS = 256L << 20;
    static final long MAX_ENTRIES = 16L << 30;
    /** The longest line of entries.jsonl or checkpoints.jsonl (an entry's details are at most 256 Ki characters). */
    static final int MAX_LINE = 4 << 20;

    private static final Set<String> ENTRY_MEMBERS = Set.of("seq", "time", "actor", "session", "mode", "target", "action", "subject",
            "details", "prev", "hash");

    private final ObjectMapper mapper = new ObjectMapper();
    private final ZipFile zip;
    private final String source;
    private final Map<String, String> sha256 = new HashMap<>();
    private long checkpointCount;

    private BundleVerifier(ZipFile zip, String source) {
        this.zip = zip;
        this.source = source;
    }

    /** Thrown inside the walk to stop at the first problem. */
    private static final class Found extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        Found(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    /**
     * @param expectedFingerprint the key fingerprint you hold from elsewhere, if any
     * @throws JournalException when the file does not exist or cannot be read at all
     */
    public static Verification verify(Path bundle, Optional<String> expectedFingerprint) {
        if (!Files.isRegularFile(bundle)) {
            throw new JournalException(bundle + ": no such file; check the path");
        }
        String source = bundle.toString();
        ZipFile zip;
        try {
            zip = new ZipFile(bundle.toFile());
        } catch (ZipException e) {
            return Verification.failed(source, null, new Problem(Problem.Kind.MALFORMED, 0, source + " is not a zip file (" + e.getMessage() + ")"));
        } catch (IOException e) {
            throw new JournalException(bundle + ": cannot be read (" + e.getMessage() + ")", false, e);
        }
        try (zip) {
            return new BundleVerifier(zip, source).verify(expectedFingerprint);
        } catch (Found f) {
            return Verification.failed(source, null, f.problem);
        } catch (IOException e) {
            return Verification.failed(source, null, new Problem(Problem.Kind.MALFORMED, 0, source + " cannot be read to its end (" + e.getMessage() + ")"));
        }
    }

    private Verification verify(Optional<String> expected) throws Found {
        names();
        byte[] manifestBytes = bytes(JournalExport.MANIFEST, MAX_MANIFEST);
        JsonNode manifest;
        try {
            manifest = mapper.readTree(manifestBytes);
        } catch (IOException e) {
            throw found(Problem.Kind.MALFORMED, 0, "manifest.json is not JSON");
        }
        if (manifest == null || !JournalExport.FORMAT.equals(manifest.path("format").asText())) {
            throw found(Problem.Kind.MALFORMED, 0, "manifest.json is not a " + JournalExport.FORMAT + " manifest");
        }
        PublicKey key;
        byte[] pem = bytes(JournalExport.PUBLIC_KEY, MAX_PUBLIC_KEY);
        try {
            key = JournalKeys.publicKey(JournalKeys.fromPem(new String(pem, StandardCharsets.US_ASCII), "PUBLIC KEY"));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw found(Problem.Kind.MALFORMED, 0, "public-key.pem is not an Ed25519 public key");
        }
        String fp = JournalKeys.fingerprint(key);
        if (!fp.equals(manifest.path("keyFingerprint").asText())) {
            throw found(Problem.Kind.KEY_NOT_PINNED, 0, "public-key.pem (" + fp + ") is not the key the manifest names: the key was replaced");
        }
        if (expected.isPresent() && !expected.get().equals(fp)) {
            throw found(Problem.Kind.KEY_NOT_PINNED, 0, "the export's key " + fp + " is not the expected " + expected.get() + ": it was signed by another key");
        }
        String sig = new String(bytes(JournalExport.MANIFEST_SIG, MAX_SIGNATURE), StandardCharsets.US_ASCII).strip();
        if (sig.isEmpty()) {
            throw found(Problem.Kind.MISSING_SIGNATURE, 0, "manifest.sig is empty: the export is not signed");
        }
        if (!JournalKeys.verifyText(key, new String(manifestBytes, StandardCharsets.UTF_8), sig)) {
            throw found(Problem.Kind.BAD_SIGNATURE, 0, "manifest.json's signature does not verify: the manifest was altered or forged");
        }
        long firstSeq = manifest.path("firstSeq").asLong();
        long lastSeq = manifest.path("lastSeq").asLong();
        Map<Long, String> heads = checkpoints(key, fp, firstSeq, lastSeq);
        String firstPrev = manifest.path("firstPrev").asText();
        if (!firstPrev.equals(heads.getOrDefault(firstSeq - 1, firstPrev))) {
            throw found(Problem.Kind.BAD_SIGNATURE, firstSeq - 1, "the checkpoint at entry " + (firstSeq - 1) + " signed another hash than the "
                    + "export starts from: the entries before the export were rewritten");
        }
        ChainChecker chain = new ChainChecker(firstSeq, firstPrev, "", heads, hash -> seqOfHash(hash, lastSeq - firstSeq + 1));
        walk(chain, lastSeq);
        if (chain.count() == 0 || chain.lastSeq() != lastSeq || !chain.lastHash().equals(manifest.path("lastHash").asText())) {
            throw found(Problem.Kind.TRUNCATED, chain.lastSeq() + 1, "entries.jsonl ends at entry " + chain.lastSeq()
                    + " but the signed manifest says it ends at entry " + lastSeq + ": entries were removed");
        }
        JsonNode headSeq = manifest.get("headSeq");
        if (headSeq != null && (!headSeq.canConvertToExactIntegral() || headSeq.asLong() < lastSeq
                || (headSeq.asLong() == lastSeq && !manifest.path("headHash").asText().equals(chain.lastHash())))) {
            throw found(Problem.Kind.MALFORMED, 0, "the manifest's headSeq " + headSeq + " (the journal's head when exported) contradicts the "
                    + "entries, which end at entry " + lastSeq);
        }
        sha256.put(JournalExport.PUBLIC_KEY, Canonical.hex(Canonical.sha256().digest(pem)));
        sha256.put(JournalExport.README, Canonical.hex(Canonical.sha256().digest(bytes(JournalExport.README, MAX_README))));
        JsonNode files = manifest.path("files");
        for (String name : JournalExport.FILES) {
            if (!sha256.get(name).equals(files.path(name).asText())) {
                throw found(Problem.Kind.ALTERED, 0, name + " was altered: its SHA-256 is not the one in the signed manifest");
            }
        }
        return new Verification(source, chain.count(), checkpointCount, chain.lastSeq(), chain.lastHash(), fp, 0, null);
    }

    /** At most {@value #MAX_ZIP_ENTRIES} entries, each of the export's files exactly once, and nothing else. */
    private void names() throws Found {
        if (zip.size() > MAX_ZIP_ENTRIES) {
            throw found(Problem.Kind.MALFORMED, 0, source + " holds " + zip.size() + " files; an export holds " + (JournalExport.FILES.size() + 2));
        }
        Set<String> wanted = new HashSet<>(JournalExport.FILES);
        wanted.add(JournalExport.MANIFEST);
        wanted.add(JournalExport.MANIFEST_SIG);
        Set<String> seen = new HashSet<>();
        List<String> unexpected = new ArrayList<>();
        for (ZipEntry e : Collections.list(zip.entries())) {
            String name = e.getName();
            if (!wanted.contains(name)) {
                unexpected.add(quoted(name));
            } else if (!seen.add(name)) {
                throw found(Problem.Kind.MALFORMED, 0, source + " holds " + name + " twice: which one would be verified is not certain");
            }
        }
        if (!unexpected.isEmpty()) {
            throw found(Problem.Kind.MALFORMED, 0, source + " holds files the export did not write: " + String.join(", ", unexpected));
        }
        for (String name : wanted) {
            if (!seen.contains(name)) {
                throw found(Problem.Kind.MALFORMED, 0, source + " has no " + name + ": it is not a complete Redoubt journal export");
            }
        }
    }

    /** A name from the zip as it can be shown: quoted, at most 80 characters, control and formatting characters as \\uXXXX. */
    private static String quoted(String name) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < name.length() && i < 80; i++) {
            char c = name.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.getType(c) == Character.FORMAT || Character.isSurrogate(c)
                    || c == '"' || c == '\\') {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(name.length() > 80 ? "…\"" : "\"").toString();
    }

    /** Reads checkpoints.jsonl a line at a time, checking each signature; returns seq to signed head. */
    private Map<Long, String> checkpoints(PublicKey key, String fp, long firstSeq, long lastSeq) throws Found {
        Map<Long, String> heads = new HashMap<>();
        MessageDigest md = Canonical.sha256();
        try (BoundedLines lines = lines(JournalExport.CHECKPOINTS, MAX_CHECKPOINTS, md)) {
            int i = 0;
            for (String line = lines.next(); line != null; line = lines.next()) {
                i++;
                Checkpoint cp;
                try {
                    cp = Checkpoint.parse(mapper, line);
                } catch (IllegalArgumentException e) {
                    throw found(Problem.Kind.MALFORMED, 0, "checkpoints.jsonl line " + i + " is not a checkpoint (" + e.getMessage() + ")");
                }
                if (cp.signature().isEmpty()) {
                    throw found(Problem.Kind.MISSING_SIGNATURE, cp.seq(), "the checkpoint at entry " + cp.seq() + " has no signature");
                }
                if (!cp.key().equals(fp) || !cp.signatureValid(key)) {
                    throw found(Problem.Kind.BAD_SIGNATURE, cp.seq(), "the checkpoint at entry " + cp.seq() + " has a bad signature");
                }
                if (cp.seq() >= firstSeq - 1 && cp.seq() <= lastSeq && !cp.head().equals(heads.getOrDefault(cp.seq(), cp.head()))) {
                    throw found(Problem.Kind.BAD_SIGNATURE, cp.seq(), "two checkpoints sign different hashes for entry " + cp.seq());
                }
                heads.put(cp.seq(), cp.head());
            }
            checkpointCount = i;
        } catch (IOException e) {
            throw unreadable(JournalExport.CHECKPOINTS, MAX_CHECKPOINTS, e);
        }
        sha256.put(JournalExport.CHECKPOINTS, Canonical.hex(md.digest()));
        return heads;
    }

    /** Walks entries.jsonl a line at a time, hashing the file as it goes; stops at the first problem or past the manifest's end. */
    private void walk(ChainChecker chain, long lastSeq) throws Found {
        MessageDigest md = Canonical.sha256();
        try (BoundedLines lines = lines(JournalExport.ENTRIES, MAX_ENTRIES, md)) {
            int lineNo = 0;
            for (String line = lines.next(); line != null; line = lines.next()) {
                lineNo++;
                ChainChecker.Row row = row(line, lineNo);
                if (row.seq() > lastSeq) {
                    throw found(Problem.Kind.ALTERED, row.seq(), "entries.jsonl goes on to entry " + row.seq() + " past entry " + lastSeq
                            + ", where the signed manifest says it ends: entries were added");
                }
                Problem p = chain.accept(row);
                if (p != null) {
                    throw new Found(p);
                }
            }
        } catch (IOException e) {
            throw unreadable(JournalExport.ENTRIES, MAX_ENTRIES, e);
        }
        sha256.put(JournalExport.ENTRIES, Canonical.hex(md.digest()));
    }

    private ChainChecker.Row row(String line, int lineNo) throws Found {
        JsonNode n;
        try {
            n = mapper.readTree(line);
        } catch (IOException e) {
            throw found(Problem.Kind.MALFORMED, 0, "entries.jsonl line " + lineNo + " is not JSON");
        }
        if (n == null || !n.isObject() || n.size() != ENTRY_MEMBERS.size()) {
            throw found(Problem.Kind.MALFORMED, 0, "entries.jsonl line " + lineNo + " is not an entry");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            if (!ENTRY_MEMBERS.contains(it.next())) {
                throw found(Problem.Kind.MALFORMED, 0, "entries.jsonl line " + lineNo + " is not an entry (unexpected members)");
            }
        }
        if (!n.get("seq").canConvertToExactIntegral() || !n.get("details").isObject() || !(n.get("subject").isTextual() || n.get("subject").isNull())) {
            throw found(Problem.Kind.MALFORMED, 0, "entries.jsonl line " + lineNo + " is not an entry (wrong types)");
        }
        return new ChainChecker.Row(n.get("seq").asLong(), n.get("time").asText(), n.get("actor").asText(), n.get("session").asText(),
                n.get("mode").asText(), n.get("target").asText(), n.get("action").asText(),
                n.get("subject").isNull() ? null : n.get("subject").asText(), Canonical.canonicalize(mapper, n.get("details")),
                n.get("prev").asText(), n.get("hash").asText());
    }

    /** The seq of the entry with {@code hash} among the first {@code most} lines (to name a moved entry; asked only after a failure). */
    private Long seqOfHash(String hash, long most) {
        try (BoundedLines lines = lines(JournalExport.ENTRIES, MAX_ENTRIES, null)) {
            long read = 0;
            for (String line = lines.next(); line != null && read++ < most; line = lines.next()) {
                JsonNode n = mapper.readTree(line);
                if (n != null && hash.equals(n.path("hash").asText())) {
                    return n.path("seq").asLong();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private BoundedLines lines(String name, long max, MessageDigest md) throws IOException {
        return new BoundedLines(zip.getInputStream(zip.getEntry(name)), MAX_LINE, max, md);
    }

    /** The whole of a small file, reading at most one byte more than {@code max} whatever the zip declares. */
    private byte[] bytes(String name, long max) throws Found {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            byte[] b = in.readNBytes((int) max + 1);
            if (b.length > max) {
                throw found(Problem.Kind.MALFORMED, 0, name + " is larger than " + size(max) + ": not a file a Redoubt export holds");
            }
            return b;
        } catch (IOException e) {
            throw unreadable(name, max, e);
        }
    }

    private Found unreadable(String name, long max, IOException e) {
        if (e instanceof BoundedLines.TooLong t) {
            return found(Problem.Kind.MALFORMED, 0, t.line > 0 ? name + " line " + t.line + " is longer than " + size(MAX_LINE) + ": not an export's line"
                    : name + " is larger than " + size(max) + ": not a file a Redoubt export holds");
        }
        return found(Problem.Kind.MALFORMED, 0, name + " cannot be read from the zip (" + e.getMessage() + "): the zip is damaged");
    }

    static String size(long bytes) {
        return bytes >= 1L << 30 ? (bytes >> 30) + " GiB" : bytes >= 1L << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }

    private static Found found(Problem.Kind kind, long seq, String message) {
        return new Found(new Problem(kind, seq, message));
    }
}
