package dev.redoubt.app.cli;

import dev.redoubt.text.SafeText;
import java.util.Locale;

/**
 * How commands fit values into table columns: characters that would act on the terminal or reorder
 * text (controls, bidi overrides: {@link SafeText#hidden(int)}) and line breaks shown as escapes
 * ({@code \u001b}, {@code \n}) before the width is measured, long text cut with an ellipsis (at the
 * end, or in the middle for paths and ARNs, so their names stay).
 */
final class Columns {
    private Columns() {
    }

    static String truncate(String s, int width) {
        if (s == null) {
            return "-";
        }
        String clean = SafeText.forTerminal(s).replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return clean.length() <= width ? clean : clean.substring(0, width - 1) + "…";
    }

    /**
     * Fits a path or an ARN into a column by cutting it in the middle: its start and its last element
     * (the file name, the resource) stay whole when they fit, with an ellipsis between them; a last
     * element too long for the column keeps its end (the extension) and the path its first characters.
     */
    static String middle(String s, int width) {
        if (s == null) {
            return "-";
        }
        String clean = truncate(s, Integer.MAX_VALUE);
        if (clean.length() <= width) {
            return clean;
        }
        int sep = Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\'));
        if (sep < 0) {
            sep = clean.lastIndexOf(':');
        }
        int keep = width - 1;
        int tail = sep > 0 && clean.length() - sep <= keep - 1 ? clean.length() - sep : keep - Math.max(1, keep / 4);
        return clean.substring(0, cut(clean, keep - tail, -1)) + "…" + clean.substring(cut(clean, clean.length() - tail, 1));
    }

    /** {@code i}, moved by {@code step} off the middle of a surrogate pair. */
    private static int cut(String s, int i, int step) {
        return i > 0 && i < s.length() && Character.isLowSurrogate(s.charAt(i)) ? i + step : i;
    }

    /** A count and its noun, grouped and in the singular for one: "1 region", "200,000 recovery points". */
    static String plural(long n, String what) {
        return plural(n, what, what + "s");
    }

    /** The same for a noun whose plural is not its singular and an s: "1 entry", "3 entries". */
    static String plural(long n, String one, String many) {
        return String.format(java.util.Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }

    static String humanBytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
