package dev.redoubt.ui.scan;

import dev.redoubt.services.ScanStatus;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * How fast a running scan goes and how long it has left, from its successive snapshots: the rates are
 * averaged over the last few seconds, and the projected finish is smoothed, so the numbers do not jump
 * with every snapshot. Snapshots carry their own time (time since the scan began), so no clock is needed.
 */
public final class ScanPace {
    /** Rates are taken over about this much of the recent past. */
    static final Duration WINDOW = Duration.ofSeconds(8);
    /** Nothing is estimated before the snapshots span this long. */
    static final Duration FIRST_ESTIMATE = Duration.ofSeconds(2);
    /** Weight of the newest projection of the finish (the rest is the previous, smoothed one). */
    private static final double SMOOTHING = 0.3;

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private Double finishSeconds;

    /** The pace as of one snapshot; null members while not known yet. */
    public record Estimate(Double callsPerSecond, Double unitsPerSecond, Duration timeLeft) {
        static final Estimate UNKNOWN = new Estimate(null, null, null);

        public boolean known() {
            return callsPerSecond != null;
        }
    }

    private record Sample(long nanos, long units, long calls) {
    }

    /** Takes the next snapshot of the same scan (an earlier time means a new scan: it starts over). */
    public Estimate update(ScanStatus status) {
        long t = status.elapsed().toNanos();
        if (!samples.isEmpty() && t < samples.peekLast().nanos()) {
            reset();
        }
        samples.addLast(new Sample(t, status.unitsDone(), status.apiCalls()));
        while (samples.size() > 2 && second().nanos() <= t - WINDOW.toNanos()) {
            samples.removeFirst();
        }
        Sample first = samples.peekFirst();
        long span = t - first.nanos();
        if (span < FIRST_ESTIMATE.toNanos()) {
            return Estimate.UNKNOWN;
        }
        double seconds = span / 1e9;
        double calls = Math.max(0, status.apiCalls() - first.calls()) / seconds;
        double units = Math.max(0, status.unitsDone() - first.units()) / seconds;
        long remaining = Math.max(0, status.unitsKnown() - status.unitsDone());
        if (units <= 0 || status.unitsKnown() == 0) {
            return new Estimate(calls, units, null);
        }
        double now = t / 1e9;
        double projectedFinish = now + remaining / units;
        finishSeconds = finishSeconds == null ? projectedFinish : finishSeconds + SMOOTHING * (projectedFinish - finishSeconds);
        double left = Math.max(0, finishSeconds - now);
        return new Estimate(calls, units, Duration.ofMillis(Math.round(left * 1000)));
    }

    public void reset() {
        samples.clear();
        finishSeconds = null;
    }

    private Sample second() {
        Iterator<Sample> it = samples.iterator();
        it.next();
        return it.next();
    }
}
