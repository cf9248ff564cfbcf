package dev.redoubt.sandbox;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency and transient failures injected per AWS request, reproducibly: the n-th request's fate
 * depends only on the seed and n. Only the kinds AWS's own transient failures take (throttling, 500,
 * 503), which SDKs and the CLI retry.
 */
final class Faults {
    private final long latencyMs;
    private final double throttleRate;
    private final double errorRate;
    private final long seed;
    private final AtomicLong counter = new AtomicLong();

    Faults(long latencyMs, double throttleRate, double errorRate, long seed) {
        this.latencyMs = latencyMs;
        this.throttleRate = throttleRate;
        this.errorRate = errorRate;
        this.seed = seed;
    }

    boolean any() {
        return latencyMs > 0 || throttleRate > 0 || errorRate > 0;
    }

    /** The failure for the next request, or null; sleeps the latency first. */
    AwsError next() throws InterruptedException {
        if (!any()) {
            return null;
        }
        long n = counter.getAndIncrement();
        if (latencyMs > 0) {
            Thread.sleep(latencyMs);
        }
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        double x = rnd.nextDouble();
        if (x < throttleRate) {
            return AwsError.of(AwsError.Kind.THROTTLED, "Rate exceeded");
        }
        if (x < throttleRate + errorRate) {
            return rnd.nextBoolean() ? AwsError.of(AwsError.Kind.INTERNAL, "We encountered an internal error. Please try again.")
                    : AwsError.of(AwsError.Kind.UNAVAILABLE, "The service is unavailable. Please try again later.");
        }
        return null;
    }
}
