package dev.redoubt.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
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
 */
public final class BundleVerifier {
    private static final Set<String> ENTRY_MEMBERS = Set.of("seq", "time", "actor", "session", "mode", "target", "action", "subject",
            "details", "prev", "hash");

    private final ObjectMapper mapper = new ObjectMapper();

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
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            return new BundleVerifier().verify(zip, source, expectedFingerprint);
        } catch (ZipException e) {
            return Verification.failed(source, null, new Problem(Problem.Kind.MALFORMED, 0, source + " is not a zip file (" + e.getMessage() + ")"));
        } catch (IOException e) {
            throw new JournalException(bundle + ": cannot be read (" + e.getMessage() + ")", false, e);
        } catch (Found f) {
            return Verification.failed(source, null, f.problem);
        }
    }

    private Verification verify(ZipFile zip, String source, Optional<String> expected) throws IOException, Found {
        Set<String> names = new HashSet<>();
        for (ZipEntry e : Collections.list(zip.entries())) {
            names.add(e.getName());
        }
        Set<String> wanted = new HashSet<>(JournalExport.FILES);
        wanted.add(JournalExport.MANIFEST);
        wanted.add(JournalExport.MANIFEST_SIG);
        for (String name : wanted) {
            if (!names.contains(name)) {
                throw found(Problem.Kind.MALFORMED, 0, source + " has no " + name + ": it is not a complete Redoubt journal export");
            }
        }
        names.removeAll(wanted);
        if (!names.isEmpty()) {
            throw found(Problem.Kind.MALFORMED, 0, source + " holds files the export did not write: " + names);
        }
        byte[] manifestBytes = bytes(zip, JournalExport.MANIFEST);
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
        try {
            key = JournalKeys.publicKey(JournalKeys.fromPem(new String(bytes(zip, JournalExport.PUBLIC_KEY), StandardCharsets.US_ASCII), "PUBLIC KEY"));
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
        String sig = new String(bytes(zip, JournalExport.MANIFEST_SIG), StandardCharsets.US_ASCII).strip();
        if (sig.isEmpty()) {
            throw found(Problem.Kind.MISSING_SIGNATURE, 0, "manifest.sig is empty: the export is not signed");
        }
        if (!JournalKeys.verifyText(key, new String(manifestBytes, StandardCharsets.UTF_8), sig)) {
            throw found(Problem.Kind.BAD_SIGNATURE, 0, "manifest.json's signature does not verify: the manifest was altered or forged");
        }
        long firstSeq = manifest.path("firstSeq").asLong();
        long lastSeq = manifest.path("lastSeq").asLong();
        Map<Long, String> heads = checkpoints(zip, key, fp, firstSeq, lastSeq);
        String firstPrev = manifest.path("firstPrev").asText();
        if (!firstPrev.equals(heads.getOrDefault(firstSeq - 1, firstPrev))) {
            throw found(Problem.Kind.BAD_SIGNATURE, firstSeq - 1, "the checkpoint at entry " + (firstSeq - 1) + " signed another hash than the "
                    + "export starts from: the entries before the export were rewritten");
        }
        ChainChecker chain = new ChainChecker(firstSeq, firstPrev, "", heads, hash -> seqOfHash(zip, hash));
        walk(zip, chain);
        if (chain.count() == 0 || chain.lastSeq() != lastSeq || !chain.lastHash().equals(manifest.path("lastHash").asText())) {
            throw found(Problem.Kind.TRUNCATED, chain.lastSeq() + 1, "entries.jsonl ends at entry " + chain.lastSeq()
                    + " but the signed manifest says it ends at entry " + lastSeq + ": entries were removed");
        }
        JsonNode files = manifest.path("files");
        for (String name : JournalExport.FILES) {
            String actual = Canonical.hex(Canonical.sha256().digest(bytes(zip, name)));
            if (!actual.equals(files.path(name).asText())) {
                throw found(Problem.Kind.ALTERED, 0, name + " was altered: its SHA-256 is not the one in the signed manifest");
            }
        }
        return new Verification(source, chain.count(), checkpointLines(zip).size(), chain.lastSeq(), chain.lastHash(), fp, 0, null);
    }

    private List<String> checkpointLines(ZipFile zip) throws IOException {
        return new String(bytes(zip, JournalExport.CHECKPOINTS), StandardCharsets.UTF_8).lines().toList();
    }

    private Map<Long, String> checkpoints(ZipFile zip, PublicKey key, String fp, long firstSeq, long lastSeq) throws IOException, Found {
        Map<Long, String> heads = new HashMap<>();
        List<String> lines = checkpointLines(zip);
        for (int i = 0; i < lines.size(); i++) {
            Checkpoint cp;
            try {
                cp = Checkpoint.parse(mapper, lines.get(i));
            } catch (IllegalArgumentException e) {
                throw found(Problem.Kind.MALFORMED, 0, "checkpoints.jsonl line " + (i + 1) + " is not a checkpoint (" + e.getMessage() + ")");
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
        return heads;
    }

    private void walk(ZipFile zip, ChainChecker chain) throws IOException, Found {
        try (BufferedReader in = reader(zip, JournalExport.ENTRIES)) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                ChainChecker.Row row = row(line, lineNo);
                Problem p = chain.accept(row);
                if (p != null) {
                    throw new Found(p);
                }
            }
        }
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

    private Long seqOfHash(ZipFile zip, String hash) {
        try (BufferedReader in = reader(zip, JournalExport.ENTRIES)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
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

    private static BufferedReader reader(ZipFile zip, String name) throws IOException {
        return new BufferedReader(new InputStreamReader(zip.getInputStream(zip.getEntry(name)), StandardCharsets.UTF_8), 1 << 16);
    }

    private static byte[] bytes(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    private static Found found(Problem.Kind kind, long seq, String message) {
        return new Found(new Problem(kind, seq, message));
    }
}
