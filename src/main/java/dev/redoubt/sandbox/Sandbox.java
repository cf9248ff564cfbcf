package dev.redoubt.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.redoubt.estate.Account;
import dev.redoubt.estate.AccountRole;
import dev.redoubt.estate.RecoveryPoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;

/**
 * A local AWS-compatible endpoint that serves an estate: the AWS SDK, the AWS CLI and Redoubt talk
 * to it as to AWS. Start it with {@link #start(SandboxOptions)}; it listens on 127.0.0.1 only, answers
 * on a bounded pool of threads, and stops with {@link #close()}.
 */
public final class Sandbox implements AutoCloseable {
    /** Roles every account gets when the estate declares none (a capture carries no roles). */
    static final List<AccountRole> DEFAULT_ROLES = List.of(new AccountRole("AuditReadOnly", "read-only", null),
            new AccountRole("BackupOperator", "operator", null));

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final World world;
    private final SandboxClock clock;
    private final RequestLog log;
    private final List<SandboxCredential> credentials;
    private final SignIns signIns;
    private final Keys keys;

    private Sandbox(HttpServer server, ThreadPoolExecutor executor, World world, SandboxClock clock, RequestLog log,
                    List<SandboxCredential> credentials, SignIns signIns, Keys keys) {
        this.signIns = signIns;
        this.keys = keys;
        this.server = server;
        this.executor = executor;
        this.world = world;
        this.clock = clock;
        this.log = log;
        this.credentials = credentials;
    }

    /** Starts a sandbox; fails with an IOException when the port is taken. */
    public static Sandbox start(SandboxOptions options) throws IOException {
        return start(options, null);
    }

    /** Starts a sandbox; {@code internalErrors} hears of defects the clients were answered InternalFailure for. */
    public static Sandbox start(SandboxOptions options, Consumer<Throwable> internalErrors) throws IOException {
        SandboxClock clock = options.clock() instanceof SandboxClock sc ? sc : new SandboxClock(options.clock());
        World world = new World(options.estate(), clock, options.asCaptured());
        Keys keys = new Keys();
        List<SandboxCredential> credentials = new ArrayList<>();
        for (Account a : world.accounts()) {
            String home = homeRegion(world, a.id());
            for (AccountRole role : roles(a)) {
                Keys.Issued issued = Keys.staticPair(a.id(), role.roleName(), Principal.Access.parse(role.access()));
                keys.addStatic(issued);
                credentials.add(new SandboxCredential(a.id(), a.name(), role.roleName(), issued.principal().access().spelling(),
                        issued.accessKeyId(), issued.secretAccessKey(), issued.principal().arn(), home));
            }
        }
        // The JDK's server leaves Nagle's algorithm on: with delayed ACKs every keep-alive answer would wait
        // ~40 ms, a delay of the sandbox's own that AWS does not add. Read once, when the server's config loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), options.port()), 128);
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        SignIns signIns = new SignIns();
        Handlers handlers = new Handlers();
        BackupApi.register(handlers);
        KmsApi.register(handlers);
        StsApi.register(handlers, keys);
        OrganizationsApi.register(handlers);
        AccountApi.register(handlers);
        MpaApi.register(handlers);
        IdentityApi.register(handlers);
        new SsoApi(signIns, keys, endpoint, options.autoApprove()).register(handlers);
        RequestLog log = new RequestLog(options.requestListener());
        Faults faults = new Faults(options.latencyMs(), options.throttleRate(), options.errorRate(), options.seed());
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(options.threads(), options.threads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1024), r -> {
                    Thread t = new Thread(r, "redoubt-sandbox-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        Sandbox sandbox = new Sandbox(server, executor, world, clock, log, Collections.unmodifiableList(credentials), signIns, keys);
        server.createContext("/", new Dispatcher(world, keys, handlers, log, faults, new ControlApi(sandbox),
                new Pages(sandbox, world, signIns), signIns, internalErrors, new LocalOnly(server.getAddress().getPort()), Clock.systemUTC()));
        server.start();
        return sandbox;
    }

    /** The account's main region: the one with most recovery points, then most vaults, then the first by name. */
    private static String homeRegion(World world, String accountId) {
        String best = null;
        long bestScore = -1;
        for (String region : world.regions(accountId)) {
            World.Cell c = world.cell(accountId, region);
            long points = 0;
            for (World.VaultEntry v : c.vaults.values()) {
                points += v.points.size();
            }
            long score = points * 1000 + c.vaults.size();
            if (score > bestScore) {
                best = region;
                bestScore = score;
            }
        }
        return best == null ? "us-east-1" : best;
    }

    static List<AccountRole> roles(Account a) {
        return a.roles() == null || a.roles().isEmpty() ? DEFAULT_ROLES : a.roles();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The endpoint URL for every service: {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The regions the estate has, sorted. */
    public List<String> regions() {
        return world.regions();
    }

    /** The static credentials of every (account, role). */
    public List<SandboxCredential> credentials() {
        return credentials;
    }

    /** The credentials of one (account, role), or null. */
    public SandboxCredential credential(String accountId, String roleName) {
        for (SandboxCredential c : credentials) {
            if (c.accountId().equals(accountId) && c.roleName().equals(roleName)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The credentials to start with: a read-only role in the central backup account (an account whose
     * name or OU says "backup", else the one holding most recovery points).
     */
    public SandboxCredential defaultCredential() {
        String best = null;
        long bestPoints = -1;
        for (Account a : world.accounts()) {
            boolean backup = (a.name() != null && a.name().toLowerCase(Locale.ROOT).contains("backup"))
                    || (a.organizationalUnit() != null && a.organizationalUnit().toLowerCase(Locale.ROOT).contains("backup"));
            long points = 0;
            for (World.Cell c : world.cells()) {
                if (c.account.equals(a.id())) {
                    for (World.VaultEntry v : c.vaults.values()) {
                        points += v.points.size();
                    }
                }
            }
            long score = (backup ? 1L << 40 : 0) + points;
            if (score > bestPoints) {
                best = a.id();
                bestPoints = score;
            }
        }
        SandboxCredential fallback = null;
        for (SandboxCredential c : credentials) {
            if (c.accountId().equals(best) && c.access().equals("read-only")) {
                return c;
            }
            if (fallback == null && c.accountId().equals(best)) {
                fallback = c;
            }
        }
        return fallback != null ? fallback : credentials.isEmpty() ? null : credentials.get(0);
    }

    public SandboxClock clock() {
        return clock;
    }

    /** Served time minus the estate's time (zero with --as-captured). */
    public Duration timeOffset() {
        return world.offset();
    }

    public RequestLog requestLog() {
        return log;
    }

    /** Moves the sandbox's clock forward: restore jobs progress, approval sessions and temporary credentials expire. */
    public void advanceClock(Duration by) {
        clock.advance(by);
    }

    /**
     * Skips ahead: moves the clock forward as {@link #advanceClock} does (restore jobs progress,
     * approval sessions expire), but the people signed in stay signed in: every temporary key and SSO
     * access token issued so far is valid {@code by} longer, as if their clients had refreshed them
     * meanwhile. For a rehearsal that should not wait out a restore job, without signing in again.
     */
    public void skipAhead(Duration by) {
        world.lock.writeLock().lock();
        try {
            clock.advance(by);
            keys.extendTemporary(by);
            signIns.extendTokens(by);
        } finally {
            world.lock.writeLock().unlock();
        }
    }

    World world() {
        return world;
    }

    /**
     * Adds (or replaces) a recovery point in a vault, given as JSON in the ListRecoveryPointsByBackupVault
     * member shape with served times; members left out get defaults (a new ARN, COMPLETED, created now).
     *
     * @return the recovery point's ARN
     * @throws IllegalArgumentException when the vault does not exist or the JSON does not fit
     */
    public String addRecoveryPoint(String accountId, String region, String vaultName, String recoveryPointJson) {
        ObjectNode node;
        try {
            JsonNode parsed = world.mapper().readTree(recoveryPointJson);
            if (parsed == null || !parsed.isObject()) {
                throw new IllegalArgumentException("the recovery point must be a JSON object");
            }
            node = (ObjectNode) parsed;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the recovery point is not JSON: " + e.getOriginalMessage());
        }
        world.lock.writeLock().lock();
        try {
            World.VaultEntry vault = vault(accountId, region, vaultName);
            if (!node.hasNonNull("RecoveryPointArn")) {
                node.put("RecoveryPointArn", "arn:aws:backup:" + region + ":" + accountId + ":recovery-point:"
                        + UUID.nameUUIDFromBytes((vault.arn() + "/" + world.nextSerial()).getBytes(StandardCharsets.UTF_8)));
            }
            node.put("BackupVaultName", vault.name());
            node.put("BackupVaultArn", vault.arn());
            if (!node.hasNonNull("Status")) {
                node.put("Status", "COMPLETED");
            }
            if (!node.hasNonNull("CreationDate")) {
                node.put("CreationDate", clock.instant().toString());
            }
            if (!node.hasNonNull("VaultType")) {
                node.put("VaultType", vault.vaultType());
            }
            // the walker finds every timestamp member; the estate keeps them in estate time
            SdkPojo shifted;
            try {
                shifted = ShapeWalker.toSdk(RecoveryPointByBackupVault.builder(), node, world::toEstate);
            } catch (ShapeWalker.ShapeException e) {
                throw new IllegalArgumentException("the recovery point does not fit its shape at " + e.path() + ": " + e.getMessage());
            }
            ObjectNode estateShape = node.deepCopy();
            estateShape.setAll(ShapeWalker.toJson(shifted));
            RecoveryPoint point;
            try {
                point = world.mapper().treeToValue(estateShape, RecoveryPoint.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the recovery point does not fit: " + e.getOriginalMessage());
            }
            vault.add(point);
            return point.recoveryPointArn();
        } finally {
            world.lock.writeLock().unlock();
        }
    }

    /** Deletes a recovery point from a vault; false when it was not there. */
    public boolean deleteRecoveryPoint(String accountId, String region, String vaultName, String recoveryPointArn) {
        world.lock.writeLock().lock();
        try {
            return vault(accountId, region, vaultName).remove(recoveryPointArn);
        } finally {
            world.lock.writeLock().unlock();
        }
    }

    private World.VaultEntry vault(String accountId, String region, String vaultName) {
        World.Cell cell = world.cell(accountId, region);
        World.VaultEntry vault = cell == null ? null : cell.vaults.get(vaultName);
        if (vault == null) {
            throw new IllegalArgumentException("no vault " + vaultName + " in account " + accountId + " region " + region);
        }
        return vault;
    }

    /**
     * An AWS config for this sandbox: a "sandbox" profile with the default credentials, one profile per
     * (account, role) with its static keys, and an {@code sso-session} with one SSO profile per role,
     * all with {@code endpoint_url} set to the sandbox. The keys are the sandbox's, not secrets.
     */
    public String awsConfig() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Written by redoubt sandbox for ").append(endpoint()).append(" (").append(world.estate().name())
                .append(").\n# The keys below are the sandbox's static keys, derived from account and role names: not secrets.\n");
        SandboxCredential d = defaultCredential();
        if (d != null) {
            staticProfile(sb, "sandbox", d);
        }
        for (SandboxCredential c : credentials) {
            staticProfile(sb, profileName(c), c);
        }
        String ssoRegion = regions().isEmpty() ? "us-east-1" : regions().get(0);
        sb.append("\n[sso-session sandbox]\nsso_start_url = ").append(endpoint()).append("/start\nsso_region = ").append(ssoRegion)
                .append("\nsso_registration_scopes = sso:account:access\n");
        for (SandboxCredential c : credentials) {
            sb.append("\n[profile sso-").append(profileName(c)).append("]\nsso_session = sandbox\nsso_account_id = ").append(c.accountId())
                    .append("\nsso_role_name = ").append(c.roleName()).append("\nregion = ").append(c.region())
                    .append("\nendpoint_url = ").append(endpoint()).append('\n');
        }
        return sb.toString();
    }

    /** The config profile name of a role: the account's name (or id) and the role, safe for a section header. */
    public static String profileName(SandboxCredential c) {
        String account = c.accountName() == null || c.accountName().isBlank() ? c.accountId() : c.accountName();
        return (account + "-" + c.roleName()).replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private void staticProfile(StringBuilder sb, String name, SandboxCredential c) {
        sb.append("\n[profile ").append(name).append("]\nregion = ").append(c.region()).append("\nendpoint_url = ").append(endpoint())
                .append("\naws_access_key_id = ").append(c.accessKeyId()).append("\naws_secret_access_key = ").append(c.secretAccessKey())
                .append('\n');
    }

    /** The SSO users' names, in the estate's order. */
    public List<String> userNames() {
        List<String> out = new ArrayList<>();
        for (dev.redoubt.estate.SsoUser u : world.users()) {
            if (u.userName() != null) {
                out.add(u.userName());
            }
        }
        return out;
    }

    /** The credentials of the roles an SSO user is assigned (and the account declares), in the estate's order; empty for an unknown user. */
    public List<SandboxCredential> credentialsOf(String userName) {
        dev.redoubt.estate.SsoUser u = userName == null ? null : world.userByName(userName);
        List<SandboxCredential> out = new ArrayList<>();
        if (u == null) {
            return out;
        }
        for (dev.redoubt.estate.SsoAssignment a : World.nonNull(u.assignments())) {
            SandboxCredential c = credential(a.accountId(), a.roleName());
            if (c != null && !out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Approves a pending device sign-in as an SSO user, as that user does on the verification page
     * (for a sandbox that approves at once as its first user, this says who it is instead).
     *
     * @throws IllegalArgumentException when the user or the code is unknown, or the code was used or expired
     */
    public void approveDevice(String userCode, String userName) {
        dev.redoubt.estate.SsoUser u = userName == null ? null : world.userByName(userName);
        if (u == null) {
            throw new IllegalArgumentException("no SSO user named " + userName + " (the sandbox's users: " + String.join(", ", userNames()) + ")");
        }
        SignIns.Device d = signIns.deviceByUserCode(userCode);
        if (d == null || d.redeemed || !clock.instant().isBefore(d.expires)) {
            throw new IllegalArgumentException("the device code " + userCode + " is unknown, used or expired");
        }
        d.denied = false;
        d.approvedBy = u;
    }

    /** The ARNs of the approval sessions still pending, oldest first. */
    public List<String> pendingSessions() {
        world.lock.readLock().lock();
        try {
            List<String> out = new ArrayList<>();
            for (SessionEntry s : world.sessions()) {
                if ("PENDING".equals(s.status(world.estateNow(), world.team(s.teamArn())))) {
                    out.add(s.arn());
                }
            }
            return out;
        } finally {
            world.lock.readLock().unlock();
        }
    }

    /**
     * Records an SSO user's vote on a pending approval session, as the approver page does.
     *
     * @throws IllegalArgumentException naming why the vote was not recorded
     */
    public void vote(String sessionArn, String userName, boolean approve) {
        world.lock.writeLock().lock();
        try {
            SessionEntry s = world.session(sessionArn);
            if (s == null) {
                throw new IllegalArgumentException("no approval session " + sessionArn);
            }
            String refused = Approvals.vote(world, s, world.userByName(userName), approve);
            if (refused != null) {
                throw new IllegalArgumentException(refused);
            }
        } finally {
            world.lock.writeLock().unlock();
        }
    }

    /** Stops listening and waits briefly for requests in flight. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}
