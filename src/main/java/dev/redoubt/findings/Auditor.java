package dev.redoubt.findings;

import dev.redoubt.estate.Estate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every check of a catalogue over an estate, as of its CapturedAt, in parallel; results come back in catalogue order. */
public final class Auditor {
    private final List<Check> checks;

    /**
     * Within a check, results come by account, region and resource: the order of a capture's
     * regions or vaults (which a scan does not fix) must not change the report or its digest.
     */
    static final Comparator<Result> CANONICAL = Auditor::compareCanonically;

    /** Account, region, resource ARN, each null first (written out: 200,000 results of one check are sorted per audit). */
    private static int compareCanonically(Result a, Result b) {
        int c = compareNullsFirst(a.accountId(), b.accountId());
        if (c != 0) {
            return c;
        }
        c = compareNullsFirst(a.region(), b.region());
        return c != 0 ? c : compareNullsFirst(a.resourceArn(), b.resourceArn());
    }

    private static int compareNullsFirst(String a, String b) {
        if (a == b) {
            return 0;
        }
        if (a == null) {
            return -1;
        }
        return b == null ? 1 : a.compareTo(b);
    }

    public Auditor(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The outcome of one audit: the index it judged (instant, thresholds, roles) and every result in catalogue order. */
    public record Outcome(EstateIndex index, List<Result> results) {
    }

    /**
     * @param fallbackNow the instant to judge as of when the estate has no CapturedAt
     */
    public Outcome run(Estate estate, FindingsSettings settings, Instant fallbackNow) {
        return run(estate, settings, fallbackNow, () -> false);
    }

    /**
     * {@link #run(Estate, FindingsSettings, Instant)}, asking {@code stop} before each check: once it answers true, no
     * further check starts and the run ends with {@link AuditStopped} (a check already running finishes first).
     */
    public Outcome run(Estate estate, FindingsSettings settings, Instant fallbackNow, java.util.function.BooleanSupplier stop) {
        EstateIndex index = new EstateIndex(estate, settings, fallbackNow);
        // Checks are stateless and the index is read-only, so they run side by side; results keep catalogue order.
        List<List<Result>> perCheck = checks.parallelStream().map(c -> {
            if (stop.getAsBoolean()) {
                return List.<Result>of();
            }
            List<Result> out = new ArrayList<>();
            c.evaluate(index, out::add);
            out.sort(CANONICAL);
            return out;
        }).toList();
        if (stop.getAsBoolean()) {
            throw new AuditStopped();
        }
        List<Result> results = new ArrayList<>(perCheck.stream().mapToInt(List::size).sum());
        perCheck.forEach(results::addAll);
        return new Outcome(index, results);
    }
}
