package dev.redoubt.ui.overview;

import dev.redoubt.estate.Account;
import dev.redoubt.findings.Counts;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Status;
import dev.redoubt.ui.findings.FindingsQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores per account and facet. One row per account of the estate (accounts without results
 * too) and per other account that results name (a resource owned outside the capture); results
 * tied to no account are left out of the map and counted in {@link #withoutAccount}: they are in
 * the scorecard, and no account's cell can send the user to them. An organization of more than
 * {@link #MAX_ROWS} accounts shows the {@code MAX_ROWS} with the most failing results (then the most
 * unknown) and counts the others in {@link #hidden}: hundreds of rows of cells are more than anyone
 * reads at a glance, and the window drew them for seconds; the Organization screen lists every account.
 */
public record HeatMap(List<Row> rows, long withoutAccount, int hidden) {
    /** The most accounts the map shows. */
    public static final int MAX_ROWS = 20;

    public HeatMap {
        rows = List.copyOf(rows);
    }

    /** One account: its name (null when the estate does not hold the account) and a cell per facet, in facet order. */
    public record Row(String accountId, String name, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public Cell cell(Facet facet) {
            return cells.get(facet.ordinal());
        }
    }

    /** One account's results in one facet. */
    public record Cell(String accountId, Facet facet, Counts counts) {
        public String scoreText() {
            return Score.text(counts);
        }

        public ScoreBand band() {
            return Score.band(counts);
        }

        /** Where a click goes: the account's failures in the facet. */
        public FindingsQuery query() {
            return FindingsQuery.failing(accountId, facet);
        }
    }

    public static HeatMap of(List<Result> results, List<Account> accounts) {
        Map<String, long[][]> byAccount = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Account a : accounts == null ? List.<Account>of() : accounts) {
            if (a.id() != null) {
                byAccount.put(a.id(), new long[Facet.values().length][Status.values().length]);
                names.put(a.id(), a.name());
            }
        }
        long without = 0;
        for (Result r : results) {
            if (r.accountId() == null) {
                without++;
                continue;
            }
            byAccount.computeIfAbsent(r.accountId(), k -> new long[Facet.values().length][Status.values().length])[r.facet().ordinal()][r.status().ordinal()]++;
        }
        List<Row> rows = new ArrayList<>();
        byAccount.forEach((id, counts) -> {
            List<Cell> cells = new ArrayList<>();
            for (Facet f : Facet.values()) {
                long[] c = counts[f.ordinal()];
                cells.add(new Cell(id, f, new Counts(c[Status.PASS.ordinal()], c[Status.FAIL.ordinal()], c[Status.UNKNOWN.ordinal()],
                        c[Status.SUPPRESSED.ordinal()])));
            }
            rows.add(new Row(id, names.get(id), cells));
        });
        int hidden = Math.max(0, rows.size() - MAX_ROWS);
        if (hidden > 0) {
            rows.sort(Comparator.comparingLong((Row r) -> total(r, true)).reversed()
                    .thenComparing(Comparator.comparingLong((Row r) -> total(r, false)).reversed())
                    .thenComparing(Row::accountId));
            rows.subList(MAX_ROWS, rows.size()).clear();
        }
        rows.sort(Comparator.comparing((Row r) -> r.name() == null)
                .thenComparing(r -> r.name() == null ? "" : r.name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Row::accountId));
        return new HeatMap(rows, without, hidden);
    }

    /** A row's failing results (or, with {@code failing} false, its unknown ones) over every facet. */
    private static long total(Row r, boolean failing) {
        long n = 0;
        for (Cell c : r.cells()) {
            n += failing ? c.counts().fail() : c.counts().unknown();
        }
        return n;
    }

    public Row row(String accountId) {
        return rows.stream().filter(r -> r.accountId().equals(accountId)).findFirst().orElse(null);
    }
}
