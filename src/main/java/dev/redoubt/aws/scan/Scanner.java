package dev.redoubt.aws.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.aws.AccessMode;
import dev.redoubt.aws.AwsClients;
import dev.redoubt.aws.AwsFailure;
import dev.redoubt.aws.AwsFailures;
import dev.redoubt.aws.signin.AccountRole;
import dev.redoubt.aws.signin.CallerIdentity;
import dev.redoubt.aws.signin.Session;
import dev.redoubt.estate.Arn;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.RecoveryPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.account.model.RegionOptStatus;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.ProtectedResource;
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
 */
public final class Scanner {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String AWS_OWNED = "AWS_OWNED_KMS_KEY";
    /** Recovery points created this long before the last capture are fetched again, for clock skew and late completions. */
    private static final Duration INCREMENTAL_OVERLAP = Duration.ofHours(1);

    private final Clock clock;
    private final EstateFile estateFile;

    public Scanner(Clock clock, EstateFile estateFile) {
        this.clock = clock;
        this.estateFile = estateFile;
    }

    public ScanResult scan(Session session, ScanRequest request, ScanProgress progress, AtomicBoolean cancelled)
            throws InterruptedException {
        Run run = new Run(session, request, progress, cancelled);
        try {
            return run.execute();
        } finally {
            run.pool.shutdownNow();
        }
    }

    /** One (account, role) to scan and the clients acting in it. */
    private record Target(String accountId, String accountName, AwsClients clients) {
    }

    /** Everything read in one account and region; lists are filled by concurrent tasks. */
    private static final class RegionData {
        final Map<String, String> globalSettings = new ConcurrentHashMap<>();
        volatile boolean globalSettingsRead;
        final List<ObjectNode> vaults = Collections.synchronizedList(new ArrayList<>());
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
    }

    /** All items of all pages. */
    static <R, T> List<T> items(Iterable<R> pages, java.util.function.Function<R, List<T>> items) {
        List<T> out = new ArrayList<>();
        for (R page : pages) {
            out.addAll(items.apply(page));
        }
        return out;
    }

    static List<software.amazon.awssdk.services.backup.model.Framework> frameworks(BackupClient b) {
        List<software.amazon.awssdk.services.backup.model.Framework> out = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = b.listFrameworks(r -> r.maxResults(1000).nextToken(t));
            out.addAll(page.frameworks());
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    static Map<String, String> tags(BackupClient b, String arn) {
        Map<String, String> out = new TreeMap<>();
        for (var page : b.listTagsPaginator(r -> r.resourceArn(arn))) {
            out.putAll(page.tags());
        }
        return out;
    }

    private final class Run {
        final Session session;
        final ScanRequest request;
        final ScanProgress progress;
        final AtomicBoolean cancelled;
        final ExecutorService pool;
        final WorkTracker work;
        final Semaphore total;
        final Map<String, Semaphore> perScope = new ConcurrentHashMap<>();
        final Map<String, Map<String, RegionData>> data = new ConcurrentHashMap<>();
        final Map<String, List<ObjectNode>> accountErrors = new ConcurrentHashMap<>();
        final Map<String, String> keyReader = new ConcurrentHashMap<>();
        final Map<String, String> keyReadScope = new ConcurrentHashMap<>();
        final AtomicLong calls = new AtomicLong();
        final AtomicInteger errors = new AtomicInteger();
        final Map<String, BackupVault> previousVaults = new HashMap<>();
        final Map<String, dev.redoubt.estate.ProtectedResource> previousResources = new HashMap<>();
        volatile Throwable unexpected;
        volatile String scope = "";

        Run(Session session, ScanRequest request, ScanProgress progress, AtomicBoolean cancelled) {
            this.session = session;
            this.request = request;
            this.progress = progress;
            this.cancelled = cancelled;
            AtomicInteger n = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(request.totalLimit(), r -> {
                Thread t = new Thread(r, "redoubt-scan-" + n.incrementAndGet());
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

        ScanResult execute() throws InterruptedException {
            Instant started = clock.instant();
            CallerIdentity me = session.callerIdentity();
            Organization org = readOrganization(me.account(), organizationReader(me));
            List<Target> targets = targets(me, org);
            for (Target t : targets) {
                for (String region : regionsOf(t)) {
                    RegionData rd = regionData(t.accountId(), region);
                    work.submit(() -> scanRegion(t, region, rd));
                }
            }
            awaitPhase();
            for (Map.Entry<String, String> key : keyReader.entrySet()) {
                // The key's owner reads it best (cross-account callers may not read its policy or aliases); else whoever uses it.
                String owner = Arn.accountOf(key.getKey());
                Target reader = targets.stream().filter(t -> t.accountId().equals(owner)).findFirst()
                        .orElseGet(() -> targets.stream().filter(t -> t.accountId().equals(key.getValue())).findFirst().orElseThrow());
                work.submit(() -> readKey(reader, key.getKey()));
            }
            awaitPhase();
            ObjectNode estate = assemble(org, targets, started);
            Estate captured = estateFile.fromTree(estate, "scan");
            return new ScanResult(captured, errors.get(), calls.get(), Duration.between(started, clock.instant()));
        }

        private void awaitPhase() throws InterruptedException {
            work.awaitAll();
            if (cancelled.get()) {
                throw new ScanCancelledException();
            }
            if (unexpected != null) {
                throw unexpected instanceof RuntimeException re ? re : new IllegalStateException(unexpected);
            }
        }

        // ------------------------------------------------------------------ calls

        /** Runs one API call within the limits; failures are translated, counted by the caller. */
        <T> T call(String account, String region, String service, Supplier<T> fn) {
            if (cancelled.get() || Thread.currentThread().isInterrupted()) {
                throw new ScanCancelledException();
            }
            Semaphore scoped = perScope.computeIfAbsent(account + "/" + region + "/" + service, k -> new Semaphore(request.perScopeLimit()));
            try {
                scoped.acquire();
                try {
                    total.acquire();
                    try {
                        calls.incrementAndGet();
                        return fn.get();
                    } finally {
                        total.release();
                    }
                } finally {
                    scoped.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScanCancelledException();
            } catch (RuntimeException e) {
                if (e instanceof ScanCancelledException) {
                    throw e;
                }
                throw AwsFailures.translate(e);
            }
        }

        /** Like {@link #call}, but a failure is recorded in ReadErrors and null returned, so the scan goes on. */
        <T> T read(String account, String region, String service, String operation, String scopeName, List<ObjectNode> errorsTo,
                   Supplier<T> fn) {
            try {
                T result = call(account, region, service, fn);
                scope = scopeName;
                progress.update(work.completed(), work.submitted(), scopeName);
                return result;
            } catch (AwsFailure f) {
                recordError(errorsTo, scopeName, service + ":" + operation, f);
                return null;
            }
        }

        void recordError(List<ObjectNode> errorsTo, String scopeName, String operation, AwsFailure f) {
            ObjectNode e = JSON.objectNode();
            e.put("Scope", scopeName);
            e.put("Operation", operation);
            e.put("ErrorCode", f.errorCode() != null ? f.errorCode() : f.kind().name());
            e.put("Message", f.getMessage());
            errorsTo.add(e);
            errors.incrementAndGet();
        }

        RegionData regionData(String account, String region) {
            return data.computeIfAbsent(account, k -> new ConcurrentHashMap<>()).computeIfAbsent(region, k -> new RegionData());
        }

        // ------------------------------------------------------------------ organization and targets

        private record Organization(ObjectNode organization, Map<String, ObjectNode> accounts, Map<String, String> ouPaths) {
        }

        /**
         * Only the management account (or a delegated administrator) may list an organization's accounts: when the
         * signed-in account is a member and the identity can also act in the management account, read from there.
         */
        OrganizationsClient organizationReader(CallerIdentity me) {
            OrganizationsClient home = session.clients().organizations();
            if (!request.allAccounts() && request.accounts().isEmpty()) {
                return home;
            }
            try {
                String master = call(me.account(), "global", "organizations", () -> home.describeOrganization().organization().masterAccountId());
                if (master == null || master.equals(me.account())) {
                    return home;
                }
                if (!request.allAccounts() && !request.accounts().contains(master)) {
                    return home;
                }
                String role = chooseRole(master, session.reachableRoles());
                return role == null ? home : session.clientsFor(master, role).organizations();
            } catch (AwsFailure f) {
                return home;
            }
        }

        Organization readOrganization(String myAccount, OrganizationsClient o) {
            List<ObjectNode> errorsTo = accountErrors.computeIfAbsent(myAccount, k -> Collections.synchronizedList(new ArrayList<>()));
            ObjectNode organization = null;
            var described = read(myAccount, "global", "organizations", "DescribeOrganization", "organization", errorsTo,
                    () -> o.describeOrganization().organization());
            if (described != null) {
                organization = SdkJson.toJson(described);
            }
            Map<String, ObjectNode> accounts = new LinkedHashMap<>();
            Map<String, String> paths = new ConcurrentHashMap<>();
            if (organization == null) {
                errorsTo.removeIf(e -> e.path("Operation").asText().equals("organizations:DescribeOrganization")
                        && e.path("ErrorCode").asText().equals("AWSOrganizationsNotInUseException"));
                return new Organization(null, accounts, paths);
            }
            List<Account> listed = read(myAccount, "global", "organizations", "ListAccounts", "organization", errorsTo,
                    () -> items(o.listAccountsPaginator(r -> r.maxResults(20)), x -> x.accounts()));
            if (listed == null) {
                return new Organization(organization, accounts, paths);
            }
            Map<String, String> ouNames = new ConcurrentHashMap<>();
            for (Account a : listed) {
                accounts.put(a.id(), SdkJson.toJson(a));
                work.submit(() -> {
                    String path = ouPath(o, myAccount, a.id(), ouNames, errorsTo);
                    if (path != null) {
                        paths.put(a.id(), path);
                    }
                });
            }
            try {
                work.awaitAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScanCancelledException();
            }
            return new Organization(organization, accounts, paths);
        }

        String ouPath(OrganizationsClient o, String myAccount, String accountId, Map<String, String> ouNames, List<ObjectNode> errorsTo) {
            List<String> names = new ArrayList<>();
            String child = accountId;
            for (int depth = 0; depth < 10; depth++) {
                String c = child;
                List<Parent> parents = read(myAccount, "global", "organizations", "ListParents", "organization/" + accountId, errorsTo,
                        () -> o.listParents(r -> r.childId(c)).parents());
                if (parents == null || parents.isEmpty()) {
                    return null;
                }
                Parent p = parents.get(0);
                if (p.type() == ParentType.ROOT) {
                    Collections.reverse(names);
                    return String.join("/", names);
                }
                String name = ouNames.get(p.id());
                if (name == null) {
                    name = read(myAccount, "global", "organizations", "DescribeOrganizationalUnit", "organization/" + p.id(), errorsTo,
                            () -> o.describeOrganizationalUnit(r -> r.organizationalUnitId(p.id())).organizationalUnit().name());
                    if (name == null) {
                        return null;
                    }
                    ouNames.put(p.id(), name);
                }
                names.add(name);
                child = p.id();
            }
            return null;
        }

        List<Target> targets(CallerIdentity me, Organization org) {
            if (!request.allAccounts() && request.accounts().isEmpty()) {
                return List.of(new Target(me.account(), null, session.clients()));
            }
            List<AccountRole> reach = session.reachableRoles();
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
            List<Target> out = new ArrayList<>();
            for (String id : ids) {
                String role = chooseRole(id, reach);
                String name = reach.stream().filter(r -> r.accountId().equals(id)).map(AccountRole::accountName).findFirst().orElse(null);
                if (role == null) {
                    if (id.equals(me.account())) {
                        out.add(new Target(id, name, session.clients()));
                    } else {
                        accountErrors.computeIfAbsent(id, k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(readError(id, "sts:AssumeRole", "NoRole", "no role to scan account " + id
                                        + " with: choose the role to scan with, or ask for one in IAM Identity Center"));
                        errors.incrementAndGet();
                    }
                    continue;
                }
                out.add(new Target(id, name, session.clientsFor(id, role)));
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

        ObjectNode readError(String scopeName, String operation, String code, String message) {
            ObjectNode e = JSON.objectNode();
            e.put("Scope", scopeName);
            e.put("Operation", operation);
            e.put("ErrorCode", code);
            e.put("Message", message);
            return e;
        }

        List<String> regionsOf(Target t) {
            if (!request.allRegions()) {
                return request.regions().isEmpty() ? List.of(session.region()) : request.regions();
            }
            List<ObjectNode> errorsTo = accountErrors.computeIfAbsent(t.accountId(), k -> Collections.synchronizedList(new ArrayList<>()));
            List<String> enabled = read(t.accountId(), "global", "account", "ListRegions", t.accountId(), errorsTo,
                    () -> t.clients().account().listRegionsPaginator(r -> r.regionOptStatusContains(RegionOptStatus.ENABLED,
                            RegionOptStatus.ENABLED_BY_DEFAULT)).regions().stream().map(r -> r.regionName()).sorted().toList());
            return enabled != null ? enabled : List.of(session.region());
        }

        // ------------------------------------------------------------------ one account and region

        void scanRegion(Target t, String region, RegionData rd) {
            String acct = t.accountId();
            String where = acct + "/" + region;
            BackupClient b = t.clients().backup(region);
            Map<String, String> settings = read(acct, region, "backup", "DescribeGlobalSettings", where, rd.readErrors,
                    () -> b.describeGlobalSettings(r -> { }).globalSettings());
            if (settings != null) {
                rd.globalSettings.putAll(settings);
                rd.globalSettingsRead = true;
            }
            List<BackupVaultListMember> vaults = read(acct, region, "backup", "ListBackupVaults", where, rd.readErrors,
                    () -> b.listBackupVaultsPaginator(r -> r.maxResults(1000)).backupVaultList().stream().toList());
            if (vaults != null) {
                for (BackupVaultListMember v : vaults) {
                    work.submit(() -> scanVault(t, region, rd, v));
                }
            }
            work.submit(() -> scanPlans(t, region, rd));
            work.submit(() -> scanProtectedResources(t, region, rd));
            work.submit(() -> scanRestoreTesting(t, region, rd));
            work.submit(() -> listInto(rd.restoreJobs, read(acct, region, "backup", "ListRestoreJobs", where, rd.readErrors,
                    () -> b.listRestoreJobsPaginator(r -> r.maxResults(1000)).restoreJobs().stream().toList())));
            work.submit(() -> listInto(rd.copyJobs, read(acct, region, "backup", "ListCopyJobs", where, rd.readErrors,
                    () -> b.listCopyJobsPaginator(r -> r.maxResults(1000)).copyJobs().stream().toList())));
            work.submit(() -> listInto(rd.reportPlans, read(acct, region, "backup", "ListReportPlans", where, rd.readErrors,
                    () -> items(b.listReportPlansPaginator(r -> r.maxResults(1000)), x -> x.reportPlans()))));
            work.submit(() -> {
                var holds = read(acct, region, "backup", "ListLegalHolds", where, rd.readErrors,
                        () -> b.listLegalHoldsPaginator(r -> r.maxResults(1000)).legalHolds().stream().toList());
                if (holds != null) {
                    for (var h : holds) {
                        addIfRead(rd.legalHolds, read(acct, region, "backup", "GetLegalHold", h.legalHoldArn(), rd.readErrors,
                                () -> b.getLegalHold(r -> r.legalHoldId(h.legalHoldId()))));
                    }
                }
            });
            work.submit(() -> {
                var frameworks = read(acct, region, "backup", "ListFrameworks", where, rd.readErrors,
                        () -> frameworks(b));
                if (frameworks != null) {
                    for (var f : frameworks) {
                        addIfRead(rd.frameworks, read(acct, region, "backup", "DescribeFramework", f.frameworkArn(), rd.readErrors,
                                () -> b.describeFramework(r -> r.frameworkName(f.frameworkName()))));
                    }
                }
            });
            work.submit(() -> scanApprovals(t, region, rd));
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

        void scanVault(Target t, String region, RegionData rd, BackupVaultListMember listed) {
            String acct = t.accountId();
            BackupClient b = t.clients().backup(region);
            String arn = listed.backupVaultArn();
            String name = listed.backupVaultName();
            DescribeBackupVaultResponse d = read(acct, region, "backup", "DescribeBackupVault", arn, rd.readErrors,
                    () -> b.describeBackupVault(r -> r.backupVaultName(name)));
            ObjectNode vault = d != null ? SdkJson.toJson(d) : SdkJson.toJson(listed);
            // Not found means "none configured" (null); any other failure leaves the member out ("not read").
            try {
                String policy = call(acct, region, "backup", () -> b.getBackupVaultAccessPolicy(r -> r.backupVaultName(name)).policy());
                vault.put("AccessPolicy", policy);
            } catch (AwsFailure f) {
                if (f.kind() == AwsFailure.Kind.NOT_FOUND) {
                    vault.putNull("AccessPolicy");
                } else {
                    recordError(rd.readErrors, arn, "backup:GetBackupVaultAccessPolicy", f);
                }
            }
            try {
                var n = call(acct, region, "backup", () -> b.getBackupVaultNotifications(r -> r.backupVaultName(name)));
                vault.set("Notifications", SdkJson.toJson(n));
            } catch (AwsFailure f) {
                if (f.kind() == AwsFailure.Kind.NOT_FOUND) {
                    vault.putNull("Notifications");
                } else {
                    recordError(rd.readErrors, arn, "backup:GetBackupVaultNotifications", f);
                }
            }
            Map<String, String> tags = read(acct, region, "backup", "ListTags", arn, rd.readErrors,
                    () -> tags(b, arn));
            if (tags != null) {
                ObjectNode tn = vault.putObject("Tags");
                new TreeMap<>(tags).forEach(tn::put);
            }
            ArrayNode points = vault.putArray("RecoveryPoints");
            for (ObjectNode p : recoveryPoints(t, region, rd, name, arn, vault.path("NumberOfRecoveryPoints").asLong(-1))) {
                points.add(p);
                noteKey(p.path("EncryptionKeyArn").asText(null), p.path("EncryptionKeyType").asText(null), acct);
            }
            if ("LOGICALLY_AIR_GAPPED_BACKUP_VAULT".equals(vault.path("VaultType").asText())) {
                var ravs = read(acct, region, "backup", "ListRestoreAccessBackupVaults", arn, rd.readErrors,
                        () -> b.listRestoreAccessBackupVaultsPaginator(r -> r.backupVaultName(name).maxResults(1000))
                                .restoreAccessBackupVaults().stream().toList());
                ArrayNode ra = vault.putArray("RestoreAccessBackupVaults");
                if (ravs != null) {
                    ravs.forEach(x -> ra.add(SdkJson.toJson(x)));
                }
            } else {
                vault.putArray("RestoreAccessBackupVaults");
            }
            noteKey(vault.path("EncryptionKeyArn").asText(null), vault.path("EncryptionKeyType").asText(null), acct);
            rd.vaults.add(vault);
        }

        /** The vault's recovery points: only the new ones merged into the last capture's when that is provably complete. */
        List<ObjectNode> recoveryPoints(Target t, String region, RegionData rd, String name, String arn, long expected) {
            BackupClient b = t.clients().backup(region);
            BackupVault previous = previousVaults.get(arn);
            if (previous != null && previous.recoveryPoints() != null && request.sinceCapture().capturedAt() != null) {
                Instant after = request.sinceCapture().capturedAt().minus(INCREMENTAL_OVERLAP);
                var fresh = read(t.accountId(), region, "backup", "ListRecoveryPointsByBackupVault", arn, rd.readErrors,
                        () -> b.listRecoveryPointsByBackupVaultPaginator(r -> r.backupVaultName(name).maxResults(1000).byCreatedAfter(after))
                                .recoveryPoints().stream().toList());
                if (fresh != null) {
                    Map<String, ObjectNode> merged = new LinkedHashMap<>();
                    for (var p : fresh) {
                        merged.put(p.recoveryPointArn(), SdkJson.toJson(p));
                    }
                    for (RecoveryPoint old : previous.recoveryPoints()) {
                        merged.putIfAbsent(old.recoveryPointArn(), estateFile.mapper().valueToTree(old));
                    }
                    if (expected < 0 || merged.size() == expected) {
                        return new ArrayList<>(merged.values());
                    }
                }
            }
            var all = read(t.accountId(), region, "backup", "ListRecoveryPointsByBackupVault", arn, rd.readErrors,
                    () -> b.listRecoveryPointsByBackupVaultPaginator(r -> r.backupVaultName(name).maxResults(1000))
                            .recoveryPoints().stream().toList());
            List<ObjectNode> out = new ArrayList<>();
            if (all != null) {
                all.forEach(p -> out.add(SdkJson.toJson(p)));
            }
            return out;
        }

        void noteKey(String keyArn, String keyType, String readerAccount) {
            if (keyArn != null && !keyArn.isEmpty() && !AWS_OWNED.equals(keyType) && Arn.parse(keyArn) != null) {
                keyReader.putIfAbsent(keyArn, readerAccount);
            }
        }

        void scanPlans(Target t, String region, RegionData rd) {
            String acct = t.accountId();
            BackupClient b = t.clients().backup(region);
            List<BackupPlansListMember> plans = read(acct, region, "backup", "ListBackupPlans", acct + "/" + region, rd.readErrors,
                    () -> b.listBackupPlansPaginator(r -> r.maxResults(1000)).backupPlansList().stream().toList());
            if (plans == null) {
                return;
            }
            for (BackupPlansListMember p : plans) {
                work.submit(() -> {
                    var plan = read(acct, region, "backup", "GetBackupPlan", p.backupPlanArn(), rd.readErrors,
                            () -> b.getBackupPlan(r -> r.backupPlanId(p.backupPlanId())));
                    if (plan == null) {
                        return;
                    }
                    ObjectNode node = SdkJson.toJson(plan);
                    ArrayNode selections = node.putArray("Selections");
                    List<BackupSelectionsListMember> sels = read(acct, region, "backup", "ListBackupSelections", p.backupPlanArn(), rd.readErrors,
                            () -> b.listBackupSelectionsPaginator(r -> r.backupPlanId(p.backupPlanId()).maxResults(1000))
                                    .backupSelectionsList().stream().toList());
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
            List<ProtectedResource> resources = read(acct, region, "backup", "ListProtectedResources", acct + "/" + region, rd.readErrors,
                    () -> b.listProtectedResourcesPaginator(r -> r.maxResults(1000)).results().stream().toList());
            if (resources == null) {
                return;
            }
            Set<String> restoredSince = restoredSincePreviousCapture(t, region, rd);
            for (ProtectedResource r : resources) {
                // Incremental: what only DescribeProtectedResource adds (the latest restore) changes only with a restore job.
                dev.redoubt.estate.ProtectedResource before = previousResources.get(r.resourceArn());
                if (before != null && restoredSince != null && !restoredSince.contains(r.resourceArn())) {
                    ObjectNode merged = estateFile.mapper().valueToTree(before);
                    merged.setAll(SdkJson.toJson(r));
                    rd.protectedResources.add(merged);
                    continue;
                }
                work.submit(() -> {
                    var d = read(acct, region, "backup", "DescribeProtectedResource", r.resourceArn(), rd.readErrors,
                            () -> b.describeProtectedResource(x -> x.resourceArn(r.resourceArn())));
                    rd.protectedResources.add(d != null ? SdkJson.toJson(d) : SdkJson.toJson(r));
                });
            }
        }

        /** Resources with a restore job since the previous capture; null when there is no previous capture or it cannot be told. */
        Set<String> restoredSincePreviousCapture(Target t, String region, RegionData rd) {
            if (previousResources.isEmpty() || request.sinceCapture().capturedAt() == null) {
                return null;
            }
            Instant after = request.sinceCapture().capturedAt().minus(INCREMENTAL_OVERLAP);
            BackupClient b = t.clients().backup(region);
            try {
                List<software.amazon.awssdk.services.backup.model.RestoreJobsListMember> jobs = call(t.accountId(), region, "backup",
                        () -> items(b.listRestoreJobsPaginator(r -> r.maxResults(1000).byCreatedAfter(after)), x -> x.restoreJobs()));
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
            List<RestoreTestingPlanForList> plans = read(acct, region, "backup", "ListRestoreTestingPlans", acct + "/" + region,
                    rd.readErrors, () -> b.listRestoreTestingPlansPaginator(r -> r.maxResults(1000)).restoreTestingPlans().stream().toList());
            if (plans == null) {
                return;
            }
            for (RestoreTestingPlanForList p : plans) {
                work.submit(() -> {
                    var got = read(acct, region, "backup", "GetRestoreTestingPlan", p.restoreTestingPlanArn(), rd.readErrors,
                            () -> b.getRestoreTestingPlan(r -> r.restoreTestingPlanName(p.restoreTestingPlanName())).restoreTestingPlan());
                    if (got == null) {
                        return;
                    }
                    ObjectNode node = SdkJson.toJson(got);
                    ArrayNode selections = node.putArray("Selections");
                    List<RestoreTestingSelectionForList> sels = read(acct, region, "backup", "ListRestoreTestingSelections",
                            p.restoreTestingPlanArn(), rd.readErrors, () -> b.listRestoreTestingSelectionsPaginator(
                                    r -> r.restoreTestingPlanName(p.restoreTestingPlanName()).maxResults(1000))
                                    .restoreTestingSelections().stream().toList());
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
            var teams = read(acct, region, "mpa", "ListApprovalTeams", acct + "/" + region, rd.readErrors,
                    () -> m.listApprovalTeamsPaginator(r -> r.maxResults(20)).approvalTeams().stream().toList());
            if (teams == null) {
                return;
            }
            for (var team : teams) {
                work.submit(() -> {
                    addIfRead(rd.approvalTeams, read(acct, region, "mpa", "GetApprovalTeam", team.arn(), rd.readErrors,
                            () -> m.getApprovalTeam(r -> r.arn(team.arn()))));
                    var sessions = read(acct, region, "mpa", "ListSessions", team.arn(), rd.readErrors,
                            () -> m.listSessionsPaginator(r -> r.approvalTeamArn(team.arn()).maxResults(20)).sessions().stream().toList());
                    if (sessions != null) {
                        for (var s : sessions) {
                            addIfRead(rd.sessions, read(acct, region, "mpa", "GetSession", s.sessionArn(), rd.readErrors,
                                    () -> m.getSession(r -> r.sessionArn(s.sessionArn()))));
                        }
                    }
                });
            }
        }

        // ------------------------------------------------------------------ keys

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
                return;
            }
            ObjectNode key = JSON.objectNode();
            key.set("KeyMetadata", SdkJson.toJson(metadata));
            String policy = read(acct, region, "kms", "GetKeyPolicy", keyArn, errorsTo,
                    () -> k.getKeyPolicy(r -> r.keyId(keyArn).policyName("default")).policy());
            if (policy != null) {
                key.put("Policy", policy);
            }
            GetKeyRotationStatusResponse rotation = read(acct, region, "kms", "GetKeyRotationStatus", keyArn, errorsTo,
                    () -> k.getKeyRotationStatus(r -> r.keyId(keyArn)));
            if (rotation != null) {
                key.put("KeyRotationEnabled", rotation.keyRotationEnabled());
                if (rotation.rotationPeriodInDays() != null) {
                    key.put("RotationPeriodInDays", rotation.rotationPeriodInDays());
                }
                if (rotation.nextRotationDate() != null) {
                    key.put("NextRotationDate", rotation.nextRotationDate().toString());
                }
            }
            var aliases = read(acct, region, "kms", "ListAliases", keyArn, errorsTo,
                    () -> k.listAliasesPaginator(r -> r.keyId(metadata.keyId()).limit(100)).aliases().stream().toList());
            if (aliases != null) {
                ArrayNode a = key.putArray("Aliases");
                aliases.forEach(x -> a.add(SdkJson.toJson(x)));
            }
            var grants = read(acct, region, "kms", "ListGrants", keyArn, errorsTo,
                    () -> k.listGrantsPaginator(r -> r.keyId(keyArn).limit(100)).grants().stream().toList());
            if (grants != null) {
                ArrayNode g = key.putArray("Grants");
                grants.forEach(x -> g.add(SdkJson.toJson(x)));
            }
            var tags = read(acct, region, "kms", "ListResourceTags", keyArn, errorsTo,
                    () -> k.listResourceTags(r -> r.keyId(keyArn)).tags());
            if (tags != null) {
                ObjectNode tn = key.putObject("Tags");
                tags.stream().sorted(Comparator.comparing(x -> x.tagKey())).forEach(x -> tn.put(x.tagKey(), x.tagValue()));
            }
            ownerData.keys.add(key);
        }

        // ------------------------------------------------------------------ assembly

        ObjectNode assemble(Organization org, List<Target> targets, Instant started) {
            ObjectNode root = JSON.objectNode();
            root.put("Format", EstateFile.FORMAT);
            root.put("Name", "Capture of " + session.profile().name() + " at " + started.truncatedTo(ChronoUnit.SECONDS));
            root.put("CapturedAt", started.toString());
            if (org.organization() != null) {
                root.set("Organization", org.organization());
            }
            ArrayNode accounts = root.putArray("Accounts");
            Set<String> ids = new java.util.TreeSet<>(data.keySet());
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
                new TreeMap<>(data.getOrDefault(id, Map.of())).forEach((name, rd) -> regions.set(name, region(rd)));
                accounts.add(a);
            }
            return root;
        }

        ObjectNode region(RegionData rd) {
            ObjectNode r = JSON.objectNode();
            if (rd.globalSettingsRead) {
                ObjectNode gs = r.putObject("GlobalSettings");
                new TreeMap<>(rd.globalSettings).forEach(gs::put);
            }
            r.set("BackupVaults", array(sorted(rd.vaults, "BackupVaultName")));
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
                r.set("ReadErrors", array(sorted(rd.readErrors, "Scope")));
            }
            return r;
        }

        List<ObjectNode> sorted(List<ObjectNode> list, String field) {
            return sortedBy(list, n -> n.path(field).asText());
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
