package dev.redoubt.aws.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.aws.signin.Session;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.Region;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live status a GUI polls while 64 threads scan: it only grows, and ends where the capture ends. */
class ScanMonitorTest {
    @TempDir
    Path home;

    private final ExecutorService caller = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-scan-caller"));

    @AfterEach
    void stopCaller() {
        caller.shutdownNow();
    }

    @Test
    void snapshotsGrowMonotonicallyAndEndWithEveryScopeDoneAndTheCapturesCounts() throws Exception {
        Estate demo = NorthwindDemo.build();
        String management = demo.organization().masterAccountId();
        try (Sandbox sandbox = Sandbox.start(SandboxSessions.withLatency(demo, 10));
             Session session = SandboxSessions.withKeys(home, sandbox, sandbox.credential(management, "AuditReadOnly"), "eu-west-1")) {
            CompletableFuture<ScanMonitor> monitor = new CompletableFuture<>();
            ScanProgress progress = new ScanProgress() {
                @Override
                public void update(long done, long total, String scope) {
                }

                @Override
                public void started(ScanMonitor m) {
                    assertThat(monitor.complete(m)).as("started is called once").isTrue();
                }
            };
            ScanRequest request = new ScanRequest(List.of(), true, "AuditReadOnly", List.of(), true, 8, 64, null);
            CompletableFuture<ScanResult> scan = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Scanner(Clock.systemUTC(), new EstateFile()).scan(session, request, progress, new AtomicBoolean());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, caller);
            ScanMonitor m = monitor.get(30, TimeUnit.SECONDS);
            // Polled as a GUI would, as often as it likes, until the scan returns.
            List<ScanSnapshot> seen = new ArrayList<>();
            while (!scan.isDone()) {
                seen.add(m.snapshot());
                try {
                    scan.get(5, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillScanning) {
                    // poll again
                }
            }
            ScanResult result = scan.get();
            ScanSnapshot last = m.snapshot();
            seen.add(last);

            assertThat(seen).as("snapshots while scanning").hasSizeGreaterThan(10);
            assertThat(seen).extracting(ScanSnapshot::phase).contains("regions")
                    .allMatch(p -> List.of("signing-in", "organization", "regions", "keys", "identities", "assembling", "done").contains(p));
            assertThat(seen).anyMatch(s -> s.scopes().stream().anyMatch(x -> x.state() == ScopeProgress.State.READING));
            for (int i = 1; i < seen.size(); i++) {
                ScanSnapshot a = seen.get(i - 1);
                ScanSnapshot b = seen.get(i);
                assertThat(b.elapsed()).isGreaterThanOrEqualTo(a.elapsed());
                assertThat(b.unitsDone()).isGreaterThanOrEqualTo(a.unitsDone()).isLessThanOrEqualTo(b.unitsKnown());
                assertThat(b.unitsKnown()).isGreaterThanOrEqualTo(a.unitsKnown());
                assertThat(b.apiCalls()).isGreaterThanOrEqualTo(a.apiCalls());
                assertThat(b.recoveryPoints()).isGreaterThanOrEqualTo(a.recoveryPoints());
                assertThat(b.readErrors()).isGreaterThanOrEqualTo(a.readErrors());
                Map<String, ScopeProgress> before = new HashMap<>();
                a.scopes().forEach(s -> before.put(s.accountId() + "/" + s.region(), s));
                assertThat(b.scopes()).hasSizeGreaterThanOrEqualTo(a.scopes().size());
                for (ScopeProgress s : b.scopes()) {
                    ScopeProgress p = before.get(s.accountId() + "/" + s.region());
                    assertThat(s.unitsDone()).isLessThanOrEqualTo(s.unitsKnown());
                    assertThat(s.vaults()).as("read completely, of those found").isLessThanOrEqualTo(s.vaultsFound());
                    if (p != null) {
                        assertThat(s.state().ordinal()).as(s.accountId() + "/" + s.region()).isGreaterThanOrEqualTo(p.state().ordinal());
                        assertThat(s.unitsDone()).isGreaterThanOrEqualTo(p.unitsDone());
                        assertThat(s.unitsKnown()).isGreaterThanOrEqualTo(p.unitsKnown());
                        assertThat(s.vaults()).isGreaterThanOrEqualTo(p.vaults());
                        assertThat(s.vaultsFound()).isGreaterThanOrEqualTo(p.vaultsFound());
                        assertThat(s.recoveryPoints()).isGreaterThanOrEqualTo(p.recoveryPoints());
                    }
                }
            }

            Estate capture = result.estate();
            assertThat(result.cancelled()).isFalse();
            assertThat(capture.incomplete()).isNull();
            assertThat(new EstateFile().writeString(capture)).doesNotContain("Incomplete");
            assertThat(last.phase()).isEqualTo("done");
            assertThat(last.unitsDone()).isEqualTo(last.unitsKnown());
            assertThat(last.apiCalls()).isEqualTo(result.apiCalls());
            assertThat(last.readErrors()).isEqualTo(result.readErrors());
            assertThat(last.elapsed()).isEqualTo(result.elapsed());
            long captured = 0;
            int scopes = 0;
            for (var account : capture.accounts()) {
                for (Map.Entry<String, Region> r : account.regions().entrySet()) {
                    int vaults = r.getValue().backupVaults().size();
                    long points = r.getValue().backupVaults().stream().mapToLong(v -> v.recoveryPoints().size()).sum();
                    captured += points;
                    var scope = last.scopes().stream().filter(s -> s.accountId().equals(account.id()) && s.region().equals(r.getKey())).findFirst();
                    if (scope.isPresent()) {
                        scopes++;
                        assertThat(scope.get().vaults()).isEqualTo(vaults);
                        assertThat(scope.get().vaultsFound()).isEqualTo(vaults);
                        assertThat(scope.get().recoveryPoints()).isEqualTo(points);
                        assertThat(scope.get().accountName()).isEqualTo(account.name());
                    } else {
                        assertThat(vaults).as("a region holding vaults is a scope: " + account.id() + "/" + r.getKey()).isZero();
                    }
                }
            }
            assertThat(last.scopes()).hasSize(scopes).allSatisfy(s -> assertThat(s.state()).isEqualTo(ScopeProgress.State.DONE));
            assertThat(captured).isPositive();
            assertThat(last.recoveryPoints()).isEqualTo(captured);
        }
    }
}
