package dev.redoubt.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** The sandbox's clock: an injected clock plus an advance that tests and the control surface move forward without sleeping. */
public final class SandboxClock extends Clock {
    private final Clock base;
    private final AtomicLong advancedNanos;

    public SandboxClock(Clock base) {
        this(base, new AtomicLong());
    }

    private SandboxClock(Clock base, AtomicLong advancedNanos) {
        this.base = base;
        this.advancedNanos = advancedNanos;
    }

    /** Moves the clock forward (never back). */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the sandbox clock only moves forward");
        }
        advancedNanos.addAndGet(by.toNanos());
    }

    /** How far the clock has been moved beyond its base. */
    public Duration advanced() {
        return Duration.ofNanos(advancedNanos.get());
    }

    @Override
    public Instant instant() {
        return base.instant().plusNanos(advancedNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SandboxClock(base.withZone(zone), advancedNanos);
    }
}
