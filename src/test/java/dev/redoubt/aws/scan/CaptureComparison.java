package dev.redoubt.aws.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The round trip's equality (docs/estate-format.md, "Round trip"): what Redoubt reads, ignoring
 * CapturedAt and Name, the sandbox identities, keys that protect nothing, the order of lists, and
 * lists that are absent on one side and empty on the other.
 */
public final class CaptureComparison {
    private static final Set<String> IGNORED_TOP = Set.of("CapturedAt", "Name", "SsoUsers");

    private CaptureComparison() {
    }

    public static JsonNode normalize(Estate estate, Set<String> ignoredRegionMembers) {
        EstateFile file = new EstateFile();
        ObjectNode tree = (ObjectNode) file.toTree(estate);
        IGNORED_TOP.forEach(tree::remove);
        Set<String> protecting = new HashSet<>();
        tree.path("Accounts").forEach(a -> a.path("Regions").forEach(r -> r.path("BackupVaults").forEach(v -> {
            protecting.add(v.path("EncryptionKeyArn").asText());
            v.path("RecoveryPoints").forEach(p -> protecting.add(p.path("EncryptionKeyArn").asText()));
        })));
        ArrayNode accounts = JsonNodeFactory.instance.arrayNode();
        for (JsonNode a : tree.path("Accounts")) {
            ObjectNode account = (ObjectNode) a;
            account.remove("Roles");
            ObjectNode regions = (ObjectNode) account.path("Regions");
            Iterator<Map.Entry<String, JsonNode>> it = regions.fields();
            while (it.hasNext()) {
                ObjectNode region = (ObjectNode) it.next().getValue();
                ignoredRegionMembers.forEach(region::remove);
                ArrayNode keys = JsonNodeFactory.instance.arrayNode();
                region.path("KmsKeys").forEach(k -> {
                    if (protecting.contains(k.path("KeyMetadata").path("Arn").asText())) {
                        keys.add(k);
                    }
                });
                region.set("KmsKeys", keys);
                // A sandbox estate may leave out Tags; the sandbox then answers "no tags", which a capture records as {}.
                keys.forEach(k -> {
                    if (!k.has("Tags")) {
                        ((ObjectNode) k).putObject("Tags");
                    }
                });
                region.path("BackupVaults").forEach(v -> {
                    if (!v.has("Tags")) {
                        ((ObjectNode) v).putObject("Tags");
                    }
                });
                List<String> empty = new ArrayList<>();
                region.fields().forEachRemaining(e -> {
                    if (e.getValue().isArray() && e.getValue().isEmpty()) {
                        empty.add(e.getKey());
                    }
                });
                empty.forEach(region::remove);
                // Members the AWS SDK for Java 2.40.2 does not model yet; the SDK drops them, so a scan cannot keep them.
                region.path("MpaApprovalTeams").forEach(t -> t.path("Approvers").forEach(approver -> {
                    ((ObjectNode) approver).remove("LastActivity");
                    ((ObjectNode) approver).remove("LastActivityTime");
                }));
            }
            accounts.add(account);
        }
        tree.set("Accounts", accounts);
        return sortArrays(tree);
    }

    /** The paths where two normalized trees differ, with both values (shortened), at most {@code limit}. */
    public static List<String> differences(JsonNode want, JsonNode got, int limit) {
        List<String> out = new ArrayList<>();
        diff("$", want, got, out, limit);
        return out;
    }

    private static void diff(String path, JsonNode want, JsonNode got, List<String> out, int limit) {
        if (out.size() >= limit || java.util.Objects.equals(want, got)) {
            return;
        }
        if (want != null && got != null && want.isObject() && got.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            want.fieldNames().forEachRemaining(names::add);
            got.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                diff(path + "." + n, want.get(n), got.get(n), out, limit);
            }
            return;
        }
        if (want != null && got != null && want.isArray() && got.isArray() && want.size() == got.size()) {
            for (int i = 0; i < want.size(); i++) {
                diff(path + "[" + i + "]", want.get(i), got.get(i), out, limit);
            }
            return;
        }
        out.add(path + ": expected " + shorten(want) + " but scanned " + shorten(got));
    }

    private static String shorten(JsonNode n) {
        if (n == null) {
            return "(absent)";
        }
        String s = n.isArray() ? "array of " + n.size() + ": " + n : n.toString();
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }

    /** Sorts every array by the text of its elements, recursively, so order does not matter. */
    static JsonNode sortArrays(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            new TreeMap<String, JsonNode>() {
                private static final long serialVersionUID = 1L;
                {
                    node.fields().forEachRemaining(e -> put(e.getKey(), e.getValue()));
                }
            }.forEach((k, v) -> out.set(k, sortArrays(v)));
            return out;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(n -> items.add(sortArrays(n)));
            items.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            items.forEach(out::add);
            return out;
        }
        return node;
    }
}
