package dev.redoubt.findings;

import dev.redoubt.estate.Estate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;

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
        return run(estate, settings, fallbackNow, part -> {
        });
    }

    /**
     * Runs the checks and hands each check's results (sorted) to {@code inOrder} in catalogue order, on a thread of its
     * own, while later checks still run: an audit of 200,000 recovery points hashes half a million results, and that
     * work need not wait for the last check. {@code inOrder} runs on one thread, one part at a time; this returns once it
     * has taken every part, and rethrows what a check or {@code inOrder} threw.
     *
     * @param fallbackNow the instant to judge as of when the estate has no CapturedAt
     */
    public Outcome run(Estate estate, FindingsSettings settings, Instant fallbackNow, Consumer<List<Result>> inOrder) {
        EstateIndex index = new EstateIndex(estate, settings, fallbackNow);
        List<CompletableFuture<List<Result>>> parts = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            parts.add(new CompletableFuture<>());
        }
        AtomicReference<Throwable> followerFailed = new AtomicReference<>();
        Thread follower = new Thread(() -> {
            try {
                for (CompletableFuture<List<Result>> part : parts) {
                    inOrder.accept(part.join());
                }
            } catch (CompletionException e) {
                // a check failed: the caller rethrows its exception
            } catch (Throwable t) {
                followerFailed.set(t);
            }
        }, "redoubt-audit-results");
        follower.setDaemon(true);
        follower.start();
        try {
            // Checks are stateless and the index is read-only, so they run side by side; results keep catalogue order.
            IntStream.range(0, checks.size()).parallel().forEach(i -> {
                try {
                    List<Result> out = new ArrayList<>();
                    checks.get(i).evaluate(index, out::add);
                    out.sort(CANONICAL);
                    parts.get(i).complete(out);
                } catch (RuntimeException | Error e) {
                    parts.get(i).completeExceptionally(e);
                    throw e;
                }
            });
        } finally {
            CancellationException notRun = new CancellationException("an earlier check failed");
            parts.forEach(p -> p.completeExceptionally(notRun));
            joinUninterruptibly(follower);
        }
        Throwable failed = followerFailed.get();
        if (failed instanceof RuntimeException re) {
            throw re;
        }
        if (failed instanceof Error err) {
            throw err;
        }
        int total = 0;
        for (CompletableFuture<List<Result>> p : parts) {
            total += p.join().size();
        }
        List<Result> results = new ArrayList<>(total);
        parts.forEach(p -> results.addAll(p.join()));
        return new Outcome(index, results);
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
