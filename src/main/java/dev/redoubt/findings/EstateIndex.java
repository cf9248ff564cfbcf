package dev.redoubt.findings;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.Arn;
import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.estate.BackupPlan;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.CopyJob;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.KeyAlias;
import dev.redoubt.estate.KmsKey;
import dev.redoubt.estate.Organization;
import dev.redoubt.estate.ProtectedResource;
import dev.redoubt.estate.ReadError;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.Region;
import dev.redoubt.estate.RestoreJob;
import dev.redoubt.estate.RestoreTestingPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An estate indexed once for all checks: vaults, keys, recovery points by resource, copy jobs,
 * account roles, what could not be read, and the instant and thresholds of the evaluation.
 * Immutable after construction; built per audit.
 */
public final class EstateIndex {
    public static final String LAG_VAULT = "LOGICALLY_AIR_GAPPED_BACKUP_VAULT";
    public static final String STANDARD_VAULT = "BACKUP_VAULT";
    public static final String AWS_OWNED_KEY = "AWS_OWNED_KMS_KEY";

    /** One account and region of the estate. */
    public record RegionRef(Account account, String accountId, String region, Region data) {
        public Scope scope(EstateIndex index) {
            return new Scope(accountId, region, index.accountResourceArn(accountId));
        }
    }

    public record VaultRef(RegionRef where, BackupVault vault) {
        public String accountId() {
            return where.accountId();
        }

        public String region() {
            return where.region();
        }

        public String arn() {
            return vault.backupVaultArn();
        }

        public boolean isAirGapped() {
            return LAG_VAULT.equals(vault.vaultType());
        }

        /** Standard and logically air-gapped vaults; restore-access vaults (temporary views of another vault) are not judged as vaults. */
        public boolean isJudged() {
            return vault.vaultType() == null || STANDARD_VAULT.equals(vault.vaultType()) || isAirGapped();
        }

        public Scope scope() {
            return new Scope(where.accountId(), where.region(), vault.backupVaultArn());
        }

        public List<RecoveryPoint> points() {
            return vault.recoveryPoints() == null ? List.of() : vault.recoveryPoints();
        }
    }

    public record KeyRef(String accountId, String region, KmsKey key) {
        public String arn() {
            return key.keyMetadata().arn();
        }
    }

    public record PointRef(VaultRef vault, RecoveryPoint point) {
    }

    /**
     * A protected resource and the account and region that own it: from its ARN, else the account
     * and region that reported it (S3 buckets have neither in their ARN).
     */
    public record ResourceRef(RegionRef where, ProtectedResource resource, String ownerAccountId, String ownerRegion) {
        static ResourceRef of(RegionRef where, ProtectedResource resource) {
            Arn arn = Arn.parse(resource.resourceArn());
            String account = arn != null && !arn.account().isEmpty() ? arn.account() : where.accountId();
            String region = arn != null && !arn.region().isEmpty() ? arn.region() : where.region();
            return new ResourceRef(where, resource, account, region);
        }

        public Scope scope() {
            return new Scope(ownerAccountId, ownerRegion, resource.resourceArn());
        }
    }

    public record CopyRef(RegionRef where, CopyJob job) {
    }

    public record PlanRef(RegionRef where, BackupPlan plan) {
    }

    public record TestPlanRef(RegionRef where, RestoreTestingPlan plan) {
        public Scope scope() {
            return new Scope(where.accountId(), where.region(), plan.restoreTestingPlanArn());
        }
    }

    public record TeamRef(RegionRef where, ApprovalTeam team) {
        public Scope scope() {
            return new Scope(where.accountId(), where.region(), team.arn());
        }
    }

    private final Estate estate;
    private final Instant at;
    private final boolean atFromCapture;
    private final Thresholds thresholds;
    private final String organizationId;
    private final String managementAccountId;
    private final List<RegionRef> regions = new ArrayList<>();
    private final List<VaultRef> vaults = new ArrayList<>();
    private final Map<String, VaultRef> vaultsByArn = new HashMap<>();
    private final Map<String, KeyRef> keysByArn = new HashMap<>();
    private final List<KeyRef> keys = new ArrayList<>();
    private final Map<String, Set<String>> vaultsProtectedByKey = new LinkedHashMap<>();
    private final Map<String, Set<String>> vaultKeys = new LinkedHashMap<>();
    private final Map<String, List<PointRef>> pointsByResource = new HashMap<>();
    private final Map<String, List<CopyRef>> copiesByResource = new HashMap<>();
    private final Map<String, ResourceRef> resources = new LinkedHashMap<>();
    private final List<PlanRef> plans = new ArrayList<>();
    private final Map<String, PlanRef> plansByArn = new HashMap<>();
    private final Map<String, PlanRef> plansById = new HashMap<>();
    private final List<TestPlanRef> testPlans = new ArrayList<>();
    private final Map<String, List<RestoreJob>> restoreJobsByTestPlan = new HashMap<>();
    private final List<TeamRef> teams = new ArrayList<>();
    private final Map<String, AccountType> roles = new LinkedHashMap<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Set<String> organizationAccounts = new HashSet<>();
    private final Map<String, List<ReadError>> readErrors = new HashMap<>();
    private final Map<String, List<Fact>> thresholdFacts = new HashMap<>();

    /**
     * @param fallbackNow the instant to evaluate as of when the estate has no CapturedAt
     */
    public EstateIndex(Estate estate, FindingsSettings settings, Instant fallbackNow) {
        this.estate = estate;
        this.atFromCapture = estate.capturedAt() != null;
        this.at = atFromCapture ? estate.capturedAt() : fallbackNow;
        Organization org = estate.organization();
        this.organizationId = org == null ? null : org.id();
        this.managementAccountId = org == null ? null : org.masterAccountId();
        this.thresholds = settings.thresholdsFor(organizationId);
        thresholds.asMap().forEach((name, value) -> thresholdFacts.put(name, List.of(new Fact(name, value))));
        if (managementAccountId != null) {
            organizationAccounts.add(managementAccountId);
        }
        List<Account> accountList = estate.accounts() == null ? List.of() : estate.accounts();
        for (Account account : accountList) {
            String id = account.id();
            accounts.put(id, account);
            organizationAccounts.add(id);
            AccountType role = settings.accountRole(organizationId, id);
            roles.put(id, role != null ? role : AccountType.fromOrganizationalUnit(account.organizationalUnit(), id.equals(managementAccountId)));
            addErrors(account.readErrors(), id, null);
            if (account.regions() == null) {
                continue;
            }
            for (var e : account.regions().entrySet()) {
                RegionRef where = new RegionRef(account, id, e.getKey(), e.getValue());
                regions.add(where);
                indexRegion(where);
            }
        }
        for (VaultRef v : vaults) {
            indexVault(v);
        }
    }

    private void indexRegion(RegionRef where) {
        Region r = where.data();
        addErrors(r.readErrors(), where.accountId(), where.region());
        for (KmsKey k : list(r.kmsKeys())) {
            if (k.keyMetadata() == null || k.keyMetadata().arn() == null) {
                continue;
            }
            KeyRef ref = new KeyRef(where.accountId(), where.region(), k);
            keys.add(ref);
            keysByArn.put(k.keyMetadata().arn(), ref);
            for (KeyAlias alias : list(k.aliases())) {
                if (alias.aliasArn() != null) {
                    keysByArn.putIfAbsent(alias.aliasArn(), ref);
                }
            }
        }
        for (BackupVault v : list(r.backupVaults())) {
            VaultRef ref = new VaultRef(where, v);
            vaults.add(ref);
            if (v.backupVaultArn() != null) {
                vaultsByArn.put(v.backupVaultArn(), ref);
            }
        }
        for (BackupPlan p : list(r.backupPlans())) {
            PlanRef ref = new PlanRef(where, p);
            plans.add(ref);
            if (p.backupPlanArn() != null) {
                plansByArn.put(p.backupPlanArn(), ref);
            }
            if (p.backupPlanId() != null) {
                plansById.put(p.backupPlanId(), ref);
            }
        }
        for (ProtectedResource pr : list(r.protectedResources())) {
            if (pr.resourceArn() == null) {
                continue;
            }
            ResourceRef ref = ResourceRef.of(where, pr);
            ResourceRef seen = resources.get(pr.resourceArn());
            if (seen == null || !seen.where().accountId().equals(seen.ownerAccountId()) && where.accountId().equals(ref.ownerAccountId())) {
                resources.put(pr.resourceArn(), ref); // prefer the owner's own description over a copy account's
            }
        }
        Set<String> jobIds = new HashSet<>();
        for (CopyJob j : list(r.copyJobs())) {
            if (j.resourceArn() != null && (j.copyJobId() == null || jobIds.add(j.copyJobId()))) {
                copiesByResource.computeIfAbsent(j.resourceArn(), k -> new ArrayList<>(2)).add(new CopyRef(where, j));
            }
        }
        for (RestoreTestingPlan p : list(r.restoreTestingPlans())) {
            testPlans.add(new TestPlanRef(where, p));
        }
        for (RestoreJob j : list(r.restoreJobs())) {
            if (j.createdBy() != null && j.createdBy().restoreTestingPlanArn() != null) {
                restoreJobsByTestPlan.computeIfAbsent(j.createdBy().restoreTestingPlanArn(), k -> new ArrayList<>()).add(j);
            }
        }
        for (ApprovalTeam t : list(r.mpaApprovalTeams())) {
            teams.add(new TeamRef(where, t));
        }
    }

    private void indexVault(VaultRef v) {
        BackupVault vault = v.vault();
        if (vault.encryptionKeyArn() != null && !AWS_OWNED_KEY.equals(vault.encryptionKeyType())) {
            vaultsProtectedByKey.computeIfAbsent(canonicalKey(vault.encryptionKeyArn()), k -> new LinkedHashSet<>()).add(v.arn());
            vaultKeys.computeIfAbsent(canonicalKey(vault.encryptionKeyArn()), k -> new LinkedHashSet<>()).add(v.arn());
        }
        String lastKey = null;
        for (RecoveryPoint p : v.points()) {
            if (p.resourceArn() != null) {
                pointsByResource.computeIfAbsent(p.resourceArn(), k -> new ArrayList<>(4)).add(new PointRef(v, p));
            }
            String key = p.encryptionKeyArn();
            if (key != null && !key.equals(lastKey) && !AWS_OWNED_KEY.equals(p.encryptionKeyType())) {
                vaultsProtectedByKey.computeIfAbsent(canonicalKey(key), k -> new LinkedHashSet<>()).add(v.arn());
                lastKey = key;
            }
        }
    }

    private String canonicalKey(String arn) {
        KeyRef k = keysByArn.get(arn);
        return k != null ? k.arn() : arn;
    }

    private void addErrors(List<ReadError> errors, String accountId, String region) {
        for (ReadError e : list(errors)) {
            String scope = e.scope() != null ? e.scope() : region != null ? accountId + "/" + region : accountId;
            readErrors.computeIfAbsent(scope, k -> new ArrayList<>(2)).add(e);
        }
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    public Estate estate() {
        return estate;
    }

    /** The instant the checks evaluate as of: the estate's CapturedAt. */
    public Instant at() {
        return at;
    }

    /** False when the estate had no CapturedAt and the audit's own clock was used. */
    public boolean atFromCapture() {
        return atFromCapture;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** One threshold as evidence, built once per audit and shared by every result that uses it. */
    public List<Fact> thresholdFact(String name) {
        List<Fact> f = thresholdFacts.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown threshold " + name);
        }
        return f;
    }

    public String organizationId() {
        return organizationId;
    }

    public String managementAccountId() {
        return managementAccountId;
    }

    public List<RegionRef> regions() {
        return regions;
    }

    public List<VaultRef> vaults() {
        return vaults;
    }

    public VaultRef vault(String arn) {
        return arn == null ? null : vaultsByArn.get(arn);
    }

    /** The key an ARN (key or alias ARN) names, or null when the estate does not hold it. */
    public KeyRef key(String arn) {
        return arn == null ? null : keysByArn.get(arn);
    }

    public List<KeyRef> keys() {
        return keys;
    }

    /** Every key ARN that protects a vault or a recovery point (AWS-owned keys excluded), with the vaults it protects. */
    public Map<String, Set<String>> keysProtectingBackups() {
        return Collections.unmodifiableMap(vaultsProtectedByKey);
    }

    /** Every key ARN that is a vault's key (EncryptionKeyArn; AWS-owned keys excluded), with its vaults. */
    public Map<String, Set<String>> vaultKeys() {
        return Collections.unmodifiableMap(vaultKeys);
    }

    public List<PointRef> pointsOf(String resourceArn) {
        return pointsByResource.getOrDefault(resourceArn, List.of());
    }

    public List<CopyRef> copiesOf(String resourceArn) {
        return copiesByResource.getOrDefault(resourceArn, List.of());
    }

    /** Protected resources, one per ARN (the owner account's description preferred). */
    public Collection<ResourceRef> protectedResources() {
        return resources.values();
    }

    public List<PlanRef> plans() {
        return plans;
    }

    /** The plan a recovery point was created by, or null. */
    public PlanRef plan(String arn, String id) {
        PlanRef p = arn == null ? null : plansByArn.get(arn);
        return p != null || id == null ? p : plansById.get(id);
    }

    public List<TestPlanRef> restoreTestingPlans() {
        return testPlans;
    }

    public List<RestoreJob> restoreJobsOf(String restoreTestingPlanArn) {
        return restoreJobsByTestPlan.getOrDefault(restoreTestingPlanArn, List.of());
    }

    public List<TeamRef> approvalTeams() {
        return teams;
    }

    public Account account(String id) {
        return accounts.get(id);
    }

    /** The account's role: the settings' override, else from its OU path; an account outside the estate is a workload account. */
    public AccountType role(String accountId) {
        return roles.getOrDefault(accountId, AccountType.WORKLOAD);
    }

    public Map<String, AccountType> roles() {
        return Collections.unmodifiableMap(roles);
    }

    /** True when the account belongs to the organization (or, with no organization, to the estate). */
    public boolean inOrganization(String accountId) {
        return organizationAccounts.contains(accountId);
    }

    /** The ARN account and region checks report (checks.md, "What a result is about"). */
    public String accountResourceArn(String accountId) {
        if (organizationId != null && managementAccountId != null) {
            return "arn:aws:organizations::" + managementAccountId + ":account/" + organizationId + "/" + accountId;
        }
        return "arn:aws:iam::" + accountId + ":root";
    }

    /** Every ReadError recorded for a scope: a resource ARN, "account/region", or an account ID. */
    public List<ReadError> readErrorsAt(String scope) {
        return readErrors.getOrDefault(scope, List.of());
    }

    /**
     * The first ReadError that names one of the operations for this resource, its account and
     * region, or its account; null when everything was read.
     */
    public ReadError readError(String accountId, String region, String resourceArn, Collection<String> operations) {
        if (readErrors.isEmpty()) {
            return null;
        }
        ReadError e = match(readErrors.get(resourceArn), operations);
        if (e == null && region != null) {
            e = match(readErrors.get(accountId + "/" + region), operations);
        }
        if (e == null) {
            e = match(readErrors.get(accountId), operations);
        }
        return e;
    }

    private static ReadError match(List<ReadError> errors, Collection<String> operations) {
        if (errors == null) {
            return null;
        }
        for (ReadError e : errors) {
            String op = e.operation();
            if (op == null || op.equals("*")) {
                return e;
            }
            for (String wanted : operations) {
                if (Wildcards.matches(op, wanted, true)) {
                    return e;
                }
            }
        }
        return null;
    }
}
