package dev.redoubt.ui.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redoubt.estate.Arn;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.KeyAlias;
import dev.redoubt.estate.KeyMetadata;
import dev.redoubt.estate.KmsKey;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.access.KeyKind;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.browse.Formats;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The keys list, computed away from the UI thread: one row per key of the estate, and one per key
 * that vaults or recovery points use but the estate does not hold; which vaults use each and how
 * many recovery points it encrypts (one pass over the recovery points); then filtered and sorted.
 */
final class KeysIndex {
    /** The ID of an AWS-owned key whose ARN AWS does not tell: one per vault that uses it. */
    static final String AWS_OWNED_PREFIX = "aws-owned:";

    private KeysIndex() {
    }

    /** Which vaults use each key (its vaults' own key, or their recovery points'), and how many recovery points each encrypts. */
    record Uses(Map<String, Set<String>> vaults, Map<String, Long> points) {
        Set<String> vaultsOf(String id) {
            return vaults.getOrDefault(id, Set.of());
        }

        long pointsOf(String id) {
            return points.getOrDefault(id, 0L);
        }
    }

    static Uses uses(EstateIndex x) {
        Map<String, Set<String>> vaults = new LinkedHashMap<>();
        Map<String, Long> points = new HashMap<>();
        for (VaultRef v : x.vaults()) {
            if (v.arn() == null) {
                continue;
            }
            String own = vaultKey(x, v);
            if (own != null) {
                vaults.computeIfAbsent(own, k -> new LinkedHashSet<>()).add(v.arn());
            }
            String lastRaw = null;
            String lastType = null;
            String lastId = null;
            long run = 0;
            for (RecoveryPoint p : v.points()) {
                String raw = p.encryptionKeyArn();
                String type = p.encryptionKeyType();
                if (run > 0 && Objects.equals(raw, lastRaw) && Objects.equals(type, lastType)) {
                    run++;
                    continue;
                }
                if (run > 0 && lastId != null) {
                    points.merge(lastId, run, Long::sum);
                }
                lastRaw = raw;
                lastType = type;
                lastId = pointKey(x, v, raw, type);
                run = 1;
                if (lastId != null) {
                    vaults.computeIfAbsent(lastId, k -> new LinkedHashSet<>()).add(v.arn());
                }
            }
            if (run > 0 && lastId != null) {
                points.merge(lastId, run, Long::sum);
            }
        }
        return new Uses(vaults, points);
    }

    /** The ID of a vault's own key: the canonical ARN, an AWS-owned key's ID, or null when it names none. */
    static String vaultKey(EstateIndex x, VaultRef v) {
        BackupVault b = v.vault();
        if (EstateIndex.AWS_OWNED_KEY.equals(b.encryptionKeyType())) {
            return b.encryptionKeyArn() != null ? b.encryptionKeyArn() : AWS_OWNED_PREFIX + v.arn();
        }
        return b.encryptionKeyArn() == null ? null : canonical(x, b.encryptionKeyArn());
    }

    static String pointKey(EstateIndex x, VaultRef v, String arn, String type) {
        if (EstateIndex.AWS_OWNED_KEY.equals(type)) {
            return arn != null ? arn : AWS_OWNED_PREFIX + v.arn();
        }
        return arn == null ? null : canonical(x, arn);
    }

    static String canonical(EstateIndex x, String arn) {
        KeyRef k = x.key(arn);
        return k == null ? arn : k.arn();
    }

    /** Every key in scope: the estate's, then those it does not hold. */
    static List<KeyRow> build(EstateCatalog c, BrowseScope scope, ZoneId zone) {
        EstateIndex x = c.index();
        Uses uses = uses(x);
        List<KeyRow> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (KeyRef k : x.keys()) {
            if (!seen.add(k.arn())) {
                continue;
            }
            KeyRow row = row(c, k, uses, zone);
            if (inScope(x, row, scope)) {
                out.add(row);
            }
        }
        for (Map.Entry<String, Set<String>> e : uses.vaults().entrySet()) {
            if (seen.contains(e.getKey()) || x.key(e.getKey()) != null) {
                continue;
            }
            KeyRow row = notHeld(c, e.getKey(), e.getValue(), uses.pointsOf(e.getKey()));
            if (inScope(x, row, scope)) {
                out.add(row);
            }
        }
        return out;
    }

    /** In scope: the key's own account and region (for a scope wider than a vault), or a vault in scope uses it. */
    static boolean inScope(EstateIndex x, KeyRow row, BrowseScope scope) {
        if (scope == null || scope.isAll()) {
            return true;
        }
        if (row.inEstate() && scope.vaultArn() == null && scope.includes(row.accountId(), row.region(), null)) {
            return true;
        }
        for (String arn : row.vaults()) {
            VaultRef v = x.vault(arn);
            if (v != null && scope.includes(v.accountId(), v.region(), v.arn())) {
                return true;
            }
        }
        return false;
    }

    static KeyRow row(EstateCatalog c, KeyRef k, Uses uses, ZoneId zone) {
        EstateIndex x = c.index();
        KmsKey key = k.key();
        KeyMetadata m = key.keyMetadata();
        List<String> aliases = aliases(key);
        String keyId = m.keyId() != null ? m.keyId() : keyIdOf(k.arn());
        String name = aliases.isEmpty() ? keyId : aliases.get(0);
        KeyKind kind = KeyKind.of(key);
        String[] state = state(m, zone);
        List<String> vaults = List.copyOf(uses.vaultsOf(k.arn()));
        List<String> vaultNames = vaultNames(x, vaults);
        String account = c.accountName(k.accountId());
        String kindText = kind.text();
        String rotation = rotation(key, kind);
        String multi = multiRegion(m);
        Severity worst = c.worstFailing(k.arn());
        String search = String.join(" ", aliases) + " " + k.arn() + " " + keyId + " " + nz(m.description()) + " " + k.accountId() + " " + nz(account)
                + " " + k.region() + " " + kindText + " " + state[0] + " " + String.join(" ", vaultNames);
        return new KeyRow(k.arn(), k.arn(), name, keyId, keyId, m.description(), k.accountId(), account, k.region(), kind, kindText, state[0], state[1],
                m.deletionDate() == null || !state[0].equals("Pending deletion") ? null : Formats.date(m.deletionDate(), zone), rotation, multi, vaults, vaultNames, vaultsDetail(c, vaults, k.accountId()), uses.pointsOf(k.arn()), worst, true, search.toLowerCase(Locale.ROOT));
    }

    /** A key that vaults or recovery points name but the estate does not hold. */
    static KeyRow notHeld(EstateCatalog c, String id, Set<String> vaultSet, long points) {
        EstateIndex x = c.index();
        List<String> vaults = List.copyOf(vaultSet);
        List<String> vaultNames = vaultNames(x, vaults);
        boolean awsOwned = id.startsWith(AWS_OWNED_PREFIX) || isAwsOwned(x, id, vaults);
        String arn = id.startsWith(AWS_OWNED_PREFIX) ? null : id;
        Arn parsed = arn == null ? null : Arn.parse(arn);
        String region = parsed != null ? parsed.region() : vaults.isEmpty() || x.vault(vaults.get(0)) == null ? null : x.vault(vaults.get(0)).region();
        String name;
        String accountId;
        String account;
        KeyKind kind;
        String kindText;
        String state;
        String rotation;
        if (awsOwned) {
            name = "AWS-owned key";
            accountId = null;
            account = "AWS";
            kind = KeyKind.AWS_OWNED;
            kindText = kind.text();
            state = "Held by AWS";
            rotation = "By AWS";
        } else {
            name = arn.contains(":alias/") ? arn.substring(arn.indexOf(":alias/") + 1) : keyIdOf(arn);
            accountId = parsed == null ? null : parsed.account();
            account = accountId == null ? null : c.accountName(accountId);
            kind = KeyKind.NOT_READ;
            kindText = "Not in the scan";
            state = Formats.NOT_READ;
            rotation = Formats.NOT_READ;
        }
        String keyId = arn == null ? null : keyIdOf(arn);
        String subtitle = awsOwned ? (vaultNames.size() == 1 ? "of vault " + vaultNames.get(0) : keyId) : keyId;
        String search = (name + " " + nz(subtitle) + " " + nz(arn) + " " + nz(accountId) + " " + nz(account) + " " + nz(region) + " " + kindText + " " + state + " "
                + String.join(" ", vaultNames)).toLowerCase(Locale.ROOT);
        return new KeyRow(id, arn, name, subtitle, keyId, null, accountId, account, region, kind, kindText, state, awsOwned ? "good" : "unknown", null, rotation,
                awsOwned ? "—" : Formats.NOT_READ, vaults, vaultNames, vaultsDetail(c, vaults, accountId), points, arn == null ? null : c.worstFailing(arn), false, search);
    }

    private static boolean isAwsOwned(EstateIndex x, String arn, List<String> vaults) {
        for (String v : vaults) {
            VaultRef ref = x.vault(v);
            if (ref != null && EstateIndex.AWS_OWNED_KEY.equals(ref.vault().encryptionKeyType()) && arn.equals(ref.vault().encryptionKeyArn())) {
                return true;
            }
            if (ref != null) {
                for (RecoveryPoint p : ref.points()) {
                    if (arn.equals(p.encryptionKeyArn())) {
                        return EstateIndex.AWS_OWNED_KEY.equals(p.encryptionKeyType());
                    }
                }
            }
        }
        return false;
    }

    /** "and 2 more" when several vaults use the key; "in northwind-backup" when its one vault is in another account; else "". */
    static String vaultsDetail(EstateCatalog c, List<String> vaults, String keyAccount) {
        if (vaults.size() > 1) {
            return "and " + (vaults.size() - 1) + " more";
        }
        if (vaults.size() == 1) {
            VaultRef v = c.index().vault(vaults.get(0));
            if (v != null && !v.accountId().equals(keyAccount)) {
                return "in " + c.accountName(v.accountId());
            }
        }
        return "";
    }

    static List<String> aliases(KmsKey key) {
        List<String> out = new ArrayList<>();
        if (key.aliases() != null) {
            for (KeyAlias a : key.aliases()) {
                if (a != null && a.aliasName() != null) {
                    out.add(a.aliasName());
                }
            }
        }
        return out;
    }

    static List<String> vaultNames(EstateIndex x, List<String> vaults) {
        List<String> out = new ArrayList<>(vaults.size());
        for (String arn : vaults) {
            VaultRef v = x.vault(arn);
            out.add(v != null && v.vault().backupVaultName() != null ? v.vault().backupVaultName() : Formats.shortArn(arn));
        }
        return out;
    }

    static String keyIdOf(String arn) {
        if (arn == null) {
            return null;
        }
        int i = arn.lastIndexOf(":key/");
        return i >= 0 ? arn.substring(i + 5) : Formats.shortArn(arn);
    }

    /** The state in words and its colour: {"Enabled", "good"}, {"Deletion on 4 Dec 2026", "bad"}, {"not read", "unknown"}. */
    static String[] state(KeyMetadata m, ZoneId zone) {
        if (m == null || m.keyState() == null) {
            return new String[] {Formats.NOT_READ, "unknown"};
        }
        return switch (m.keyState()) {
            case "Enabled" -> new String[] {"Enabled", "good"};
            case "Disabled" -> new String[] {"Disabled", "bad"};
            case "PendingDeletion", "PendingReplicaDeletion" -> new String[] {"Pending deletion", "bad"};
            case "PendingImport" -> new String[] {"Waiting for key material", "bad"};
            case "Unavailable" -> new String[] {"Unavailable (key store disconnected)", "bad"};
            case "Creating" -> new String[] {"Being created", "warn"};
            case "Updating" -> new String[] {"Being updated", "warn"};
            default -> new String[] {m.keyState(), "warn"};
        };
    }

    /** "Every 365 days", "Off", "Not possible (imported material)", "not read". */
    static String rotation(KmsKey key, KeyKind kind) {
        KeyMetadata m = key.keyMetadata();
        if (m != null && "EXTERNAL".equals(m.origin())) {
            return "Not possible (imported material)";
        }
        if (key.keyRotationEnabled() == null) {
            return kind == KeyKind.AWS_MANAGED ? "Yearly, by AWS" : Formats.NOT_READ;
        }
        if (!key.keyRotationEnabled()) {
            return "Off";
        }
        return key.rotationPeriodInDays() == null ? "On" : "Every " + key.rotationPeriodInDays() + " days";
    }

    /** "No", "Primary", "Replica", "Yes", "not read". */
    static String multiRegion(KeyMetadata m) {
        if (m.multiRegion() == null) {
            return Formats.NOT_READ;
        }
        if (!m.multiRegion()) {
            return "No";
        }
        JsonNode c = m.multiRegionConfiguration();
        String type = c == null ? null : c.path("MultiRegionKeyType").asText(null);
        return "PRIMARY".equals(type) ? "Primary" : "REPLICA".equals(type) ? "Replica" : "Yes";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The rows that contain every word of {@code text} (any case), sorted. */
    static List<KeyRow> view(List<KeyRow> rows, String text, KeySort sort, boolean ascending) {
        String[] words = text == null || text.isBlank() ? new String[0] : text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        List<KeyRow> out = new ArrayList<>(rows.size());
        outer:
        for (KeyRow r : rows) {
            for (String w : words) {
                if (!r.search().contains(w)) {
                    continue outer;
                }
            }
            out.add(r);
        }
        out.sort(comparator(sort == null ? KeySort.NAME : sort, ascending));
        return out;
    }

    /** The order of a column; values that are missing (or keys with no finding) come last either way. */
    static Comparator<KeyRow> comparator(KeySort sort, boolean ascending) {
        Comparator<String> ci = ascending ? String.CASE_INSENSITIVE_ORDER : String.CASE_INSENSITIVE_ORDER.reversed();
        Comparator<String> text = Comparator.nullsLast(ci);
        Comparator<KeyRow> primary = switch (sort) {
            case NAME -> Comparator.comparing(KeyRow::name, text);
            case ACCOUNT -> Comparator.comparing(KeyRow::accountText, text);
            case REGION -> Comparator.comparing(KeyRow::region, text);
            case KIND -> Comparator.comparing(KeyRow::kindText, text);
            case STATE -> Comparator.comparing(KeyRow::state, text);
            case ROTATION -> Comparator.comparing(KeyRow::rotation, text);
            case MULTI_REGION -> Comparator.comparing(KeyRow::multiRegion, text);
            case VAULTS -> ascending ? Comparator.comparingInt((KeyRow r) -> r.vaults().size())
                    : Comparator.comparingInt((KeyRow r) -> r.vaults().size()).reversed();
            case POINTS -> ascending ? Comparator.comparingLong(KeyRow::points) : Comparator.comparingLong(KeyRow::points).reversed();
            // ascending: the worst first (CRITICAL before HIGH); keys with no failing finding last either way
            case WORST -> Comparator.comparing(KeyRow::worst, Comparator.nullsLast(ascending ? Comparator.<Severity>naturalOrder()
                    : Comparator.<Severity>reverseOrder()));
        };
        return primary.thenComparing(KeyRow::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)).thenComparing(KeyRow::id);
    }
}
