package dev.redoubt.ui.recoverypoints;

import dev.redoubt.estate.Arn;
import dev.redoubt.estate.KeyAlias;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.restorability.Restorability;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.browse.Formats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The recovery points table's data, computed off the FX thread: the rows of an estate (newest
 * first), sorted by any column with one primitive sort, and filtered. Pure functions over
 * immutable rows. Text search looks each word up once per distinct resource, vault and key, then
 * per row in those answers and in the row's own lower-cased ARN.
 */
final class PointIndex {
    /** From this many rows, the filter runs on all cores. */
    static final int PARALLEL_FROM = 50_000;

    private PointIndex() {
    }

    /**
     * An estate's rows in the default order (newest first), what they share, the filters' choices, and
     * per row (by its index in the estate) its ARN in one lower-cased text and its sort keys (-1: not read),
     * so that searching and sorting read arrays rather than 200,000 objects spread over the heap.
     */
    record Base(EstateCatalog catalog, Restorability restorability, List<PointRow> rows, List<PointRow.Resource> resources,
                List<PointRow.Vault> vaults, List<PointRow.Key> keys, int[] pointsPerVault, Map<String, PointRow.Vault> vaultsByArn,
                Map<String, PointRow.Resource> resourcesByArn, Map<String, PointRow.Key> keysByArn, PointRow.Key awsOwnedKey,
                List<Choice> typeChoices, List<Choice> vaultChoices, List<Choice> accountChoices, List<Choice> statusChoices,
                List<Choice> keyChoices, String arnBlob, int[] arnStart, long[] createdSeconds, long[] deleteSeconds, long[] sizeKib,
                int[] typeRank, int[] statusRank, Instant at, ZoneId zone) {
        EstateIndex index() {
            return catalog.index();
        }

        /** The row of a recovery point of this estate, or null. */
        PointRow rowOf(EstateIndex.PointRef ref) {
            if (ref == null) {
                return null;
            }
            PointRow.Vault v = vaultsByArn.get(ref.vault().arn());
            if (v == null) {
                return null;
            }
            RecoveryPoint p = ref.point();
            return new PointRow(p, v, p.resourceArn() == null ? null : resourcesByArn.get(p.resourceArn()), keyOf(this, p), -1, -1,
                    restorability.hasCopyElsewhere(p.resourceArn(), v.accountId(), v.region()));
        }
    }

    /** The rows of one filter: in the order asked, with how many recovery points the scope holds. */
    record View(Base base, PointSort sort, List<PointRow> sorted, PointFilter filter, BrowseScope scope, List<PointRow> rows, int inScope) {
    }

    // ---- build

    static Base build(EstateCatalog catalog, ZoneId zone) {
        EstateIndex x = catalog.index();
        Restorability r = Restorability.of(x, zone);
        List<PointRow.Vault> vaults = new ArrayList<>();
        Map<String, PointRow.Vault> vaultsByArn = new HashMap<>();
        Map<String, PointRow.Resource> resources = new HashMap<>();
        List<PointRow.Resource> resourceList = new ArrayList<>();
        Map<String, String> resourceNames = new HashMap<>();
        for (var pr : x.protectedResources()) {
            if (pr.resource().resourceName() != null) {
                resourceNames.put(pr.resource().resourceArn(), pr.resource().resourceName());
            }
        }
        Map<String, PointRow.Key> keys = new HashMap<>();
        List<PointRow.Key> keyList = new ArrayList<>();
        PointRow.Key awsOwned = new PointRow.Key(0, null, "AWS-owned key", true, "aws-owned key");
        keyList.add(awsOwned);
        int total = 0;
        for (VaultRef v : x.vaults()) {
            total += v.points().size();
        }
        // One pass in the estate's order (points of a resource sit together, and so in memory): everything a row
        // needs goes into arrays, so that making the rows in another order touches no recovery point again.
        RecoveryPoint[] points = new RecoveryPoint[total];
        int[] vaultOf = new int[total];
        int[] resourceOf = new int[total];
        int[] keyOf = new int[total];
        boolean[] copied = new boolean[total];
        long[] order = new long[total];
        int[] arnStart = new int[total + 1];
        StringBuilder blob = new StringBuilder(total * 80);
        int bits = indexBits(total);
        long missing = (1L << (63 - bits)) - 1;
        int[] pointsPerVault = new int[x.vaults().size()];
        TreeSet<String> types = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> statuses = new TreeSet<>();
        Map<String, Integer> typeIds = new HashMap<>();
        Map<String, Integer> statusIds = new HashMap<>();
        long[] createdSeconds = new long[total];
        long[] deleteSeconds = new long[total];
        long[] sizeKib = new long[total];
        int[] typeRank = new int[total];
        int[] statusRank = new int[total];
        boolean unreadStatus = false;
        boolean anyAwsOwned = false;
        int n = 0;
        for (VaultRef v : x.vaults()) {
            String name = v.vault().backupVaultName() != null ? v.vault().backupVaultName() : Formats.shortArn(v.arn());
            PointRow.Vault vault = new PointRow.Vault(vaults.size(), v, v.arn(), name, v.accountId(), catalog.accountName(v.accountId()),
                    v.region(), lower(name + "\n" + (v.arn() == null ? "" : v.arn()) + "\n" + catalog.accountName(v.accountId())));
            vaults.add(vault);
            if (v.arn() != null) {
                vaultsByArn.putIfAbsent(v.arn(), vault);
            }
            pointsPerVault[vault.id()] = v.points().size();
            String lastResource = null;
            int lastResourceId = -1;
            boolean lastCopied = false;
            String lastKey = null;
            int lastKeyId = -1;
            String lastType = null;
            int lastTypeId = -1;
            String lastStatus = null;
            int lastStatusId = -1;
            for (RecoveryPoint p : v.points()) {
                points[n] = p;
                vaultOf[n] = vault.id();
                String arn = p.resourceArn();
                if (arn == null) {
                    resourceOf[n] = -1;
                    copied[n] = false;
                } else {
                    if (!arn.equals(lastResource)) {
                        PointRow.Resource res = resources.get(arn);
                        if (res == null) {
                            String rn = p.resourceName() != null ? p.resourceName() : resourceNames.getOrDefault(arn, lastPart(arn));
                            res = new PointRow.Resource(resourceList.size(), arn, rn, lower(rn + "\n" + arn));
                            resources.put(arn, res);
                            resourceList.add(res);
                        }
                        lastResource = arn;
                        lastResourceId = res.id();
                        lastCopied = r.hasCopyElsewhere(arn, v.accountId(), v.region());
                    }
                    resourceOf[n] = lastResourceId;
                    copied[n] = lastCopied;
                }
                String keyArn = p.encryptionKeyArn();
                if (keyArn == null) {
                    boolean owned = EstateIndex.AWS_OWNED_KEY.equals(p.encryptionKeyType());
                    keyOf[n] = owned ? awsOwned.id() : -1;
                    anyAwsOwned |= owned;
                } else {
                    if (!keyArn.equals(lastKey)) {
                        PointRow.Key key = keys.get(keyArn);
                        if (key == null) {
                            KeyRef k = x.key(keyArn);
                            String canonical = k != null ? k.arn() : keyArn;
                            key = keys.get(canonical);
                            if (key == null) {
                                String label = keyLabel(keyArn, k);
                                key = new PointRow.Key(keyList.size(), canonical, label, false, lower(label + "\n" + canonical));
                                keyList.add(key);
                                keys.put(canonical, key);
                            }
                            keys.put(keyArn, key);
                        }
                        lastKey = keyArn;
                        lastKeyId = key.id();
                    }
                    keyOf[n] = lastKeyId;
                }
                String type = p.resourceType();
                if (type != null && !type.equals(lastType)) {
                    types.add(type);
                    lastType = type;
                    lastTypeId = typeIds.computeIfAbsent(type, t -> typeIds.size());
                }
                typeRank[n] = type == null ? -1 : lastTypeId;
                String status = p.status();
                if (status == null) {
                    unreadStatus = true;
                } else if (!status.equals(lastStatus)) {
                    statuses.add(status);
                    lastStatus = status;
                    lastStatusId = statusIds.computeIfAbsent(status, t -> statusIds.size());
                }
                statusRank[n] = status == null ? -1 : lastStatusId;
                Instant deleteAt = p.calculatedLifecycle() == null ? null : p.calculatedLifecycle().deleteAt();
                createdSeconds[n] = p.creationDate() == null ? -1 : Math.max(0, p.creationDate().getEpochSecond());
                deleteSeconds[n] = deleteAt == null ? -1 : Math.max(0, deleteAt.getEpochSecond());
                sizeKib[n] = p.backupSizeInBytes() == null || p.backupSizeInBytes() < 0 ? -1 : p.backupSizeInBytes() >> 10;
                arnStart[n] = blob.length();
                if (p.recoveryPointArn() != null) {
                    blob.append(lower(p.recoveryPointArn()));
                }
                blob.append('\n');
                // Newest first: one primitive sort of (creation second, position) pairs.
                Instant c = p.creationDate();
                long k = c == null ? missing : missing - 1 - Math.max(0, Math.min(missing - 2, c.getEpochSecond()));
                order[n] = k << bits | n;
                n++;
            }
        }
        Arrays.parallelSort(order);
        long mask = (1L << bits) - 1;
        arnStart[total] = blob.length();
        // First-seen ids to ranks in name order (types without case, statuses as AWS spells them, which is their words' order).
        int[] typeRankOfId = new int[typeIds.size()];
        int rank = 0;
        for (String t : types) {
            Integer id = typeIds.get(t);
            typeRankOfId[id] = rank++;
            for (var e : typeIds.entrySet()) { // the same type in another case sorts with it
                if (e.getKey().equalsIgnoreCase(t)) {
                    typeRankOfId[e.getValue()] = typeRankOfId[id];
                }
            }
        }
        int[] statusRankOfId = new int[statusIds.size()];
        rank = 0;
        for (String st : statuses) {
            statusRankOfId[statusIds.get(st)] = rank++;
        }
        for (int i = 0; i < total; i++) {
            typeRank[i] = typeRank[i] < 0 ? -1 : typeRankOfId[typeRank[i]];
            statusRank[i] = statusRank[i] < 0 ? -1 : statusRankOfId[statusRank[i]];
        }
        PointRow[] rows = new PointRow[total];
        for (int pos = 0; pos < total; pos++) {
            int i = (int) (order[pos] & mask);
            rows[pos] = new PointRow(points[i], vaults.get(vaultOf[i]), resourceOf[i] < 0 ? null : resourceList.get(resourceOf[i]),
                    keyOf[i] < 0 ? null : keyList.get(keyOf[i]), pos, i, copied[i]);
        }
        List<PointRow> rowList = Collections.unmodifiableList(Arrays.asList(rows));
        List<Choice> statusChoices = new ArrayList<>(statuses.stream().map(st -> new Choice(st, PointTexts.status(st))).toList());
        if (unreadStatus) {
            statusChoices.add(new Choice(PointFilter.NOT_READ, "Status not read"));
        }
        return new Base(catalog, r, rowList, List.copyOf(resourceList), List.copyOf(vaults), List.copyOf(keyList), pointsPerVault, vaultsByArn,
                resources, keys, awsOwned, types.stream().map(t -> new Choice(t, t)).toList(), vaultChoices(vaults), accountChoices(catalog, vaults),
                List.copyOf(statusChoices), keyChoices(catalog, keyList, anyAwsOwned), blob.toString(), arnStart, createdSeconds, deleteSeconds, sizeKib, typeRank, statusRank, x.at(), zone);
    }

    static PointRow.Key keyOf(Base b, RecoveryPoint p) {
        if (p.encryptionKeyArn() != null) {
            return b.keysByArn().get(p.encryptionKeyArn());
        }
        return EstateIndex.AWS_OWNED_KEY.equals(p.encryptionKeyType()) ? b.awsOwnedKey() : null;
    }

    private static int indexBits(int n) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** "orders-db" of "arn:aws:rds:eu-west-1:1:db:orders-db", "vol-0abc" of a volume's ARN. */
    static String lastPart(String arn) {
        int cut = Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':'));
        return cut < 0 || cut == arn.length() - 1 ? arn : arn.substring(cut + 1);
    }

    /** The key's first alias ("alias/shop-data"), else its ID. */
    static String keyLabel(String arn, KeyRef k) {
        if (k != null && k.key().aliases() != null) {
            for (KeyAlias a : k.key().aliases()) {
                if (a.aliasName() != null) {
                    return a.aliasName();
                }
            }
        }
        if (arn.contains(":alias/")) {
            return arn.substring(arn.indexOf(":alias/") + 1);
        }
        return lastPart(arn);
    }

    private static List<Choice> vaultChoices(List<PointRow.Vault> vaults) {
        return vaults.stream().filter(v -> v.arn() != null)
                .sorted(Comparator.comparing(PointRow.Vault::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(PointRow.Vault::accountName, String.CASE_INSENSITIVE_ORDER).thenComparing(PointRow.Vault::region))
                .map(v -> new Choice(v.arn(), v.name() + " · " + v.accountName() + " · " + v.region())).toList();
    }

    private static List<Choice> accountChoices(EstateCatalog catalog, List<PointRow.Vault> vaults) {
        TreeMap<String, String> ids = new TreeMap<>();
        for (PointRow.Vault v : vaults) {
            ids.putIfAbsent(v.accountId(), catalog.accountName(v.accountId()));
        }
        return ids.entrySet().stream()
                .sorted(Map.Entry.<String, String>comparingByValue(String.CASE_INSENSITIVE_ORDER).thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Choice(e.getKey(), e.getValue().equals(e.getKey()) ? e.getKey() : e.getValue() + " (" + e.getKey() + ")")).toList();
    }

    private static List<Choice> keyChoices(EstateCatalog catalog, List<PointRow.Key> keys, boolean awsOwned) {
        List<Choice> out = new ArrayList<>();
        if (awsOwned) {
            out.add(new Choice(PointFilter.AWS_OWNED, "AWS-owned key"));
        }
        keys.stream().filter(k -> !k.awsOwned())
                .sorted(Comparator.comparing(PointRow.Key::label, String.CASE_INSENSITIVE_ORDER).thenComparing(PointRow.Key::arn))
                .forEach(k -> {
                    String account = Arn.accountOf(k.arn());
                    out.add(new Choice(k.arn(), k.label() + (account == null ? "" : " · " + catalog.accountName(account))));
                });
        return out;
    }

    // ---- sort

    /** The rows in the order asked; ties keep the default order (newest first). */
    static List<PointRow> sort(Base b, PointSort sort, BooleanSupplier stale) {
        List<PointRow> rows = b.rows();
        if (sort.equals(PointSort.DEFAULT)) {
            return rows;
        }
        PointSort.Column column = sort.column();
        boolean ascending = sort.ascending();
        if (column == PointSort.Column.AGE) { // the youngest first is the newest first
            column = PointSort.Column.CREATED;
            ascending = !ascending;
        }
        int n = rows.size();
        int bits = indexBits(n);
        long missing = (1L << (63 - bits)) - 1;
        java.util.function.ToLongFunction<PointRow> key = keyOf(b, column, missing - 2);
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            if ((i & 8191) == 0 && stale.getAsBoolean()) {
                throw new CancellationException("sort superseded");
            }
            long k = key.applyAsLong(rows.get(i));
            long primary = k < 0 ? missing : ascending ? k : missing - 1 - k;
            order[i] = primary << bits | i;
        }
        Arrays.parallelSort(order);
        long mask = (1L << bits) - 1;
        PointRow[] out = new PointRow[n];
        for (int i = 0; i < n; i++) {
            out[i] = rows.get((int) (order[i] & mask));
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }

    /** A column's sort key: non-negative and at most {@code max}; negative for "not read" (always last). */
    private static java.util.function.ToLongFunction<PointRow> keyOf(Base b, PointSort.Column column, long max) {
        return switch (column) {
            case RESOURCE -> {
                int[] rank = rank(b.resources(), Comparator.comparing(PointRow.Resource::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(PointRow.Resource::arn), PointRow.Resource::id);
                yield r -> r.resource() == null ? -1 : rank[r.resource().id()];
            }
            case VAULT -> {
                int[] rank = rank(b.vaults(), Comparator.comparing(PointRow.Vault::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(PointRow.Vault::accountName, String.CASE_INSENSITIVE_ORDER).thenComparing(PointRow.Vault::region),
                        PointRow.Vault::id);
                yield r -> rank[r.vault().id()];
            }
            case ACCOUNT -> {
                int[] rank = rank(b.vaults(), Comparator.comparing(PointRow.Vault::accountName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(PointRow.Vault::accountId), PointRow.Vault::id);
                yield r -> rank[r.vault().id()];
            }
            case REGION -> {
                int[] rank = rank(b.vaults(), Comparator.comparing(PointRow.Vault::region), PointRow.Vault::id);
                yield r -> rank[r.vault().id()];
            }
            case KEY -> {
                int[] rank = rank(b.keys(), Comparator.comparing(PointRow.Key::label, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(k -> k.arn() == null ? "" : k.arn()), PointRow.Key::id);
                yield r -> r.key() == null ? -1 : rank[r.key().id()];
            }
            case TYPE -> {
                int[] rank = b.typeRank();
                yield r -> rank[r.index()];
            }
            case STATUS -> {
                int[] rank = b.statusRank();
                yield r -> rank[r.index()];
            }
            case CREATED, AGE -> {
                long[] t = b.createdSeconds();
                yield r -> t[r.index()] < 0 ? -1 : clamp(t[r.index()], max);
            }
            case DELETE_AT -> {
                long[] t = b.deleteSeconds();
                yield r -> t[r.index()] < 0 ? -1 : clamp(t[r.index()], max);
            }
            case ENCRYPTED -> r -> r.encryption() == Encryption.NOT_READ ? -1 : r.encryption().ordinal();
            case SIZE -> {
                long[] kib = b.sizeKib();
                yield r -> kib[r.index()] < 0 ? -1 : clamp(kib[r.index()], max);
            }
        };
    }

    private static long clamp(long v, long max) {
        return Math.max(0, Math.min(max, v));
    }

    private static <T> int[] rank(List<T> items, Comparator<T> order, java.util.function.ToIntFunction<T> id) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(order);
        int[] rank = new int[items.size()];
        for (int i = 0; i < sorted.size(); i++) {
            rank[id.applyAsInt(sorted.get(i))] = i;
        }
        return rank;
    }

    // ---- filter

    /** The rows of {@code source} (in its order) that the filter and the scope let through. */
    static List<PointRow> filter(Base b, List<PointRow> source, PointFilter f, BrowseScope scope, BooleanSupplier stale) {
        Predicate<PointRow> test = matcher(b, f, scope, source.size());
        Predicate<PointRow> checked = r -> {
            if (stale.getAsBoolean()) {
                throw new CancellationException("filter superseded");
            }
            return test.test(r);
        };
        if (test == ALL) {
            return source;
        }
        if (source.size() >= PARALLEL_FROM) {
            return source.parallelStream().filter(checked).toList(); // keeps the order
        }
        List<PointRow> out = new ArrayList<>();
        for (PointRow r : source) {
            if (checked.test(r)) {
                out.add(r);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static final Predicate<PointRow> ALL = r -> true;

    /** Whether the row's point was created before {@code t}; null when its creation date was not read. Reads the base's seconds, the point only on a tie. */
    private static Boolean createdBefore(Base b, PointRow r, Instant t) {
        if (r.index() < 0) {
            return r.created() == null ? null : r.created().isBefore(t);
        }
        long sec = b.createdSeconds()[r.index()];
        if (sec < 0) {
            return null;
        }
        return sec != t.getEpochSecond() ? sec < t.getEpochSecond() : r.created().isBefore(t);
    }

    /** How many recovery points the scope holds. */
    static int inScope(Base b, BrowseScope scope) {
        if (scope == null || scope.isAll()) {
            return b.rows().size();
        }
        int n = 0;
        for (PointRow.Vault v : b.vaults()) {
            if (scope.includes(v.accountId(), v.region(), v.arn())) {
                n += b.pointsPerVault()[v.id()];
            }
        }
        return n;
    }

    static Predicate<PointRow> matcher(Base b, PointFilter f, BrowseScope scope, int sourceSize) {
        boolean scoped = scope != null && !scope.isAll();
        if (f.isEmpty() && !scoped) {
            return ALL;
        }
        List<Predicate<PointRow>> tests = new ArrayList<>();
        if (scoped || f.vaultArn() != null || f.accountId() != null) {
            boolean[] vaultOk = new boolean[b.vaults().size()];
            for (PointRow.Vault v : b.vaults()) {
                vaultOk[v.id()] = (!scoped || scope.includes(v.accountId(), v.region(), v.arn()))
                        && (f.vaultArn() == null || f.vaultArn().equals(v.arn())) && (f.accountId() == null || f.accountId().equals(v.accountId()));
            }
            tests.add(r -> vaultOk[r.vault().id()]);
        }
        if (f.resourceArn() != null) {
            String arn = f.resourceArn();
            tests.add(r -> arn.equals(r.resourceArn()));
        }
        if (f.type() != null) {
            String type = f.type();
            tests.add(r -> type.equals(r.type()));
        }
        if (f.status() != null) {
            String status = f.status();
            tests.add(PointFilter.NOT_READ.equals(status) ? r -> r.status() == null : r -> status.equals(r.status()));
        }
        if (f.encryption() != null) {
            Encryption e = f.encryption();
            tests.add(r -> r.encryption() == e);
        }
        if (f.keyArn() != null) {
            PointRow.Key key = PointFilter.AWS_OWNED.equals(f.keyArn()) ? b.awsOwnedKey() : b.keysByArn().get(f.keyArn());
            if (key == null && b.index().key(f.keyArn()) != null) {
                key = b.keysByArn().get(b.index().key(f.keyArn()).arn());
            }
            PointRow.Key wanted = key;
            tests.add(r -> wanted != null && r.key() == wanted);
        }
        if (f.createdFrom() != null) {
            Instant from = f.createdFrom().atStartOfDay(b.zone()).toInstant();
            tests.add(r -> createdBefore(b, r, from) == Boolean.FALSE);
        }
        if (f.createdTo() != null) {
            Instant to = f.createdTo().plusDays(1).atStartOfDay(b.zone()).toInstant();
            tests.add(r -> createdBefore(b, r, to) == Boolean.TRUE);
        }
        if (f.olderThanDays() != null) {
            Instant before = b.at().minus(Duration.ofDays(f.olderThanDays()));
            tests.add(r -> createdBefore(b, r, before) == Boolean.TRUE);
        }
        if (f.noCopyElsewhere()) {
            tests.add(r -> !r.copyElsewhere());
        }
        for (String term : f.terms()) {
            boolean[] res = hits(b.resources(), PointRow.Resource::search, PointRow.Resource::id, term);
            boolean[] vault = hits(b.vaults(), PointRow.Vault::search, PointRow.Vault::id, term);
            boolean[] key = hits(b.keys(), PointRow.Key::search, PointRow.Key::id, term);
            Predicate<PointRow> arn;
            if (sourceSize >= b.rows().size() / 8) {
                // Many rows to look at: one pass over all ARNs (one text, in the estate's order) beats one string per row.
                BitSet inArn = arnHits(b, term);
                arn = r -> r.index() >= 0 ? inArn.get(r.index()) : lower(r.arn()).contains(term);
            } else {
                arn = r -> lower(r.arn()).contains(term);
            }
            tests.add(r -> r.resource() != null && res[r.resource().id()] || vault[r.vault().id()] || r.key() != null && key[r.key().id()]
                    || arn.test(r));
        }
        @SuppressWarnings("unchecked")
        Predicate<PointRow>[] all = tests.toArray(new Predicate[0]);
        if (all.length == 1) {
            return all[0];
        }
        return r -> {
            for (Predicate<PointRow> t : all) {
                if (!t.test(r)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** The rows (by their index in the estate) whose lower-cased recovery point ARN holds the term. */
    static BitSet arnHits(Base b, String term) {
        String blob = b.arnBlob();
        int[] start = b.arnStart();
        BitSet out = new BitSet(b.rows().size());
        int row = 0;
        int at = blob.indexOf(term);
        while (at >= 0) {
            // Matches only move forward: walk to the row whose ARN holds this offset (a term holds no line break, so it stays in one).
            int gap = 1;
            while (start[Math.min(row + gap, start.length - 1)] <= at && row + gap < start.length - 1) {
                gap <<= 1;
            }
            int hi = Math.min(row + gap, start.length - 1);
            int found = Arrays.binarySearch(start, row, hi + 1, at);
            row = found >= 0 ? found : -found - 2;
            out.set(row);
            at = blob.indexOf(term, start[row + 1]);
        }
        return out;
    }

    private static <T> boolean[] hits(List<T> items, java.util.function.Function<T, String> search, java.util.function.ToIntFunction<T> id, String term) {
        boolean[] out = new boolean[items.size()];
        for (T t : items) {
            out[id.applyAsInt(t)] = search.apply(t).contains(term);
        }
        return out;
    }

    /** Sorts (unless {@code sorted} is already in that order) and filters: what the table shows. */
    static View view(Base b, PointSort sort, List<PointRow> sorted, List<PointRow> narrowFrom, PointFilter f, BrowseScope scope,
                     BooleanSupplier stale) {
        List<PointRow> inOrder = sorted != null ? sorted : sort(b, sort, stale);
        List<PointRow> source = narrowFrom != null ? narrowFrom : inOrder;
        return new View(b, sort, inOrder, f, scope, filter(b, source, f, scope, stale), inScope(b, scope));
    }
}
