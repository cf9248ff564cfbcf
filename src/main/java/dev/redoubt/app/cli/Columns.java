package dev.redoubt.app.cli;

import dev.redoubt.text.SafeText;
import java.util.Locale;

/**
 * How commands fit values into table columns: characters that would act on the terminal or reorder
 * text (controls, bidi overrides: {@link SafeText#hidden(int)}) and line breaks shown as escapes
 * ({@code \u001b}, {@code \n}) before the width is measured, long text cut with an ellipsis.
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
