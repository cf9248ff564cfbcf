package dev.redoubt.text;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Text from an estate or from AWS (names, tags, ARNs, evidence, error messages) is written by whoever
 * controls those accounts or edited the capture file. Some characters in it act instead of showing:
 * terminal controls (ESC starts a sequence that can clear the screen or retitle the window, BEL rings,
 * CR overwrites the line, C1's CSI does what ESC [ does) and invisible format characters (the
 * bidirectional overrides and isolates U+202A..U+202E and U+2066..U+2069, the marks U+200E, U+200F and
 * U+061C, zero-width characters) that reorder or hide what a reader sees. These functions show them
 * instead, each in the way its destination reads.
 */
public final class SafeText {
    private SafeText() {
    }

    /**
     * True for a character that must not reach a reader raw: a control (C0 but newline and tab, DEL, C1),
     * a format character (Unicode category Cf: bidi controls, zero-width characters, the byte order mark),
     * a line or paragraph separator, or a lone surrogate.
     */
    public static boolean hidden(int cp) {
        if (cp == '\n' || cp == '\t') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    /** True when the text has a hidden character (see {@link #hidden(int)}). */
    public static boolean hasHidden(String s) {
        if (s == null) {
            return false;
        }
        // A loop, not codePoints(): every shell word of every remediation passes here (hundreds of thousands per audit).
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++; // printable ASCII: never hidden
                continue;
            }
            int cp = s.codePointAt(i);
            if (hidden(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** The hidden characters of a text, each once, as {@code U+202E}, separated by spaces. */
    public static String describeHidden(String s) {
        Set<String> names = new LinkedHashSet<>();
        s.codePoints().filter(SafeText::hidden).forEach(cp -> names.add(codePoint(cp)));
        return String.join(" ", names);
    }

    /** {@code U+202E}. */
    public static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }

    /**
     * For a terminal: each hidden character as a JSON-style escape ({@code \u001b}), which a terminal shows
     * and which, inside a JSON string printed to the terminal, still reads as the same character. Newline,
     * tab and a CR LF line end stay; a lone CR is shown.
     */
    public static String forTerminal(String s) {
        if (s == null || !hasHidden(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                b.append('\r');
            } else if (hidden(cp)) {
                for (int k = i; k < i + n; k++) {
                    b.append(String.format(Locale.ROOT, "\\u%04x", (int) s.charAt(k)));
                }
            } else {
                b.appendCodePoint(cp);
            }
            i += n;
        }
        return b.toString();
    }

    /** Each hidden character as a visible mark {@code <U+202E>}; newline and tab stay. */
    public static String marked(String s) {
        if (s == null || !hasHidden(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            if (hidden(cp)) {
                b.append('<').append(codePoint(cp)).append('>');
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
