package dev.redoubt.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Northwind demo as a hostile capture file could describe it: every vault, account, plan, rule,
 * restore testing plan and resource name, and every region, carries terminal escapes (ESC[2J clears
 * the screen, BEL), a right-to-left override, Terraform template sequences, shell metacharacters and
 * a YAML line that would add a key. Names are replaced consistently (in ARNs too), so the checks still
 * find what they judge, and their evidence and remediations carry the payloads.
 */
public final class HostileEstate {
    /** Clears the screen, rings the bell, reverses the text after it. */
    public static final String TERMINAL = "\u001b[2J\u0007\u202e\u009b31m";
    /** Every destination's metacharacters: HCL templates, quotes, shell, a YAML key on a new line. */
    public static final String PAYLOAD = TERMINAL + "${file(\"x\")}%{ if true }\"'`$(id);\\\n  Malicious: x";
    /** For regions, which ARNs split on colons: the same without ':' and '/'. */
    public static final String REGION_PAYLOAD = TERMINAL + "${x}%{y}\"'`$(id);\\\n- Malicious";
    /** The members whose values are renamed everywhere they appear. */
    private static final Set<String> NAMES = Set.of("BackupVaultName", "BackupPlanName", "RuleName", "RestoreTestingPlanName",
            "ResourceName", "FrameworkName", "ReportPlanName");

    private HostileEstate() {
    }

    /** The hostile demo estate. */
    public static Estate build() {
        EstateFile file = new EstateFile();
        return file.fromTree(tree(), "hostile.json");
    }

    /** The hostile demo as JSON (what a hand-edited capture file would hold). */
    public static JsonNode tree() {
        return tree(true);
    }

    /**
     * The hostile demo as JSON; {@code regions} false leaves the regions alone (estate validation refuses
     * a region that is not one, so such a file is audited; the names are free text AWS checks nowhere).
     */
    public static JsonNode tree(boolean regions) {
        EstateFile file = new EstateFile();
        JsonNode tree = file.toTree(NorthwindDemo.build());
        Map<String, String> renames = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        collect(tree, names);
        for (String n : names) {
            if (n.length() >= 4) {
                renames.put(n, n + PAYLOAD);
            }
        }
        for (JsonNode a : tree.path("Accounts")) {
            renames.put(a.path("Name").asText(), a.path("Name").asText() + PAYLOAD);
            if (regions) {
                a.path("Regions").fieldNames().forEachRemaining(r -> renames.put(r, r + REGION_PAYLOAD));
            }
        }
        List<String> keys = new ArrayList<>(renames.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alternation = new StringBuilder();
        for (String k : keys) {
            alternation.append(alternation.length() == 0 ? "" : "|").append(Pattern.quote(k));
        }
        // whole tokens only: a name inside a longer word (a policy's Sid, a description) stays as it is
        Pattern p = Pattern.compile("(?<![A-Za-z0-9_-])(?:" + alternation + ")(?![A-Za-z0-9_-])");
        JsonNode out = rename(tree, p, renames);
        ((ObjectNode) out).put("Name", "Northwind" + PAYLOAD);
        return out;
    }

    private static void collect(JsonNode n, Set<String> names) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (NAMES.contains(e.getKey()) && e.getValue().isTextual()) {
                    names.add(e.getValue().asText());
                }
                collect(e.getValue(), names);
            }
        } else if (n.isArray()) {
            n.forEach(c -> collect(c, names));
        }
    }

    private static JsonNode rename(JsonNode n, Pattern p, Map<String, String> renames) {
        JsonNodeFactory j = JsonNodeFactory.instance;
        if (n.isObject()) {
            ObjectNode o = j.objectNode();
            n.fields().forEachRemaining(e -> o.set(replace(e.getKey(), p, renames), rename(e.getValue(), p, renames)));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = j.arrayNode();
            n.forEach(c -> a.add(rename(c, p, renames)));
            return a;
        }
        return n.isTextual() ? j.textNode(replace(n.asText(), p, renames)) : n;
    }

    private static String replace(String s, Pattern p, Map<String, String> renames) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(renames.get(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** True for a character no output may carry raw: controls other than newline and tab, format characters (bidi), separators. */
    public static boolean hidden(int cp) {
        int t = Character.getType(cp);
        return cp != '\n' && cp != '\t' && (t == Character.CONTROL || t == Character.FORMAT || t == Character.LINE_SEPARATOR
                || t == Character.PARAGRAPH_SEPARATOR);
    }

    /** The first hidden character of a text, as U+XXXX, or null. */
    public static String firstHidden(String s) {
        return s.codePoints().filter(HostileEstate::hidden).mapToObj(c -> String.format("U+%04X", c)).findFirst().orElse(null);
    }
}
