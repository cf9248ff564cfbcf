package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.Account;
import dev.redoubt.estate.AccountRole;
import dev.redoubt.estate.ApprovalSession;
import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.estate.Arn;
import dev.redoubt.estate.BackupPlan;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.CopyJob;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.Framework;
import dev.redoubt.estate.KmsKey;
import dev.redoubt.estate.LegalHold;
import dev.redoubt.estate.ProtectedResource;
import dev.redoubt.estate.ReadError;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.Region;
import dev.redoubt.estate.ReportPlan;
import dev.redoubt.estate.RestoreAccessVault;
import dev.redoubt.estate.RestoreJob;
import dev.redoubt.estate.RestoreTestingPlan;
import dev.redoubt.estate.SsoUser;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The estate as the sandbox serves it: indexed by account and region, with the state that writes
 * change (restore jobs, approval sessions, restore-access vaults, recovery points). Everything is
 * kept in estate time; answers are shifted to served time by a fixed offset (zero with --as-captured).
 * Guarded by one read-write lock: reads share it, writes take it alone.
 */
final class World {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Estate estate;
    private final ObjectMapper mapper;
    private final SandboxClock clock;
    private final Duration offset;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Cell> cells = new ConcurrentHashMap<>();
    private final Map<String, ApprovalTeam> teamsByArn = new LinkedHashMap<>();
    private final Map<String, SessionEntry> sessionsByArn = new LinkedHashMap<>();
    private final Map<String, SsoUser> usersById = new LinkedHashMap<>();
    private final OrgTree orgTree;
    private long serial;

    World(Estate estate, SandboxClock clock, boolean asCaptured) {
        this.estate = estate;
        this.mapper = new EstateFile().mapper();
        this.clock = clock;
        Instant captured = estate.capturedAt();
        this.offset = asCaptured || captured == null ? Duration.ZERO
                : Duration.between(captured, clock.instant()).truncatedTo(ChronoUnit.SECONDS);
        if (estate.ssoUsers() != null) {
            for (SsoUser u : estate.ssoUsers()) {
                usersById.put(u.userId(), u);
            }
        }
        for (Account a : estate.accounts() == null ? List.<Account>of() : estate.accounts()) {
            accounts.put(a.id(), a);
            if (a.regions() == null) {
                continue;
            }
            a.regions().forEach((name, region) -> cells.put(key(a.id(), name), new Cell(a.id(), name, region, this)));
        }
        for (Cell c : cells.values()) {
            for (ApprovalTeam t : c.teams) {
                if (t.arn() != null) {
                    teamsByArn.put(t.arn(), t);
                }
            }
        }
        for (Cell c : cells.values()) {
            for (SessionEntry s : c.sessions) {
                sessionsByArn.put(s.arn(), s);
            }
        }
        this.orgTree = new OrgTree(estate);
    }

    private static String key(String account, String region) {
        return account + "/" + region;
    }

    // ---------------------------------------------------------------- time

    /** Served time minus estate time; zero with --as-captured. */
    Duration offset() {
        return offset;
    }

    Instant servedNow() {
        return clock.instant();
    }

    Instant estateNow() {
        return clock.instant().minus(offset);
    }

    Instant toServed(Instant estateTime) {
        return estateTime == null ? null : estateTime.plus(offset);
    }

    Instant toEstate(Instant servedTime) {
        return servedTime == null ? null : servedTime.minus(offset);
    }

    // ---------------------------------------------------------------- lookups

    Estate estate() {
        return estate;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    ObjectNode json(Object record) {
        return mapper.valueToTree(record);
    }

    Collection<Account> accounts() {
        return accounts.values();
    }

    Account account(String id) {
        return accounts.get(id);
    }

    /** "account/roleName" of every role the estate knows, computed on first use (the estate's own, never a started job's). */
    private java.util.Set<String> knownRoles;

    /**
     * True when {@code roleArn} names a role the estate knows in {@code accountId}: one of the account's
     * Roles, or a role the estate shows in use there (a backup selection's, a restore testing
     * selection's, a captured restore job's or a recovery point's IamRoleArn). IAM role names are unique
     * in an account whatever their path, so the path is not compared.
     */
    boolean knowsRole(String accountId, String roleArn) {
        Arn arn = roleArn == null ? null : Arn.parse(roleArn);
        if (arn == null || !"iam".equals(arn.service()) || !arn.resource().startsWith("role/") || !accountId.equals(arn.account())) {
            return false;
        }
        java.util.Set<String> known = knownRoles;
        if (known == null) {
            known = new java.util.HashSet<>();
            for (Account a : accounts()) {
                for (dev.redoubt.estate.AccountRole r : Sandbox.roles(a)) {
                    known.add(a.id() + "/" + r.roleName());
                }
            }
            for (Cell c : cells()) {
                java.util.List<String> arns = new ArrayList<>();
                for (dev.redoubt.estate.BackupPlan p : c.plans) {
                    for (dev.redoubt.estate.BackupSelection sel : nonNull(p.selections())) {
                        arns.add(sel.backupSelection() == null ? null : sel.backupSelection().iamRoleArn());
                    }
                }
                for (dev.redoubt.estate.RestoreTestingPlan p : c.restoreTestingPlans) {
                    for (dev.redoubt.estate.RestoreTestingSelection sel : nonNull(p.selections())) {
                        arns.add(sel.iamRoleArn());
                    }
                }
                for (RestoreJobEntry j : c.restoreJobs) {
                    arns.add(j.estateRoleArn());
                }
                for (VaultEntry v : c.vaults.values()) {
                    for (RecoveryPoint p : v.points) {
                        arns.add(p.iamRoleArn());
                    }
                }
                for (String r : arns) {
                    Arn parsed = r == null ? null : Arn.parse(r);
                    if (parsed != null && parsed.resource().startsWith("role/")) {
                        known.add(parsed.account() + "/" + parsed.resource().substring(parsed.resource().lastIndexOf('/') + 1));
                    }
                }
            }
            knownRoles = known;
        }
        return known.contains(accountId + "/" + arn.resource().substring(arn.resource().lastIndexOf('/') + 1));
    }

    OrgTree orgTree() {
        return orgTree;
    }

    Collection<SsoUser> users() {
        return usersById.values();
    }

    SsoUser user(String userId) {
        return usersById.get(userId);
    }

    SsoUser userByName(String name) {
        for (SsoUser u : usersById.values()) {
            if (u.userName() != null && u.userName().equals(name)) {
                return u;
            }
        }
        return null;
    }

    /** The role an account declares, or null. */
    AccountRole role(String accountId, String roleName) {
        Account a = accounts.get(accountId);
        if (a == null || a.roles() == null) {
            return null;
        }
        for (AccountRole r : a.roles()) {
            if (r.roleName().equals(roleName)) {
                return r;
            }
        }
        return null;
    }

    /** The cell for an account and region, or null when the estate has nothing there. */
    Cell cell(String account, String region) {
        return cells.get(key(account, region));
    }

    /** The cell for an account and region, created empty if needed (writes only). */
    Cell cellForWrite(String account, String region) {
        return cells.computeIfAbsent(key(account, region), k -> new Cell(account, region, null, this));
    }

    Collection<Cell> cells() {
        return cells.values();
    }

    /** The regions the estate has, sorted. */
    List<String> regions() {
        TreeSet<String> out = new TreeSet<>();
        for (Cell c : cells.values()) {
            out.add(c.region);
        }
        return new ArrayList<>(out);
    }

    List<String> regions(String accountId) {
        TreeSet<String> out = new TreeSet<>();
        for (Cell c : cells.values()) {
            if (c.account.equals(accountId)) {
                out.add(c.region);
            }
        }
        return new ArrayList<>(out);
    }

    /** A vault by ARN anywhere in the estate, or null. */
    VaultEntry vaultByArn(String arn) {
        Arn a = Arn.parse(arn);
        if (a == null) {
            return null;
        }
        Cell c = cell(a.account(), a.region());
        if (c == null) {
            return null;
        }
        for (VaultEntry v : c.vaults.values()) {
            if (arn.equals(v.arn())) {
                return v;
            }
        }
        return null;
    }

    /** A key by ARN anywhere in the estate, or null. */
    KmsKey keyByArn(String arn) {
        Arn a = Arn.parse(arn);
        if (a == null) {
            return null;
        }
        Cell c = cell(a.account(), a.region());
        return c == null ? null : c.keyById(a.resource().startsWith("key/") ? a.resource().substring(4) : a.resource());
    }

    ApprovalTeam team(String arn) {
        return teamsByArn.get(arn);
    }

    Collection<ApprovalTeam> teams() {
        return teamsByArn.values();
    }

    SessionEntry session(String arn) {
        return sessionsByArn.get(arn);
    }

    Collection<SessionEntry> sessions() {
        return sessionsByArn.values();
    }

    void addSession(Cell cell, SessionEntry s) {
        cell.sessions.add(s);
        sessionsByArn.put(s.arn(), s);
    }

    /** A counter for identifiers that must differ within one run. */
    synchronized long nextSerial() {
        return ++serial;
    }

    /** What one account holds in one region. Collections are mutable only under the world's write lock. */
    static final class Cell {
        final String account;
        final String region;
        final Map<String, String> globalSettings;
        final Map<String, VaultEntry> vaults = new LinkedHashMap<>();
        final List<KmsKey> keys = new ArrayList<>();
        private final Map<String, KmsKey> keysById = new HashMap<>();
        final List<BackupPlan> plans = new ArrayList<>();
        final List<ProtectedResource> protectedResources = new ArrayList<>();
        final List<RestoreTestingPlan> restoreTestingPlans = new ArrayList<>();
        final List<RestoreJobEntry> restoreJobs = new ArrayList<>();
        final List<CopyJob> copyJobs = new ArrayList<>();
        final List<LegalHold> legalHolds = new ArrayList<>();
        final List<Framework> frameworks = new ArrayList<>();
        final List<ReportPlan> reportPlans = new ArrayList<>();
        final List<ApprovalTeam> teams = new ArrayList<>();
        final List<SessionEntry> sessions = new ArrayList<>();
        final List<ReadError> readErrors = new ArrayList<>();

        Cell(String account, String region, Region r, World world) {
            this.account = account;
            this.region = region;
            this.globalSettings = r == null ? null : r.globalSettings();
            if (r == null) {
                return;
            }
            for (BackupVault v : nonNull(r.backupVaults())) {
                vaults.put(v.backupVaultName(), new VaultEntry(account, region, v, world));
            }
            for (KmsKey k : nonNull(r.kmsKeys())) {
                keys.add(k);
                if (k.keyMetadata() != null && k.keyMetadata().keyId() != null) {
                    keysById.put(k.keyMetadata().keyId(), k);
                }
            }
            plans.addAll(nonNull(r.backupPlans()));
            protectedResources.addAll(nonNull(r.protectedResources()));
            restoreTestingPlans.addAll(nonNull(r.restoreTestingPlans()));
            for (RestoreJob j : nonNull(r.restoreJobs())) {
                restoreJobs.add(RestoreJobEntry.fromEstate(world.json(j)));
            }
            copyJobs.addAll(nonNull(r.copyJobs()));
            legalHolds.addAll(nonNull(r.legalHolds()));
            frameworks.addAll(nonNull(r.frameworks()));
            reportPlans.addAll(nonNull(r.reportPlans()));
            teams.addAll(nonNull(r.mpaApprovalTeams()));
            for (ApprovalSession s : nonNull(r.mpaSessions())) {
                sessions.add(new SessionEntry(world.json(s)));
            }
            readErrors.addAll(nonNull(r.readErrors()));
        }

        KmsKey keyById(String keyId) {
            return keysById.get(keyId);
        }

        /** The key an alias name ("alias/x") points to in this cell, or null. */
        KmsKey keyByAlias(String aliasName) {
            for (KmsKey k : keys) {
                for (var a : nonNull(k.aliases())) {
                    if (aliasName.equals(a.aliasName())) {
                        return k;
                    }
                }
            }
            return null;
        }
    }

    static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A vault: its DescribeBackupVault shape, and its recovery points indexed by ARN. */
    static final class VaultEntry {
        final String account;
        final String region;
        final ObjectNode json;
        final JsonNode accessPolicy;
        final JsonNode notifications;
        final Map<String, String> tags;
        final ArrayList<RecoveryPoint> points;
        final Map<String, RecoveryPoint> pointsByArn;
        final List<RestoreAccessEntry> restoreAccess = new ArrayList<>();
        private final long capturedCount;
        private final int initialSize;
        /** For a restore-access vault opened in the sandbox: the session that approves it, and the one that revokes it. */
        SessionEntry creationSession;
        String sourceVaultArn;
        RestoreAccessEntry grant;
        /** A restore-access vault whose own points are unknown lists its source vault's (the estate leaves RecoveryPoints out). */
        final boolean inheritsSourcePoints;

        VaultEntry(String account, String region, BackupVault v, World world) {
            this.account = account;
            this.region = region;
            BackupVault lean = new BackupVault(v.backupVaultName(), v.backupVaultArn(), v.vaultType(), v.vaultState(),
                    v.encryptionKeyArn(), v.encryptionKeyType(), v.creationDate(), v.creatorRequestId(), v.numberOfRecoveryPoints(),
                    v.locked(), v.minRetentionDays(), v.maxRetentionDays(), v.lockDate(), v.sourceBackupVaultArn(),
                    v.mpaApprovalTeamArn(), v.mpaSessionArn(), v.latestMpaApprovalTeamUpdate(), null, null, null, null, null,
                    v.unknown());
            this.json = world.json(lean);
            this.accessPolicy = v.accessPolicy() == null ? null : world.mapper().valueToTree(v.accessPolicy());
            this.notifications = v.notifications() == null ? null : world.mapper().valueToTree(v.notifications());
            this.tags = v.tags();
            this.points = new ArrayList<>(nonNull(v.recoveryPoints()));
            this.inheritsSourcePoints = v.recoveryPoints() == null;
            this.pointsByArn = new HashMap<>(points.size() * 2);
            for (RecoveryPoint p : points) {
                pointsByArn.put(p.recoveryPointArn(), p);
            }
            this.initialSize = points.size();
            this.capturedCount = v.numberOfRecoveryPoints() == null ? points.size() : v.numberOfRecoveryPoints();
            for (RestoreAccessVault ra : nonNull(v.restoreAccessBackupVaults())) {
                restoreAccess.add(new RestoreAccessEntry(world.json(ra), null));
            }
        }

        /** A vault created in the sandbox (restore-access vaults). */
        VaultEntry(String account, String region, ObjectNode json) {
            this.account = account;
            this.region = region;
            this.json = json;
            this.accessPolicy = null;
            this.notifications = null;
            this.tags = null;
            this.points = new ArrayList<>();
            this.inheritsSourcePoints = true;
            this.pointsByArn = new HashMap<>();
            this.initialSize = 0;
            this.capturedCount = 0;
        }

        String name() {
            return json.path("BackupVaultName").asText();
        }

        String arn() {
            return json.path("BackupVaultArn").asText();
        }

        String vaultType() {
            return json.path("VaultType").asText("BACKUP_VAULT");
        }

        /** NumberOfRecoveryPoints as captured, moved by the points added or deleted since. */
        long numberOfRecoveryPoints() {
            return Math.max(0, capturedCount + points.size() - initialSize);
        }

        void add(RecoveryPoint p) {
            RecoveryPoint old = pointsByArn.put(p.recoveryPointArn(), p);
            if (old != null) {
                points.set(points.indexOf(old), p);
            } else {
                points.add(p);
            }
        }

        boolean remove(String arn) {
            RecoveryPoint old = pointsByArn.remove(arn);
            return old != null && points.remove(old);
        }
    }

    /** A ListRestoreAccessBackupVaults member of a source vault; vault is set when the sandbox opened it. */
    static final class RestoreAccessEntry {
        final ObjectNode json;
        final VaultEntry vault;
        SessionEntry revokeSession;

        RestoreAccessEntry(ObjectNode json, VaultEntry vault) {
            this.json = json;
            this.vault = vault;
        }

        String arn() {
            return json.path("RestoreAccessBackupVaultArn").asText();
        }
    }

    /** The organization's root and OUs, derived from each account's OU path. */
    static final class OrgTree {
        record Node(String id, String arn, String name, String parentId, String path) {
        }

        final Node root;
        final Map<String, Node> byId = new LinkedHashMap<>();
        final Map<String, Node> byPath = new LinkedHashMap<>();
        final Map<String, String> parentOfAccount = new LinkedHashMap<>();

        OrgTree(Estate estate) {
            String orgId = estate.organization() == null || estate.organization().id() == null ? "o-sandbox"
                    : estate.organization().id();
            String mgmt = estate.organization() == null || estate.organization().masterAccountId() == null ? "000000000000"
                    : estate.organization().masterAccountId();
            String rootSuffix = Keys.base32(SigV4.hmac(orgId.getBytes(), "root"), 4).toLowerCase();
            String rootId = "r-" + rootSuffix;
            root = new Node(rootId, "arn:aws:organizations::" + mgmt + ":root/" + orgId + "/" + rootId, "Root", null, "");
            byId.put(rootId, root);
            byPath.put("", root);
            for (Account a : nonNull(estate.accounts())) {
                String path = a.organizationalUnit() == null ? "" : a.organizationalUnit().trim();
                Node parent = root;
                StringBuilder sofar = new StringBuilder();
                for (String part : path.isEmpty() ? new String[0] : path.split("/")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    if (sofar.length() > 0) {
                        sofar.append('/');
                    }
                    sofar.append(part);
                    String p = sofar.toString();
                    Node current = parent;
                    parent = byPath.computeIfAbsent(p, k -> {
                        String ouId = "ou-" + rootSuffix + "-" + Keys.base32(SigV4.hmac(orgId.getBytes(), "ou/" + k), 8).toLowerCase();
                        Node n = new Node(ouId, "arn:aws:organizations::" + mgmt + ":ou/" + orgId + "/" + ouId, part, current.id(), k);
                        byId.put(ouId, n);
                        return n;
                    });
                }
                parentOfAccount.put(a.id(), parent.id());
            }
        }
    }
}
