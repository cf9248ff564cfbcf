package dev.redoubt.aws.scan;

import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/** Runs tasks that may submit more tasks, and waits until all of them are done (a Phaser caps parties at 65,535). */
final class WorkTracker {
    private final ExecutorService pool;
    private final Consumer<Throwable> onFailure;
    private final Object lock = new Object();
    private long pending;
    private long submitted;
    private long completed;

    WorkTracker(ExecutorService pool, Consumer<Throwable> onFailure) {
        this.pool = pool;
        this.onFailure = onFailure;
    }

    void submit(Runnable task) {
        synchronized (lock) {
            pending++;
            submitted++;
        }
        pool.execute(() -> {
            try {
                task.run();
            } catch (Throwable t) {
                onFailure.accept(t);
            } finally {
                synchronized (lock) {
                    completed++;
                    if (--pending == 0) {
                        lock.notifyAll();
                    }
                }
            }
        });
    }

    void awaitAll() throws InterruptedException {
        synchronized (lock) {
            while (pending > 0) {
                lock.wait();
            }
        }
    }

    long submitted() {
        synchronized (lock) {
            return submitted;
        }
    }

    long completed() {
        synchronized (lock) {
            return completed;
        }
    }
}
