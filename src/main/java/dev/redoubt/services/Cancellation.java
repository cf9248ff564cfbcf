package dev.redoubt.services;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks a running use case to stop. Cooperative: the work checks it between steps (a scan between
 * calls and pages, a sign-in between polls), so what was done so far can be kept.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch latch = new CountDownLatch(1);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** A cancellation nobody will ever trigger (the command line's default, until Ctrl+C). */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            latch.countDown();
            listeners.forEach(Runnable::run);
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** The flag itself, for code that polls an AtomicBoolean (the scanner). */
    AtomicBoolean flag() {
        return cancelled;
    }

    /** Runs {@code action} once when cancelled (at once if already cancelled). */
    public void onCancel(Runnable action) {
        AtomicBoolean ran = new AtomicBoolean();
        Runnable once = () -> {
            if (ran.compareAndSet(false, true)) {
                action.run();
            }
        };
        listeners.add(once);
        if (isCancelled()) {
            once.run();
        }
    }

    /** Waits up to {@code d}; true when cancelled meanwhile (the wait then ends at once). */
    public boolean await(Duration d) throws InterruptedException {
        return latch.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Throws a CANCELLED failure when cancelled. */
    public void check() {
        if (isCancelled()) {
            throw new ServiceFailure(ServiceFailure.Kind.CANCELLED, "cancelled");
        }
    }
}
