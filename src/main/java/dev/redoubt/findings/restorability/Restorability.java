package dev.redoubt.findings.restorability;

import dev.redoubt.estate.Arn;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.CopyJob;
import dev.redoubt.estate.KeyAlias;
import dev.redoubt.estate.KeyMetadata;
import dev.redoubt.estate.ProtectedResource;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.RestoreJob;
import dev.redoubt.estate.RestoreTestingPlan;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.CopyRef;
import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.EstateIndex.PointRef;
import dev.redoubt.findings.EstateIndex.RegionRef;
import dev.redoubt.findings.EstateIndex.TestPlanRef;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a recovery point can be restored when it is needed, and whether a copy of it survives
 * the loss of its account or region: its verdict, with one reason per thing that decides it.
 *
 * <ul>
 *   <li><b>The point</b>: COMPLETED and not past its DeleteAt.</li>
 *   <li><b>The key</b>: not encrypted, an AWS-owned key, or a KMS key whose KeyState is Enabled
 *       (Disabled, PendingDeletion, PendingImport and Unavailable keys decrypt nothing).</li>
 *   <li><b>A restore test</b>: the latest restore of this resource (else of another resource of
 *       this vault), by a restore testing plan or by hand, completed, passed its validation when
 *       one was posted, within the restore-test window (restoreTestMaxAgeDays) and the restore
 *       time target (maxRestoreMinutes), as RST-02, RST-04 and RST-05 judge them.</li>
 *   <li><b>A copy elsewhere</b>: a usable recovery point of the same resource in a vault of another
 *       account or another region than this point's vault (restore-access vaults are views, not
 *       copies), or a completed copy job into a vault the estate does not hold.</li>
 *   <li><b>A safe copy</b>: such a copy in another account <em>and</em> another region, in a vault
 *       whose lock nobody can remove (compliance past its grace time, or logically air-gapped),
 *       encrypted with a usable key.</li>
 * </ul>
 *
 * <p>What was not read is UNKNOWN, never PASS. Immutable once built; built once per estate (it
 * indexes restore jobs and where each resource's recovery points are) and safe to share between
 * threads.
 */
public final class Restorability {
    static final String RESTORE_ACCESS_VAULT = "RESTORE_ACCESS_BACKUP_VAULT";
    private static final Set<String> FAILED_JOB = Set.of("FAILED", "ABORTED");
    private static final Set<String> FINISHED_JOB = Set.of("COMPLETED", "FAILED", "ABORTED");
    private static final Set<String> VALIDATION_BAD = Set.of("FAILED", "TIMED_OUT");
    private static final List<String> VAULT_READS = List.of("backup:ListBackupVaults", "backup:DescribeBackupVault",
            "backup:ListRecoveryPointsByBackupVault");
    private static final List<String> RESTORE_JOB_READS = List.of("backup:ListRestoreJobs");

    /** The verdict, from best to worst; UNKNOWN when what decides it was not read. */
    public enum Level {
        RESTORABLE_WITH_SAFE_COPY("Restorable, with a safe copy in another account and region"),
        RESTORABLE("Restorable, but no safe copy in another account and region"),
        AT_RISK("At risk"),
        UNKNOWN("Not known: part of what decides it was not read");

        private final String title;

        Level(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** What a reason is about, in the order the verdict lists them. */
    public enum Aspect {
        POINT("Recovery point"),
        KEY("Encryption key"),
        RESTORE_TEST("Restore test"),
        COPY_ELSEWHERE("Copy elsewhere"),
        SAFE_COPY("Safe copy");

        private final String title;

        Aspect(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** One line of a verdict: what it is about, how it came out, and why in a sentence. */
    public record Reason(Aspect aspect, Outcome outcome, String text) {
        public Reason {
            Objects.requireNonNull(aspect, "aspect");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A copy of the resource in another vault (of another account or region): the newest usable
     * recovery point there (else the newest), or a completed copy job into a vault the estate does
     * not hold ({@code recoveryPointArn} then the job's destination point, {@code fromCopyJob} true).
     *
     * @param usable PASS: completed and unexpired; UNKNOWN: status not read; FAIL: not restorable
     * @param safe   PASS when in another account and region, usable, immutably locked, with a usable key
     */
    public record Copy(String recoveryPointArn, String vaultArn, String vaultName, String accountId, String region, Instant created,
                       String status, boolean otherAccount, boolean otherRegion, VaultLock lock, Reason key, Outcome usable,
                       Outcome safe, int pointsInVault, boolean fromCopyJob) {
        /** In another account and another region: out of reach of what can reach this point's vault. */
        public boolean outOfReach() {
            return otherAccount && otherRegion;
        }
    }

    /** How a restore job relates to the recovery point judged. */
    public enum Relation {
        THIS_POINT("this recovery point"),
        THIS_RESOURCE("another recovery point of this resource"),
        THIS_VAULT("another resource of this vault");

        private final String text;

        Relation(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * A restore job with what it means: by a restore testing plan ({@code testingPlanArn} set) or
     * by hand, how long it took (null when not known), and how it came out against the targets.
     */
    public record Restore(RestoreJob job, String testingPlanArn, String testingPlanName, Relation relation, Duration took,
                         Outcome outcome, String text) {
        public boolean isTest() {
            return testingPlanArn != null;
        }
    }

    /**
     * A recovery point's verdict: its level, a title, the reasons (PASS/FAIL/UNKNOWN each), the
     * copies elsewhere, the restore jobs that used this very point, and the restore that decided the
     * restore-test reason (null when none was found).
     */
    public record Verdict(Level level, String title, List<Reason> reasons, List<Copy> copies, List<Restore> restores,
                          Restore lastRestore) {
        public Verdict {
            reasons = List.copyOf(reasons);
            copies = List.copyOf(copies);
            restores = List.copyOf(restores);
        }

        public Reason reason(Aspect aspect) {
            return reasons.stream().filter(r -> r.aspect() == aspect).findFirst().orElse(null);
        }
    }

    /** For a vault: how many of its resources have a safe copy, how many have none, and how many could not be told. */
    public record SafeCopies(int resources, int safe, int unsafe, int unknown) {
    }

    private final EstateIndex x;
    private final ZoneId zone;
    private final Instant at;
    private final Thresholds thresholds;
    /** Resource ARN -> where it has recovery points that may be restored ("account/region"): a String, or a Set of them. */
    private final Map<String, Object> locations = new HashMap<>();
    private final Map<String, List<RestoreJob>> jobsByPoint = new HashMap<>();
    private final Map<String, List<RestoreJob>> jobsByResource = new HashMap<>();
    private final Map<String, List<RestoreJob>> jobsByVault = new HashMap<>();
    private final Map<String, String> testPlanNames = new HashMap<>();
    private final Map<String, ProtectedResource> resources = new HashMap<>();
    /** "account/region" whose vaults or recovery points were not all read. */
    private final Set<String> unreadVaults = new TreeSet<>();
    /** "account/region" whose restore jobs were not read. */
    private final Set<String> unreadRestoreJobs = new HashSet<>();

    private Restorability(EstateIndex x, ZoneId zone) {
        this.x = x;
        this.zone = zone;
        this.at = x.at();
        this.thresholds = x.thresholds();
        for (TestPlanRef t : x.restoreTestingPlans()) {
            RestoreTestingPlan p = t.plan();
            if (p.restoreTestingPlanArn() != null) {
                testPlanNames.put(p.restoreTestingPlanArn(), p.restoreTestingPlanName());
            }
        }
        for (var r : x.protectedResources()) {
            resources.put(r.resource().resourceArn(), r.resource());
        }
        Map<String, String> interned = new HashMap<>();
        for (RegionRef where : x.regions()) {
            String here = interned.computeIfAbsent(where.accountId() + "/" + where.region(), k -> k);
            if (where.data().backupVaults() == null || x.readError(where.accountId(), where.region(), null, VAULT_READS) != null) {
                unreadVaults.add(here);
            }
            if (where.data().restoreJobs() == null || x.readError(where.accountId(), where.region(), null, RESTORE_JOB_READS) != null) {
                unreadRestoreJobs.add(here);
            }
        }
        for (VaultRef v : x.vaults()) {
            String here = interned.computeIfAbsent(v.accountId() + "/" + v.region(), k -> k);
            if (v.vault().recoveryPoints() == null) {
                unreadVaults.add(here);
            }
            if (isRestoreAccess(v.vault())) {
                continue;
            }
            String lastResource = null;
            for (RecoveryPoint p : v.points()) {
                // Points of one resource sit together in a vault: skip the map while the resource repeats.
                if (p.resourceArn() == null || p.resourceArn().equals(lastResource) || !mayRestore(p)) {
                    continue;
                }
                lastResource = p.resourceArn();
                addLocation(p.resourceArn(), here);
            }
        }
        for (RegionRef where : x.regions()) {
            if (where.data().copyJobs() != null) {
                for (CopyJob j : where.data().copyJobs()) {
                    Arn dest = Arn.parse(j.destinationBackupVaultArn());
                    if (j.resourceArn() != null && "COMPLETED".equals(j.state()) && dest != null && !dest.account().isEmpty()
                            && holdsNoPointsOf(j.destinationBackupVaultArn())) {
                        addLocation(j.resourceArn(), interned.computeIfAbsent(dest.account() + "/" + dest.region(), k -> k));
                    }
                }
            }
            if (where.data().restoreJobs() != null) {
                for (RestoreJob j : where.data().restoreJobs()) {
                    if (j.recoveryPointArn() != null) {
                        jobsByPoint.computeIfAbsent(j.recoveryPointArn(), k -> new ArrayList<>(2)).add(j);
                    }
                    if (j.backupVaultArn() != null) {
                        jobsByVault.computeIfAbsent(j.backupVaultArn(), k -> new ArrayList<>(2)).add(j);
                    }
                    if (j.sourceResourceArn() != null) {
                        jobsByResource.computeIfAbsent(j.sourceResourceArn(), k -> new ArrayList<>(2)).add(j);
                    }
                }
            }
        }
    }

    /** Indexes the estate for verdicts, with dates in UTC. */
    public static Restorability of(EstateIndex x) {
        return of(x, ZoneOffset.UTC);
    }

    /** Indexes the estate for verdicts, with dates in {@code zone}. Walks every recovery point once. */
    public static Restorability of(EstateIndex x, ZoneId zone) {
        return new Restorability(Objects.requireNonNull(x, "index"), Objects.requireNonNull(zone, "zone"));
    }

    /** One verdict; for many, build {@link #of(EstateIndex)} once and ask it. */
    public static Verdict verdict(EstateIndex x, PointRef p) {
        return of(x).verdict(p);
    }

    public EstateIndex index() {
        return x;
    }

    // ---- the verdict

    public Verdict verdict(PointRef p) {
        Objects.requireNonNull(p, "point");
        RecoveryPoint rp = p.point();
        List<Reason> reasons = new ArrayList<>(5);
        reasons.add(pointReason(rp));
        reasons.add(keyReason(rp.encryptionKeyArn(), rp.encryptionKeyType(), rp.isEncrypted()));
        Restore last = lastRestore(p);
        reasons.add(restoreReason(p, last));
        List<Copy> copies = rp.resourceArn() == null ? List.of() : copies(rp.resourceArn(), p.vault());
        reasons.add(elsewhereReason(p, copies));
        reasons.add(safeReason(p.vault(), copies));

        Outcome core = reasons.get(0).outcome().and(reasons.get(1).outcome()).and(reasons.get(2).outcome());
        Outcome safe = reasons.get(4).outcome();
        Level level = core == Outcome.FAIL ? Level.AT_RISK : core == Outcome.UNKNOWN ? Level.UNKNOWN
                : safe == Outcome.PASS ? Level.RESTORABLE_WITH_SAFE_COPY : Level.RESTORABLE;
        String title = switch (level) {
            case RESTORABLE_WITH_SAFE_COPY -> level.title();
            case RESTORABLE -> safe == Outcome.UNKNOWN ? "Restorable; whether a safe copy exists elsewhere is not known" : level.title();
            case AT_RISK -> "At risk: " + lowerFirst(firstFailing(reasons));
            case UNKNOWN -> level.title();
        };
        return new Verdict(level, title, reasons, copies, restoresOf(rp.recoveryPointArn()), last);
    }

    private static String firstFailing(List<Reason> reasons) {
        for (Reason r : reasons) {
            if (r.outcome() == Outcome.FAIL) {
                return r.text();
            }
        }
        return "";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private Reason pointReason(RecoveryPoint rp) {
        String status = rp.status();
        String message = rp.statusMessage() == null || rp.statusMessage().isBlank() ? "" : " (" + rp.statusMessage().strip() + ")";
        if (status == null) {
            return new Reason(Aspect.POINT, Outcome.UNKNOWN, "Its status was not read");
        }
        Instant deleteAt = rp.calculatedLifecycle() == null ? null : rp.calculatedLifecycle().deleteAt();
        switch (status) {
            case "COMPLETED" -> {
                if (deleteAt != null && !deleteAt.isAfter(at)) {
                    return new Reason(Aspect.POINT, Outcome.FAIL, "Its retention ended on " + date(deleteAt) + ": it is due for deletion");
                }
                String kept = deleteAt != null ? "kept until " + date(deleteAt)
                        : rp.lifecycle() != null && rp.lifecycle().deleteAfterDays() != null ? "kept " + Texts.plural(rp.lifecycle().deleteAfterDays(), "day", "days")
                        : "kept until someone deletes it";
                Instant cold = rp.calculatedLifecycle() == null ? null : rp.calculatedLifecycle().moveToColdStorageAt();
                String tier = cold != null && !cold.isAfter(at) ? "; in cold storage since " + date(cold) + ", so a restore takes longer" : "";
                Instant done = rp.completionDate() != null ? rp.completionDate() : rp.creationDate();
                return new Reason(Aspect.POINT, Outcome.PASS, "Completed" + (done == null ? "" : " on " + date(done)) + ", " + kept + tier);
            }
            case "PARTIAL" -> {
                return new Reason(Aspect.POINT, Outcome.FAIL, "Only partly backed up" + message + ": a restore may miss data");
            }
            case "EXPIRED" -> {
                return new Reason(Aspect.POINT, Outcome.FAIL, "Expired" + message + ": AWS Backup could not delete it, and it cannot be restored");
            }
            case "DELETING" -> {
                return new Reason(Aspect.POINT, Outcome.FAIL, "Being deleted" + message);
            }
            case "CREATING" -> {
                return new Reason(Aspect.POINT, Outcome.FAIL, "Still being created: it cannot be restored yet");
            }
            default -> {
                return new Reason(Aspect.POINT, Outcome.UNKNOWN, "Its status is " + status + message + ", which Redoubt cannot judge");
            }
        }
    }

    /**
     * Whether the key a recovery point is encrypted with can decrypt it for a restore: not
     * encrypted or an AWS-owned key (PASS), an enabled KMS key (PASS), a disabled, deleted or
     * unavailable one (FAIL), or a key not read (UNKNOWN).
     */
    public Reason keyReason(String keyArn, String keyType, Boolean encrypted) {
        if (Boolean.FALSE.equals(encrypted)) {
            return new Reason(Aspect.KEY, Outcome.PASS, "Not encrypted: a restore needs no key");
        }
        if (EstateIndex.AWS_OWNED_KEY.equals(keyType)) {
            return new Reason(Aspect.KEY, Outcome.PASS, "Encrypted with an AWS-owned key, which AWS keeps usable");
        }
        if (keyArn == null) {
            return new Reason(Aspect.KEY, Outcome.UNKNOWN, Boolean.TRUE.equals(encrypted) ? "Encrypted, but which key was not read"
                    : "Whether it is encrypted, and with which key, was not read");
        }
        KeyRef k = x.key(keyArn);
        if (k == null) {
            Arn arn = Arn.parse(keyArn);
            return new Reason(Aspect.KEY, Outcome.UNKNOWN, "Its key " + keyLabel(keyArn, null) + " was not read"
                    + (arn == null || arn.account().isEmpty() ? "" : " (it belongs to " + Texts.account(x, arn.account()) + ")"));
        }
        KeyMetadata m = k.key().keyMetadata();
        String name = keyLabel(keyArn, k);
        String state = m.keyState();
        if (state == null) {
            return new Reason(Aspect.KEY, Outcome.UNKNOWN, "The state of its key " + name + " was not read");
        }
        return switch (state) {
            case "Enabled" -> m.validTo() != null && !m.validTo().isAfter(at)
                    ? new Reason(Aspect.KEY, Outcome.FAIL, "Its key " + name + " lost its imported key material on " + date(m.validTo()))
                    : new Reason(Aspect.KEY, Outcome.PASS, "Its key " + name + " is enabled"
                    + (m.validTo() != null ? "; its imported key material expires on " + date(m.validTo()) : ""));
            case "Disabled" -> new Reason(Aspect.KEY, Outcome.FAIL, "Its key " + name + " is disabled: nothing it encrypts can be restored until it is enabled");
            case "PendingDeletion", "PendingReplicaDeletion" -> new Reason(Aspect.KEY, Outcome.FAIL, "Its key " + name + " is scheduled for deletion"
                    + (m.deletionDate() != null ? " on " + date(m.deletionDate()) : "") + ": once deleted, this backup is lost for good");
            case "PendingImport" -> new Reason(Aspect.KEY, Outcome.FAIL, "Its key " + name
                    + " has no key material (expired or deleted): nothing it encrypts can be decrypted until the same material is imported again");
            case "Unavailable" -> new Reason(Aspect.KEY, Outcome.FAIL, "Its key " + name + " is unavailable: its custom key store is disconnected");
            default -> new Reason(Aspect.KEY, Outcome.UNKNOWN, "Its key " + name + " is " + state + ", which Redoubt cannot judge");
        };
    }

    /** "alias/shop-prod-data", else the key ID. */
    private static String keyLabel(String keyArn, KeyRef k) {
        if (k != null && k.key().aliases() != null) {
            for (KeyAlias a : k.key().aliases()) {
                if (a.aliasName() != null) {
                    return a.aliasName();
                }
            }
        }
        if (keyArn.contains(":alias/")) {
            return keyArn.substring(keyArn.indexOf(":alias/") + 1);
        }
        int i = keyArn.lastIndexOf('/');
        return i < 0 ? keyArn : keyArn.substring(i + 1);
    }

    // ---- restore tests

    /** The latest finished restore of this resource (else of another resource of the vault), judged; null when none was found. */
    private Restore lastRestore(PointRef p) {
        RecoveryPoint rp = p.point();
        RestoreJob best = null;
        Relation relation = null;
        Set<String> resourcePoints = new HashSet<>();
        if (rp.resourceArn() != null) {
            for (PointRef other : x.pointsOf(rp.resourceArn())) {
                if (other.point().recoveryPointArn() != null) {
                    resourcePoints.add(other.point().recoveryPointArn());
                }
            }
            for (RestoreJob j : jobsOf(jobsByResource, rp.resourceArn())) {
                best = later(best, j);
            }
            for (String arn : resourcePoints) {
                for (RestoreJob j : jobsOf(jobsByPoint, arn)) {
                    best = later(best, j);
                }
            }
        }
        for (RestoreJob j : jobsOf(jobsByPoint, rp.recoveryPointArn())) {
            best = later(best, j);
        }
        if (best != null) {
            relation = Objects.equals(best.recoveryPointArn(), rp.recoveryPointArn()) ? Relation.THIS_POINT : Relation.THIS_RESOURCE;
        } else {
            for (RestoreJob j : jobsOf(jobsByVault, p.vault().arn())) {
                best = later(best, j);
            }
            relation = Relation.THIS_VAULT;
        }
        return best == null ? null : judge(best, relation);
    }

    private RestoreJob later(RestoreJob best, RestoreJob j) {
        if (j.creationDate() == null || j.creationDate().isAfter(at) || j.status() == null || !FINISHED_JOB.contains(j.status())) {
            return best;
        }
        return best == null || j.creationDate().isAfter(best.creationDate()) ? j : best;
    }

    private static List<RestoreJob> jobsOf(Map<String, List<RestoreJob>> map, String key) {
        return key == null ? List.of() : map.getOrDefault(key, List.of());
    }

    /** A restore job against the restore-test window and the restore time target. */
    private Restore judge(RestoreJob j, Relation relation) {
        String planArn = j.createdBy() == null ? null : j.createdBy().restoreTestingPlanArn();
        String planName = planArn == null ? null : testPlanNames.getOrDefault(planArn, planArn);
        String what = (planArn != null ? "restore test" : "restore by hand") + (j.creationDate() == null ? "" : " on " + date(j.creationDate()))
                + " (" + relation.text() + (planName != null ? ", plan " + planName : "") + ")";
        Duration took = j.creationDate() != null && j.completionDate() != null && !j.completionDate().isBefore(j.creationDate())
                ? Duration.between(j.creationDate(), j.completionDate()) : null;
        String status = j.status();
        String message = j.statusMessage() == null || j.statusMessage().isBlank() ? "" : ": " + j.statusMessage().strip();
        if (status == null) {
            return new Restore(j, planArn, planName, relation, took, Outcome.UNKNOWN, "The " + what + " has no status");
        }
        if (FAILED_JOB.contains(status)) {
            return new Restore(j, planArn, planName, relation, took, Outcome.FAIL, "The " + what + " " + status.toLowerCase(java.util.Locale.ROOT) + message);
        }
        if (!"COMPLETED".equals(status)) {
            return new Restore(j, planArn, planName, relation, took, Outcome.UNKNOWN, "The " + what + " is " + status.toLowerCase(java.util.Locale.ROOT));
        }
        if (j.validationStatus() != null && VALIDATION_BAD.contains(j.validationStatus())) {
            String vm = j.validationStatusMessage() == null || j.validationStatusMessage().isBlank() ? "" : ": " + j.validationStatusMessage().strip();
            return new Restore(j, planArn, planName, relation, took, Outcome.FAIL, "The " + what + " restored, but its validation "
                    + ("TIMED_OUT".equals(j.validationStatus()) ? "timed out" : "failed") + vm);
        }
        int maxAge = thresholds.restoreTestMaxAgeDays();
        int maxMinutes = thresholds.maxRestoreMinutes();
        String target = Texts.duration(Duration.ofMinutes(maxMinutes)) + " target";
        if (j.creationDate() != null && j.creationDate().isBefore(at.minus(Duration.ofDays(maxAge)))) {
            return new Restore(j, planArn, planName, relation, took, Outcome.FAIL, "The latest " + what + " is more than "
                    + Texts.plural(maxAge, "day", "days") + " old");
        }
        if (took == null) {
            return new Restore(j, planArn, planName, relation, null, Outcome.UNKNOWN, "The " + what + " completed; how long it took was not read");
        }
        if (took.toMinutes() > maxMinutes) {
            return new Restore(j, planArn, planName, relation, took, Outcome.FAIL, "The " + what + " took " + Texts.duration(took)
                    + ", more than the " + target);
        }
        String validation = "SUCCESSFUL".equals(j.validationStatus()) ? "; its validation passed"
                : planArn != null ? "; no validation result was posted" : "";
        return new Restore(j, planArn, planName, relation, took, Outcome.PASS, "The " + what + " completed in " + Texts.duration(took)
                + ", within the " + target + validation);
    }

    private Reason restoreReason(PointRef p, Restore last) {
        if (last != null) {
            return new Reason(Aspect.RESTORE_TEST, last.outcome(), last.text());
        }
        // No job listed: the protected resource's own record of its latest restore, if any.
        ProtectedResource res = p.point().resourceArn() == null ? null : resources.get(p.point().resourceArn());
        if (res != null && res.latestRestoreJobCreationDate() != null && !res.latestRestoreJobCreationDate().isAfter(at)) {
            Instant when = res.latestRestoreJobCreationDate();
            int maxAge = thresholds.restoreTestMaxAgeDays();
            int maxMinutes = thresholds.maxRestoreMinutes();
            Long minutes = res.latestRestoreExecutionTimeMinutes();
            String what = "The resource's latest restore, on " + date(when);
            if (when.isBefore(at.minus(Duration.ofDays(maxAge)))) {
                return new Reason(Aspect.RESTORE_TEST, Outcome.FAIL, what + ", is more than " + Texts.plural(maxAge, "day", "days") + " old");
            }
            if (minutes == null) {
                return new Reason(Aspect.RESTORE_TEST, Outcome.UNKNOWN, what + ": how it ended and how long it took were not read");
            }
            String took = Texts.duration(Duration.ofMinutes(minutes));
            String target = Texts.duration(Duration.ofMinutes(maxMinutes)) + " target";
            return minutes > maxMinutes ? new Reason(Aspect.RESTORE_TEST, Outcome.FAIL, what + ", took " + took + ", more than the " + target)
                    : new Reason(Aspect.RESTORE_TEST, Outcome.PASS, what + ", took " + took + ", within the " + target);
        }
        String here = p.vault().accountId() + "/" + p.vault().region();
        if (unreadRestoreJobs.contains(here)) {
            return new Reason(Aspect.RESTORE_TEST, Outcome.UNKNOWN, "The restore jobs of " + Texts.account(x, p.vault().accountId()) + " in "
                    + p.vault().region() + " were not read");
        }
        return new Reason(Aspect.RESTORE_TEST, Outcome.FAIL, "No restore test found: no restore job of this resource or of the vault's other resources");
    }

    // ---- copies

    /** True when a recovery point of the resource that may be restored exists in another account or region than the point's vault. */
    public boolean hasCopyElsewhere(PointRef p) {
        return hasCopyElsewhere(p.point().resourceArn(), p.vault().accountId(), p.vault().region());
    }

    /** True when a recovery point of the resource that may be restored exists in another account or region than these. */
    public boolean hasCopyElsewhere(String resource, String accountId, String region) {
        if (resource == null) {
            return false;
        }
        Object where = locations.get(resource);
        if (where == null) {
            return false;
        }
        String here = accountId + "/" + region;
        // A set holds two places or more: at least one is not this one.
        return !(where instanceof String s) || !s.equals(here);
    }

    /** The copies of a resource in other accounts or regions than {@code from}'s, best first (safe, then newest). */
    public List<Copy> copies(String resourceArn, VaultRef from) {
        Map<String, List<RecoveryPoint>> byVault = new LinkedHashMap<>();
        Map<String, VaultRef> vaults = new HashMap<>();
        Set<String> seenPoints = new HashSet<>();
        for (PointRef other : x.pointsOf(resourceArn)) {
            VaultRef v = other.vault();
            if (v == from || Objects.equals(v.arn(), from.arn()) || isRestoreAccess(v.vault())
                    || RESTORE_ACCESS_VAULT.equals(other.point().vaultType())
                    || v.accountId().equals(from.accountId()) && v.region().equals(from.region())) {
                continue;
            }
            String key = v.arn() == null ? "vault@" + System.identityHashCode(v) : v.arn();
            byVault.computeIfAbsent(key, k -> new ArrayList<>()).add(other.point());
            vaults.put(key, v);
            if (other.point().recoveryPointArn() != null) {
                seenPoints.add(other.point().recoveryPointArn());
            }
        }
        List<Copy> out = new ArrayList<>();
        for (var e : byVault.entrySet()) {
            out.add(copyIn(vaults.get(e.getKey()), e.getValue(), from));
        }
        Map<String, CopyJob> jobs = new LinkedHashMap<>();
        for (CopyRef c : x.copiesOf(resourceArn)) {
            CopyJob j = c.job();
            Arn dest = Arn.parse(j.destinationBackupVaultArn());
            if (!"COMPLETED".equals(j.state()) || dest == null || dest.account().isEmpty() || seenPoints.contains(j.destinationRecoveryPointArn())
                    || !holdsNoPointsOf(j.destinationBackupVaultArn()) || RESTORE_ACCESS_VAULT.equals(j.destinationVaultType())
                    || dest.account().equals(from.accountId()) && dest.region().equals(from.region())) {
                continue;
            }
            jobs.merge(j.destinationBackupVaultArn(), j, (a, b) -> time(b).isAfter(time(a)) ? b : a);
        }
        for (CopyJob j : jobs.values()) {
            out.add(copyJob(j, from));
        }
        out.sort(Comparator.comparingInt((Copy c) -> rank(c.safe()))
                .thenComparing(c -> !c.outOfReach())
                .thenComparing(Copy::created, Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    /** PASS, then UNKNOWN, then FAIL: the copies that may save the day first. */
    private static int rank(Outcome o) {
        return switch (o) {
            case PASS -> 0;
            case UNKNOWN -> 1;
            case FAIL -> 2;
        };
    }

    private static Instant time(CopyJob j) {
        Instant t = j.completionDate() != null ? j.completionDate() : j.creationDate();
        return t == null ? Instant.MIN : t;
    }

    /** True when the estate holds no recovery points of the vault (it does not hold the vault, or did not read its points). */
    private boolean holdsNoPointsOf(String vaultArn) {
        VaultRef v = x.vault(vaultArn);
        return v == null || v.vault().recoveryPoints() == null;
    }

    private Copy copyIn(VaultRef v, List<RecoveryPoint> points, VaultRef from) {
        RecoveryPoint best = null;
        for (RecoveryPoint p : points) {
            if (best == null || rank(usable(p)) < rank(usable(best))
                    || usable(p) == usable(best) && newer(p.creationDate(), best.creationDate())) {
                best = p;
            }
        }
        boolean otherAccount = !v.accountId().equals(from.accountId());
        boolean otherRegion = !v.region().equals(from.region());
        VaultLock lock = VaultLock.of(v.vault(), at);
        Reason key = keyReason(best.encryptionKeyArn(), best.encryptionKeyType(), best.isEncrypted());
        Outcome usable = usable(best);
        Outcome safe = otherAccount && otherRegion ? usable.and(lock.outcome()).and(key.outcome()) : Outcome.FAIL;
        return new Copy(best.recoveryPointArn(), v.arn(), Texts.vaultName(v.vault().backupVaultName(), v.arn()), v.accountId(), v.region(),
                best.creationDate(), best.status(), otherAccount, otherRegion, lock, key, usable, safe, points.size(), false);
    }

    private Copy copyJob(CopyJob j, VaultRef from) {
        Arn dest = Arn.parse(j.destinationBackupVaultArn());
        boolean otherAccount = !dest.account().equals(from.accountId());
        boolean otherRegion = !dest.region().equals(from.region());
        VaultRef held = x.vault(j.destinationBackupVaultArn());
        VaultLock lock = held != null ? VaultLock.of(held.vault(), at) : VaultLock.ofCopyJob(j.destinationVaultType(), j.destinationVaultLockState());
        Reason key = j.destinationEncryptionKeyArn() == null
                ? new Reason(Aspect.KEY, Outcome.UNKNOWN, "The copy's key was not read")
                : keyReason(j.destinationEncryptionKeyArn(), null, Boolean.TRUE);
        // The copy job says it completed; whether the copy still exists is unknown when its vault's points were not read.
        Outcome usable = Outcome.UNKNOWN;
        Outcome safe = otherAccount && otherRegion ? usable.and(lock.outcome()).and(key.outcome()) : Outcome.FAIL;
        Instant when = j.completionDate() != null ? j.completionDate() : j.creationDate();
        return new Copy(j.destinationRecoveryPointArn(), j.destinationBackupVaultArn(), Texts.vaultName(null, j.destinationBackupVaultArn()),
                dest.account(), dest.region(), when, "COPY JOB " + j.state(), otherAccount, otherRegion, lock, key, usable, safe, 1, true);
    }

    private static boolean newer(Instant a, Instant b) {
        return a != null && (b == null || a.isAfter(b));
    }

    /** PASS: completed and unexpired; UNKNOWN: status not read; FAIL otherwise. */
    private Outcome usable(RecoveryPoint p) {
        if (p.status() == null) {
            return Outcome.UNKNOWN;
        }
        if (!"COMPLETED".equals(p.status())) {
            return Outcome.FAIL;
        }
        Instant deleteAt = p.calculatedLifecycle() == null ? null : p.calculatedLifecycle().deleteAt();
        return deleteAt == null || deleteAt.isAfter(at) ? Outcome.PASS : Outcome.FAIL;
    }

    /** A point that may still be restored: COMPLETED or of unknown status, not past its DeleteAt. */
    private boolean mayRestore(RecoveryPoint p) {
        return (p.status() == null || "COMPLETED".equals(p.status()))
                && (p.calculatedLifecycle() == null || p.calculatedLifecycle().deleteAt() == null || p.calculatedLifecycle().deleteAt().isAfter(at));
    }

    private static boolean isRestoreAccess(BackupVault v) {
        return RESTORE_ACCESS_VAULT.equals(v.vaultType());
    }

    private void addLocation(String resource, String where) {
        Object seen = locations.get(resource);
        if (seen == null) {
            locations.put(resource, where);
        } else if (seen instanceof String s) {
            if (!s.equals(where)) {
                Set<String> both = new HashSet<>(4);
                both.add(s);
                both.add(where);
                locations.put(resource, both);
            }
        } else {
            @SuppressWarnings("unchecked")
            Set<String> all = (Set<String>) seen;
            all.add(where);
        }
    }

    /** The vaults of other accounts and regions than {@code from}'s that were not read: a copy may be there. */
    private List<String> unreadElsewhere(VaultRef from) {
        String here = from.accountId() + "/" + from.region();
        List<String> out = new ArrayList<>();
        for (String s : unreadVaults) {
            if (!s.equals(here)) {
                out.add(s);
            }
        }
        return out;
    }

    private String unreadText(List<String> unread) {
        List<String> shown = new ArrayList<>();
        for (String s : unread.subList(0, Math.min(3, unread.size()))) {
            int slash = s.indexOf('/');
            shown.add(Texts.account(x, s.substring(0, slash)) + " " + s.substring(slash + 1));
        }
        return String.join(", ", shown) + (unread.size() > 3 ? " and " + (unread.size() - 3) + " more" : "");
    }

    private Reason elsewhereReason(PointRef p, List<Copy> copies) {
        List<Copy> usable = copies.stream().filter(c -> c.usable() != Outcome.FAIL).toList();
        if (!usable.isEmpty()) {
            boolean known = usable.stream().anyMatch(c -> c.usable() == Outcome.PASS);
            String where = String.join("; ", usable.stream().limit(3).map(this::place).toList()) + (usable.size() > 3 ? "; and "
                    + (usable.size() - 3) + " more" : "");
            return new Reason(Aspect.COPY_ELSEWHERE, known ? Outcome.PASS : Outcome.UNKNOWN,
                    (known ? "Copies in " : "Copies reported, not seen, in ") + where);
        }
        List<String> unread = unreadElsewhere(p.vault());
        String gone = copies.isEmpty() ? "" : " (the copies in " + String.join(", ", copies.stream().map(Copy::vaultName).toList())
                + " cannot be restored)";
        if (p.point().resourceArn() == null) {
            return new Reason(Aspect.COPY_ELSEWHERE, Outcome.UNKNOWN, "The resource this point backs up was not read, so its copies cannot be found");
        }
        if (!unread.isEmpty() || x.estate().incomplete() != null) {
            return new Reason(Aspect.COPY_ELSEWHERE, Outcome.UNKNOWN, "No copy found in another account or region" + gone + ", but "
                    + (unread.isEmpty() ? "the scan stopped before it read everything" : "the vaults of " + unreadText(unread) + " were not read"));
        }
        return new Reason(Aspect.COPY_ELSEWHERE, Outcome.FAIL, "No copy in another account or region" + gone);
    }

    /** "central-eu-central-1 in northwind-backup (536470192834), eu-central-1". */
    private String place(Copy c) {
        return c.vaultName() + " in " + Texts.account(x, c.accountId()) + ", " + c.region();
    }

    private Reason safeReason(VaultRef from, List<Copy> copies) {
        for (Copy c : copies) {
            if (c.safe() == Outcome.PASS) {
                return new Reason(Aspect.SAFE_COPY, Outcome.PASS, "A copy in " + place(c) + ", out of reach of this account and region: "
                        + lowerFirst(c.lock().describe(zone)) + "; " + lowerFirst(c.key().text()));
            }
        }
        for (Copy c : copies) {
            if (c.safe() == Outcome.UNKNOWN) {
                List<String> unknown = new ArrayList<>();
                if (c.usable() == Outcome.UNKNOWN) {
                    unknown.add(c.fromCopyJob() ? "whether it still exists (its vault's recovery points were not read)" : "its status");
                }
                if (c.lock().outcome() == Outcome.UNKNOWN) {
                    unknown.add("its vault's lock");
                }
                if (c.key().outcome() == Outcome.UNKNOWN) {
                    unknown.add("its key");
                }
                return new Reason(Aspect.SAFE_COPY, Outcome.UNKNOWN, "The copy in " + place(c) + " may be safe, but " + String.join(", ", unknown)
                        + (unknown.size() == 1 ? " was" : " were") + " not read");
            }
        }
        List<Copy> outOfReach = copies.stream().filter(Copy::outOfReach).toList();
        if (outOfReach.isEmpty()) {
            List<String> unread = unreadElsewhere(from).stream().filter(s -> !s.startsWith(from.accountId() + "/") && !s.endsWith("/" + from.region())).toList();
            if (!unread.isEmpty() || x.estate().incomplete() != null) {
                return new Reason(Aspect.SAFE_COPY, Outcome.UNKNOWN, "No copy found in another account and another region, but "
                        + (unread.isEmpty() ? "the scan stopped before it read everything" : "the vaults of " + unreadText(unread) + " were not read"));
            }
            return new Reason(Aspect.SAFE_COPY, Outcome.FAIL, copies.isEmpty() ? "No copy in another account and another region"
                    : "No copy in another account and another region: the copies elsewhere share this point's account or region");
        }
        Copy c = outOfReach.get(0);
        String why = c.usable() == Outcome.FAIL ? "it cannot be restored (" + (c.status() == null ? "status not read" : c.status().toLowerCase(java.util.Locale.ROOT)) + ")"
                : c.lock().outcome() == Outcome.FAIL ? lowerFirst(c.lock().describe(zone))
                : lowerFirst(c.key().text());
        return new Reason(Aspect.SAFE_COPY, Outcome.FAIL, "The copy in " + place(c) + " is not safe: " + why);
    }

    // ---- for the vaults screen

    /** For each resource with recovery points in the vault: does it have a safe copy in another account and region? */
    public SafeCopies safeCopies(VaultRef v) {
        Set<String> seen = new HashSet<>();
        int safe = 0;
        int unsafe = 0;
        int unknown = 0;
        String last = null;
        for (RecoveryPoint p : v.points()) {
            String r = p.resourceArn();
            if (r == null || r.equals(last) || !seen.add(r)) {
                continue;
            }
            last = r;
            Outcome o = safeReason(v, copies(r, v)).outcome();
            switch (o) {
                case PASS -> safe++;
                case FAIL -> unsafe++;
                case UNKNOWN -> unknown++;
            }
        }
        return new SafeCopies(seen.size(), safe, unsafe, unknown);
    }

    /** The restore jobs (tests and by hand) that restored this recovery point, newest first, each judged. */
    public List<Restore> restoresOf(String recoveryPointArn) {
        List<Restore> out = new ArrayList<>();
        for (RestoreJob j : jobsOf(jobsByPoint, recoveryPointArn)) {
            out.add(judge(j, Relation.THIS_POINT));
        }
        out.sort(Comparator.comparing((Restore r) -> r.job().creationDate(), Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    private String date(Instant i) {
        return Texts.date(i, zone);
    }
}
