package dev.redoubt.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.PublicKey;
import java.util.Iterator;
import java.util.Set;

/**
 * A signed statement that the journal's entry {@code seq} had hash {@code head} at {@code time}
 * (seq 0 with 64 zeros: an empty journal). The signature is Ed25519 over the checkpoint's RFC 8785
 * canonical JSON without the signature member; {@code key} is the signing key's fingerprint.
 * Reasons: session-start, session-end, interval (every 100 entries).
 */
public record Checkpoint(long seq, String head, String time, String session, String reason, String key, String signature) {
    private static final Set<String> MEMBERS = Set.of("seq", "head", "time", "session", "reason", "key", "signature");

    /** The canonical text that is signed. */
    public String signedText() {
        return Canonical.checkpoint(seq, head, time, session, reason, key, null);
    }

    /** The canonical JSON with the signature: a line of the sidecar or of an export. */
    public String json() {
        return Canonical.checkpoint(seq, head, time, session, reason, key, signature);
    }

    public boolean signatureValid(PublicKey publicKey) {
        return !signature.isEmpty() && JournalKeys.verifyText(publicKey, signedText(), signature);
    }

    /** Reads one sidecar or export line; throws IllegalArgumentException saying what is wrong. */
    static Checkpoint parse(ObjectMapper mapper, String line) {
        JsonNode n;
        try {
            n = mapper.readTree(line);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!MEMBERS.contains(name)) {
                throw new IllegalArgumentException("unexpected member \"" + name + "\"");
            }
        }
        JsonNode seq = n.get("seq");
        if (seq == null || !seq.canConvertToExactIntegral() || seq.asLong() < 0) {
            throw new IllegalArgumentException("no whole-number seq");
        }
        return new Checkpoint(seq.asLong(), text(n, "head"), text(n, "time"), text(n, "session"), text(n, "reason"), text(n, "key"),
                n.hasNonNull("signature") && n.get("signature").isTextual() ? n.get("signature").textValue() : "");
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("no string " + name);
        }
        return v.textValue();
    }
}
