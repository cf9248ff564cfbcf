package dev.redoubt.aws.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkTrackerLaneTest {
    /** A busy scope's queued tasks hold no pool thread: another scope's task runs while the first scope is at its limit. */
    @Test
    void aFullLaneQueuesItsTasksAndLeavesThreadsToOtherScopes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            WorkTracker work = new WorkTracker(pool, t -> { });
            WorkTracker.Lane busy = new WorkTracker.Lane(2);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            for (int i = 0; i < 6; i++) {
                work.submit(null, busy, () -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                });
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (running.get() < 2 && System.nanoTime() < until) { // the lane full: both its first tasks started
                Thread.sleep(5);
            }
            assertThat(running.get()).as("the lane's first two tasks run").isEqualTo(2);
            CountDownLatch otherRan = new CountDownLatch(1);
            work.submit(null, new WorkTracker.Lane(2), otherRan::countDown);
            assertThat(otherRan.await(5, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            work.awaitAll();
            assertThat(work.completed()).isEqualTo(7);
            assertThat(mostAtOnce.get()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
