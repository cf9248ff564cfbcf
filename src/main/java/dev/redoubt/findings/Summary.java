package dev.redoubt.findings;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Results by facet (with its score), check, account, region and severity, for the overview and
 * the reports. A facet's score is passing / (passing + failing); UNKNOWN and SUPPRESSED results
 * are counted beside it, not in it.
 */
public record Summary(Counts total, Map<Facet, Counts> byFacet, Map<String, Counts> byCheck, Map<String, Counts> byAccount,
                      Map<String, Counts> byRegion, Map<Severity, Counts> bySeverity) {

    public static Summary of(List<Result> results, List<Check> catalogue) {
        Map<Facet, long[]> facet = new EnumMap<>(Facet.class);
        for (Facet f : Facet.values()) {
            facet.put(f, new long[4]);
        }
        Map<String, long[]> check = new LinkedHashMap<>();
        for (Check c : catalogue) {
            check.put(c.id(), new long[4]);
        }
        Map<String, long[]> account = new HashMap<>();
        Map<String, long[]> region = new HashMap<>();
        Map<Severity, long[]> severity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            severity.put(s, new long[4]);
        }
        long[] total = new long[4];
        for (Result r : results) {
            int i = r.status().ordinal();
            total[i]++;
            facet.get(r.facet())[i]++;
            check.computeIfAbsent(r.checkId(), k -> new long[4])[i]++;
            account.computeIfAbsent(r.accountId() == null ? "-" : r.accountId(), k -> new long[4])[i]++;
            region.computeIfAbsent(r.region() == null ? "-" : r.region(), k -> new long[4])[i]++;
            severity.get(r.severity())[i]++;
        }
        return new Summary(counts(total), convert(facet, new EnumMap<>(Facet.class)), convert(check, new LinkedHashMap<>()),
                convert(new TreeMap<>(account), new LinkedHashMap<>()), convert(new TreeMap<>(region), new LinkedHashMap<>()), convert(severity, new EnumMap<>(Severity.class)));
    }

    private static Counts counts(long[] c) {
        return new Counts(c[Status.PASS.ordinal()], c[Status.FAIL.ordinal()], c[Status.UNKNOWN.ordinal()], c[Status.SUPPRESSED.ordinal()]);
    }

    private static <K> Map<K, Counts> convert(Map<K, long[]> in, Map<K, Counts> out) {
        in.forEach((k, v) -> out.put(k, counts(v)));
        return java.util.Collections.unmodifiableMap(out);
    }
}
