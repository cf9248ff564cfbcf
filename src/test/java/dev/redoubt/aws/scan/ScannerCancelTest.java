package dev.redoubt.aws.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.aws.signin.Session;
import dev.redoubt.estate.Account;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.Incomplete;
import dev.redoubt.estate.ReadError;
import dev.redoubt.estate.Region;
import dev.redoubt.estate.generate.EstateGenerator;
import dev.redoubt.estate.generate.GeneratorSpec;
import dev.redoubt.findings.Auditor;
import dev.redoubt.findings.Checks;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Status;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cancelled scan returns what it read, promptly, marked incomplete, with every unfinished scope named so no check on it passes. */
class ScannerCancelTest {
    private static final String CANCELLED = "ScanCancelled";

    @TempDir
    Path home;

    private final ExecutorService caller = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-scan-caller"));

    @AfterEach
    void stopCaller() {
        caller.shutdownNow();
    }

    /** Hands over the monitor, and opens {@code midway} once the monitor shows a vault and its recovery points read. */
    private static final class Watch implements ScanProgress {
        final CompletableFuture<ScanMonitor> monitor = new CompletableFuture<>();
        final CountDownLatch midway = new CountDownLatch(1);

        @Override
        public void started(ScanMonitor m) {
            monitor.complete(m);
        }

        @Override
        public void update(long done, long total, String scope) {
            if (midway.getCount() > 0 && monitor.join().snapshot().scopes().stream().anyMatch(s -> s.vaults() > 0 && s.recoveryPoints() > 0)) {
                midway.countDown();
            }
        }
    }

    /** Few calls in flight (2 per scope, 16 in all), so that a cancel after the first vault's points still finds scopes unread. */
    private static ScanRequest everything() {
        return new ScanRequest(List.of(), true, EstateGenerator.READ_ONLY_ROLE, List.of(), true, 2, 16, null);
    }

    private static long recoveryPoints(Estate e) {
        return vaults(e).mapToLong(v -> v.recoveryPoints() == null ? 0 : v.recoveryPoints().size()).sum();
    }

    private static Stream<BackupVault> vaults(Estate e) {
        return e.accounts().stream().filter(a -> a.regions() != null).flatMap(a -> a.regions().values().stream())
                .filter(r -> r.backupVaults() != null).flatMap(r -> r.backupVaults().stream());
    }

    private static List<ReadError> readErrors(Estate e) {
        return e.accounts().stream().flatMap(a -> Stream.concat(a.readErrors() == null ? Stream.empty() : a.readErrors().stream(),
                a.regions() == null ? Stream.empty() : a.regions().values().stream()
                        .flatMap(r -> r.readErrors() == null ? Stream.<ReadError>empty() : r.readErrors().stream()))).toList();
    }

    @Test
    void cancellingMidwayReturnsWhatWasReadPromptlyAndNoCheckPassesOnWhatWasNot() throws Exception {
        Estate served = new EstateGenerator(new EstateFile()).generate(new GeneratorSpec(3, 2, 10, 12_000, 17, null));
        String management = served.organization().masterAccountId();
        // When the sandbox began answering each request (it logs when done, with how long it took), to report when calls stopped.
        AtomicLong lastBegun = new AtomicLong();
        SandboxOptions options = SandboxSessions.withLatency(served, 20)
                .withRequestListener(e -> lastBegun.accumulateAndGet(System.nanoTime() - e.micros() * 1000, Math::max));
        try (Sandbox sandbox = Sandbox.start(options);
             Session session = SandboxSessions.withKeys(home, sandbox, sandbox.credential(management, EstateGenerator.READ_ONLY_ROLE), "us-east-1")) {
            AtomicBoolean cancelled = new AtomicBoolean();
            Watch watch = new Watch();
            CompletableFuture<ScanResult> scan = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Scanner(Clock.systemUTC(), new EstateFile()).scan(session, everything(), watch, cancelled);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, caller);

            assertThat(watch.midway.await(60, TimeUnit.SECONDS)).as("recovery points read within a minute").isTrue();
            ScanSnapshot before = watch.monitor.join().snapshot();
            cancelled.set(true);
            long cancelledAt = System.nanoTime();
            ScanResult result = scan.get(30, TimeUnit.SECONDS);
            Duration toReturn = Duration.ofNanos(System.nanoTime() - cancelledAt);
            Duration lastCall = Duration.ofNanos(lastBegun.get() - cancelledAt);
            System.out.printf("cancel midway: last call began %d ms after the cancel, returned after %d ms (%s, %,d of %,d recovery points"
                    + " read, %d of %d units)%n", lastCall.toMillis(), toReturn.toMillis(), before.phase(), before.recoveryPoints(), 12_000,
                    before.unitsDone(), before.unitsKnown());

            // No call starts once the cancel is seen: at most the ones each scan thread was starting as it came.
            assertThat(result.apiCalls() - before.apiCalls()).as("calls made after the cancel").isLessThanOrEqualTo(everything().totalLimit());
            assertThat(toReturn).as("time from cancel to return").isLessThan(Duration.ofSeconds(5));
            assertThat(before.scopes()).as("scopes still being read when cancelled").anyMatch(s -> s.state() != ScopeProgress.State.DONE);
            assertThat(result.cancelled()).isTrue();
            Estate capture = result.estate();
            Incomplete marker = capture.incomplete();
            assertThat(marker).isNotNull();
            assertThat(marker.reason()).isEqualTo("cancelled");
            assertThat(marker.at()).isNotNull();
            assertThat(marker.message()).contains("cancelled");
            assertThat(recoveryPoints(capture)).as("recovery points kept").isPositive().isLessThan(12_000);
            // Every vault kept was read completely.
            assertThat(vaults(capture)).isNotEmpty().allSatisfy(v -> assertThat((long) v.recoveryPoints().size())
                    .isEqualTo(v.numberOfRecoveryPoints()));

            // The monitor's last word agrees with the capture: every scope DONE or CANCELLED, cancelled ones named in ReadErrors.
            ScanSnapshot last = watch.monitor.join().snapshot();
            assertThat(last.phase()).isEqualTo("cancelled");
            assertThat(last.recoveryPoints()).isEqualTo(recoveryPoints(capture));
            List<ReadError> errors = readErrors(capture);
            Set<String> cancelledScopes = new HashSet<>();
            errors.stream().filter(e -> CANCELLED.equals(e.errorCode()) && "*".equals(e.operation())).forEach(e -> cancelledScopes.add(e.scope()));
            assertThat(last.scopes()).allSatisfy(s -> {
                assertThat(s.state()).isIn(ScopeProgress.State.DONE, ScopeProgress.State.CANCELLED);
                assertThat(cancelledScopes.contains(s.accountId() + "/" + s.region())).as(s.toString())
                        .isEqualTo(s.state() == ScopeProgress.State.CANCELLED);
            });
            assertThat(last.scopes()).anyMatch(s -> s.state() == ScopeProgress.State.CANCELLED);
            assertThat(result.readErrors()).isEqualTo(errors.size()).isEqualTo(last.readErrors());
            Set<String> unreadKeys = new HashSet<>();
            errors.stream().filter(e -> CANCELLED.equals(e.errorCode()) && "kms:*".equals(e.operation())).forEach(e -> unreadKeys.add(e.scope()));
            for (Account a : capture.accounts()) {
                for (Map.Entry<String, Region> r : a.regions().entrySet()) {
                    if (r.getValue().kmsKeys() != null) {
                        r.getValue().kmsKeys().forEach(k -> assertThat(unreadKeys).doesNotContain(k.keyMetadata().arn()));
                    }
                }
            }

            // The capture survives a round trip through the file, marker included.
            EstateFile file = new EstateFile();
            Path saved = home.resolve("cancelled.json");
            file.write(capture, saved);
            Estate reread = file.read(saved);
            assertThat(reread.incomplete()).isEqualTo(marker);
            assertThat(file.toTree(reread)).isEqualTo(file.toTree(capture));
            assertThat(file.toTree(reread).fieldNames()).toIterable().containsSubsequence("CapturedAt", "Incomplete", "Accounts");

            // No check passes on what the cancel left unread.
            List<Result> results = new Auditor(Checks.all()).run(reread, FindingsSettings.DEFAULTS, reread.capturedAt()).results();
            List<Result> onUnread = results.stream().filter(x -> cancelledScopes.contains(x.accountId() + "/" + x.region())
                    || x.resourceArn() != null && unreadKeys.contains(x.resourceArn())).toList();
            assertThat(onUnread).isNotEmpty().noneMatch(x -> x.status() == Status.PASS);
            assertThat(onUnread).anyMatch(x -> x.status() == Status.UNKNOWN);
        }
    }

    @Test
    void aCancelStopsAVaultsListingBetweenPages() throws Exception {
        // One vault of 10,000 recovery points, listed in pages of 1,000 at 20 ms each; cancelled while its second page is served.
        Estate served = new EstateGenerator(new EstateFile()).generate(new GeneratorSpec(1, 1, 1, 10_000, 3, null));
        String account = served.accounts().get(0).id();
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger pages = new AtomicInteger();
        AtomicLong cancelledAt = new AtomicLong();
        SandboxOptions options = SandboxSessions.withLatency(served, 20).withRequestListener(e -> {
                    // The log is written before the answer is sent, so the scanner sees the cancel before it has page 2.
                    if ("ListRecoveryPointsByBackupVault".equals(e.operation()) && pages.incrementAndGet() == 2) {
                        cancelledAt.set(System.nanoTime());
                        cancelled.set(true);
                    }
                });
        try (Sandbox sandbox = Sandbox.start(options);
             Session session = SandboxSessions.withKeys(home, sandbox, sandbox.credential(account, EstateGenerator.READ_ONLY_ROLE), "us-east-1")) {
            ScanResult result = new Scanner(Clock.systemUTC(), new EstateFile()).scan(session, ScanRequest.defaults(), ScanProgress.NONE, cancelled);
            Duration toReturn = Duration.ofNanos(System.nanoTime() - cancelledAt.get());
            System.out.printf("cancel mid-vault: returned %d ms after the cancel, %d pages of 10 asked for%n", toReturn.toMillis(), pages.get());

            assertThat(pages.get()).as("pages asked for").isEqualTo(2);
            assertThat(toReturn).isLessThan(Duration.ofSeconds(5));
            assertThat(result.cancelled()).isTrue();
            Region region = result.estate().accounts().get(0).regions().get("us-east-1");
            assertThat(region.backupVaults()).as("the unfinished vault is not kept").isEmpty();
            assertThat(region.readErrors()).anySatisfy(e -> {
                assertThat(e.scope()).isEqualTo(account + "/us-east-1");
                assertThat(e.operation()).isEqualTo("*");
                assertThat(e.errorCode()).isEqualTo(CANCELLED);
                assertThat(e.message()).isEqualTo("the scan was cancelled before this scope was read completely");
            });
        }
    }

    @Test
    void interruptingTheScanningThreadCancelsTheScanAndKeepsTheInterrupt() throws Exception {
        Estate served = new EstateGenerator(new EstateFile()).generate(new GeneratorSpec(2, 2, 2, 20_000, 5, null));
        String management = served.organization().masterAccountId();
        try (Sandbox sandbox = Sandbox.start(SandboxSessions.withLatency(served, 20));
             Session session = SandboxSessions.withKeys(home, sandbox, sandbox.credential(management, EstateGenerator.READ_ONLY_ROLE), "us-east-1")) {
            Watch watch = new Watch();
            AtomicReference<Thread> scanning = new AtomicReference<>();
            CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
            CompletableFuture<ScanResult> scan = CompletableFuture.supplyAsync(() -> {
                scanning.set(Thread.currentThread());
                try {
                    ScanResult r = new Scanner(Clock.systemUTC(), new EstateFile()).scan(session, everything(), watch, new AtomicBoolean());
                    interruptKept.complete(Thread.interrupted());
                    return r;
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, caller);
            assertThat(watch.midway.await(60, TimeUnit.SECONDS)).isTrue();
            scanning.get().interrupt();
            ScanResult result = scan.get(30, TimeUnit.SECONDS);

            assertThat(result.cancelled()).isTrue();
            assertThat(interruptKept.get(1, TimeUnit.SECONDS)).as("the caller's interrupt status").isTrue();
            assertThat(result.estate().incomplete()).isNotNull();
            assertThat(readErrors(result.estate())).anyMatch(e -> CANCELLED.equals(e.errorCode()));
        }
    }
}
