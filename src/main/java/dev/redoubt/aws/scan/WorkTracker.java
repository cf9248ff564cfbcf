package dev.redoubt.aws.scan;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs tasks that may submit more tasks, and waits until all of them are done (a Phaser caps parties at 65,535).
 * Counts are atomics, so progress can be read while 64 threads submit and finish work; a task may also count
 * in a share of the work ({@link Units}, one per scope).
 */
final class WorkTracker {
    /** The tasks of one share of the work: submitted, completed, whether one has started and whether one ended by throwing. */
    static final class Units {
        private final AtomicLong submitted = new AtomicLong();
        private final AtomicLong completed = new AtomicLong();
        private volatile boolean started;
        private volatile boolean failed;

        long submitted() {
            return submitted.get();
        }

        long completed() {
            return completed.get();
        }

        boolean started() {
            return started;
        }

        /** True once a task ended by throwing (a cancelled scan's tasks throw ScanCancelledException): the share was not read completely. */
        boolean failed() {
            return failed;
        }
    }

    /**
     * Where the tasks of one (account, region, service) wait their turn: at most {@code limit} of them run at once, the
     * rest are queued here, not in the pool, so no pool thread sits blocked on a busy scope while others have work.
     */
    static final class Lane {
        private final int limit;
        private int running;
        private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();

        Lane(int limit) {
            this.limit = limit;
        }

        /** True if {@code job} may start now; else it is queued. */
        private synchronized boolean admit(Runnable job) {
            if (running < limit) {
                running++;
                return true;
            }
            waiting.add(job);
            return false;
        }

        /** A task of this lane ended: the next waiting one, which takes its place, or null. */
        private synchronized Runnable next() {
            Runnable job = waiting.poll();
            if (job == null) {
                running--;
            }
            return job;
        }
    }

    private final ExecutorService pool;
    private final Consumer<Throwable> onFailure;
    private final Object lock = new Object();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();

    WorkTracker(ExecutorService pool, Consumer<Throwable> onFailure) {
        this.pool = pool;
        this.onFailure = onFailure;
    }

    void submit(Runnable task) {
        submit(null, task);
    }

    /** Submits a task that also counts in {@code units} (may be null). */
    void submit(Units units, Runnable task) {
        submit(units, null, task);
    }

    /** Submits a task that also counts in {@code units} (may be null) and runs when {@code lane} (may be null) has room. */
    void submit(Units units, Lane lane, Runnable task) {
        pending.incrementAndGet();
        submitted.incrementAndGet();
        if (units != null) {
            units.submitted.incrementAndGet();
        }
        Runnable job = job(units, lane, task);
        if (lane == null || lane.admit(job)) {
            pool.execute(job);
        }
    }

    private Runnable job(Units units, Lane lane, Runnable task) {
        return () -> {
            try {
                if (units != null) {
                    units.started = true;
                }
                task.run();
            } catch (Throwable t) {
                if (units != null) {
                    units.failed = true;
                }
                onFailure.accept(t);
            } finally {
                // The share's count first, so a reader that sees the total sees the share too.
                if (units != null) {
                    units.completed.incrementAndGet();
                }
                completed.incrementAndGet();
                if (lane != null) {
                    Runnable next = lane.next();
                    if (next != null) {
                        pool.execute(next); // still pending: counted before this task's own count drops
                    }
                }
                if (pending.decrementAndGet() == 0) {
                    synchronized (lock) {
                        lock.notifyAll();
                    }
                }
            }
        };
    }

    void awaitAll() throws InterruptedException {
        synchronized (lock) {
            while (pending.get() > 0) {
                lock.wait();
            }
        }
    }

    long submitted() {
        return submitted.get();
    }

    long completed() {
        return completed.get();
    }
}
