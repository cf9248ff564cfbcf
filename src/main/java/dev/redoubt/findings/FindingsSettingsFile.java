package dev.redoubt.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "findings" member of settings.json, a file other features share (the journal pins its key
 * there; {@link dev.redoubt.settings.SettingsFile} reads and updates it under a lock): reading
 * ignores the other members, writing replaces only "findings" and keeps every other member (and
 * unknown members inside "findings") as they were.
 *
 * <pre>{"findings": {"thresholds": {"recoveryPointMinRetentionDays": 35},
 *               "accountRoles": {"111122223333": "BACKUP"},
 *               "organizations": {"o-abc": {"thresholds": {...}, "accountRoles": {...}}}}}</pre>
 */
public final class FindingsSettingsFile {
    public static final String MEMBER = "findings";

    /** A settings file that cannot be used, with a one-line message naming the file and the member. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        public Invalid(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private FindingsSettingsFile() {
    }

    /** The findings settings in a file; a missing file (when not {@code required}) or member gives the defaults. */
    public static FindingsSettings read(Path file, boolean required) throws Invalid {
        JsonNode root = readTree(file, required);
        JsonNode f = root == null ? null : root.get(MEMBER);
        if (f == null || f.isNull()) {
            return FindingsSettings.DEFAULTS;
        }
        String where = file + ": " + MEMBER;
        if (!f.isObject()) {
            throw new Invalid(where + ": expected an object", null);
        }
        Map<String, FindingsSettings.OrganizationSettings> orgs = new LinkedHashMap<>();
        JsonNode o = f.get("organizations");
        if (o != null && !o.isNull()) {
            if (!o.isObject()) {
                throw new Invalid(where + ".organizations: expected an object keyed by organization ID", null);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                var e = it.next();
                String w = where + ".organizations." + e.getKey();
                if (!e.getValue().isObject()) {
                    throw new Invalid(w + ": expected an object with thresholds and accountRoles", null);
                }
                orgs.put(e.getKey(), new FindingsSettings.OrganizationSettings(thresholds(e.getValue().get("thresholds"), w + ".thresholds"),
                        roles(e.getValue().get("accountRoles"), w + ".accountRoles")));
            }
        }
        FindingsSettings s = new FindingsSettings(thresholds(f.get("thresholds"), where + ".thresholds"),
                roles(f.get("accountRoles"), where + ".accountRoles"), orgs);
        try {
            s.thresholdsFor(null);
            for (String org : orgs.keySet()) {
                s.thresholdsFor(org);
            }
        } catch (IllegalArgumentException e) {
            throw new Invalid(where + ": " + e.getMessage(), e);
        }
        return s;
    }

    /** Replaces the "findings" member, keeping everything else in the file (read-modify-write under the shared settings lock). */
    public static void write(Path file, FindingsSettings settings) throws Invalid {
        try {
            new dev.redoubt.settings.SettingsFile(file).update(root -> {
                ObjectNode f = root.get(MEMBER) instanceof ObjectNode on ? on : root.putObject(MEMBER);
                ObjectNode t = f.putObject("thresholds");
                settings.thresholds().forEach(t::put);
                ObjectNode r = f.putObject("accountRoles");
                settings.accountRoles().forEach((k, v) -> r.put(k, v.name()));
                ObjectNode orgs = f.putObject("organizations");
                settings.organizations().forEach((id, os) -> {
                    ObjectNode o = orgs.putObject(id);
                    ObjectNode ot = o.putObject("thresholds");
                    os.thresholds().forEach(ot::put);
                    ObjectNode or = o.putObject("accountRoles");
                    os.accountRoles().forEach((k, v) -> or.put(k, v.name()));
                });
            });
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new Invalid(e.getMessage(), e);
        }
    }

    private static JsonNode readTree(Path file, boolean required) throws Invalid {
        if (required && !Files.exists(file)) {
            throw new Invalid(file + ": no such file; check the settings file path", null);
        }
        try {
            return new dev.redoubt.settings.SettingsFile(file).read();
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new Invalid(e.getMessage(), e);
        }
    }

    private static Map<String, Integer> thresholds(JsonNode n, String where) throws Invalid {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw new Invalid(where + ": expected an object of threshold names to whole numbers", null);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber()) {
                throw new Invalid(where + "." + e.getKey() + ": expected a whole number, found " + brief(e.getValue()), null);
            }
            if (!Thresholds.DEFAULTS.asMap().containsKey(e.getKey())) {
                throw new Invalid(where + "." + e.getKey() + ": unknown threshold; known: " + String.join(", ", Thresholds.DEFAULTS.asMap().keySet()), null);
            }
            out.put(e.getKey(), e.getValue().intValue());
        }
        return out;
    }

    /** A value as the file has it, cut short: a message stays one readable line. */
    private static String brief(JsonNode v) {
        String s = v.toString().replace('\n', ' ').replace('\r', ' ');
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static String roleNames() {
        return String.join(", ", java.util.Arrays.stream(AccountType.values()).map(Enum::name).toList());
    }

    private static Map<String, AccountType> roles(JsonNode n, String where) throws Invalid {
        Map<String, AccountType> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw new Invalid(where + ": expected an object of account IDs to roles", null);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isTextual()) {
                throw new Invalid(where + "." + e.getKey() + ": expected a role name (" + roleNames() + "), found " + brief(e.getValue()), null);
            }
            try {
                out.put(e.getKey(), AccountType.parse(e.getValue().asText()));
            } catch (IllegalArgumentException ex) {
                throw new Invalid(where + "." + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        return out;
    }
}
