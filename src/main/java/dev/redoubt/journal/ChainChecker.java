package dev.redoubt.journal;

import java.security.MessageDigest;
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

    private final MessageDigest digest = Canonical.sha256();
    private final StringBuilder sb = new StringBuilder(1024);
    private final Map<Long, String> checkpointHeads;
    private final Function<String, Long> seqOfHash;
    private long expectedSeq;
    private String lastHash;
    private String lastTime = "";
    private long count;

    /**
     * @param firstSeq the seq the first row must have
     * @param firstPrev the hash the first row must follow
     * @param checkpointHeads seq to the head hash a checkpoint signed there (checked as the walk passes)
     * @param seqOfHash finds the seq of the entry with a given hash (for naming moved entries; only asked after a failure)
     */
    ChainChecker(long firstSeq, String firstPrev, Map<Long, String> checkpointHeads, Function<String, Long> seqOfHash) {
        this.expectedSeq = firstSeq;
        this.lastHash = firstPrev;
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
        if (!r.prev().equals(lastHash)) {
            return new Problem(Problem.Kind.BROKEN_CHAIN, r.seq(), "the chain is broken at entry " + r.seq() + ": it does not follow entry "
                    + (r.seq() - 1) + " (which was changed or replaced)");
        }
        if (r.time().compareTo(lastTime) < 0) {
            return new Problem(Problem.Kind.OUT_OF_ORDER, r.seq(), "entry " + r.seq() + " is dated " + r.time() + ", before entry "
                    + (r.seq() - 1) + " (" + lastTime + ")");
        }
        String signed = checkpointHeads.get(r.seq());
        if (signed != null && !signed.equals(r.hash())) {
            return new Problem(Problem.Kind.BAD_SIGNATURE, r.seq(), "the checkpoint at entry " + r.seq()
                    + " signed another hash: entries up to " + r.seq() + " were rewritten");
        }
        lastHash = r.hash();
        lastTime = r.time();
        expectedSeq++;
        count++;
        return null;
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
        return lastHash;
    }
}
