package dev.redoubt.ui.overview;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.Region;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recovery points created per day (UTC) in the {@code days} days that end at the estate's
 * CapturedAt, per account holding them (the account of the vault, so copies count where they are
 * kept). The window is the capture's, never the wall clock's: an old capture shows its own last
 * days. Points created after CapturedAt or without a CreationDate are not counted. With more
 * accounts than {@code maxSeries}, the busiest keep their own series and the rest share one.
 */
public record BackupActivity(LocalDate firstDay, LocalDate lastDay, List<Series> series, List<Long> perDay, long total,
                             List<String> quietAccounts) {
    public BackupActivity {
        series = List.copyOf(series);
        perDay = List.copyOf(perDay);
        quietAccounts = List.copyOf(quietAccounts);
    }

    /**
     * One bar colour: an account (its id and name) or, with {@code accountId} null, the other
     * accounts together ({@code accounts} of them).
     */
    public record Series(String accountId, String name, int accounts, List<Long> perDay, long total) {
        public Series {
            perDay = List.copyOf(perDay);
        }

        public long on(int day) {
            return perDay.get(day);
        }

        public boolean others() {
            return accountId == null;
        }
    }

    public static BackupActivity of(Estate estate, Instant end, int days, int maxSeries) {
        LocalDate last = LocalDate.ofInstant(end, ZoneOffset.UTC);
        LocalDate first = last.minusDays(days - 1L);
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        long fromDay = first.toEpochDay();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Account a : estate.accounts() == null ? List.<Account>of() : estate.accounts()) {
            names.put(a.id(), a.name() != null ? a.name() : a.id());
            long[] perDay = counts.computeIfAbsent(a.id(), k -> new long[days]);
            for (Region r : a.regions() == null ? List.<Region>of() : a.regions().values()) {
                for (BackupVault v : r.backupVaults() == null ? List.<BackupVault>of() : r.backupVaults()) {
                    for (RecoveryPoint p : v.recoveryPoints() == null ? List.<RecoveryPoint>of() : v.recoveryPoints()) {
                        Instant created = p.creationDate();
                        if (created == null || created.isBefore(from) || created.isAfter(end)) {
                            continue;
                        }
                        perDay[(int) (Math.floorDiv(created.getEpochSecond(), 86_400L) - fromDay)]++;
                    }
                }
            }
        }
        List<Series> busy = new ArrayList<>();
        List<String> quiet = new ArrayList<>();
        counts.forEach((id, perDay) -> {
            long total = Arrays.stream(perDay).sum();
            if (total == 0) {
                quiet.add(names.get(id));
            } else {
                busy.add(new Series(id, names.get(id), 1, boxed(perDay), total));
            }
        });
        busy.sort(Comparator.comparingLong(Series::total).reversed().thenComparing(Series::name, String.CASE_INSENSITIVE_ORDER));
        List<Series> shown = busy;
        if (busy.size() > maxSeries) {
            shown = new ArrayList<>(busy.subList(0, maxSeries - 1));
            long[] rest = new long[days];
            long restTotal = 0;
            for (Series s : busy.subList(maxSeries - 1, busy.size())) {
                for (int d = 0; d < days; d++) {
                    rest[d] += s.on(d);
                }
                restTotal += s.total();
            }
            int others = busy.size() - (maxSeries - 1);
            shown.add(new Series(null, others + " other accounts", others, boxed(rest), restTotal));
        }
        long[] perDay = new long[days];
        long total = 0;
        for (Series s : shown) {
            for (int d = 0; d < days; d++) {
                perDay[d] += s.on(d);
            }
            total += s.total();
        }
        quiet.sort(String.CASE_INSENSITIVE_ORDER);
        return new BackupActivity(first, last, shown, boxed(perDay), total, quiet);
    }

    private static List<Long> boxed(long[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    public int days() {
        return perDay.size();
    }

    public LocalDate day(int index) {
        return firstDay.plusDays(index);
    }

    public long on(int day) {
        return perDay.get(day);
    }

    public long busiestDay() {
        return perDay.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
