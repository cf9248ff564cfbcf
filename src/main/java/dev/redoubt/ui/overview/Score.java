package dev.redoubt.ui.overview;

import dev.redoubt.findings.Counts;
import java.util.Locale;

/**
 * A score as the screen writes it (checks.md, "Scores": passing / (passing + failing); UNKNOWN and
 * SUPPRESSED beside it, not in it). Rounded like the reports, except that any failure keeps it
 * below 100% and any pass above 0%, so a rounded figure never hides a failure.
 */
public final class Score {
    /** What a facet or cell with no pass and no fail shows: no score, never 100%. */
    public static final String NONE = "—";

    private Score() {
    }

    /** Whole percent, or -1 when nothing passed or failed. */
    public static int percent(Counts c) {
        Double score = c.score();
        if (score == null) {
            return -1;
        }
        int p = (int) Math.round(score * 100);
        if (c.fail() > 0) {
            p = Math.min(p, 99);
        }
        if (c.pass() > 0) {
            p = Math.max(p, 1);
        }
        return p;
    }

    /** "78%", or "—" when there is no score. */
    public static String text(Counts c) {
        int p = percent(c);
        return p < 0 ? NONE : p + "%";
    }

    public static ScoreBand band(Counts c) {
        return ScoreBand.of(c.score());
    }

    /** 12,345 in the console's one number format. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A count for a small space: 987, 1.3k, 13k, 1.3M (the exact figure goes in a tooltip). */
    public static String compact(long n) {
        if (n < 1_000) {
            return Long.toString(n);
        }
        if (n < 10_000) {
            return String.format(Locale.ROOT, "%.1fk", Math.floor(n / 100.0) / 10);
        }
        if (n < 1_000_000) {
            return (n / 1_000) + "k";
        }
        return String.format(Locale.ROOT, "%.1fM", Math.floor(n / 100_000.0) / 10);
    }

    /** "1 check", "2 checks". */
    public static String plural(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }
}
