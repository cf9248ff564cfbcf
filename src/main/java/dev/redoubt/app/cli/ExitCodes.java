package dev.redoubt.app.cli;

import java.util.List;

/** The exit codes every command shares (README, "Exit codes"). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int VERIFICATION_FAILED = 3;
    public static final int PARTIAL = 4;
    public static final int AUTH = 5;
    public static final int UNREACHABLE = 6;
    public static final int INTERRUPTED = 130;
    /** A defect in Redoubt itself: never expected, always reported with a hint to use --debug. */
    public static final int INTERNAL = 70;

    /** When several apply, the first in this order wins. */
    private static final List<Integer> PRECEDENCE = List.of(USAGE, AUTH, UNREACHABLE, INTERRUPTED, VERIFICATION_FAILED, PARTIAL, FINDINGS);

    private ExitCodes() {
    }

    /** Combines the codes that apply to one run into the one to exit with. */
    public static int combine(int... codes) {
        int best = OK;
        int bestRank = Integer.MAX_VALUE;
        for (int code : codes) {
            if (code == OK) {
                continue;
            }
            int rank = PRECEDENCE.indexOf(code);
            if (rank < 0) {
                rank = -1; // unexpected codes (INTERNAL) always win
            }
            if (rank < bestRank) {
                best = code;
                bestRank = rank;
            }
        }
        return best;
    }
}
