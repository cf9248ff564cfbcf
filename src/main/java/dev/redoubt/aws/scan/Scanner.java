package dev.redoubt.aws.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.aws.AccessMode;
import dev.redoubt.aws.AwsClients;
import dev.redoubt.aws.AwsFailure;
import dev.redoubt.aws.AwsFailures;
import dev.redoubt.aws.EndpointUnreachableException;
import dev.redoubt.aws.signin.AccountRole;
import dev.redoubt.aws.signin.CallerIdentity;
import dev.redoubt.aws.signin.Session;
import dev.redoubt.estate.Arn;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.Incomplete;
import dev.redoubt.estate.ReadError;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.Region;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.account.model.RegionOptStatus;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.Framework;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.ProtectedResource;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.RestoreJobsListMember;
import software.amazon.awssdk.services.backup.model.RestoreTestingPlanForList;
import software.amazon.awssdk.services.backup.model.RestoreTestingSelectionForList;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.mpa.MpaClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.ParentType;

/**
 * Reads an estate from AWS (or the sandbox) into a capture: all accounts x regions x vaults
 * concurrently within bounds (per account, region and service, and in all), each distinct key
 * once, page sizes at AWS's maxima. A failure in one scope goes into ReadErrors and the scan goes on.
 *
 * <p>A scan can be watched while it runs ({@link ScanProgress#started} hands over a {@link ScanMonitor}) and cancelled
 * (the flag, or an interrupt of the calling thread): no call starts after the cancel is seen (listings stop between
 * pages, queued work returns at once), calls in flight end, and what was read is returned as a capture marked
 * {@code Incomplete}, with a ScanCancelled ReadError for every account, region and key left unfinished, so no check
 * on them can pass.
 */
public final class Scanner {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String AWS_OWNED = "AWS_OWNED_KMS_KEY";
    /** Recovery points created this long before the last capture are fetched again, for clock skew and late completions. */
    private static final Duration INCREMENTAL_OVERLAP = Duration.ofHours(1);
    /** What {@link #reach} reads: every account the identity can reach and the signed-in account's enabled regions. */
    private static final ScanRequest REACH = new ScanRequest(List.of(), true, null, List.of(), true, 8, 64, null);
    static final String CANCELLED_CODE = "ScanCancelled";
    /** The ReadError code of what was left unread because the endpoint stopped answering. */
    static final String UNREACHABLE_CODE = "EndpointUnreachable";

    private final Clock clock;
    private final EstateFile estateFile;

    public Scanner(Clock clock, EstateFile estateFile) {
        this.clock = clock;
        this.estateFile = estateFile;
    }

    /**
     * Scans and returns the capture. A cancel ({@code cancelled} set, or the calling thread interrupted) ends the scan
     * promptly with what was read: {@link ScanResult#cancelled()} is true and the thread's interrupt status is kept.
     * {@code InterruptedException} is declared for callers written before cancels returned a result; it is not thrown.
     */
    public ScanResult scan(Session session, ScanRequest request, ScanProgress progress, AtomicBoolean cancelled)
            throws InterruptedException {
        Run run = new Run(session, request, progress, cancelled);
        try {
            return run.execute();
        } finally {
            run.pool.shutdownNow();
        }
    }

    /**
     * Who can be scanned, for choosing before a scan: the accounts the identity reaches (SSO accounts and roles, enriched
     * with names, status and OU paths from Organizations when it can be read, through the management account when
     * reachable; else the organization's accounts; else the signed-in account) and the signed-in account's enabled
     * regions. Organizations, region and SSO listing failures are reported in {@link Reach#problems()}, not thrown;
     * a failed sign-in (sts:GetCallerIdentity) is thrown as for a scan.
     */
    public Reach reach(Session session) {
        Run run = new Run(session, REACH, ScanProgress.NONE, new AtomicBoolean());
        try {
            return run.reach();
        } finally {
            run.pool.shutdownNow();
        }
    }

    /** One (account, role) to scan and the clients acting in it. */
    private record Target(String accountId, String accountName, AwsClients clients) {
    }

    /** An organization as read: DescribeOrganization, its accounts by ID, and their OU paths; empty when it could not be read. */
    private record Organization(ObjectNode organization, Map<String, ObjectNode> accounts, Map<String, String> ouPaths) {
        static final Organization NONE = new Organization(null, Map.of(), Map.of());
    }

    /** An identity source approvers were seen with: where first seen (its ReadErrors take the failures) and its users' IDs. */
    private record ApproverSource(String arn, RegionData seenIn, Set<String> users) {
    }

    /** A vault as read (without its recovery points) and its recovery points, already estate records. */
    private record VaultRead(ObjectNode vault, List<RecoveryPoint> recoveryPoints) {
    }

    /** Everything read in one account and region; lists are filled by concurrent tasks, progress is counted in atomics. */
    private static final class RegionData {
        final String accountId;
        final String region;
        final WorkTracker.Units units = new WorkTracker.Units();
        final AtomicLong recoveryPointsListed = new AtomicLong();
        /** Vaults the listing found so far (read completely: {@link #vaults}). */
        final java.util.concurrent.atomic.AtomicInteger vaultsListed = new java.util.concurrent.atomic.AtomicInteger();
        volatile String accountName;
        final Map<String, String> globalSettings = new ConcurrentHashMap<>();
        volatile boolean globalSettingsRead;
        final List<VaultRead> vaults = Collections.synchronizedList(new ArrayList<>());
        final List<ObjectNode> keys = Collections.synchronizedList(new ArrayList<>());
        final List<ObjectNode> plans = Collections.synchronizedList(new ArrayList<>());
        final List<ObjectNode> protectedResources = Collections.synchronizedList(new ArrayList<>());
        final List<ObjectNode> restoreTestingPlans = Collections.synchronizedList(new ArrayList<>());
        final List<ObjectNode> restoreJobs = Collections.synchronizedList(new ArrayList<>());
        final List<ObjectNode> copyJobs = Collections.synchronizedList(new ArrayList<>());
        final List<ObjectNode> legalHolds = Collections.synchronizedList(new ArrayList<>());
        final List<ObjectNode> frameworks = Collections.synchronizedList(new ArrayList<>());
        final List<ObjectNode> reportPlans = Collections.synchronizedList(new ArrayList<>());
        final List<ObjectNode> approvalTeams = Collections.synchronizedList(new ArrayList<>());
        final List<ObjectNode> sessions = Collections.synchronizedList(new ArrayList<>());
        final List<ObjectNode> readErrors = Collections.synchronizedList(new ArrayList<>());

        RegionData(String accountId, String region) {
            this.accountId = accountId;
            this.region = region;
        }

        /** All its work finished without being cut short. */
        boolean complete() {
            long done = units.completed();
            return done > 0 && done == units.submitted() && !units.failed();
        }

        ScopeProgress progress(boolean stopping) {
            // Completed before submitted, so done never exceeds known; failed after completed, so a cut-short task is seen.
            long done = units.completed();
            long known = units.submitted();
            boolean failed = units.failed();
            ScopeProgress.State state;
            if (known > 0 && done == known && !failed) {
                state = ScopeProgress.State.DONE;
            } else if (stopping) {
                state = ScopeProgress.State.CANCELLED;
            } else if (!units.started()) {
                state = ScopeProgress.State.WAITING;
            } else {
                state = ScopeProgress.State.READING;
            }
            return new ScopeProgress(accountId, accountName, region, state, done, known, vaults.size(), vaultsListed.get(), recoveryPointsListed.get(),
                    readErrors.size());
        }
    }

    private final class Run {
        final Session session;
        final ScanRequest request;
        final ScanProgress progress;
        final AtomicBoolean cancelled;
        final ExecutorService pool;
        final WorkTracker work;
        final Semaphore total;
        final Instant started;
        final Map<String, Semaphore> perScope = new ConcurrentHashMap<>();
        /** The queues of tasks by account/region/service, each running at most the per-scope limit at once. */
        final Map<String, WorkTracker.Lane> lanes = new ConcurrentHashMap<>();
        final Map<String, Map<String, RegionData>> data = new ConcurrentHashMap<>();
        /** The account/region scopes scheduled so far, by "account/region", for the monitor (sorted, safe to iterate while it grows). */
        final Map<String, RegionData> scopes = new ConcurrentSkipListMap<>();
        final Map<String, List<ObjectNode>> accountErrors = new ConcurrentHashMap<>();
        final Set<String> regionsListed = ConcurrentHashMap.newKeySet();
        final Map<String, String> keyReader = new ConcurrentHashMap<>();
        final Set<String> keysRead = ConcurrentHashMap.newKeySet();
        /** The identity sources approvers were seen with, by ARN; the (source, user) pairs whose name was asked for; the names read, by user ID. */
        final Map<String, ApproverSource> approverSources = new ConcurrentSkipListMap<>();
        final Set<String> approversAsked = ConcurrentHashMap.newKeySet();
        final Map<String, ObjectNode> approverNames = new ConcurrentSkipListMap<>();
        final AtomicLong calls = new AtomicLong();
        final AtomicInteger errors = new AtomicInteger();
        /** Set once the cancel (or an interrupt) is seen; from then on no call starts. */
        final AtomicBoolean stop = new AtomicBoolean();
        final Map<String, BackupVault> previousVaults = new HashMap<>();
        final Map<String, dev.redoubt.estate.ProtectedResource> previousResources = new HashMap<>();
        /** Recovery points become records as their pages arrive, sharing repeated strings across the scan. */
        final RecoveryPointRecords pointRecords = new RecoveryPointRecords();
        volatile Throwable unexpected;
        volatile String scope = "";
        volatile String phase = ScanSnapshot.SIGNING_IN;
        volatile Instant stoppedAt;
        volatile Instant ended;
        volatile boolean interrupted;
        /** The threads inside an SDK call now (guarded by itself): {@link #lost} interrupts them. */
        final Set<Thread> inCall = new java.util.HashSet<>();
        /** Set when a call found the endpoint gone (connections refused, host unknown): the scan then stops as for a cancel. */
        volatile AwsFailure unreachable;
        volatile List<Target> targets = List.of();
        /** The organization as it is being read (null before sign-in), for the names of the accounts in progress. */
        volatile OrganizationRead organization;
        private List<AccountRole> reach;

        Run(Session session, ScanRequest request, ScanProgress progress, AtomicBoolean cancelled) {
            this.session = session;
            this.request = request;
            this.progress = progress;
            this.cancelled = cancelled;
            this.started = clock.instant();
            AtomicInteger n = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(request.totalLimit(), r -> {
                Thread t = new Thread(r, "redoubt-scan-" + n.incrementAndGet());
                t.setPriority(Thread.MIN_PRIORITY);
                t.setDaemon(true);
                return t;
            });
            this.work = new WorkTracker(pool, t -> {
                if (!(t instanceof ScanCancelledException)) {
                    unexpected = t;
                }
            });
            this.total = new Semaphore(request.totalLimit());
            if (request.sinceCapture() != null) {
                request.sinceCapture().accounts().forEach(a -> {
                    if (a.regions() != null) {
                        a.regions().values().forEach(r -> {
                            if (r.backupVaults() != null) {
                                r.backupVaults().forEach(v -> previousVaults.put(v.backupVaultArn(), v));
                            }
                            if (r.protectedResources() != null) {
                                r.protectedResources().forEach(x -> previousResources.put(x.resourceArn(), x));
                            }
                        });
                    }
                });
            }
        }

        ScanResult execute() {
            progress.started(this::snapshot);
            prepareCapture();
            CallerIdentity me = null;
            OrganizationRead orgRead = null;
            boolean targeted = false;
            try {
                me = callerIdentity();
                phase = ScanSnapshot.ORGANIZATION;
                orgRead = new OrganizationRead(me);
                organization = orgRead;
                OrganizationRead o = orgRead;
                if (request.allAccounts() && reachable().isEmpty()) {
                    // The accounts to scan are the organization's: list them first; their OU paths are read alongside their scans.
                    o.list();
                    if (stopped()) {
                        throw new ScanCancelledException();
                    }
                    targets = targets(me, o.accounts);
                    o.readPaths(pathsWanted(me));
                } else {
                    // The accounts to scan do not depend on the organization: their role assumption and reads start now, and
                    // the organization (its description, accounts, and the OU paths of the accounts scanned) is read alongside.
                    targets = targets(me, Map.of());
                    CallerIdentity signedIn = me;
                    submit(null, () -> {
                        o.list();
                        o.readPaths(pathsWanted(signedIn));
                    });
                }
                targeted = true;
                phase = ScanSnapshot.REGIONS;
                for (Target t : targets) {
                    submit(null, () -> scanAccount(t));
                }
                awaitPhase();
                // Each key was read as it was first named (noteKey), alongside the reads that named it.
                phase = ScanSnapshot.KEYS;
                awaitPhase();
                phase = ScanSnapshot.IDENTITIES;
                readApproverNames();
                awaitPhase();
                // Accounts the capture lists that were not known at the start (a key's owner, read for a vault): their OU paths.
                o.readPaths(capturedAccounts());
                awaitPhase();
            } catch (ScanCancelledException e) {
                markStopped();
            }
            if (stop.get()) {
                drain();
            }
            Organization org = orgRead != null ? orgRead.result() : Organization.NONE;
            targets = named(targets, org.accounts());
            if (stop.get()) {
                List<String> accounts = new ArrayList<>();
                if (targeted) {
                    targets.forEach(t -> accounts.add(t.accountId()));
                } else if (me != null) {
                    accounts.addAll(accountIds(me, org, reachIfKnown()));
                }
                recordCancellation(accounts);
            }

            if (unexpected != null) {
                throw unexpected instanceof RuntimeException re ? re : new IllegalStateException(unexpected);
            }
            phase = ScanSnapshot.ASSEMBLING;
            List<Map<String, List<List<RecoveryPoint>>>> points = new ArrayList<>();
            ObjectNode estate = assemble(org, targets, points);
            Estate captured = withRecoveryPoints(estateFile.fromTree(estate, "scan"), points);
            ended = clock.instant();
            boolean wasCancelled = stop.get() && unreachable == null;
            phase = stop.get() ? ScanSnapshot.CANCELLED : ScanSnapshot.DONE;
            if (interrupted) {
                Thread.currentThread().interrupt(); // keep the caller's interrupt status, as an interrupted call should
            }
            return new ScanResult(captured, errors.get(), calls.get(), Duration.between(started, ended), wasCancelled, unreachable,
                    targets == null ? 0 : targets.size());
        }

        /**
         * Builds Jackson's reader of the estate's records (made once per process, by reflection: about 0.1 s of a cold
         * JVM, which {@link EstateFile#fromTree} would otherwise spend after the last answer) on a thread of its own while
         * the scan signs in and waits on the network.
         */
        void prepareCapture() {
            Thread t = new Thread(() -> {
                try {
                    estateFile.mapper().readerFor(Estate.class);
                } catch (RuntimeException e) {
                    // only a head start: the capture is made as usual without it
                }
            }, "redoubt-scan-prepare");
            t.setDaemon(true);
            t.start();
        }

        /** The signed-in identity; an interrupt while asking counts as a cancel. */
        CallerIdentity callerIdentity() {
            try {
                return session.callerIdentity();
            } catch (RuntimeException e) {
                if (stopped() || isAbort(e)) {
                    markStopped();
                    throw new ScanCancelledException();
                }
                throw e;
            }
        }

        /** The key's owner reads it best (cross-account callers may not read its policy or aliases); else whoever uses it. */
        Target keyReaderOf(String keyArn) {
            String owner = Arn.accountOf(keyArn);
            return targets.stream().filter(t -> t.accountId().equals(owner)).findFirst()
                    .orElseGet(() -> targets.stream().filter(t -> t.accountId().equals(keyReader.get(keyArn))).findFirst().orElseThrow());
        }

        private void awaitPhase() {
            try {
                work.awaitAll();
            } catch (InterruptedException e) {
                interrupted = true;
                markStopped();
                throw new ScanCancelledException();
            }
            if (stopped()) {
                throw new ScanCancelledException();
            }
            if (unexpected != null) {
                throw unexpected instanceof RuntimeException re ? re : new IllegalStateException(unexpected);
            }
        }

        /** After a cancel: waits for the calls in flight to end (queued work returns at once); interrupts only are remembered. */
        private void drain() {
            if (Thread.interrupted()) {
                interrupted = true;
            }
            while (true) {
                try {
                    work.awaitAll();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }

        // ------------------------------------------------------------------ cancel and progress

        /** True once the scan is cancelled or the current thread interrupted; the first to see it records when. */
        boolean stopped() {
            if (stop.get()) {
                return true;
            }
            if (Thread.currentThread().isInterrupted()) {
                interrupted = true;
                markStopped();
                return true;
            }
            if (cancelled.get()) {
                markStopped();
                return true;
            }
            return false;
        }

        /**
         * The endpoint is gone: no other scope can be read either, so the scan stops as for a cancel (no call starts,
         * the calls in flight are interrupted, what was read is kept, the unfinished scopes are named) and ends with this failure.
         */
        void lost(AwsFailure f) {
            synchronized (this) {
                if (unreachable == null) {
                    unreachable = f;
                }
            }
            markStopped();
            synchronized (inCall) {
                inCall.forEach(Thread::interrupt); // their retries would only wait for the same refusal
            }
        }

        void markStopped() {
            if (stop.compareAndSet(false, true)) {
                stoppedAt = clock.instant();
            }
        }

        /** A call that failed because the endpoint is gone: it refused every connection, or its host cannot be found or reached. */
        boolean endpointGone(Throwable e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof EndpointUnreachableException || c instanceof java.net.ConnectException
                        || c instanceof java.net.UnknownHostException || c instanceof java.net.NoRouteToHostException) {
                    return true;
                }
            }
            return false;
        }

        /** The SDK gives up on an interrupted thread with AbortedException (or an InterruptedException inside). */
        boolean isAbort(Throwable e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof AbortedException || c instanceof InterruptedException) {
                    interrupted = true;
                    return true;
                }
            }
            return false;
        }

        /** Submits a task counted in {@code scope} (null: account-level work) that reads Backup there; see the next. */
        void submit(RegionData scope, Runnable task) {
            submit(scope, "backup", task);
        }

        /**
         * Submits a task counted in {@code scope} (null: account-level work); once the scan is stopped, a queued task returns
         * at once. A scope's tasks that call {@code service} wait in their lane, so that at most the per-scope limit of them
         * run (and call) at once while the pool's threads serve other scopes, instead of blocking on the scope's permits.
         */
        void submit(RegionData scope, String service, Runnable task) {
            submitAlways(scope, service, () -> {
                if (stopped()) {
                    throw new ScanCancelledException();
                }
                task.run();
            });
        }

        /** As {@link #submit}, but the task runs also once the scan is stopped (it must look for the stop itself). */
        void submitAlways(RegionData scope, String service, Runnable task) {
            WorkTracker.Lane lane = scope == null ? null
                    : lanes.computeIfAbsent(scope.accountId + "/" + scope.region + "/" + service, k -> new WorkTracker.Lane(request.perScopeLimit()));
            work.submit(scope == null ? null : scope.units, lane, task);
        }

        /** Names what a cancel left unread, so that no check on it can pass; {@code accounts} are those the scan set out to read. */
        void recordCancellation(List<String> accounts) {
            String code = unreachable != null ? UNREACHABLE_CODE : CANCELLED_CODE;
            String why = unreachable != null ? "the endpoint stopped answering" : "the scan was cancelled";
            for (RegionData rd : scopes.values()) {
                if (!rd.complete()) {
                    addError(rd.readErrors, readError(rd.accountId + "/" + rd.region, "*", code,
                            why + " before this scope was read completely"));
                }
            }
            for (String keyArn : new TreeSet<>(keyReader.keySet())) {
                if (!keysRead.contains(keyArn)) {
                    Arn parsed = Arn.parse(keyArn);
                    addError(regionData(parsed.account(), parsed.region()).readErrors, readError(keyArn, "kms:*", code,
                            why + " before this key was read"));
                }
            }
            for (ApproverSource source : approverSources.values()) {
                if (source.users().stream().anyMatch(u -> !approversAsked.contains(source.arn() + "\n" + u))) {
                    addError(source.seenIn().readErrors, readError(source.arn(), "identitystore:DescribeUser", code,
                            why + " before the names of this identity source's approvers were read"));
                }
            }
            for (String id : new LinkedHashSet<>(accounts)) {
                if (!regionsListed.contains(id)) {
                    addError(accountErrorsOf(id), readError(id, "*", code,
                            why + " before this account's regions were listed"));
                }
            }
        }

        void addError(List<ObjectNode> to, ObjectNode error) {
            to.add(error);
            errors.incrementAndGet();
        }

        ScanSnapshot snapshot() {
            boolean stopping = stop.get() || cancelled.get();
            String ph = phase;
            List<ScopeProgress> list = new ArrayList<>(scopes.size());
            long points = 0;
            OrganizationRead org = organization;
            for (RegionData rd : scopes.values()) {
                if (rd.accountName == null && org != null) {
                    rd.accountName = org.nameOf(rd.accountId); // named by the organization, read alongside the scan
                }
                ScopeProgress p = rd.progress(stopping);
                points += p.recoveryPoints();
                list.add(p);
            }
            long done = work.completed();
            long known = work.submitted();
            Instant end = ended;
            return new ScanSnapshot(Duration.between(started, end != null ? end : clock.instant()), ph, done, known, calls.get(), points,
                    errors.get(), list);
        }

        // ------------------------------------------------------------------ calls

        /** Runs one API call within the limits; failures are translated, counted by the caller; none starts once stopped. */
        <T> T call(String account, String region, String service, Supplier<T> fn) {
            if (stopped()) {
                throw new ScanCancelledException();
            }
            Semaphore scoped = perScope.computeIfAbsent(account + "/" + region + "/" + service, k -> new Semaphore(request.perScopeLimit()));
            try {
                scoped.acquire();
                try {
                    total.acquire();
                    try {
                        if (stopped()) {
                            throw new ScanCancelledException(); // the cancel came while this call waited its turn
                        }
                        calls.incrementAndGet();
                        Thread me = Thread.currentThread();
                        synchronized (inCall) {
                            inCall.add(me);
                        }
                        try {
                            return fn.get();
                        } finally {
                            synchronized (inCall) {
                                inCall.remove(me);
                            }
                        }
                    } finally {
                        total.release();
                    }
                } finally {
                    scoped.release();
                }
            } catch (InterruptedException e) {
                if (unreachable != null) {
                    throw new ScanCancelledException(); // interrupted by lost(), not by the caller
                }
                Thread.currentThread().interrupt();
                interrupted = true;
                markStopped();
                throw new ScanCancelledException();
            } catch (RuntimeException e) {
                if (e instanceof ScanCancelledException) {
                    throw e;
                }
                if (unreachable != null) {
                    Thread.interrupted(); // lost() cut this call short: its interrupt is not the caller's
                    throw new ScanCancelledException();
                }
                if (isAbort(e) || stopped()) {
                    markStopped();
                    throw new ScanCancelledException();
                }
                AwsFailure f = AwsFailures.translate(e);
                if (endpointGone(e)) {
                    lost(f);
                    throw new ScanCancelledException();
                }
                throw f;
            }
        }

        /**
         * A listing read page by page, one call per page, so a cancel stops it between pages; {@code onPage} (may be null)
         * sees each page's items as they arrive.
         */
        <R, T> List<T> pages(String account, String region, String service, Iterable<R> paginator, Function<R, List<T>> items,
                             Consumer<List<T>> onPage) {
            Iterator<R> it = paginator.iterator();
            List<T> out = new ArrayList<>();
            while (it.hasNext()) { // asks for no page: the SDK knows from the last page whether another follows
                R page = call(account, region, service, it::next);
                List<T> got = items.apply(page);
                out.addAll(got);
                if (onPage != null) {
                    onPage.accept(got);
                }
            }
            return out;
        }

        /** Like {@link #call}, but a failure is recorded in ReadErrors and null returned, so the scan goes on. */
        <T> T read(String account, String region, String service, String operation, String scopeName, List<ObjectNode> errorsTo,
                   Supplier<T> fn) {
            return recorded(service, operation, scopeName, errorsTo, () -> call(account, region, service, fn));
        }

        /** Like {@link #pages}, but a failure of any page is recorded in ReadErrors and null returned, so the scan goes on. */
        <R, T> List<T> readPages(String account, String region, String service, String operation, String scopeName, List<ObjectNode> errorsTo,
                                 Iterable<R> paginator, Function<R, List<T>> items, Consumer<List<T>> onPage) {
            return recorded(service, operation, scopeName, errorsTo, () -> pages(account, region, service, paginator, items, onPage));
        }

        <T> T recorded(String service, String operation, String scopeName, List<ObjectNode> errorsTo, Supplier<T> reading) {
            try {
                T result = reading.get();
                scope = scopeName;
                progress.update(work.completed(), work.submitted(), scopeName);
                return result;
            } catch (AwsFailure f) {
                recordError(errorsTo, scopeName, service + ":" + operation, f);
                return null;
            }
        }

        /**
         * One optional member of a vault, {@code field}: its value as read, null when AWS says there is none (not
         * found), or absent ("not read") with a read error when the read failed otherwise.
         */
        ObjectNode optionalMember(RegionData rd, String arn, String field, String operation, java.util.function.Supplier<JsonNode> read) {
            ObjectNode m = JSON.objectNode();
            try {
                m.set(field, read.get());
            } catch (AwsFailure f) {
                if (f.kind() == AwsFailure.Kind.NOT_FOUND) {
                    m.putNull(field);
                } else {
                    recordError(rd.readErrors, arn, operation, f);
                }
            }
            return m;
        }

        void recordError(List<ObjectNode> errorsTo, String scopeName, String operation, AwsFailure f) {
            addError(errorsTo, readError(scopeName, operation, f.errorCode() != null ? f.errorCode() : f.kind().name(), f.getMessage()));
        }

        ObjectNode readError(String scopeName, String operation, String code, String message) {
            ObjectNode e = JSON.objectNode();
            e.put("Scope", scopeName);
            e.put("Operation", operation);
            e.put("ErrorCode", code);
            e.put("Message", message);
            return e;
        }

        RegionData regionData(String account, String region) {
            return data.computeIfAbsent(account, k -> new ConcurrentHashMap<>()).computeIfAbsent(region, k -> new RegionData(account, k));
        }

        List<ObjectNode> accountErrorsOf(String account) {
            return accountErrors.computeIfAbsent(account, k -> Collections.synchronizedList(new ArrayList<>()));
        }

        // ------------------------------------------------------------------ reach

        Reach reach() {
            CallerIdentity me = session.callerIdentity();
            List<AccountRole> roles;
            try {
                roles = reachable();
            } catch (RuntimeException e) {
                if (e instanceof ScanCancelledException) {
                    throw e;
                }
                recordError(accountErrorsOf(me.account()), "sso", "sso:ListAccounts", AwsFailures.translate(e));
                roles = List.of();
                synchronized (this) {
                    reach = roles;
                }
            }
            Organization org = readWholeOrganization(me);
            if (stopped()) {
                if (unreachable != null) {
                    throw unreachable;
                }
                throw new ScanCancelledException();
            }
            Map<String, List<String>> rolesOf = new LinkedHashMap<>();
            Map<String, String> names = new HashMap<>();
            for (AccountRole r : roles) {
                rolesOf.computeIfAbsent(r.accountId(), k -> new ArrayList<>()).add(r.roleName());
                if (r.accountName() != null) {
                    names.putIfAbsent(r.accountId(), r.accountName());
                }
            }
            Set<String> ids = new LinkedHashSet<>(!rolesOf.isEmpty() ? rolesOf.keySet() : org.accounts().keySet());
            ids.add(me.account());
            List<ReachableAccount> accounts = new ArrayList<>();
            for (String id : ids) {
                ObjectNode listed = org.accounts().get(id);
                String name = names.getOrDefault(id, listed != null ? listed.path("Name").asText(null) : null);
                String status = listed != null ? listed.path("Status").asText(null) : null;
                List<String> accountRoles = rolesOf.getOrDefault(id, List.of()).stream().distinct().sorted().toList();
                accounts.add(new ReachableAccount(id, name, status, org.ouPaths().get(id), accountRoles, id.equals(me.account())));
            }
            accounts.sort(Comparator.comparing((ReachableAccount a) -> a.name() != null ? a.name() : a.id(), String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(ReachableAccount::id));
            List<String> regions = regionsOf(new Target(me.account(), names.get(me.account()), session.clients()));
            List<ReadError> problems = new ArrayList<>();
            accountErrors.values().forEach(list -> sortedBy(list, e -> e.path("Scope").asText() + " " + e.path("Operation").asText())
                    .forEach(e -> problems.add(new ReadError(e.path("Scope").asText(null), e.path("Operation").asText(null),
                            e.path("ErrorCode").asText(null), e.path("Message").asText(null), null))));
            return new Reach(me.account(), accounts, regions, problems);
        }

        /** The SSO accounts and roles (sso:ListAccounts, ListAccountRoles), asked once per run; empty for other profiles. */
        synchronized List<AccountRole> reachable() {
            if (reach == null) {
                reach = session.reachableRoles();
            }
            return reach;
        }

        /** The SSO reach if it was already asked, else none: after a cancel no call is made to find out. */
        synchronized List<AccountRole> reachIfKnown() {
            return reach != null ? reach : List.of();
        }

        // ------------------------------------------------------------------ organization and targets

        /**
         * The organization as a scan reads it, alongside the accounts' own reads: its description and accounts first
         * ({@link #list}), then the OU paths of the accounts asked for ({@link #readPaths}), each account's ListParents chain
         * with each OU described once however many accounts' paths pass through it. A cancel keeps what was read so far.
         */
        final class OrganizationRead {
            final CallerIdentity me;
            final List<ObjectNode> errorsTo;
            volatile OrganizationsClient reader;
            volatile ObjectNode described;
            /** Set once DescribeOrganization was asked (its failure is then recorded already). */
            volatile boolean describeAsked;
            /** The accounts as listed, in the listing's order; empty until listed, or when they could not be read. */
            volatile Map<String, ObjectNode> accounts = Map.of();
            final Map<String, String> paths = new ConcurrentHashMap<>();
            final Set<String> pathsAsked = ConcurrentHashMap.newKeySet();
            /** Each OU's name, by ID: the first path through it asks, the others wait for that answer (null: not read). */
            final Map<String, java.util.concurrent.CompletableFuture<String>> ouNames = new ConcurrentHashMap<>();

            OrganizationRead(CallerIdentity me) {
                this.me = me;
                this.errorsTo = accountErrorsOf(me.account());
            }

            /** DescribeOrganization (once, whoever reads it) and ListAccounts, through the account that may list them. */
            void list() {
                try {
                    OrganizationsClient o = organizationReader(this);
                    reader = o;
                    ObjectNode organization = described;
                    if (!describeAsked) {
                        describeAsked = true;
                        var d = read(me.account(), "global", "organizations", "DescribeOrganization", "organization", errorsTo,
                                () -> o.describeOrganization().organization());
                        if (d != null) {
                            organization = SdkJson.toJson(d);
                            described = organization;
                        }
                    }
                    if (organization == null) {
                        errorsTo.removeIf(e -> e.path("Operation").asText().equals("organizations:DescribeOrganization")
                                && e.path("ErrorCode").asText().equals("AWSOrganizationsNotInUseException"));
                        return;
                    }
                    List<Account> listed = readPages(me.account(), "global", "organizations", "ListAccounts", "organization", errorsTo,
                            o.listAccountsPaginator(r -> r.maxResults(20)), x -> x.accounts(), null);
                    if (listed != null) {
                        Map<String, ObjectNode> byId = new LinkedHashMap<>();
                        listed.forEach(a -> byId.put(a.id(), SdkJson.toJson(a)));
                        accounts = Collections.unmodifiableMap(byId);
                    }
                } catch (ScanCancelledException e) {
                    markStopped(); // keep what was read; the caller sees the stop
                }
            }

            /** Reads, concurrently, the OU path of each listed account of {@code ids} not asked for yet. */
            void readPaths(java.util.Collection<String> ids) {
                for (String id : ids) {
                    if (accounts.containsKey(id) && pathsAsked.add(id)) {
                        submit(null, () -> {
                            String path = ouPath(id);
                            if (path != null) {
                                paths.put(id, path);
                            }
                        });
                    }
                }
            }

            String ouPath(String accountId) {
                OrganizationsClient o = reader;
                List<String> names = new ArrayList<>();
                String child = accountId;
                for (int depth = 0; depth < 10; depth++) {
                    String c = child;
                    List<Parent> parents = read(me.account(), "global", "organizations", "ListParents", "organization/" + accountId, errorsTo,
                            () -> o.listParents(r -> r.childId(c)).parents());
                    if (parents == null || parents.isEmpty()) {
                        return null;
                    }
                    Parent p = parents.get(0);
                    if (p.type() == ParentType.ROOT) {
                        Collections.reverse(names);
                        return String.join("/", names);
                    }
                    String name = ouName(o, p.id());
                    if (name == null) {
                        return null;
                    }
                    names.add(name);
                    child = p.id();
                }
                return null;
            }

            /** The OU's name: described by the first path that needs it; concurrent paths wait for that one answer. */
            String ouName(OrganizationsClient o, String ouId) {
                var mine = new java.util.concurrent.CompletableFuture<String>();
                var asked = ouNames.putIfAbsent(ouId, mine);
                if (asked != null) {
                    return asked.join();
                }
                String name = null;
                try {
                    name = read(me.account(), "global", "organizations", "DescribeOrganizationalUnit", "organization/" + ouId, errorsTo,
                            () -> o.describeOrganizationalUnit(r -> r.organizationalUnitId(ouId)).organizationalUnit().name());
                } finally {
                    mine.complete(name); // also when cut short, so that no path waits for ever
                }
                return name;
            }

            /** The listed account's name, or null. */
            String nameOf(String accountId) {
                ObjectNode listed = accounts.get(accountId);
                return listed != null ? listed.path("Name").asText(null) : null;
            }

            Organization result() {
                ObjectNode organization = described;
                return new Organization(organization, organization == null ? Map.of() : accounts, new HashMap<>(paths));
            }
        }

        /**
         * Only the management account (or a delegated administrator) may list an organization's accounts: when the
         * signed-in account is a member and the identity can also act in the management account, read from there.
         * The DescribeOrganization that finds the management account is kept in {@code read}, not asked again.
         */
        OrganizationsClient organizationReader(OrganizationRead read) {
            CallerIdentity me = read.me;
            OrganizationsClient home = session.clients().organizations();
            if (!request.allAccounts() && request.accounts().isEmpty()) {
                return home;
            }
            read.describeAsked = true;
            var d = read(me.account(), "global", "organizations", "DescribeOrganization", "organization", read.errorsTo,
                    () -> home.describeOrganization().organization());
            if (d == null) {
                return home; // the failure is recorded as the organization's (or dropped if there is none)
            }
            read.described = SdkJson.toJson(d);
            String master = d.masterAccountId();
            if (master == null || master.equals(me.account())) {
                return home;
            }
            if (!request.allAccounts() && !request.accounts().contains(master)) {
                return home;
            }
            try {
                String role = chooseRole(master, reachable());
                return role == null ? home : session.clientsFor(master, role).organizations();
            } catch (AwsFailure f) {
                return home;
            }
        }

        /** The organization, its accounts and the OU paths of them all, read before returning (for {@link #reach}). */
        Organization readWholeOrganization(CallerIdentity me) {
            OrganizationRead read = new OrganizationRead(me);
            read.list();
            try {
                read.readPaths(read.accounts.keySet());
                awaitPhase();
            } catch (ScanCancelledException e) {
                markStopped(); // keep what was read; the caller sees the stop
            }
            return read.result();
        }

        /** The accounts whose OU paths the capture shows, as far as known before the scan: those scanned or named, and the signed-in one. */
        Set<String> pathsWanted(CallerIdentity me) {
            Set<String> ids = new LinkedHashSet<>();
            targets.forEach(t -> ids.add(t.accountId()));
            ids.addAll(accountErrors.keySet());
            ids.add(me.account());
            return ids;
        }

        /** The accounts the capture lists: those read, scanned, or with account-level ReadErrors (as {@link #assemble}). */
        Set<String> capturedAccounts() {
            Set<String> ids = new TreeSet<>(data.keySet());
            targets.forEach(t -> ids.add(t.accountId()));
            ids.addAll(accountErrors.keySet());
            return ids;
        }

        /** The accounts the request names: the signed-in one; the IDs given; or every one reachable (SSO, else the organization's). */
        List<String> accountIds(CallerIdentity me, Organization org, List<AccountRole> reach) {
            if (!request.allAccounts() && request.accounts().isEmpty()) {
                return List.of(me.account());
            }
            Set<String> ids = new LinkedHashSet<>();
            if (request.allAccounts()) {
                if (!reach.isEmpty()) {
                    reach.forEach(r -> ids.add(r.accountId()));
                } else {
                    ids.addAll(org.accounts().keySet());
                    if (ids.isEmpty()) {
                        ids.add(me.account());
                    }
                }
            } else {
                ids.addAll(request.accounts());
            }
            return new ArrayList<>(ids);
        }

        /**
         * The (account, role) pairs to scan, named by the SSO reach, else by {@code listed} (the organization's accounts:
         * empty when they are read alongside the scan; {@link #named} then names the targets once they are).
         */
        List<Target> targets(CallerIdentity me, Map<String, ObjectNode> listedAccounts) {
            Organization org = new Organization(null, listedAccounts, Map.of());
            if (!request.allAccounts() && request.accounts().isEmpty()) {
                ObjectNode listed = org.accounts().get(me.account());
                return List.of(new Target(me.account(), listed != null ? listed.path("Name").asText(null) : null, session.clients()));
            }
            List<AccountRole> reach = reachable();
            List<Target> out = new ArrayList<>();
            for (String id : accountIds(me, org, reach)) {
                String role = chooseRole(id, reach);
                String name = reach.stream().filter(r -> r.accountId().equals(id)).map(AccountRole::accountName).findFirst()
                        .orElseGet(() -> org.accounts().containsKey(id) ? org.accounts().get(id).path("Name").asText(null) : null);
                if (role == null) {
                    if (id.equals(me.account())) {
                        out.add(new Target(id, name, session.clients()));
                    } else {
                        addError(accountErrorsOf(id), readError(id, "sts:AssumeRole", "NoRole", "no role to scan account " + id
                                + " with: choose the role to scan with, or ask for one in IAM Identity Center"));
                    }
                    continue;
                }
                out.add(new Target(id, name, session.clientsFor(id, role)));
            }
            return out;
        }

        /** The targets, those without a name named as the organization lists them (what {@link #targets} does with the list at hand). */
        List<Target> named(List<Target> ts, Map<String, ObjectNode> listedAccounts) {
            List<Target> out = new ArrayList<>(ts.size());
            for (Target t : ts) {
                ObjectNode listed = listedAccounts.get(t.accountId());
                out.add(t.accountName() != null || listed == null ? t : new Target(t.accountId(), listed.path("Name").asText(null), t.clients()));
            }
            return out;
        }

        /** The requested role if given; else the role the profile names; else, for auditors, a read-only-looking role; else the first. */
        String chooseRole(String accountId, List<AccountRole> reach) {
            List<String> roles = reach.stream().filter(r -> r.accountId().equals(accountId)).map(AccountRole::roleName).toList();
            if (request.roleName() != null) {
                return reach.isEmpty() || roles.contains(request.roleName()) ? request.roleName() : null;
            }
            if (roles.isEmpty()) {
                return null;
            }
            String preferred = session.profile().ssoRoleName();
            if (preferred != null && roles.contains(preferred)) {
                return preferred;
            }
            boolean auditor = session.mode() == AccessMode.AUDITOR;
            for (String r : roles) {
                String lower = r.toLowerCase(Locale.ROOT);
                boolean readOnly = lower.contains("readonly") || lower.contains("read-only") || lower.contains("audit") || lower.contains("viewonly");
                if (readOnly == auditor) {
                    return r;
                }
            }
            return roles.get(0);
        }

        List<String> regionsOf(Target t) {
            if (!request.allRegions()) {
                return request.regions().isEmpty() ? List.of(session.region()) : request.regions();
            }
            List<software.amazon.awssdk.services.account.model.Region> enabled = readPages(t.accountId(), "global", "account", "ListRegions", t.accountId(), accountErrorsOf(t.accountId()),
                    t.clients().account().listRegionsPaginator(r -> r.regionOptStatusContains(RegionOptStatus.ENABLED,
                            RegionOptStatus.ENABLED_BY_DEFAULT)), x -> x.regions(), null);
            return enabled != null ? enabled.stream().map(r -> r.regionName()).sorted().toList() : List.of(session.region());
        }

        // ------------------------------------------------------------------ one account, and one account and region

        /** Lists the account's regions, then schedules each of its account/region scopes. */
        void scanAccount(Target t) {
            List<String> regions = regionsOf(t);
            regionsListed.add(t.accountId());
            for (String region : regions) {
                RegionData rd = regionData(t.accountId(), region);
                rd.accountName = t.accountName();
                scopes.put(t.accountId() + "/" + region, rd);
                submit(rd, () -> scanRegion(t, region, rd));
            }
        }

        void scanRegion(Target t, String region, RegionData rd) {
            String acct = t.accountId();
            String where = acct + "/" + region;
            BackupClient b = t.clients().backup(region);
            // The region's listings do not depend on each other: each is a task of its own, all queued at once.
            submit(rd, () -> {
                Map<String, String> settings = read(acct, region, "backup", "DescribeGlobalSettings", where, rd.readErrors,
                        () -> b.describeGlobalSettings(r -> { }).globalSettings());
                if (settings != null) {
                    rd.globalSettings.putAll(settings);
                    rd.globalSettingsRead = true;
                }
            });
            submit(rd, () -> {
                List<BackupVaultListMember> vaults = readPages(acct, region, "backup", "ListBackupVaults", where, rd.readErrors,
                        b.listBackupVaultsPaginator(r -> r.maxResults(1000)), x -> x.backupVaultList(), null);
                if (vaults != null) {
                    rd.vaultsListed.addAndGet(vaults.size());
                    for (BackupVaultListMember v : vaults) {
                        submit(rd, () -> scanVault(t, region, rd, v));
                    }
                }
            });
            submit(rd, () -> scanPlans(t, region, rd));
            submit(rd, () -> scanProtectedResources(t, region, rd));
            submit(rd, () -> scanRestoreTesting(t, region, rd));
            submit(rd, () -> listInto(rd.restoreJobs, readPages(acct, region, "backup", "ListRestoreJobs", where, rd.readErrors,
                    b.listRestoreJobsPaginator(r -> r.maxResults(1000)), x -> x.restoreJobs(), null)));
            submit(rd, () -> listInto(rd.copyJobs, readPages(acct, region, "backup", "ListCopyJobs", where, rd.readErrors,
                    b.listCopyJobsPaginator(r -> r.maxResults(1000)), x -> x.copyJobs(), null)));
            submit(rd, () -> listInto(rd.reportPlans, readPages(acct, region, "backup", "ListReportPlans", where, rd.readErrors,
                    b.listReportPlansPaginator(r -> r.maxResults(1000)), x -> x.reportPlans(), null)));
            submit(rd, () -> {
                var holds = readPages(acct, region, "backup", "ListLegalHolds", where, rd.readErrors,
                        b.listLegalHoldsPaginator(r -> r.maxResults(1000)), x -> x.legalHolds(), null);
                if (holds != null) {
                    for (var h : holds) {
                        addIfRead(rd.legalHolds, read(acct, region, "backup", "GetLegalHold", h.legalHoldArn(), rd.readErrors,
                                () -> b.getLegalHold(r -> r.legalHoldId(h.legalHoldId()))));
                    }
                }
            });
            submit(rd, () -> {
                var frameworks = recorded("backup", "ListFrameworks", where, rd.readErrors, () -> frameworks(acct, region, b));
                if (frameworks != null) {
                    for (var f : frameworks) {
                        addIfRead(rd.frameworks, read(acct, region, "backup", "DescribeFramework", f.frameworkArn(), rd.readErrors,
                                () -> b.describeFramework(r -> r.frameworkName(f.frameworkName()))));
                    }
                }
            });
            submit(rd, "mpa", () -> scanApprovals(t, region, rd));
        }

        /** ListFrameworks has no SDK paginator: the tokens by hand, a call per page. */
        List<Framework> frameworks(String acct, String region, BackupClient b) {
            List<Framework> out = new ArrayList<>();
            String token = null;
            do {
                String t = token;
                var page = call(acct, region, "backup", () -> b.listFrameworks(r -> r.maxResults(1000).nextToken(t)));
                out.addAll(page.frameworks());
                token = page.nextToken();
            } while (token != null);
            return out;
        }

        void listInto(List<ObjectNode> into, List<? extends SdkPojo> items) {
            if (items != null) {
                items.forEach(i -> into.add(SdkJson.toJson(i)));
            }
        }

        void addIfRead(List<ObjectNode> into, SdkPojo item) {
            if (item != null) {
                into.add(SdkJson.toJson(item));
            }
        }

        /**
         * A vault and its recovery points: DescribeBackupVault, its access policy, notifications, tags and recovery points
         * read at once, as parts of their own (an incremental scan lists the points after the description, whose count it
         * checks them against). The vault is kept when every part ended without a cancel; else the points it counted while
         * listing are taken back.
         */
        void scanVault(Target t, String region, RegionData rd, BackupVaultListMember listed) {
            String acct = t.accountId();
            BackupClient b = t.clients().backup(region);
            String arn = listed.backupVaultArn();
            String name = listed.backupVaultName();
            BackupVault previous = previousVaults.get(arn);
            boolean incremental = previous != null && previous.recoveryPoints() != null && request.sinceCapture().capturedAt() != null;
            long[] counted = {0};
            ObjectNode[] described = new ObjectNode[1];
            ObjectNode[] members = new ObjectNode[3];
            List<List<RecoveryPoint>> points = new ArrayList<>(Collections.nCopies(1, null));
            ArrayNode[] restoreAccess = new ArrayNode[1];
            Join join = new Join(incremental ? 4 : 5, () -> {
                ObjectNode vault = described[0];
                for (ObjectNode m : members) {
                    vault.setAll(m);
                }
                vault.set("RestoreAccessBackupVaults", restoreAccess[0]);
                rd.vaults.add(new VaultRead(vault, points.get(0)));
            }, () -> rd.recoveryPointsListed.addAndGet(-counted[0]));
            join.part(rd, "backup", () -> {
                DescribeBackupVaultResponse d = read(acct, region, "backup", "DescribeBackupVault", arn, rd.readErrors,
                        () -> b.describeBackupVault(r -> r.backupVaultName(name)));
                ObjectNode vault = d != null ? SdkJson.toJson(d) : SdkJson.toJson(listed);
                // The keys a vault and its points name are read as soon as they are known, not once the whole vault is.
                noteKey(vault.path("EncryptionKeyArn").asText(null), vault.path("EncryptionKeyType").asText(null), acct);
                if (incremental) {
                    points.set(0, notingKeys(recoveryPoints(t, region, rd, name, arn, vault.path("NumberOfRecoveryPoints").asLong(-1), counted), acct));
                }
                ArrayNode ra = JSON.arrayNode();
                if ("LOGICALLY_AIR_GAPPED_BACKUP_VAULT".equals(vault.path("VaultType").asText())) {
                    var ravs = readPages(acct, region, "backup", "ListRestoreAccessBackupVaults", arn, rd.readErrors,
                            b.listRestoreAccessBackupVaultsPaginator(r -> r.backupVaultName(name).maxResults(1000)),
                            x -> x.restoreAccessBackupVaults(), null);
                    if (ravs != null) {
                        ravs.forEach(x -> ra.add(SdkJson.toJson(x)));
                    }
                }
                restoreAccess[0] = ra;
                described[0] = vault;
            });
            // Not found means "none configured" (null); any other failure leaves the member out ("not read").
            join.part(rd, "backup", () -> members[0] = optionalMember(rd, arn, "AccessPolicy", "backup:GetBackupVaultAccessPolicy",
                    () -> JSON.textNode(call(acct, region, "backup", () -> b.getBackupVaultAccessPolicy(r -> r.backupVaultName(name)).policy()))));
            join.part(rd, "backup", () -> members[1] = optionalMember(rd, arn, "Notifications", "backup:GetBackupVaultNotifications",
                    () -> SdkJson.toJson(call(acct, region, "backup", () -> b.getBackupVaultNotifications(r -> r.backupVaultName(name))))));
            join.part(rd, "backup", () -> {
                ObjectNode m = JSON.objectNode();
                List<Map.Entry<String, String>> tags = readPages(acct, region, "backup", "ListTags", arn, rd.readErrors,
                        b.listTagsPaginator(r -> r.resourceArn(arn)), x -> List.copyOf(x.tags().entrySet()), null);
                if (tags != null) {
                    ObjectNode tn = m.putObject("Tags");
                    Map<String, String> sorted = new TreeMap<>();
                    tags.forEach(e -> sorted.put(e.getKey(), e.getValue()));
                    sorted.forEach(tn::put);
                }
                members[2] = m;
            });
            if (!incremental) {
                join.part(rd, "backup", () -> points.set(0, notingKeys(recoveryPoints(t, region, rd, name, arn, -1, counted), acct)));
            }
        }

        /** A key's part holding {@code member}: the items listed, or nothing (the member left out: not read) when the listing failed. */
        ObjectNode listedPart(String member, List<? extends software.amazon.awssdk.core.SdkPojo> items) {
            ObjectNode part = JSON.objectNode();
            if (items != null) {
                ArrayNode a = part.putArray(member);
                items.forEach(x -> a.add(SdkJson.toJson(x)));
            }
            return part;
        }

        /** The vault's points, once listed (none if the listing failed): the keys they name are read from now on. */
        List<RecoveryPoint> notingKeys(List<RecoveryPoint> points, String acct) {
            for (RecoveryPoint p : points) {
                noteKey(p.encryptionKeyArn(), p.encryptionKeyType(), acct);
            }
            return points;
        }

        /**
         * The vault's recovery points: only the new ones merged into the last capture's when that is provably complete.
         * A full listing counts its points in the scope page by page ({@code counted} keeps this vault's share).
         */
        List<RecoveryPoint> recoveryPoints(Target t, String region, RegionData rd, String name, String arn, long expected, long[] counted) {
            BackupClient b = t.clients().backup(region);
            BackupVault previous = previousVaults.get(arn);
            if (previous != null && previous.recoveryPoints() != null && request.sinceCapture().capturedAt() != null) {
                Instant after = request.sinceCapture().capturedAt().minus(INCREMENTAL_OVERLAP);
                List<RecoveryPoint> fresh = readPages(t.accountId(), region, "backup", "ListRecoveryPointsByBackupVault", arn,
                        rd.readErrors, b.listRecoveryPointsByBackupVaultPaginator(r -> r.backupVaultName(name).maxResults(1000).byCreatedAfter(after)),
                        this::records, null);
                if (fresh != null) {
                    Map<String, RecoveryPoint> merged = new LinkedHashMap<>();
                    for (RecoveryPoint p : fresh) {
                        merged.put(p.recoveryPointArn(), p);
                    }
                    for (RecoveryPoint old : previous.recoveryPoints()) {
                        merged.putIfAbsent(old.recoveryPointArn(), old);
                    }
                    if (expected < 0 || merged.size() == expected) {
                        rd.recoveryPointsListed.addAndGet(merged.size());
                        counted[0] += merged.size();
                        return new ArrayList<>(merged.values());
                    }
                }
            }
            Consumer<List<RecoveryPoint>> count = page -> {
                rd.recoveryPointsListed.addAndGet(page.size());
                counted[0] += page.size();
            };
            List<RecoveryPoint> all = readPages(t.accountId(), region, "backup", "ListRecoveryPointsByBackupVault", arn, rd.readErrors,
                    b.listRecoveryPointsByBackupVaultPaginator(r -> r.backupVaultName(name).maxResults(1000)), this::records, count);
            if (all == null) {
                rd.recoveryPointsListed.addAndGet(-counted[0]); // the listing failed part-way: the vault holds none of its pages
                counted[0] = 0;
                return new ArrayList<>();
            }
            return all;
        }

        /** A page's recovery points as estate records, made as the page arrives so that no page is held as SDK objects. */
        List<RecoveryPoint> records(ListRecoveryPointsByBackupVaultResponse page) {
            List<RecoveryPointByBackupVault> got = page.recoveryPoints();
            List<RecoveryPoint> out = new ArrayList<>(got.size());
            for (RecoveryPointByBackupVault p : got) {
                out.add(pointRecords.of(p));
            }
            return out;
        }

        /**
         * A key named by a vault or a recovery point: the first time, its reads start now, alongside the scan's other
         * reads, rather than after them all (it counts as account-level work; {@link #recordCancellation} names it if a
         * cancel leaves it unread).
         */
        void noteKey(String keyArn, String keyType, String readerAccount) {
            if (keyArn != null && !keyArn.isEmpty() && !AWS_OWNED.equals(keyType) && Arn.parse(keyArn) != null
                    && keyReader.putIfAbsent(keyArn, readerAccount) == null) {
                Target reader = keyReaderOf(keyArn);
                submit(null, () -> readKey(reader, keyArn));
            }
        }

        void scanPlans(Target t, String region, RegionData rd) {
            String acct = t.accountId();
            BackupClient b = t.clients().backup(region);
            List<BackupPlansListMember> plans = readPages(acct, region, "backup", "ListBackupPlans", acct + "/" + region, rd.readErrors,
                    b.listBackupPlansPaginator(r -> r.maxResults(1000)), x -> x.backupPlansList(), null);
            if (plans == null) {
                return;
            }
            for (BackupPlansListMember p : plans) {
                submit(rd, () -> {
                    var plan = read(acct, region, "backup", "GetBackupPlan", p.backupPlanArn(), rd.readErrors,
                            () -> b.getBackupPlan(r -> r.backupPlanId(p.backupPlanId())));
                    if (plan == null) {
                        return;
                    }
                    ObjectNode node = SdkJson.toJson(plan);
                    ArrayNode selections = node.putArray("Selections");
                    List<BackupSelectionsListMember> sels = readPages(acct, region, "backup", "ListBackupSelections", p.backupPlanArn(),
                            rd.readErrors, b.listBackupSelectionsPaginator(r -> r.backupPlanId(p.backupPlanId()).maxResults(1000)),
                            x -> x.backupSelectionsList(), null);
                    if (sels != null) {
                        for (BackupSelectionsListMember s : sels) {
                            var sel = read(acct, region, "backup", "GetBackupSelection", p.backupPlanArn() + "/selection/" + s.selectionId(),
                                    rd.readErrors, () -> b.getBackupSelection(r -> r.backupPlanId(p.backupPlanId()).selectionId(s.selectionId())));
                            if (sel != null) {
                                selections.add(SdkJson.toJson(sel));
                            }
                        }
                    }
                    rd.plans.add(node);
                });
            }
        }

        void scanProtectedResources(Target t, String region, RegionData rd) {
            String acct = t.accountId();
            BackupClient b = t.clients().backup(region);
            List<ProtectedResource> resources = readPages(acct, region, "backup", "ListProtectedResources", acct + "/" + region, rd.readErrors,
                    b.listProtectedResourcesPaginator(r -> r.maxResults(1000)), x -> x.results(), null);
            if (resources == null) {
                return;
            }
            Set<String> restoredSince = restoredSincePreviousCapture(t, region);
            for (ProtectedResource r : resources) {
                // Incremental: what only DescribeProtectedResource adds (the latest restore) changes only with a restore job.
                dev.redoubt.estate.ProtectedResource before = previousResources.get(r.resourceArn());
                if (before != null && restoredSince != null && !restoredSince.contains(r.resourceArn())) {
                    ObjectNode merged = estateFile.mapper().valueToTree(before);
                    merged.setAll(SdkJson.toJson(r));
                    rd.protectedResources.add(merged);
                    continue;
                }
                submit(rd, () -> {
                    var d = read(acct, region, "backup", "DescribeProtectedResource", r.resourceArn(), rd.readErrors,
                            () -> b.describeProtectedResource(x -> x.resourceArn(r.resourceArn())));
                    rd.protectedResources.add(d != null ? SdkJson.toJson(d) : SdkJson.toJson(r));
                });
            }
        }

        /** Resources with a restore job since the previous capture; null when there is no previous capture or it cannot be told. */
        Set<String> restoredSincePreviousCapture(Target t, String region) {
            if (previousResources.isEmpty() || request.sinceCapture().capturedAt() == null) {
                return null;
            }
            Instant after = request.sinceCapture().capturedAt().minus(INCREMENTAL_OVERLAP);
            BackupClient b = t.clients().backup(region);
            try {
                List<RestoreJobsListMember> jobs = pages(t.accountId(), region, "backup",
                        b.listRestoreJobsPaginator(r -> r.maxResults(1000).byCreatedAfter(after)), x -> x.restoreJobs(), null);
                Set<String> out = new java.util.HashSet<>();
                jobs.forEach(j -> {
                    if (j.sourceResourceArn() != null) {
                        out.add(j.sourceResourceArn());
                    }
                });
                return out;
            } catch (AwsFailure f) {
                return null; // describe every resource, as a full scan does
            }
        }

        void scanRestoreTesting(Target t, String region, RegionData rd) {
            String acct = t.accountId();
            BackupClient b = t.clients().backup(region);
            List<RestoreTestingPlanForList> plans = readPages(acct, region, "backup", "ListRestoreTestingPlans", acct + "/" + region,
                    rd.readErrors, b.listRestoreTestingPlansPaginator(r -> r.maxResults(1000)), x -> x.restoreTestingPlans(), null);
            if (plans == null) {
                return;
            }
            for (RestoreTestingPlanForList p : plans) {
                submit(rd, () -> {
                    var got = read(acct, region, "backup", "GetRestoreTestingPlan", p.restoreTestingPlanArn(), rd.readErrors,
                            () -> b.getRestoreTestingPlan(r -> r.restoreTestingPlanName(p.restoreTestingPlanName())).restoreTestingPlan());
                    if (got == null) {
                        return;
                    }
                    ObjectNode node = SdkJson.toJson(got);
                    ArrayNode selections = node.putArray("Selections");
                    List<RestoreTestingSelectionForList> sels = readPages(acct, region, "backup", "ListRestoreTestingSelections",
                            p.restoreTestingPlanArn(), rd.readErrors, b.listRestoreTestingSelectionsPaginator(
                                    r -> r.restoreTestingPlanName(p.restoreTestingPlanName()).maxResults(1000)),
                            x -> x.restoreTestingSelections(), null);
                    if (sels != null) {
                        for (RestoreTestingSelectionForList s : sels) {
                            var sel = read(acct, region, "backup", "GetRestoreTestingSelection",
                                    p.restoreTestingPlanArn() + "/selection/" + s.restoreTestingSelectionName(), rd.readErrors,
                                    () -> b.getRestoreTestingSelection(r -> r.restoreTestingPlanName(p.restoreTestingPlanName())
                                            .restoreTestingSelectionName(s.restoreTestingSelectionName())).restoreTestingSelection());
                            if (sel != null) {
                                selections.add(SdkJson.toJson(sel));
                            }
                        }
                    }
                    rd.restoreTestingPlans.add(node);
                });
            }
        }

        void scanApprovals(Target t, String region, RegionData rd) {
            String acct = t.accountId();
            MpaClient m = t.clients().mpa(region);
            var teams = readPages(acct, region, "mpa", "ListApprovalTeams", acct + "/" + region, rd.readErrors,
                    m.listApprovalTeamsPaginator(r -> r.maxResults(20)), x -> x.approvalTeams(), null);
            if (teams == null) {
                return;
            }
            for (var team : teams) {
                submit(rd, "mpa", () -> {
                    addIfRead(rd.approvalTeams, read(acct, region, "mpa", "GetApprovalTeam", team.arn(), rd.readErrors,
                            () -> m.getApprovalTeam(r -> r.arn(team.arn()))));
                    var sessions = readPages(acct, region, "mpa", "ListSessions", team.arn(), rd.readErrors,
                            m.listSessionsPaginator(r -> r.approvalTeamArn(team.arn()).maxResults(20)), x -> x.sessions(), null);
                    if (sessions != null) {
                        for (var s : sessions) {
                            addIfRead(rd.sessions, read(acct, region, "mpa", "GetSession", s.sessionArn(), rd.readErrors,
                                    () -> m.getSession(r -> r.sessionArn(s.sessionArn()))));
                        }
                    }
                });
            }
        }

        // ------------------------------------------------------------------ approvers' names

        /**
         * Approval teams and sessions name approvers only by IAM Identity Center user ID: each identity source's users are
         * named through identitystore:DescribeUser, its identity store found through mpa:GetIdentitySource and
         * sso-admin:DescribeInstance (an identity store ARN names its store itself, an instance ARN its instance). Read by the source's owner account when
         * it is scanned, else by the account that saw the team; a failure leaves the user unnamed and is a ReadError.
         */
        void readApproverNames() {
            for (Map<String, RegionData> byRegion : data.values()) {
                for (RegionData rd : byRegion.values()) {
                    synchronized (rd.approvalTeams) {
                        for (ObjectNode team : rd.approvalTeams) {
                            approvers(team.path("Approvers"), "PrimaryIdentitySourceArn", "PrimaryIdentityId", rd);
                            approvers(team.path("PendingUpdate").path("Approvers"), "PrimaryIdentitySourceArn", "PrimaryIdentityId", rd);
                        }
                    }
                    synchronized (rd.sessions) {
                        for (ObjectNode session : rd.sessions) {
                            approvers(session.path("ApproverResponses"), "IdentitySourceArn", "IdentityId", rd);
                        }
                    }
                }
            }
            for (ApproverSource source : approverSources.values()) {
                submit(null, () -> readIdentitySource(source));
            }
        }

        private void approvers(com.fasterxml.jackson.databind.JsonNode list, String sourceField, String idField, RegionData seenIn) {
            for (com.fasterxml.jackson.databind.JsonNode a : list) {
                String source = a.path(sourceField).asText(null);
                String id = a.path(idField).asText(null);
                if (source != null && id != null && !id.isEmpty()) {
                    approverSources.computeIfAbsent(source, k -> new ApproverSource(k, seenIn, new java.util.concurrent.ConcurrentSkipListSet<>()))
                            .users().add(id);
                }
            }
        }

        void readIdentitySource(ApproverSource source) {
            String owner = Arn.accountOf(source.arn());
            Target reader = targets.stream().filter(t -> t.accountId().equals(owner)).findFirst()
                    .orElseGet(() -> targets.stream().filter(t -> t.accountId().equals(source.seenIn().accountId)).findFirst().orElse(null));
            if (reader == null) {
                return;
            }
            String acct = reader.accountId();
            List<ObjectNode> errorsTo = source.seenIn().readErrors;
            Arn arn = Arn.parse(source.arn());
            String storeId;
            String storeRegion;
            if (arn != null && "identitystore".equals(arn.service()) && arn.resource().startsWith("identitystore/")) {
                storeId = arn.resource().substring("identitystore/".length());
                storeRegion = arn.region().isEmpty() ? source.seenIn().region : arn.region();
            } else if (arn != null && "sso".equals(arn.service()) && arn.resource().startsWith("instance/")) {
                String centerRegion = source.seenIn().region;
                var instance = read(acct, centerRegion, "sso", "DescribeInstance", source.arn(), errorsTo,
                        () -> reader.clients().ssoAdmin(centerRegion).describeInstance(r -> r.instanceArn(source.arn())));
                if (instance == null || instance.identityStoreId() == null) {
                    markAsked(source);
                    return;
                }
                storeId = instance.identityStoreId();
                storeRegion = centerRegion;
            } else if (arn != null && "mpa".equals(arn.service()) && arn.resource().startsWith("identity-source/")) {
                var got = read(acct, arn.region(), "mpa", "GetIdentitySource", source.arn(), errorsTo,
                        () -> reader.clients().mpa(arn.region()).getIdentitySource(r -> r.identitySourceArn(source.arn())));
                if (got == null) {
                    markAsked(source);
                    return;
                }
                var center = got.identitySourceParameters() == null ? null : got.identitySourceParameters().iamIdentityCenter();
                if (center == null || center.instanceArn() == null) {
                    addError(errorsTo, readError(source.arn(), "mpa:GetIdentitySource", "NotIamIdentityCenter",
                            "the identity source is not an IAM Identity Center instance, so its approvers' names cannot be read"));
                    markAsked(source);
                    return;
                }
                String centerRegion = center.region() != null ? center.region() : arn.region();
                var instance = read(acct, centerRegion, "sso", "DescribeInstance", center.instanceArn(), errorsTo,
                        () -> reader.clients().ssoAdmin(centerRegion).describeInstance(r -> r.instanceArn(center.instanceArn())));
                if (instance == null || instance.identityStoreId() == null) {
                    markAsked(source);
                    return;
                }
                storeId = instance.identityStoreId();
                storeRegion = centerRegion;
            } else {
                addError(errorsTo, readError(source.arn(), "identitystore:DescribeUser", "UnknownIdentitySource",
                        "not an IAM Identity Center identity source, so its approvers' names cannot be read"));
                markAsked(source);
                return;
            }
            String store = storeId;
            String storeIn = storeRegion;
            for (String userId : source.users()) {
                submit(null, () -> {
                    var user = read(acct, storeIn, "identitystore", "DescribeUser",
                            "arn:aws:identitystore::" + acct + ":identitystore/" + store + "/user/" + userId, errorsTo,
                            () -> reader.clients().identityStore(storeIn).describeUser(r -> r.identityStoreId(store).userId(userId)));
                    if (user != null && user.userName() != null) {
                        ObjectNode named = JSON.objectNode().put("UserId", userId).put("UserName", user.userName());
                        if (user.displayName() != null) {
                            named.put("DisplayName", user.displayName());
                        }
                        approverNames.put(userId, named);
                    }
                    approversAsked.add(source.arn() + "\n" + userId);
                });
            }
        }

        /** Nothing more will be asked about this source's users (its failure is recorded). */
        private void markAsked(ApproverSource source) {
            source.users().forEach(u -> approversAsked.add(source.arn() + "\n" + u));
        }

        // ------------------------------------------------------------------ keys

        /**
         * A key's six reads: DescribeKey first (a key that cannot be described is left out, and nothing more is asked of it),
         * then the other five at once. The key is kept, and counted read, only when all of them ended without a cancel.
         */
        void readKey(Target reader, String keyArn) {
            Arn parsed = Arn.parse(keyArn);
            String region = parsed.region();
            String owner = parsed.account();
            String acct = reader.accountId();
            KmsClient k = reader.clients().kms(region);
            RegionData ownerData = regionData(owner, region);
            List<ObjectNode> errorsTo = regionData(acct, region).readErrors;
            var metadata = read(acct, region, "kms", "DescribeKey", keyArn, errorsTo, () -> k.describeKey(r -> r.keyId(keyArn)).keyMetadata());
            if (metadata == null) {
                keysRead.add(keyArn);
                return;
            }
            ObjectNode[] parts = new ObjectNode[5];
            Join join = new Join(5, () -> {
                ObjectNode key = JSON.objectNode();
                key.set("KeyMetadata", SdkJson.toJson(metadata));
                for (ObjectNode part : parts) {
                    key.setAll(part);
                }
                ownerData.keys.add(key);
                keysRead.add(keyArn);
            }, null);
            join.part(null, "kms", () -> {
                ObjectNode part = JSON.objectNode();
                String policy = read(acct, region, "kms", "GetKeyPolicy", keyArn, errorsTo,
                        () -> k.getKeyPolicy(r -> r.keyId(keyArn).policyName("default")).policy());
                if (policy != null) {
                    part.put("Policy", policy);
                }
                parts[0] = part;
            });
            join.part(null, "kms", () -> {
                ObjectNode part = JSON.objectNode();
                GetKeyRotationStatusResponse rotation = read(acct, region, "kms", "GetKeyRotationStatus", keyArn, errorsTo,
                        () -> k.getKeyRotationStatus(r -> r.keyId(keyArn)));
                if (rotation != null) {
                    part.put("KeyRotationEnabled", rotation.keyRotationEnabled());
                    if (rotation.rotationPeriodInDays() != null) {
                        part.put("RotationPeriodInDays", rotation.rotationPeriodInDays());
                    }
                    if (rotation.nextRotationDate() != null) {
                        part.put("NextRotationDate", rotation.nextRotationDate().toString());
                    }
                }
                parts[1] = part;
            });
            join.part(null, "kms", () -> parts[2] = listedPart("Aliases", readPages(acct, region, "kms", "ListAliases", keyArn, errorsTo,
                    k.listAliasesPaginator(r -> r.keyId(metadata.keyId()).limit(100)), x -> x.aliases(), null)));
            join.part(null, "kms", () -> parts[3] = listedPart("Grants", readPages(acct, region, "kms", "ListGrants", keyArn, errorsTo,
                    k.listGrantsPaginator(r -> r.keyId(keyArn).limit(100)), x -> x.grants(), null)));
            join.part(null, "kms", () -> {
                ObjectNode part = JSON.objectNode();
                var tags = read(acct, region, "kms", "ListResourceTags", keyArn, errorsTo,
                        () -> k.listResourceTags(r -> r.keyId(keyArn)).tags());
                if (tags != null) {
                    ObjectNode tn = part.putObject("Tags");
                    tags.stream().sorted(Comparator.comparing(x -> x.tagKey())).forEach(x -> tn.put(x.tagKey(), x.tagValue()));
                }
                parts[4] = part;
            });
        }

        /**
         * Reads that do not depend on each other, run as tasks of their own, and what to do once all of them ended:
         * {@code whenAll} when none was cut short (by a cancel, or a failure other than a recorded read error), else
         * {@code whenCut} (may be null). Each part's task counts in its scope, so a cut-short part leaves the scope unfinished.
         */
        final class Join {
            private final AtomicInteger left;
            private final Runnable whenAll;
            private final Runnable whenCut;
            private volatile boolean cut;

            Join(int parts, Runnable whenAll, Runnable whenCut) {
                this.left = new AtomicInteger(parts);
                this.whenAll = whenAll;
                this.whenCut = whenCut;
            }

            void part(RegionData scope, String service, Runnable read) {
                submitAlways(scope, service, () -> {
                    boolean ok = false;
                    try {
                        if (stopped()) {
                            throw new ScanCancelledException();
                        }
                        read.run();
                        ok = true;
                    } finally {
                        if (!ok) {
                            cut = true;
                        }
                        if (left.decrementAndGet() == 0) {
                            if (!cut) {
                                whenAll.run();
                            } else if (whenCut != null) {
                                whenCut.run();
                            }
                        }
                    }
                });
            }
        }

        // ------------------------------------------------------------------ assembly

        /** What a person calls the estate: the organization (by its management account), else the account scanned. */
        String nameOf(Organization org, List<Target> targets) {
            if (org.organization() != null) {
                String id = org.organization().path("Id").asText(null);
                String master = org.organization().path("MasterAccountId").asText(null);
                ObjectNode account = master == null ? null : org.accounts().get(master);
                String who = account != null && account.hasNonNull("Name") ? account.path("Name").asText() : master;
                return (who == null ? "Organization" : who + " organization") + (id == null ? "" : " (" + id + ")");
            }
            if (targets.size() == 1) {
                Target t = targets.get(0);
                return t.accountName() != null ? t.accountName() + " (" + t.accountId() + ")" : "Account " + t.accountId();
            }
            return targets.size() + " accounts";
        }

        /**
         * The capture as a tree, without recovery points: each account's, in the order of the tree's accounts, are put in
         * {@code points} by region, vault by vault in the order of the region's vaults, for {@link #withRecoveryPoints}.
         */
        ObjectNode assemble(Organization org, List<Target> targets, List<Map<String, List<List<RecoveryPoint>>>> points) {
            ObjectNode root = JSON.objectNode();
            root.put("Format", EstateFile.FORMAT);
            root.put("Name", nameOf(org, targets));
            root.put("CapturedAt", started.toString());
            if (stop.get()) {
                ObjectNode incomplete = root.putObject("Incomplete");
                AwsFailure gone = unreachable;
                incomplete.put("Reason", gone != null ? Incomplete.UNREACHABLE : Incomplete.CANCELLED);
                incomplete.put("At", (stoppedAt != null ? stoppedAt : clock.instant()).toString());
                incomplete.put("Message", (gone != null ? "The endpoint stopped answering (" + gone.getMessage().replaceFirst("; check .*", "") + ") after "
                        : "The scan was cancelled after ") + work.completed() + " of " + work.submitted()
                        + " units of work; what was not read completely is named in ReadErrors ("
                        + (gone != null ? UNREACHABLE_CODE : CANCELLED_CODE) + ")");
            }
            if (org.organization() != null) {
                root.set("Organization", org.organization());
            }
            if (!approverNames.isEmpty()) {
                ArrayNode users = root.putArray("SsoUsers");
                approverNames.values().forEach(users::add);
            }
            ArrayNode accounts = root.putArray("Accounts");
            Set<String> ids = new TreeSet<>(data.keySet());
            targets.forEach(t -> ids.add(t.accountId()));
            ids.addAll(accountErrors.keySet());
            for (String id : ids) {
                ObjectNode a = org.accounts().containsKey(id) ? org.accounts().get(id).deepCopy() : JSON.objectNode().put("Id", id);
                if (!a.has("Name")) {
                    targets.stream().filter(t -> t.accountId().equals(id) && t.accountName() != null).findFirst()
                            .ifPresent(t -> a.put("Name", t.accountName()));
                }
                if (org.ouPaths().containsKey(id)) {
                    a.put("OrganizationalUnit", org.ouPaths().get(id));
                }
                List<ObjectNode> errs = accountErrors.getOrDefault(id, List.of());
                if (!errs.isEmpty()) {
                    ArrayNode e = a.putArray("ReadErrors");
                    sorted(errs, "Scope").forEach(e::add);
                }
                ObjectNode regions = a.putObject("Regions");
                Map<String, List<List<RecoveryPoint>>> accountPoints = new HashMap<>();
                new TreeMap<>(data.getOrDefault(id, Map.of())).forEach((name, rd) -> {
                    List<List<RecoveryPoint>> regionPoints = new ArrayList<>();
                    regions.set(name, region(rd, regionPoints));
                    accountPoints.put(name, regionPoints);
                });
                accounts.add(a);
                points.add(accountPoints);
            }
            return root;
        }

        ObjectNode region(RegionData rd, List<List<RecoveryPoint>> points) {
            ObjectNode r = JSON.objectNode();
            if (rd.globalSettingsRead) {
                ObjectNode gs = r.putObject("GlobalSettings");
                new TreeMap<>(rd.globalSettings).forEach(gs::put);
            }
            ArrayNode vaults = r.putArray("BackupVaults");
            List<VaultRead> read;
            synchronized (rd.vaults) {
                read = new ArrayList<>(rd.vaults);
            }
            read.sort(Comparator.comparing(v -> v.vault().path("BackupVaultName").asText()));
            for (VaultRead v : read) {
                vaults.add(v.vault());
                points.add(v.recoveryPoints());
            }
            r.set("KmsKeys", array(sortedBy(rd.keys, n -> n.path("KeyMetadata").path("Arn").asText())));
            r.set("BackupPlans", array(sorted(rd.plans, "BackupPlanId")));
            r.set("ProtectedResources", array(sorted(rd.protectedResources, "ResourceArn")));
            r.set("RestoreTestingPlans", array(sorted(rd.restoreTestingPlans, "RestoreTestingPlanName")));
            r.set("RestoreJobs", array(rd.restoreJobs));
            r.set("CopyJobs", array(rd.copyJobs));
            r.set("LegalHolds", array(sorted(rd.legalHolds, "LegalHoldId")));
            r.set("Frameworks", array(sorted(rd.frameworks, "FrameworkName")));
            r.set("ReportPlans", array(sorted(rd.reportPlans, "ReportPlanName")));
            r.set("MpaApprovalTeams", array(sorted(rd.approvalTeams, "Arn")));
            r.set("MpaSessions", array(sorted(rd.sessions, "SessionArn")));
            if (!rd.readErrors.isEmpty()) {
                r.set("ReadErrors", array(sortedErrors(rd.readErrors)));
            }
            return r;
        }

        /** The estate read from the tree, each vault with the recovery points {@link #assemble} set aside for it. */
        Estate withRecoveryPoints(Estate e, List<Map<String, List<List<RecoveryPoint>>>> points) {
            List<dev.redoubt.estate.Account> accounts = new ArrayList<>(e.accounts().size());
            for (int i = 0; i < e.accounts().size(); i++) {
                dev.redoubt.estate.Account a = e.accounts().get(i);
                Map<String, List<List<RecoveryPoint>>> byRegion = points.get(i);
                Map<String, Region> regions = new LinkedHashMap<>();
                a.regions().forEach((name, r) -> {
                    List<List<RecoveryPoint>> vaultPoints = byRegion.get(name);
                    List<BackupVault> vaults = new ArrayList<>(r.backupVaults().size());
                    for (int v = 0; v < r.backupVaults().size(); v++) {
                        BackupVault x = r.backupVaults().get(v);
                        vaults.add(new BackupVault(x.backupVaultName(), x.backupVaultArn(), x.vaultType(), x.vaultState(), x.encryptionKeyArn(),
                                x.encryptionKeyType(), x.creationDate(), x.creatorRequestId(), x.numberOfRecoveryPoints(), x.locked(),
                                x.minRetentionDays(), x.maxRetentionDays(), x.lockDate(), x.sourceBackupVaultArn(), x.mpaApprovalTeamArn(),
                                x.mpaSessionArn(), x.latestMpaApprovalTeamUpdate(), x.tags(), x.accessPolicy(), x.notifications(),
                                vaultPoints.get(v), x.restoreAccessBackupVaults(), x.unknown()));
                    }
                    regions.put(name, new Region(r.globalSettings(), vaults, r.kmsKeys(), r.backupPlans(), r.protectedResources(),
                            r.restoreTestingPlans(), r.restoreJobs(), r.copyJobs(), r.legalHolds(), r.frameworks(), r.reportPlans(),
                            r.mpaApprovalTeams(), r.mpaSessions(), r.readErrors(), r.unknown()));
                });
                accounts.add(new dev.redoubt.estate.Account(a.id(), a.arn(), a.name(), a.email(), a.status(), a.state(), a.joinedMethod(),
                        a.joinedTimestamp(), a.paths(), a.organizationalUnit(), a.roles(), a.readErrors(), regions, a.unknown()));
            }
            return new Estate(e.format(), e.name(), e.capturedAt(), e.incomplete(), e.organization(), e.ssoUsers(), accounts, e.unknown());
        }

        List<ObjectNode> sorted(List<ObjectNode> list, String field) {
            return sortedBy(list, n -> n.path(field).asText());
        }

        /**
         * ReadErrors by scope, and a scope's by operation: reads of one scope run at once, so the order they failed in is
         * not the order they were asked in.
         */
        List<ObjectNode> sortedErrors(List<ObjectNode> list) {
            return sortedBy(list, n -> n.path("Scope").asText() + "\n" + n.path("Operation").asText());
        }

        List<ObjectNode> sortedBy(List<ObjectNode> list, java.util.function.Function<ObjectNode, String> key) {
            synchronized (list) {
                List<ObjectNode> copy = new ArrayList<>(list);
                copy.sort(Comparator.comparing(key));
                return copy;
            }
        }

        ArrayNode array(List<ObjectNode> items) {
            ArrayNode a = JSON.arrayNode();
            synchronized (items) {
                items.forEach(a::add);
            }
            return a;
        }
    }
}
