package dev.redoubt.estate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.journal.Target;
import dev.redoubt.report.ReportFormat;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxCredential;
import dev.redoubt.sandbox.SandboxOptions;
import dev.redoubt.services.Actor;
import dev.redoubt.services.AuditRun;
import dev.redoubt.services.AuditService;
import dev.redoubt.services.AuditSubject;
import dev.redoubt.services.EstateService;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.mpa.MpaClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A generated fuzz test of the estate file (issue 12, item 5). Sites: every member and list element of the format
 * example, and of the Northwind demo (cut down to what holds each of its members once) one site, chosen by the seed,
 * for every member name the example lacks. Changes: null, each other JSON type, and the extremes of the site's own type
 * (1e300, -1, 0, 2^63, Long.MAX, 1.5; empty and 20,000-character strings; years 999999999, -999999999, 9999 and 1,
 * February 30, a date without a time, epoch seconds 1e300, -1 and year 33658; empty objects and lists, [null]).
 * Each variant must EITHER be refused by reading and checking (what estate validate, audit, sandbox and console do)
 * with a one-line message naming the changed member's JSON path (or what it took away from a reference to it), OR be
 * audited (every check, every report format) and served by the sandbox (started in-process, read through the AWS SDK
 * where the change is) without an exception, an internal failure or an answer the SDK cannot read.
 */
class EstateFuzzTest {
    private static final long SEED = 20261201L;
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Members whose keys are data (region names, tag keys), not member names. */
    private static final Set<String> KEYED = Set.of("Regions", "Tags", "RecoveryPointTags", "Metadata", "RestoreMetadataOverrides");
    private static final int MAX_FAILURES_SHOWN = 40;

    @TempDir
    static Path home;

    private static final EstateFile FILE = new EstateFile();
    private static SdkHttpClient http;
    private static HttpClient pages;
    private static final Redirect REDIRECT = new Redirect();
    private static final Credentials CREDENTIALS = new Credentials();

    /**
     * Sends every SDK request to the sandbox this thread is serving (each variant's listens on a port of its own); the
     * SDK's synchronous clients run interceptors and resolve credentials on the calling thread.
     */
    static final class Redirect implements ExecutionInterceptor {
        final ThreadLocal<Integer> port = new ThreadLocal<>();

        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder().port(port.get()).build();
        }
    }

    /** The credentials of the sandbox this thread is serving. */
    static final class Credentials implements IdentityProvider<AwsCredentialsIdentity> {
        final ThreadLocal<AwsCredentialsIdentity> current = new ThreadLocal<>();

        @Override
        public Class<AwsCredentialsIdentity> identityType() {
            return AwsCredentialsIdentity.class;
        }

        @Override
        public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
            return CompletableFuture.completedFuture(current.get());
        }
    }

    /** One changed estate: which base, where (pointer and JSON path), what was done, and the new value (null: JSON null). */
    record Variant(String base, String pointer, String path, String label, JsonNode value, Set<String> original) {
        @Override
        public String toString() {
            return base + " " + path + " " + label;
        }
    }

    /** A member or element of a base estate. */
    record Site(String pointer, String path, String signature, JsonNode node) {
    }

    private static final Map<String, Object> CLIENTS = new ConcurrentHashMap<>();

    @BeforeAll
    static void clients() {
        http = ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(10))
                .connectionMaxIdleTime(Duration.ofSeconds(1)).build();
        pages = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterAll
    static void close() {
        CLIENTS.values().forEach(c -> ((SdkAutoCloseable) c).close());
        http.close();
    }

    @SuppressWarnings("unchecked")
    private static <C> C client(String region, Class<C> type, AwsClientBuilder<?, ?> builder) {
        return (C) CLIENTS.computeIfAbsent(region + "/" + type.getSimpleName(), k -> {
            AwsClientBuilder<?, ?> b = builder.endpointOverride(URI.create("http://127.0.0.1:1")).region(Region.of(region))
                    .credentialsProvider(CREDENTIALS)
                    .overrideConfiguration(o -> o.addExecutionInterceptor(REDIRECT).retryStrategy(RetryMode.STANDARD)
                            .retryStrategy(s -> s.maxAttempts(1))
                            .apiCallTimeout(Duration.ofSeconds(20)));
            ((AwsSyncClientBuilder<?, ?>) b).httpClient(http);
            return b.build();
        });
    }

    @Test
    void everyMemberNullWrongOrExtremeIsRefusedWithItsPathOrAuditedAndServed() throws Exception {
        long started = System.nanoTime();
        Random random = new Random(SEED);
        ObjectNode minimal = (ObjectNode) FILE.mapper().readTree(EstateFileTest.minimalJson());
        ObjectNode demo = smallDemo();
        long shrunk = System.nanoTime();
        for (ObjectNode base : List.of(minimal, demo)) {
            Estate e = FILE.read(new ByteArrayInputStream(FILE.mapper().writeValueAsBytes(base)), "base.json");
            assertThat(EstateService.check(e)).as("the base estate is valid")
                    .noneMatch(p -> p.severity() == EstateProblem.Severity.ERROR);
        }
        // Every member path of the format example; of the demo, one path (chosen by the seed) for each member name the
        // example lacks (list elements counting as names of their own, so a null in every kind of list is tried).
        List<Site> minimalSites = sites(minimal);
        Set<String> covered = new LinkedHashSet<>();
        minimalSites.forEach(s -> covered.add(memberName(s)));
        Map<String, List<Site>> demoByName = new TreeMap<>();
        for (Site s : sites(demo)) {
            if (!covered.contains(memberName(s))) {
                demoByName.computeIfAbsent(memberName(s), k -> new ArrayList<>()).add(s);
            }
        }
        List<Site> demoSites = new ArrayList<>();
        demoByName.values().forEach(l -> demoSites.add(l.get(random.nextInt(l.size()))));
        Set<String> memberNames = new TreeSet<>();
        covered.forEach(n -> memberNames.add(n.replace("[]", "")));
        demoByName.keySet().forEach(n -> memberNames.add(n.replace("[]", "")));

        List<Variant> variants = new ArrayList<>();
        for (Site s : minimalSites) {
            variants.addAll(mutations("minimal", s, random));
        }
        for (Site s : demoSites) {
            variants.addAll(mutations("demo", s, random));
        }

        // Variants are independent (each its own sandbox and port): run them side by side, report them in order.
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors() + 1); // one more: each variant waits on its sandbox
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        try {
            for (Variant v : variants) {
                ObjectNode base = v.base().equals("minimal") ? minimal : demo;
                outcomes.add(pool.submit(() -> {
                    try {
                        return check(base, v);
                    } catch (Throwable t) {
                        return new Outcome(false, "unexpected " + t);
                    }
                }));
            }
        } finally {
            pool.shutdown();
        }
        List<String> failures = new ArrayList<>();
        Map<String, Integer> failuresByKind = new TreeMap<>();
        int refused = 0;
        for (int i = 0; i < variants.size(); i++) {
            Outcome o = outcomes.get(i).get();
            if (o.failure() != null) {
                failures.add(variants.get(i) + ": " + o.failure());
                failuresByKind.merge(variants.get(i).label(), 1, Integer::sum);
            } else if (o.refused()) {
                refused++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("estate fuzz: %d variants of %d member paths (%d distinct member names; demo cut to %d bytes in %.1f s) in %.1f s"
                        + " on %d threads: %d refused with their path, %d audited and served, %d failed%n", variants.size(),
                minimalSites.size() + demoSites.size(), memberNames.size(), FILE.mapper().writeValueAsBytes(demo).length,
                (shrunk - started) / 1e9, seconds, threads, refused, variants.size() - refused - failures.size(), failures.size());
        double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        System.out.printf(Locale.ROOT, "  CPU of this test JVM so far: %.1f s%n", cpu);
        System.out.println("  time per step, all threads: " + TIMES.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue() / 1e9)).toList());
        if (!failures.isEmpty()) {
            System.out.println("  failures by change: " + failuresByKind);
            failures.stream().limit(MAX_FAILURES_SHOWN).forEach(f -> System.out.println("  " + f));
        }
        assertThat(failures).as("variants neither refused with their path nor audited and served (%d of %d)", failures.size(),
                variants.size()).isEmpty();
    }

    private static final Map<String, Long> TIMES = new ConcurrentSkipListMap<>();

    record Outcome(boolean refused, String failure) {
    }

    private Outcome check(ObjectNode base, Variant v) throws Exception {
        ObjectNode tree = base.deepCopy();
        set(tree, v.pointer(), v.value());
        byte[] bytes = FILE.mapper().writeValueAsBytes(tree);
        Estate estate;
        try {
            estate = FILE.read(new ByteArrayInputStream(bytes), "fuzz.json");
        } catch (EstateFormatException e) {
            return refusal(v, List.of(e.getMessage()));
        }
        List<EstateProblem> problems = EstateService.check(estate);
        if (EstateValidator.hasErrors(problems)) {
            return refusal(v, problems.stream().filter(p -> p.severity() == EstateProblem.Severity.ERROR)
                    .map(p -> p.path() + ": " + p.message()).toList());
        }
        EstateStats.of(estate).totals();
        long t0 = System.nanoTime();
        audit(estate);
        TIMES.merge("audit", System.nanoTime() - t0, Long::sum);
        return new Outcome(false, serve(estate, v));
    }

    /**
     * A refusal passes when a message names the changed member's path (or one inside it), or names what the change took
     * away from something that refers to it (a role an assignment names, a key a vault names): a value that was inside.
     */
    private static Outcome refusal(Variant v, List<String> messages) {
        for (String m : messages) {
            if (names(m, v.path()) || v.original().stream().anyMatch(m::contains)) {
                if (m.contains("\n") || m.contains("\tat ")) {
                    return new Outcome(true, "refused in more than one line: " + m);
                }
                return new Outcome(true, null);
            }
        }
        return new Outcome(true, "refused without naming " + v.path() + ": " + messages.get(0));
    }

    private static boolean names(String message, String path) {
        int i = message.indexOf(path);
        while (i >= 0) {
            int end = i + path.length();
            if (end == message.length() || ".[: ".indexOf(message.charAt(end)) >= 0) {
                return true;
            }
            i = message.indexOf(path, i + 1);
        }
        return false;
    }

    private static void audit(Estate estate) throws Exception {
        AuditService audits = new AuditService("fuzz", Clock.fixed(NOW, ZoneOffset.UTC), home.resolve("settings.json"),
                home.resolve("suppressions.json"), null);
        AuditRun run = audits.audit(estate, new AuditSubject(Actor.offline(Target.capture(home.resolve("fuzz.json"))), "fuzz.json", "fuzz.json"));
        for (ReportFormat f : ReportFormat.values()) {
            audits.write(run, f, OutputStream.nullOutputStream());
        }
    }

    /** Serves the estate and reads, through the SDK, everything of the account and region the change is in; null when all went well. */
    private static String serve(Estate estate, Variant v) throws Exception {
        List<Throwable> internal = new CopyOnWriteArrayList<>();
        Sandbox sandbox;
        long t0 = System.nanoTime();
        try {
            sandbox = Sandbox.start(SandboxOptions.forTests(estate, Clock.fixed(NOW, ZoneOffset.UTC)), internal::add);
        } catch (RuntimeException e) {
            return "the sandbox did not start: " + e;
        }
        try {
            REDIRECT.port.set(sandbox.port());
            String account = accountOf(estate, v.path());
            SandboxCredential cred = null;
            for (SandboxCredential c : sandbox.credentials()) {
                if (c.accountId().equals(account) && (cred == null || c.access().equals("read-only"))) {
                    cred = c;
                }
            }
            if (cred == null) {
                cred = sandbox.defaultCredential();
            }
            if (cred == null) {
                return null; // nothing to sign with: the sandbox serves nobody
            }
            CREDENTIALS.current.set(AwsBasicCredentials.create(cred.accessKeyId(), cred.secretAccessKey()));
            String region = regionOf(estate, v.path(), cred.region());
            List<String> problems = new ArrayList<>();
            long t1 = System.nanoTime();
            TIMES.merge("sandbox start", t1 - t0, Long::sum);
            Touched target = Touched.of(estate, v.path());
            calls(region, target, problems);
            long t2 = System.nanoTime();
            TIMES.merge("sdk calls", t2 - t1, Long::sum);
            // The sandbox's own pages show sign-ins, teams and sessions: read them when the change is there or anywhere.
            List<String> pagesToRead = target == null || target.covers("Mpa") || target.covers("Identity")
                    ? List.of("/approvals", "/_sandbox/sessions", "/_sandbox/clock")
                    : List.of();
            for (String page : pagesToRead) {
                HttpResponse<String> r = pages.send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + page)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() >= 500) {
                    problems.add("GET " + page + " answered " + r.statusCode());
                }
            }
            TIMES.merge("pages", System.nanoTime() - t2, Long::sum);
            if (!internal.isEmpty()) {
                problems.add(0, "the sandbox answered InternalFailure: " + internal.get(0));
            }
            return problems.isEmpty() ? null : problems.get(0);
        } finally {
            long t3 = System.nanoTime();
            sandbox.close();
            TIMES.merge("sandbox close", System.nanoTime() - t3, Long::sum);
        }
    }

    private static void call(List<String> problems, String what, Runnable call) {
        try {
            call.run();
        } catch (SdkServiceException e) {
            if (e.statusCode() >= 500) {
                problems.add(what + " answered " + e.statusCode() + " " + e.getMessage());
            }
        } catch (RuntimeException e) {
            problems.add(what + " failed: " + e);
        }
    }

    private static final Pattern COLLECTION =
            Pattern.compile("^\\$\\.Accounts\\[(\\d+)]\\.Regions\\.([^.\\[]+)\\.(\\w+)(?:\\[(\\d+)])?");

    /**
     * What a change touches: the collection of a region it is in and the identifier of the entry it changed (as the
     * changed estate has it), or null for everything (the time base, identities, read errors, a region as a whole).
     */
    record Touched(String collection, String id) {
        static Touched of(Estate estate, String path) {
            Matcher m = COLLECTION.matcher(path);
            if (!m.find()) {
                // Outside a region's collections: the time base and whole regions touch everything, the rest who is who.
                return path.startsWith("$.CapturedAt") || path.contains(".Regions") || path.contains("ReadErrors") ? null
                        : new Touched("Identity", null);
            }
            if (m.group(3).equals("ReadErrors")) {
                return null;
            }
            String collection = m.group(3).startsWith("Mpa") ? "Mpa" : m.group(3);
            if (m.group(4) == null) {
                return new Touched(collection, null);
            }
            try {
                dev.redoubt.estate.Region r = estate.accounts().get(Integer.parseInt(m.group(1))).regions().get(m.group(2));
                int i = Integer.parseInt(m.group(4));
                return new Touched(collection, switch (m.group(3)) {
                    case "BackupVaults" -> r.backupVaults().get(i).backupVaultName();
                    case "KmsKeys" -> r.kmsKeys().get(i).keyMetadata().arn();
                    case "BackupPlans" -> r.backupPlans().get(i).backupPlanId();
                    case "ProtectedResources" -> r.protectedResources().get(i).resourceArn();
                    case "RestoreTestingPlans" -> r.restoreTestingPlans().get(i).restoreTestingPlanName();
                    case "RestoreJobs" -> r.restoreJobs().get(i).restoreJobId();
                    case "CopyJobs" -> r.copyJobs().get(i).copyJobId();
                    case "LegalHolds" -> r.legalHolds().get(i).legalHoldId();
                    case "Frameworks" -> r.frameworks().get(i).frameworkName();
                    case "ReportPlans" -> r.reportPlans().get(i).reportPlanName();
                    case "MpaApprovalTeams" -> r.mpaApprovalTeams().get(i).arn();
                    case "MpaSessions" -> r.mpaSessions().get(i).approvalTeamArn();
                    default -> null;
                });
            } catch (RuntimeException e) {
                return new Touched(collection, null);
            }
        }

        boolean covers(String c) {
            return collection.equals(c);
        }

        /** The entries of a listing to read further: the changed one (or, not knowing it, the first two). */
        <T> List<T> pick(List<T> listed, Function<T, String> id) {
            List<T> mine = this.id == null ? List.of() : listed.stream().filter(t -> this.id.equals(id.apply(t))).toList();
            return !mine.isEmpty() ? mine : listed.subList(0, Math.min(2, listed.size()));
        }
    }

    /** Reads, through the SDK, what the target touches in one region (everything when it is null); 5xx or unreadable answers are problems. */
    private static void calls(String region, Touched target, List<String> problems) {
        Touched t = target != null ? target : new Touched("*", null);
        boolean all = target == null;
        if (all || t.covers("Identity")) {
            StsClient s = client(region, StsClient.class, StsClient.builder());
            OrganizationsClient o = client(region, OrganizationsClient.class, OrganizationsClient.builder());
            call(problems, "sts:GetCallerIdentity", () -> s.getCallerIdentity(q -> { }));
            call(problems, "organizations:DescribeOrganization", () -> o.describeOrganization(q -> { }));
            call(problems, "organizations:ListAccounts", () -> o.listAccounts(q -> { }).accounts().stream().limit(2).forEach(a ->
                    call(problems, "organizations:ListParents", () -> o.listParents(q -> q.childId(a.id())))));
        }
        BackupClient b = client(region, BackupClient.class, BackupClient.builder());
        if (all || t.covers("GlobalSettings")) {
            call(problems, "backup:DescribeGlobalSettings", () -> b.describeGlobalSettings(q -> { }));
        }
        if (all || t.covers("BackupVaults")) {
            call(problems, "backup:ListBackupVaults", () -> t.pick(b.listBackupVaults(q -> { }).backupVaultList(),
                    v -> v.backupVaultName()).forEach(vault -> vault(b, vault.backupVaultName(), vault.backupVaultArn(), problems)));
        }
        if (all || t.covers("BackupPlans")) {
            call(problems, "backup:ListBackupPlans", () -> t.pick(b.listBackupPlans(q -> { }).backupPlansList(), p -> p.backupPlanId())
                    .forEach(p -> {
                        call(problems, "backup:GetBackupPlan", () -> b.getBackupPlan(q -> q.backupPlanId(p.backupPlanId())));
                        call(problems, "backup:ListBackupSelections", () -> b.listBackupSelections(q -> q.backupPlanId(p.backupPlanId()))
                                .backupSelectionsList().forEach(sel -> call(problems, "backup:GetBackupSelection", () -> b.getBackupSelection(q -> q
                                        .backupPlanId(p.backupPlanId()).selectionId(sel.selectionId())))));
                    }));
        }
        if (all || t.covers("ProtectedResources")) {
            call(problems, "backup:ListProtectedResources", () -> t.pick(b.listProtectedResources(q -> { }).results(), r -> r.resourceArn())
                    .forEach(r -> call(problems, "backup:DescribeProtectedResource", () -> b.describeProtectedResource(q -> q.resourceArn(r.resourceArn())))));
        }
        if (all || t.covers("RestoreTestingPlans")) {
            call(problems, "backup:ListRestoreTestingPlans", () -> t.pick(b.listRestoreTestingPlans(q -> { }).restoreTestingPlans(),
                    p -> p.restoreTestingPlanName()).forEach(p -> {
                        String name = p.restoreTestingPlanName();
                        call(problems, "backup:GetRestoreTestingPlan", () -> b.getRestoreTestingPlan(q -> q.restoreTestingPlanName(name)));
                        call(problems, "backup:ListRestoreTestingSelections", () -> b.listRestoreTestingSelections(q -> q.restoreTestingPlanName(name))
                                .restoreTestingSelections().forEach(sel -> call(problems, "backup:GetRestoreTestingSelection", () -> b
                                        .getRestoreTestingSelection(q -> q.restoreTestingPlanName(name)
                                                .restoreTestingSelectionName(sel.restoreTestingSelectionName())))));
                    }));
        }
        if (all || t.covers("RestoreJobs")) {
            call(problems, "backup:ListRestoreJobs", () -> t.pick(b.listRestoreJobs(q -> { }).restoreJobs(), j -> j.restoreJobId()).forEach(j ->
                    call(problems, "backup:DescribeRestoreJob", () -> b.describeRestoreJob(q -> q.restoreJobId(j.restoreJobId())))));
        }
        if (all || t.covers("CopyJobs")) {
            call(problems, "backup:ListCopyJobs", () -> t.pick(b.listCopyJobs(q -> { }).copyJobs(), j -> j.copyJobId()).forEach(j ->
                    call(problems, "backup:DescribeCopyJob", () -> b.describeCopyJob(q -> q.copyJobId(j.copyJobId())))));
        }
        if (all || t.covers("LegalHolds")) {
            call(problems, "backup:ListLegalHolds", () -> t.pick(b.listLegalHolds(q -> { }).legalHolds(), h -> h.legalHoldId()).forEach(h ->
                    call(problems, "backup:GetLegalHold", () -> b.getLegalHold(q -> q.legalHoldId(h.legalHoldId())))));
        }
        if (all || t.covers("Frameworks")) {
            call(problems, "backup:ListFrameworks", () -> t.pick(b.listFrameworks(q -> { }).frameworks(), f -> f.frameworkName()).forEach(f ->
                    call(problems, "backup:DescribeFramework", () -> b.describeFramework(q -> q.frameworkName(f.frameworkName())))));
        }
        if (all || t.covers("ReportPlans")) {
            call(problems, "backup:ListReportPlans", () -> t.pick(b.listReportPlans(q -> { }).reportPlans(), p -> p.reportPlanName()).forEach(p ->
                    call(problems, "backup:DescribeReportPlan", () -> b.describeReportPlan(q -> q.reportPlanName(p.reportPlanName())))));
        }
        if (all || t.covers("KmsKeys")) {
            KmsClient k = client(region, KmsClient.class, KmsClient.builder());
            call(problems, "kms:ListAliases", () -> k.listAliases(q -> { }));
            call(problems, "kms:ListKeys", () -> t.pick(k.listKeys(q -> { }).keys(), key -> key.keyArn()).forEach(key -> {
                String id = key.keyArn();
                call(problems, "kms:DescribeKey", () -> k.describeKey(q -> q.keyId(id)));
                call(problems, "kms:GetKeyPolicy", () -> k.getKeyPolicy(q -> q.keyId(id)));
                call(problems, "kms:GetKeyRotationStatus", () -> k.getKeyRotationStatus(q -> q.keyId(id)));
                call(problems, "kms:ListAliases", () -> k.listAliases(q -> q.keyId(id)));
                call(problems, "kms:ListGrants", () -> k.listGrants(q -> q.keyId(id)));
                call(problems, "kms:ListResourceTags", () -> k.listResourceTags(q -> q.keyId(id)));
            }));
        }
        if (all || t.covers("Mpa")) {
            MpaClient m = client(region, MpaClient.class, MpaClient.builder());
            call(problems, "mpa:ListApprovalTeams", () -> t.pick(m.listApprovalTeams(q -> { }).approvalTeams(), team -> team.arn()).forEach(team -> {
                call(problems, "mpa:GetApprovalTeam", () -> m.getApprovalTeam(q -> q.arn(team.arn())));
                call(problems, "mpa:ListSessions", () -> m.listSessions(q -> q.approvalTeamArn(team.arn())).sessions().stream().limit(2)
                        .forEach(se -> call(problems, "mpa:GetSession", () -> m.getSession(q -> q.sessionArn(se.sessionArn())))));
            }));
        }
    }

    private static void vault(BackupClient b, String name, String arn, List<String> problems) {
        call(problems, "backup:DescribeBackupVault", () -> b.describeBackupVault(q -> q.backupVaultName(name)));
        call(problems, "backup:GetBackupVaultAccessPolicy", () -> b.getBackupVaultAccessPolicy(q -> q.backupVaultName(name)));
        call(problems, "backup:GetBackupVaultNotifications", () -> b.getBackupVaultNotifications(q -> q.backupVaultName(name)));
        call(problems, "backup:ListTags", () -> b.listTags(q -> q.resourceArn(arn)));
        call(problems, "backup:ListRestoreAccessBackupVaults", () -> b.listRestoreAccessBackupVaults(q -> q.backupVaultName(name)));
        call(problems, "backup:ListRecoveryPointsByBackupVault", () -> b.listRecoveryPointsByBackupVault(q -> q.backupVaultName(name))
                .recoveryPoints().stream().limit(2).forEach(rp -> {
                    call(problems, "backup:DescribeRecoveryPoint", () -> b.describeRecoveryPoint(q -> q.backupVaultName(name)
                            .recoveryPointArn(rp.recoveryPointArn())));
                    call(problems, "backup:GetRecoveryPointRestoreMetadata", () -> b.getRecoveryPointRestoreMetadata(q -> q
                            .backupVaultName(name).recoveryPointArn(rp.recoveryPointArn())));
                }));
    }

    private static String accountOf(Estate estate, String path) {
        int i = path.startsWith("$.Accounts[") ? Integer.parseInt(path.substring(11, path.indexOf(']'))) : -1;
        if (i >= 0 && estate.accounts() != null && i < estate.accounts().size() && estate.accounts().get(i) != null) {
            return estate.accounts().get(i).id();
        }
        return estate.organization() != null ? estate.organization().masterAccountId() : null;
    }

    private static String regionOf(Estate estate, String path, String fallback) {
        int r = path.indexOf(".Regions.");
        if (r >= 0) {
            String rest = path.substring(r + 9);
            String name = rest.split("[.\\[]", 2)[0];
            if (name.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                return name;
            }
        }
        return fallback == null || !fallback.matches("[a-z]{2}(-[a-z]+)+-\\d+") ? "us-east-1" : fallback;
    }

    /**
     * The demo cut down to what it takes to hold every member it has: long lists cut to two entries, then (greedily, in a
     * fixed order) every account, region and list entry whose removal keeps the estate valid and loses no member.
     */
    private static ObjectNode smallDemo() {
        ObjectNode tree = (ObjectNode) FILE.toTree(NorthwindDemo.build());
        trim(tree, Set.of("RecoveryPoints", "RestoreJobs", "CopyJobs", "MpaSessions", "ProtectedResources", "ReadErrors"));
        Map<String, Integer> counts = new HashMap<>();
        sites(tree).forEach(s -> counts.merge(s.signature(), 1, Integer::sum));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String kind : List.of("accounts", "regions", "entries")) {
                // Last first, so removing one entry leaves the pointers of the ones still to try as they were.
                for (Site candidate : removable(tree, kind)) {
                    ObjectNode smaller = without(tree, candidate, counts);
                    if (smaller != null) {
                        tree = smaller;
                        changed = true;
                    }
                }
            }
        }
        return tree;
    }

    /** The tree without the candidate, when that keeps an instance of every member and the estate valid (counts follow); else null. */
    private static ObjectNode without(ObjectNode tree, Site candidate, Map<String, Integer> counts) {
        Map<String, Integer> inside = new HashMap<>();
        inside.put(candidate.signature(), 1);
        List<Site> below = new ArrayList<>();
        walk(candidate.node(), candidate.pointer(), candidate.path(), candidate.signature(), false, below);
        below.forEach(s -> inside.merge(s.signature(), 1, Integer::sum));
        if (inside.entrySet().stream().anyMatch(e -> counts.get(e.getKey()) <= e.getValue())) {
            return null; // it holds the last instance of some member
        }
        ObjectNode smaller = tree.deepCopy();
        remove(smaller, candidate.pointer());
        if (!valid(smaller)) {
            return null;
        }
        inside.forEach((k, n) -> counts.merge(k, -n, Integer::sum));
        return smaller;
    }

    /** What one could remove, last first: the accounts, or the regions, or any list entry below a region. */
    private static List<Site> removable(ObjectNode tree, String kind) {
        List<Site> out = new ArrayList<>();
        for (Site s : sites(tree)) {
            boolean take = switch (kind) {
                case "accounts" -> s.signature().equals("$.Accounts[]");
                case "regions" -> s.signature().equals("$.Accounts[].Regions.*");
                default -> s.path().endsWith("]") && s.path().contains(".Regions.");
            };
            if (take) {
                out.add(s);
            }
        }
        Collections.reverse(out);
        return out;
    }

    private static void remove(ObjectNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(last));
        }
    }

    private static boolean valid(ObjectNode tree) {
        try {
            Estate e = FILE.fromTree(tree, "demo.json");
            return EstateService.check(e).stream().noneMatch(p -> p.severity() == EstateProblem.Severity.ERROR);
        } catch (Exception e) {
            return false;
        }
    }

    private static void trim(JsonNode node, Set<String> lists) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (lists.contains(e.getKey()) && e.getValue() instanceof ArrayNode a) {
                    while (a.size() > 2) {
                        a.remove(a.size() - 1);
                    }
                }
                trim(e.getValue(), lists);
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(n -> trim(n, lists));
        }
    }

    /** Every member and element of a tree, with its pointer, its JSON path as the reader names it, and a signature without indices. */
    static List<Site> sites(JsonNode root) {
        List<Site> out = new ArrayList<>();
        walk(root, "", "$", "$", false, out);
        return out;
    }

    private static void walk(JsonNode node, String pointer, String path, String signature, boolean keyed, List<Site> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                String p = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                String jp = path + "." + name;
                String sig = signature + "." + (keyed ? "*" : name);
                out.add(new Site(p, jp, sig, e.getValue()));
                walk(e.getValue(), p, jp, sig, KEYED.contains(name), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = pointer + "/" + i;
                String jp = path + "[" + i + "]";
                String sig = signature + "[]";
                out.add(new Site(p, jp, sig, node.get(i)));
                walk(node.get(i), p, jp, sig, false, out);
            }
        }
    }

    /** A site's member name ("CreationDate"), or for a list element the list's name and [] ("RecoveryPoints[]"). */
    private static String memberName(Site s) {
        String sig = s.signature();
        boolean element = sig.endsWith("[]");
        String bare = sig.replaceAll("(\\[\\])+$", "");
        String name = bare.substring(bare.lastIndexOf('.') + 1);
        if (name.equals("*")) { // a key of a map: named by its map ("Tags.*", "Regions.*")
            String map = bare.substring(0, bare.lastIndexOf('.')).replaceAll("(\\[\\])+$", "");
            name = map.substring(map.lastIndexOf('.') + 1) + ".*";
        }
        return name + (element ? "[]" : "");
    }

    private static final List<JsonNode> WRONG = List.of(JSON.textNode("fuzz"), JSON.numberNode(7), JSON.booleanNode(true), JSON.objectNode(),
            JSON.arrayNode());

    /** The changes of one site: null, each other JSON type, and the extremes of its own type. */
    static List<Variant> mutations(String base, Site s, Random random) {
        JsonNode n = s.node();
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        changes.put("null", JSON.nullNode());
        for (JsonNode w : WRONG) {
            if (w.getNodeType() != n.getNodeType()) {
                changes.put("wrong type " + w, w);
            }
        }
        if (n.isNumber()) {
            changes.put("1e300", JSON.numberNode(new BigDecimal("1e300")));
            changes.put("-1", JSON.numberNode(-1));
            changes.put("0", JSON.numberNode(0));
            changes.put("2^63", JSON.numberNode(BigInteger.TWO.pow(63)));
            changes.put("Long.MAX", JSON.numberNode(Long.MAX_VALUE));
            changes.put("1.5", JSON.numberNode(1.5));
        }
        if (n.isTextual()) {
            changes.put("empty string", JSON.textNode(""));
            changes.put("long string", JSON.textNode("x".repeat(20_000 + random.nextInt(100))));
            if (isTimestamp(n.asText())) {
                changes.put("year 999999999", JSON.textNode("+999999999-12-31T23:59:59Z"));
                changes.put("year -999999999", JSON.textNode("-999999999-01-01T00:00:00Z"));
                changes.put("year 9999", JSON.textNode("9999-12-31T23:59:59Z"));
                changes.put("year 1", JSON.textNode("0001-01-01T00:00:00Z"));
                changes.put("February 30", JSON.textNode("2026-02-30T00:00:00Z"));
                changes.put("date without time", JSON.textNode("2026-02-03"));
                changes.put("epoch 1e300", JSON.numberNode(new BigDecimal("1e300")));
                changes.put("epoch -1", JSON.numberNode(-1));
                changes.put("epoch year 33658", JSON.numberNode(999_999_999_999L));
            }
        }
        if (n.isObject()) {
            changes.put("empty object", JSON.objectNode());
        }
        if (n.isArray()) {
            changes.put("empty array", JSON.arrayNode());
            changes.put("[null]", JSON.arrayNode().addNull());
        }
        Set<String> original = values(n);
        List<Variant> out = new ArrayList<>();
        changes.forEach((label, value) -> out.add(new Variant(base, s.pointer(), s.path(), label, value, original)));
        return out;
    }

    /** The identifiers inside a node (texts of more than three characters) that a reference elsewhere could name. */
    private static Set<String> values(JsonNode n) {
        Set<String> out = new LinkedHashSet<>();
        List<JsonNode> todo = new ArrayList<>(List.of(n));
        while (!todo.isEmpty() && out.size() < 200) {
            JsonNode x = todo.remove(todo.size() - 1);
            if (x.isTextual() && x.asText().length() > 3) {
                out.add(x.asText());
            } else if (x.isContainerNode()) {
                x.forEach(todo::add);
            }
        }
        return out;
    }

    private static boolean isTimestamp(String text) {
        try {
            EstateJson.parseTimestamp(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void set(ObjectNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        } else {
            throw new IllegalStateException("no parent at " + pointer);
        }
    }
}
