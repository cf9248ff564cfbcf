package dev.redoubt.findings;

import dev.redoubt.text.SafeText;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names in remediations are values, never code: names, ARNs, regions and tags come from the estate,
 * which whoever controls an account (or edits a capture file) writes. Each value is quoted for the
 * place it goes: a word of a POSIX shell command line, a Terraform (HCL) string, a CloudFormation
 * (YAML) scalar. A value with hidden characters (terminal controls, bidi overrides: see
 * {@link SafeText#hidden(int)}) is escaped where the language can say so visibly (HCL, YAML); a
 * shell has no portable way, so a command gets a placeholder that says why instead of the value.
 */
public final class Quoting {
    private static final Pattern YAML_PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9._/-]*");
    /** Plain words YAML (1.1, as CloudFormation reads it) takes for booleans and null. */
    private static final Set<String> YAML_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

    private Quoting() {
    }

    /**
     * One word of a POSIX shell command line: as it is when it is only letters, digits and {@code _./:=@+-},
     * else single-quoted. A value with hidden characters becomes a quoted placeholder naming them, as
     * no quoting shows them in every shell: the command then fails rather than act on a name the reader
     * cannot see.
     */
    public static String sh(String value) {
        String v = value == null ? "" : value;
        if (SafeText.hasHidden(v)) {
            return "'<a name with hidden characters (" + SafeText.describeHidden(v) + "), not shown>'";
        }
        boolean plain = !v.isEmpty();
        for (int i = 0; i < v.length() && plain; i++) {
            char c = v.charAt(i);
            plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_./:=@+-".indexOf(c) >= 0;
        }
        return plain ? v : "'" + v.replace("'", "'\\''") + "'";
    }

    /**
     * A Terraform (HCL) quoted string, quotes included: backslash, quote and line ends escaped, the
     * template sequences {@code ${} and {@code %{} made literal ({@code $${}, {@code %%{}), hidden
     * characters as {@code \}{@code uNNNN} escapes.
     */
    public static String hcl(String value) {
        String v = value == null ? "" : value;
        StringBuilder b = new StringBuilder(v.length() + 8).append('"');
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            int n = Character.charCount(cp);
            char next = i + n < v.length() ? v.charAt(i + n) : 0;
            switch (cp) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '$', '%' -> b.append((char) cp).append(next == '{' ? String.valueOf((char) cp) : "");
                default -> {
                    if (SafeText.hidden(cp)) {
                        b.append(cp > 0xFFFF ? String.format(Locale.ROOT, "\\U%08X", cp) : String.format(Locale.ROOT, "\\u%04X", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
            i += n;
        }
        return b.append('"').toString();
    }

    /**
     * A CloudFormation (YAML) scalar that reads back as exactly the value, in block and flow context:
     * plain when it is a simple word YAML takes as a string, else single-quoted, else (line breaks,
     * hidden characters) double-quoted with escapes.
     */
    public static String yaml(String value) {
        String v = value == null ? "" : value;
        if (YAML_PLAIN.matcher(v).matches() && !YAML_WORDS.contains(v.toLowerCase(Locale.ROOT))) {
            return v;
        }
        boolean single = true;
        for (int i = 0; i < v.length() && single; ) {
            int cp = v.codePointAt(i);
            single = cp >= 0x20 && !SafeText.hidden(cp) && cp != 0xFFFE && cp != 0xFFFF;
            i += Character.charCount(cp);
        }
        if (single) {
            return "'" + v.replace("'", "''") + "'";
        }
        StringBuilder b = new StringBuilder(v.length() + 8).append('"');
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            switch (cp) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (cp < 0x20 || SafeText.hidden(cp) || cp == 0xFFFE || cp == 0xFFFF) {
                        b.append(cp > 0xFFFF ? String.format(Locale.ROOT, "\\U%08X", cp) : String.format(Locale.ROOT, "\\u%04X", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
            i += Character.charCount(cp);
        }
        return b.append('"').toString();
    }

    /** A JSON string literal, quotes included: quote, backslash and controls escaped, hidden characters as {@code \}{@code uNNNN}. */
    public static String json(String value) {
        String v = value == null ? "" : value;
        StringBuilder b = new StringBuilder(v.length() + 8).append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || SafeText.hidden(c)) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
