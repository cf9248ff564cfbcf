package dev.redoubt.services;

import dev.redoubt.aws.scan.Reach;
import dev.redoubt.aws.scan.ScanCancelledException;
import dev.redoubt.aws.scan.ScanMonitor;
import dev.redoubt.aws.scan.ScanSnapshot;
import dev.redoubt.aws.scan.ScopeProgress;
import dev.redoubt.aws.scan.ScanProgress;
import dev.redoubt.aws.scan.ScanRequest;
import dev.redoubt.aws.scan.ScanResult;
import dev.redoubt.aws.scan.Scanner;
import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.EstateStats;
import dev.redoubt.estate.ReadError;
import dev.redoubt.estate.Region;
import dev.redoubt.files.OutputFile;
import dev.redoubt.journal.Entry;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A scan run: reads the estate through a connection, keeps the capture (Redoubt's captures folder,
 * a file or a stream), and journals it, the same for the command line and the window.
 */
public final class ScanService {
    /** How often a running scan's progress is handed to the listener. */
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(200);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final ActivityJournal journal;
    private final Path capturesDir;
    private final EstateFile estateFile = new EstateFile();

    public ScanService(Clock clock, ActivityJournal journal, Path capturesDir) {
        this.clock = clock;
        this.journal = journal;
        this.capturesDir = capturesDir;
    }

    /**
     * The accounts and regions the connection can scan, to choose from before a scan: for an SSO
     * sign-in every account and role of its assignments, else the signed-in account.
     */
    public ScanReach reach(Connection connection) {
        try {
            Reach r = new Scanner(connection.captureClock(), estateFile).reach(connection.session());
            List<ScanReach.AccountChoice> accounts = r.accounts().stream().map(a -> new ScanReach.AccountChoice(a.id(), a.name(), a.status(),
                    a.organizationalUnit(), a.roles(), a.signedIn())).toList();
            List<String> problems = r.problems().stream().map(p -> p.operation() + " (" + p.scope() + "): " + p.errorCode()
                    + (p.message() == null ? "" : ": " + p.message())).toList();
            return new ScanReach(r.signedInAccount(), accounts, r.regions(), problems);
        } catch (ScanCancelledException e) {
            throw new ServiceFailure(ServiceFailure.Kind.CANCELLED, "cancelled", null, e);
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }

    /** Hears how a scan is going, a few times a second and once at the end, from a scanning thread. */
    @FunctionalInterface
    public interface Listener {
        void update(ScanStatus status);

        Listener NONE = s -> { };
    }

    /**
     * Scans, keeps the capture where {@code target} says, and journals the scan. A cancelled scan
     * returns what was read (outcome CANCELLED); a failure that ends the whole scan (sign-in, endpoint) throws.
     * When the endpoint stops answering during the scan, the scan stops within seconds, keeps and journals
     * what was read as for a cancel (journal outcome "unreachable"), then throws UNREACHABLE saying where it is.
     */
    public ScanOutcome scan(Connection connection, ScanPlan plan, CaptureTarget target, Listener listener, Cancellation cancel) {
        ScanResult result = run(connection, plan, listener, cancel);
        Estate estate = result.estate();
        if (connection.estateName() != null) {
            Estate e = estate;
            estate = new Estate(e.format(), connection.estateName(), e.capturedAt(), e.incomplete(), e.organization(), e.ssoUsers(), e.accounts(),
                    e.unknown());
        }
        List<UnreadScope> unread = unread(estate);
        boolean unreachable = result.unreachable() != null;
        ScanOutcome.Outcome outcome = result.cancelled() || unreachable ? ScanOutcome.Outcome.CANCELLED
                : unread.isEmpty() ? ScanOutcome.Outcome.COMPLETE : ScanOutcome.Outcome.PARTIAL;
        Path file = null;
        String sha = null;
        if (target instanceof CaptureTarget.InHome) {
            file = capturesDir.resolve(FILE_TIME.format(estate.capturedAt()) + "-" + safe(connection.profileName())
                    + (outcome == ScanOutcome.Outcome.CANCELLED ? "-partial" : "") + ".json");
        } else if (target instanceof CaptureTarget.ToFile f) {
            file = f.file();
        }
        if (file != null) {
            sha = write(estate, file, target instanceof CaptureTarget.InHome);
        } else if (target instanceof CaptureTarget.ToStream s) {
            try {
                estateFile.write(estate, s.out());
            } catch (IOException e) {
                throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, "the capture cannot be written to the output (" + e.getMessage() + ")",
                        null, e);
            }
        }
        Entry entry = record(connection, plan, result, unreachable ? UNREACHABLE : outcome.wire(), unread.size(), file, sha);
        if (unreachable) {
            throw endpointGone(connection, result, file, target instanceof CaptureTarget.ToStream, entry);
        }
        return new ScanOutcome(estate, outcome, unread, result.apiCalls(), result.elapsed(), file, sha, entry.seq(),
                connection.actor(), connection.profileName(), result.accountsScanned());
    }

    /** The journal's outcome of a scan that stopped because the endpoint stopped answering. */
    static final String UNREACHABLE = "unreachable";

    private static ServiceFailure endpointGone(Connection connection, ScanResult result, Path file, boolean streamed, Entry entry) {
        ServiceFailure f = Failures.translate(result.unreachable());
        String kept = file != null ? "what was read is kept in " + file + ", marked incomplete"
                : streamed ? "what was read was written to the output, marked incomplete" : "what was read was not kept";
        Map<String, String> facts = new java.util.LinkedHashMap<>(f.facts());
        facts.putAll(ServiceFailure.facts("endpoint", connection.endpoint(), "capture", file == null ? null : file.toString(),
                "journalSeq", String.valueOf(entry.seq())));
        return new ServiceFailure(ServiceFailure.Kind.UNREACHABLE, "the scan stopped: " + f.getMessage() + "; " + kept
                + " (the unfinished scopes are listed under ReadErrors); the scan is journaled as entry " + entry.seq(), facts, result.unreachable());
    }

    private ScanResult run(Connection connection, ScanPlan plan, Listener listener, Cancellation cancel) {
        ScanRequest request = new ScanRequest(plan.accounts(), plan.allAccounts(), plan.role(), plan.regions(), plan.allRegions(),
                plan.inFlightPerScope(), plan.inFlight(), plan.previous());
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "redoubt-scan-progress");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<ScanMonitor> monitor = new AtomicReference<>();
        ScanProgress progress = new ScanProgress() {
            @Override
            public void update(long done, long total, String scope) {
                // the monitor's snapshots, polled below, say more
            }

            @Override
            public void started(ScanMonitor m) {
                monitor.set(m);
                poller.scheduleWithFixedDelay(() -> listener.update(status(m.snapshot())), 0, PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            }
        };
        try {
            ScanResult result = new Scanner(connection.captureClock(), estateFile).scan(connection.session(), request, progress, cancel.flag());
            poller.shutdown();
            poller.awaitTermination(5, TimeUnit.SECONDS);
            if (monitor.get() != null) {
                listener.update(status(monitor.get().snapshot()));
            }
            return result;
        } catch (ScanCancelledException e) {
            throw new ServiceFailure(ServiceFailure.Kind.CANCELLED, "scan cancelled", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceFailure(ServiceFailure.Kind.CANCELLED, "scan interrupted", null, e);
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        } finally {
            poller.shutdownNow();
        }
    }

    static ScanStatus status(ScanSnapshot s) {
        List<ScanStatus.ScopeStatus> scopes = new ArrayList<>(s.scopes().size());
        for (ScopeProgress p : s.scopes()) {
            scopes.add(new ScanStatus.ScopeStatus(p.accountId(), p.accountName(), p.region(), ScanStatus.State.valueOf(p.state().name()),
                    p.unitsDone(), p.unitsKnown(), p.vaults(), p.vaultsFound(), p.recoveryPoints(), p.readErrors()));
        }
        return new ScanStatus(s.elapsed(), s.phase(), s.unitsDone(), s.unitsKnown(), s.apiCalls(), s.recoveryPoints(), s.readErrors(), scopes);
    }

    private Entry record(Connection connection, ScanPlan plan, ScanResult result, String outcome, int readErrors, Path file,
                         String sha) {
        Estate estate = result.estate();
        EstateStats.Totals t = EstateStats.of(estate).totals();
        String capture = file == null ? null : file.toAbsolutePath().toString();
        return journal.scan(connection.actor(), capture != null ? capture : connection.identity().arn(), new ActivityJournal.Scan(
                t.accounts(), t.regions(), t.vaults(), t.recoveryPoints(), t.keys(), readErrors, outcome,
                result.elapsed().toMillis(), result.apiCalls(), connection.profileName(), estate.capturedAt(), plan.incremental(),
                plan.accountsAsked(), plan.regionsAsked(), plan.role(), capture, sha));
    }

    /**
     * Writes a capture atomically and returns its SHA-256; captures in Redoubt's home are owner-only. A device or
     * a named pipe is written through, a symbolic link followed ({@link OutputFile}).
     */
    String write(Estate estate, Path file, boolean ownerOnly) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[][] sha = new byte[1][];
            OutputFile.write(file, out -> {
                DigestingOutput hashed = new DigestingOutput(out, digest);
                estateFile.write(estate, hashed);
                sha[0] = hashed.digest();
            }, ownerOnly);
            return HexFormat.of().formatHex(sha[0]);
        } catch (IOException e) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, file + ": the capture cannot be written (" + e.getMessage() + ")",
                    Map.of("file", file.toString()), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Everything the capture's ReadErrors name, account-level ones first. */
    public static List<UnreadScope> unread(Estate estate) {
        List<UnreadScope> out = new ArrayList<>();
        if (estate.accounts() == null) {
            return out;
        }
        for (Account a : estate.accounts()) {
            for (ReadError e : a.readErrors() == null ? List.<ReadError>of() : a.readErrors()) {
                out.add(new UnreadScope(a.id(), null, e.scope(), e.operation(), e.errorCode(), e.message()));
            }
            if (a.regions() != null) {
                for (Map.Entry<String, Region> r : a.regions().entrySet()) {
                    for (ReadError e : r.getValue().readErrors() == null ? List.<ReadError>of() : r.getValue().readErrors()) {
                        out.add(new UnreadScope(a.id(), r.getKey(), e.scope(), e.operation(), e.errorCode(), e.message()));
                    }
                }
            }
        }
        return out;
    }

    private static String safe(String s) {
        return s == null ? "scan" : s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
