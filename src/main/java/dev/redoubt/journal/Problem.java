package dev.redoubt.journal;

/**
 * The first thing verification found wrong: what kind, the entry's seq where one applies (0 when
 * none does), and a one-line message naming the place.
 */
public record Problem(Kind kind, long seq, String message) {
    public enum Kind {
        /** An entry's content no longer matches its hash. */
        ALTERED,
        /** A sequence number is missing (an entry was deleted). */
        MISSING,
        /** An entry's previous-hash does not match the entry before it. */
        BROKEN_CHAIN,
        /** Entries were moved or swapped, or one is dated before the entry before it. */
        OUT_OF_ORDER,
        /** A checkpoint's or export's signature does not verify, or it signs a head the entries do not have. */
        BAD_SIGNATURE,
        /** A checkpoint or export signature is absent where one must be. */
        MISSING_SIGNATURE,
        /** The journal (or its sidecar) ends before a checkpoint says it does. */
        TRUNCATED,
        /** The key is not the pinned one, or nothing pins it. */
        KEY_NOT_PINNED,
        /** A file is missing, unreadable or not in the expected format. */
        MALFORMED
    }
}
