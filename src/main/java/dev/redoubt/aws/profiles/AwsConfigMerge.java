package dev.redoubt.aws.profiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges sections into the text of an existing AWS config file without disturbing the rest of it:
 * every line outside the merged sections (other profiles, {@code sso-session}s, {@code services},
 * comments, blank lines, odd spacing) stays byte for byte where it was. A section of the existing
 * file with the same header as one of ours ({@code [profile sandbox]}, spaces inside the brackets
 * aside) is replaced in place by ours, the comments and blank lines after it kept; a later duplicate
 * of it is dropped (the AWS CLI would merge the two); our other sections are appended at the end,
 * after a comment that says where they come from. The text is handled line by line, not through a parser, so that
 * what is kept is kept exactly.
 */
public final class AwsConfigMerge {
    private static final Pattern HEADER = Pattern.compile("^[ \\t]*\\[([^\\]\\r\\n]*)\\][ \\t]*(?:[#;].*)?$");

    private AwsConfigMerge() {
    }

    /** The merged text and the headers of the sections replaced and added. */
    public record Result(String text, List<String> replaced, List<String> added) {
    }

    /**
     * @param existing the config file as it is
     * @param ours     the sections to merge (whatever precedes their first header is not used)
     * @param note     comment lines ("# ...") put before the sections appended at the end
     */
    public static Result merge(String existing, String ours, String note) {
        Parsed old = parse(existing);
        Parsed mine = parse(ours);
        Map<String, Section> ourSections = new LinkedHashMap<>();
        for (Section s : mine.sections) {
            ourSections.putIfAbsent(s.key, s);
        }
        StringBuilder out = new StringBuilder(existing.length() + ours.length());
        out.append(old.preamble);
        List<String> replaced = new ArrayList<>();
        for (Section s : old.sections) {
            Section ourVersion = ourSections.get(s.key);
            if (ourVersion == null) {
                out.append(s.text);
                continue;
            }
            if (!replaced.contains(s.key)) {
                out.append(ourVersion.body());
                replaced.add(s.key);
            }
            out.append(s.trailer());
        }
        List<String> added = new ArrayList<>();
        StringBuilder tail = new StringBuilder();
        for (Section s : mine.sections) {
            if (!replaced.contains(s.key) && !added.contains(s.key)) {
                tail.append('\n').append(s.body());
                added.add(s.key);
            }
        }
        if (!added.isEmpty()) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(note.strip()).append('\n').append(tail);
        }
        return new Result(out.toString(), replaced, added);
    }

    private record Parsed(String preamble, List<Section> sections) {
    }

    /** One section: its normalized header and its text, header line included, up to the next header. */
    private record Section(String key, String text) {
        /** The text without the blank and comment lines at its end. */
        String body() {
            return text.substring(0, bodyEnd());
        }

        /** The blank and comment lines at its end (which usually introduce the next section). */
        String trailer() {
            return text.substring(bodyEnd());
        }

        private int bodyEnd() {
            List<int[]> lines = lines(text);
            int end = text.length();
            for (int i = lines.size() - 1; i > 0; i--) {
                String line = text.substring(lines.get(i)[0], lines.get(i)[1]).strip();
                if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith(";")) {
                    break;
                }
                end = lines.get(i)[0];
            }
            return end;
        }
    }

    private static Parsed parse(String text) {
        List<int[]> lines = lines(text);
        String preamble = null;
        List<Section> sections = new ArrayList<>();
        int start = -1;
        String key = null;
        for (int[] l : lines) {
            Matcher m = HEADER.matcher(text.substring(l[0], l[1]).stripTrailing());
            if (!m.matches()) {
                continue;
            }
            if (start < 0) {
                preamble = text.substring(0, l[0]);
            } else {
                sections.add(new Section(key, text.substring(start, l[0])));
            }
            start = l[0];
            key = m.group(1).strip().replaceAll("\\s+", " ");
        }
        if (start < 0) {
            return new Parsed(text, sections);
        }
        sections.add(new Section(key, text.substring(start)));
        return new Parsed(preamble, sections);
    }

    /** Each line's start and end offsets, its line break included. */
    private static List<int[]> lines(String text) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            int end = nl < 0 ? text.length() : nl + 1;
            out.add(new int[] {i, end});
            i = end;
        }
        return out;
    }
}
