package dev.redoubt.ui.findings;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.findings.Check;
import dev.redoubt.findings.Checks;
import dev.redoubt.findings.Counts;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.services.AuditRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The findings table's data, computed off the FX thread: the rows of an audit in the screen's order
 * (failures first), then per filter the groups and the flat list of lines the table shows.
 * Pure functions over immutable rows.
 */
final class FindingsIndex {
    /** FAIL, then UNKNOWN, then SUPPRESSED, then PASS: what needs attention first. */
    static int rank(Status s) {
        return switch (s) {
            case FAIL -> 0;
            case UNKNOWN -> 1;
            case SUPPRESSED -> 2;
            case PASS -> 3;
        };
    }

    /** The screen's order: status (failures first), severity, check (catalogue order), account name, region. */
    static final Comparator<ResultRow> ORDER = Comparator.<ResultRow>comparingInt(r -> rank(r.status()))
            .thenComparingInt(r -> r.severity().ordinal())
            .thenComparingInt(ResultRow::checkOrder)
            .thenComparing(ResultRow::accountName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(r -> r.result().region(), Comparator.nullsLast(Comparator.naturalOrder()));

    /** From this many results, the filter runs on all cores. */
    private static final int PARALLEL_FROM = 50_000;

    /** Positions up to this fit in the sort key's low bits. */
    private static final int MAX_POSITION = (1 << 21) - 1;

    private FindingsIndex() {
    }

    /** An audit's rows in order, the accounts and regions to filter by, and the row of {@code keep} in it (or null). */
    record Base(AuditRun run, List<ResultRow> rows, List<AccountChoice> accounts, List<String> regions, long failing, ResultRow kept) {
    }

    /** The table's content for one filter: the lines, how many results matched, and where the line asked for is (-1: not shown). */
    record View(Base base, List<FindingsLine> lines, int matched, int found) {
    }

    static Base build(AuditRun run, ResultKey keep) {
        Map<String, String> names = new HashMap<>();
        List<AccountChoice> accounts = new ArrayList<>();
        Estate estate = run.estate();
        if (estate.accounts() != null) {
            for (Account a : estate.accounts()) {
                String name = a.name() == null || a.name().isBlank() ? a.id() : a.name();
                if (names.putIfAbsent(a.id(), name) == null) {
                    accounts.add(new AccountChoice(a.id(), name));
                }
            }
        }
        Map<String, Integer> checkOrder = new HashMap<>();
        List<Check> catalogue = Checks.all();
        for (int i = 0; i < catalogue.size(); i++) {
            checkOrder.put(catalogue.get(i).id(), i);
        }
        List<Result> results = run.results();
        int n = results.size();
        Set<String> regionSet = new TreeSet<>();
        for (Result r : results) {
            if (r.region() != null) {
                regionSet.add(r.region());
            }
            if (r.accountId() != null && !names.containsKey(r.accountId())) {
                names.put(r.accountId(), r.accountId());
                accounts.add(new AccountChoice(r.accountId(), r.accountId()));
            }
        }
        accounts.sort(Comparator.comparing(AccountChoice::name, String.CASE_INSENSITIVE_ORDER).thenComparing(AccountChoice::id));
        Map<String, Integer> accountOrder = new HashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            accountOrder.put(accounts.get(i).id(), i);
        }
        List<String> regions = List.copyOf(regionSet);
        Map<String, Integer> regionOrder = new HashMap<>();
        for (int i = 0; i < regions.size(); i++) {
            regionOrder.put(regions.get(i), i);
        }
        // Sorting 250,000 rows by comparator is slow; their order fits in a long (status, severity, check, account, region,
        // then the audit's own order), so one primitive sort does it.
        long[] keys = new long[n];
        ResultRow[] rows = new ResultRow[n];
        long failing = 0;
        ResultRow kept = null;
        for (int i = 0; i < n; i++) {
            Result r = results.get(i);
            int check = checkOrder.getOrDefault(r.checkId(), catalogue.size());
            ResultRow row = new ResultRow(r, r.accountId() == null ? "" : names.get(r.accountId()), check);
            rows[i] = row;
            long account = r.accountId() == null ? 0xFFFF : Math.min(0xFFFF, accountOrder.get(r.accountId()));
            long region = r.region() == null ? 0xFF : Math.min(0xFF, regionOrder.get(r.region()));
            keys[i] = (long) rank(r.status()) << 56 | (long) r.severity().ordinal() << 53 | (long) Math.min(0xFF, check) << 45
                    | account << 29 | region << 21 | i;
            if (r.status() == Status.FAIL) {
                failing++;
            }
            if (keep != null && kept == null && keep.equals(row.key())) {
                kept = row;
            }
        }
        List<ResultRow> sorted;
        if (n <= MAX_POSITION) {
            java.util.Arrays.parallelSort(keys);
            ResultRow[] out = new ResultRow[n];
            for (int i = 0; i < n; i++) {
                out[i] = rows[(int) (keys[i] & MAX_POSITION)];
            }
            sorted = java.util.Arrays.asList(out);
        } else {
            ResultRow[] out = rows.clone();
            java.util.Arrays.parallelSort(out, ORDER);
            sorted = java.util.Arrays.asList(out);
        }
        return new Base(run, java.util.Collections.unmodifiableList(sorted), List.copyOf(accounts), regions, failing, kept);
    }

    /**
     * Filters, groups and flattens: the groups in order of their worst result, their rows in the
     * screen's order; the rows of collapsed groups left out. {@code find} names the line to locate.
     */
    static View view(Base base, FindingsFilter filter, Grouping grouping, Predicate<String> expandedGroup, Predicate<FindingsLine> find) {
        Predicate<ResultRow> test = filter.matcher();
        List<ResultRow> matched;
        if (base.rows().size() >= PARALLEL_FROM && !filter.isEmpty()) {
            matched = base.rows().parallelStream().filter(test).toList(); // keeps the order
        } else {
            matched = new ArrayList<>();
            for (ResultRow r : base.rows()) {
                if (test.test(r)) {
                    matched.add(r);
                }
            }
        }
        List<FindingsLine> lines;
        if (grouping == Grouping.NONE) {
            lines = java.util.Collections.unmodifiableList(matched);
        } else {
            // Rows come worst first, so a group's first row is its worst and groups meet in the right order.
            Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
            for (ResultRow r : matched) {
                String key = grouping == Grouping.CHECK ? r.checkId() : r.resourceArn() == null ? "" : r.resourceArn();
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
            lines = new ArrayList<>(matched.size() + groups.size());
            for (Map.Entry<String, List<ResultRow>> g : groups.entrySet()) {
                boolean expanded = expandedGroup.test(g.getKey());
                lines.add(heading(grouping, g.getKey(), g.getValue(), expanded));
                if (expanded) {
                    lines.addAll(g.getValue());
                }
            }
        }
        int found = -1;
        if (find != null) {
            for (int i = 0; i < lines.size(); i++) {
                if (find.test(lines.get(i))) {
                    found = i;
                    break;
                }
            }
        }
        return new View(base, java.util.Collections.unmodifiableList(lines), matched.size(), found);
    }

    private static GroupRow heading(Grouping grouping, String key, List<ResultRow> rows, boolean expanded) {
        long pass = 0;
        long fail = 0;
        long unknown = 0;
        long suppressed = 0;
        ResultRow first = rows.get(0);
        // Most resource groups hold one or two results: count accounts and regions without sets until they differ.
        Set<String> accounts = null;
        Set<String> regions = null;
        String firstRegion = first.result().region() == null ? "global" : first.result().region();
        Severity worstFailing = null;
        for (ResultRow r : rows) {
            switch (r.status()) {
                case PASS -> pass++;
                case FAIL -> {
                    fail++;
                    worstFailing = worstFailing == null || r.severity().ordinal() < worstFailing.ordinal() ? r.severity() : worstFailing;
                }
                case UNKNOWN -> unknown++;
                case SUPPRESSED -> suppressed++;
            }
            String region = r.result().region() == null ? "global" : r.result().region();
            if (accounts == null && !java.util.Objects.equals(r.accountName(), first.accountName())) {
                accounts = new HashSet<>();
                accounts.add(first.accountName());
            }
            if (accounts != null) {
                accounts.add(r.accountName());
            }
            if (regions == null && !region.equals(firstRegion)) {
                regions = new HashSet<>();
                regions.add(firstRegion);
            }
            if (regions != null) {
                regions.add(region);
            }
        }
        Counts counts = new Counts(pass, fail, unknown, suppressed);
        String accountText = accounts == null ? first.accountName() : FindingsText.plural(accounts.size(), "account", "accounts");
        String regionText = regions == null ? firstRegion : FindingsText.plural(regions.size(), "region", "regions");
        if (grouping == Grouping.CHECK) {
            Check check = Checks.byId(key).orElse(null);
            String title = check != null ? check.title() : first.result().title();
            Severity severity = check != null ? check.severity() : first.severity();
            // The status column says the leading count; the rest of the breakdown goes here.
            boolean mixed = (counts.pass() > 0 ? 1 : 0) + (counts.fail() > 0 ? 1 : 0) + (counts.unknown() > 0 ? 1 : 0) + (counts.suppressed() > 0 ? 1 : 0) > 1;
            String subtitle = first.result().facet().title() + (mixed ? " · " + FindingsText.counts(counts) : "") + " · " + accountText;
            return new GroupRow(grouping, key, title, subtitle, counts, severity, first.status(), accountText, regionText, expanded);
        }
        Severity severity = worstFailing != null ? worstFailing : first.severity();
        String subtitle = key.isEmpty() ? "" : key;
        return new GroupRow(grouping, key, first.resourceName(), subtitle, counts, severity, first.status(), accountText, regionText, expanded);
    }
}
