package dev.redoubt.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * Walks entries in sequence order and finds the first one that is altered, missing, out of order or
 * off the chain, and the first checkpoint whose head the entries do not have. Shared by the
 * verification of the database and of an export.
 */
final class ChainChecker {
    /** An entry's stored text, column by column, before any interpretation. */
    record Row(long seq, String time, String actor, String session, String mode, String target, String action, String subject,
               String details, String prev, String hash) {
    }

    /** Field order of a raw row (see {@link #acceptRaw}). */
    static final int TIME = 0, ACTOR = 1, SESSION = 2, MODE = 3, TARGET = 4, ACTION = 5, SUBJECT = 6, DETAILS = 7, PREV = 8, HASH = 9, FIELDS = 10;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest digest = Canonical.sha256();
    private final StringBuilder sb = new StringBuilder(1024);
    private final Map<Long, String> checkpointHeads;
    private final Function<String, Long> seqOfHash;
    private long expectedSeq;
    private byte[] lastHash;
    private byte[] lastTime;
    private long count;
    private byte[] out = new byte[4096];
    private int len;
    private final byte[] hex = new byte[64];

    /**
     * @param firstSeq the seq the first row must have
     * @param firstPrev the hash the first row must follow
     * @param firstTime the time the first row must not be before ("" for none)
     * @param checkpointHeads seq to the head hash a checkpoint signed there (checked as the walk passes)
     * @param seqOfHash finds the seq of the entry with a given hash (for naming moved entries; only asked after a failure)
     */
    ChainChecker(long firstSeq, String firstPrev, String firstTime, Map<Long, String> checkpointHeads, Function<String, Long> seqOfHash) {
        this.expectedSeq = firstSeq;
        this.lastHash = utf8(firstPrev);
        this.lastTime = utf8(firstTime);
        this.checkpointHeads = checkpointHeads;
        this.seqOfHash = seqOfHash;
    }

    /** Checks the next row; returns the first problem, or null. */
    Problem accept(Row r) {
        if (r.seq() != expectedSeq) {
            if (r.seq() < expectedSeq) {
                return new Problem(Problem.Kind.OUT_OF_ORDER, r.seq(), "entry " + r.seq() + " comes after entry " + (expectedSeq - 1));
            }
            return new Problem(Problem.Kind.MISSING, expectedSeq, expectedSeq == r.seq() - 1
                    ? "entry " + expectedSeq + " is missing (the journal goes from " + (expectedSeq - 1) + " to " + r.seq() + ")"
                    : "entries " + expectedSeq + " to " + (r.seq() - 1) + " are missing (the journal goes from " + (expectedSeq - 1) + " to " + r.seq() + ")");
        }
        if (!hashOf(r, r.seq()).equals(r.hash())) {
            Long before = seqOfHash.apply(r.prev());
            for (long written : new long[] {before == null ? -1 : before + 1, r.seq() + 1, r.seq() - 1}) {
                if (written > 0 && written != r.seq() && hashOf(r, written).equals(r.hash())) {
                    return new Problem(Problem.Kind.OUT_OF_ORDER, r.seq(), "entry " + r.seq() + " is entry " + written
                            + " moved here: entries were swapped, moved or removed and renumbered");
                }
            }
            return new Problem(Problem.Kind.ALTERED, r.seq(), "entry " + r.seq() + " was altered: its content does not match its hash");
        }
        if (!Arrays.equals(utf8(r.prev()), lastHash)) {
            return new Problem(Problem.Kind.BROKEN_CHAIN, r.seq(), "the chain is broken at entry " + r.seq() + ": it does not follow entry "
                    + (r.seq() - 1) + " (which was changed or replaced)");
        }
        if (Arrays.compareUnsigned(utf8(r.time()), lastTime) < 0) {
            return new Problem(Problem.Kind.OUT_OF_ORDER, r.seq(), "entry " + r.seq() + " is dated " + r.time() + ", before entry "
                    + (r.seq() - 1) + " (" + new String(lastTime, StandardCharsets.UTF_8) + ")");
        }
        String signed = checkpointHeads.get(r.seq());
        if (signed != null && !signed.equals(r.hash())) {
            return new Problem(Problem.Kind.BAD_SIGNATURE, r.seq(), "the checkpoint at entry " + r.seq()
                    + " signed another hash: entries up to " + r.seq() + " were rewritten");
        }
        lastHash = utf8(r.hash());
        lastTime = utf8(r.time());
        expectedSeq++;
        count++;
        return null;
    }

    /**
     * The fast path for a walk over the database: the row's fields as UTF-8 slices of {@code buf}
     * ({@code from[i]} to {@code to[i]}, in the order of the constants above; subject null when
     * {@code subjectNull}), hashed without decoding a single string. RFC 8785 escapes only ASCII
     * characters, and UTF-8 never uses ASCII bytes inside other characters, so escaping bytes is
     * escaping characters. Returns true when the row is sound (and the walk moves on); false means
     * nothing moved: call {@link #accept} with the decoded row to name the problem.
     */
    boolean acceptRaw(long seq, byte[] buf, int[] from, int[] to, boolean subjectNull) {
        if (seq != expectedSeq || to[HASH] - from[HASH] != 64) {
            return false;
        }
        len = 0;
        ascii("{\"action\":");
        quote(buf, from[ACTION], to[ACTION]);
        ascii(",\"actor\":");
        quote(buf, from[ACTOR], to[ACTOR]);
        ascii(",\"details\":");
        bytes(buf, from[DETAILS], to[DETAILS]);
        ascii(",\"mode\":");
        quote(buf, from[MODE], to[MODE]);
        ascii(",\"prev\":");
        quote(buf, from[PREV], to[PREV]);
        ascii(",\"seq\":");
        ascii(Long.toString(seq));
        ascii(",\"session\":");
        quote(buf, from[SESSION], to[SESSION]);
        ascii(",\"subject\":");
        if (subjectNull) {
            ascii("null");
        } else {
            quote(buf, from[SUBJECT], to[SUBJECT]);
        }
        ascii(",\"target\":");
        quote(buf, from[TARGET], to[TARGET]);
        ascii(",\"time\":");
        quote(buf, from[TIME], to[TIME]);
        put(0x7d);
        digest.update(out, 0, len);
        byte[] d = digest.digest();
        for (int i = 0; i < d.length; i++) {
            hex[2 * i] = HEX[(d[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[d[i] & 0xF];
        }
        if (!Arrays.equals(hex, 0, 64, buf, from[HASH], to[HASH])
                || !Arrays.equals(lastHash, 0, lastHash.length, buf, from[PREV], to[PREV])
                || Arrays.compareUnsigned(buf, from[TIME], to[TIME], lastTime, 0, lastTime.length) < 0) {
            return false;
        }
        String signed = checkpointHeads.get(seq);
        if (signed != null && !Arrays.equals(utf8(signed), 0, signed.length(), buf, from[HASH], to[HASH])) {
            return false;
        }
        lastHash = Arrays.copyOfRange(buf, from[HASH], to[HASH]);
        lastTime = Arrays.copyOfRange(buf, from[TIME], to[TIME]);
        expectedSeq++;
        count++;
        return true;
    }

    private void ascii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            put(s.charAt(i));
        }
    }

    private void bytes(byte[] src, int from, int to) {
        ensure(to - from);
        System.arraycopy(src, from, out, len, to - from);
        len += to - from;
    }

    private void quote(byte[] src, int from, int to) {
        ensure((to - from) * 6 + 2);
        out[len++] = '"';
        for (int i = from; i < to; i++) {
            byte b = src[i];
            if (b == '"' || b == '\\') {
                out[len++] = '\\';
                out[len++] = b;
            } else if (b >= 0 && b < 0x20) {
                out[len++] = '\\';
                switch (b) {
                    case '\b' -> out[len++] = 'b';
                    case '\t' -> out[len++] = 't';
                    case '\n' -> out[len++] = 'n';
                    case '\f' -> out[len++] = 'f';
                    case '\r' -> out[len++] = 'r';
                    default -> {
                        out[len++] = 'u';
                        out[len++] = '0';
                        out[len++] = '0';
                        out[len++] = HEX[b >> 4];
                        out[len++] = HEX[b & 0xF];
                    }
                }
            } else {
                out[len++] = b;
            }
        }
        out[len++] = '"';
    }

    private void put(int b) {
        ensure(1);
        out[len++] = (byte) b;
    }

    private void ensure(int more) {
        if (len + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, len + more));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String hashOf(Row r, long seq) {
        return Canonical.sha256Hex(digest, Canonical.entry(sb, seq, r.time(), r.actor(), r.session(), r.mode(), r.target(), r.action(),
                r.subject(), r.details(), r.prev(), null));
    }

    long count() {
        return count;
    }

    long lastSeq() {
        return expectedSeq - 1;
    }

    String lastHash() {
        return new String(lastHash, StandardCharsets.UTF_8);
    }
}
