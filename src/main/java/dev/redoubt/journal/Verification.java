package dev.redoubt.journal;

/**
 * The outcome of verifying a journal or an export: the counts and the head when all is well, or
 * the first problem. {@code unsigned} counts entries after the last checkpoint, which no signature
 * covers yet (a crashed session leaves some; the next session's start checkpoint covers them).
 */
public record Verification(String source, long entries, long checkpoints, long headSeq, String headHash, String keyFingerprint,
                           long unsigned, Problem problem) {
    public boolean ok() {
        return problem == null;
    }

    static Verification failed(String source, String keyFingerprint, Problem problem) {
        return new Verification(source, 0, 0, 0, null, keyFingerprint, 0, problem);
    }
}
