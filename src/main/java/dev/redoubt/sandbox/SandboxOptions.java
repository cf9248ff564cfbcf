package dev.redoubt.sandbox;

import dev.redoubt.estate.Estate;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to start a sandbox. {@code port} 0 picks a free port. Faults apply per AWS request:
 * {@code latencyMs} is added to each, {@code throttleRate} and {@code errorRate} (0 to 1) answer that
 * share with ThrottlingException or a 500/503, decided by {@code seed} and the request's sequence number.
 * {@code autoApprove} signs device authorizations in as the first SSO user at once.
 */
public record SandboxOptions(Estate estate, int port, Clock clock, boolean asCaptured, long latencyMs, double throttleRate,
                             double errorRate, long seed, boolean autoApprove, int threads, Consumer<RequestLog.Entry> requestListener) {
    public static final int DEFAULT_PORT = 4588;

    public SandboxOptions {
        Objects.requireNonNull(estate, "estate");
        clock = clock == null ? Clock.systemUTC() : clock;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port);
        }
        if (latencyMs < 0 || latencyMs > 60_000) {
            throw new IllegalArgumentException("--latency-ms must be between 0 and 60000, not " + latencyMs);
        }
        if (!(throttleRate >= 0 && throttleRate <= 1)) {
            throw new IllegalArgumentException("--throttle-rate must be between 0 and 1, not " + throttleRate);
        }
        if (!(errorRate >= 0 && errorRate <= 1) || throttleRate + errorRate > 1) {
            throw new IllegalArgumentException("--error-rate must be between 0 and 1 (and with --throttle-rate at most 1), not " + errorRate);
        }
        // Injected latency stands for the network, not for AWS's capacity: requests waiting it out must not hold the
        // threads that do the work, so a latency adds threads that mostly sleep.
        threads = threads <= 0 ? (latencyMs > 0 ? 16 + 128 : 16) : threads;
    }

    /** A sandbox inside Redoubt (the desktop's demo): a free port, device sign-ins approved at once as the first SSO user. */
    public static SandboxOptions inProcess(Estate estate, Clock clock) {
        return new SandboxOptions(estate, 0, clock, false, 0, 0, 0, 1, true, 8, null);
    }

    /** A sandbox for tests: a free port, the given clock, no faults. */
    public static SandboxOptions forTests(Estate estate, Clock clock) {
        return new SandboxOptions(estate, 0, clock, false, 0, 0, 0, 1, false, 8, null);
    }

    public SandboxOptions withPort(int p) {
        return new SandboxOptions(estate, p, clock, asCaptured, latencyMs, throttleRate, errorRate, seed, autoApprove, threads, requestListener);
    }

    public SandboxOptions withAsCaptured(boolean v) {
        return new SandboxOptions(estate, port, clock, v, latencyMs, throttleRate, errorRate, seed, autoApprove, threads, requestListener);
    }

    public SandboxOptions withFaults(long latency, double throttle, double error, long s) {
        return new SandboxOptions(estate, port, clock, asCaptured, latency, throttle, error, s, autoApprove, threads, requestListener);
    }

    public SandboxOptions withAutoApprove(boolean v) {
        return new SandboxOptions(estate, port, clock, asCaptured, latencyMs, throttleRate, errorRate, seed, v, threads, requestListener);
    }

    public SandboxOptions withRequestListener(Consumer<RequestLog.Entry> listener) {
        return new SandboxOptions(estate, port, clock, asCaptured, latencyMs, throttleRate, errorRate, seed, autoApprove, threads, listener);
    }
}
