package dev.redoubt.findings.checks;

import dev.redoubt.estate.Arn;
import dev.redoubt.estate.BackupPlan;
import dev.redoubt.estate.BackupRule;
import dev.redoubt.estate.BackupSelection;
import dev.redoubt.estate.CopyAction;
import dev.redoubt.estate.CopyJob;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.RecoveryPointCreator;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.CopyRef;
import dev.redoubt.findings.EstateIndex.PlanRef;
import dev.redoubt.findings.EstateIndex.PointRef;
import dev.redoubt.findings.EstateIndex.RegionRef;
import dev.redoubt.findings.EstateIndex.ResourceRef;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Wildcards;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Where a resource's copies are (checks.md, "Copies"): completed, unexpired copies (copy jobs and
 * recovery points of the resource in other vaults) and the copy actions its plans configure.
 *
 * <p>A copy is a COMPLETED recovery point that has not expired (not EXPIRED or DELETING, DeleteAt
 * not passed), or a COMPLETED copy job whose destination recovery point is not known to be gone.
 * Restore-access vaults (RESTORE_ACCESS_BACKUP_VAULT) are views of an air-gapped vault's recovery
 * points, not copies, and never count.
 */
final class Copies {
    static final String RESTORE_ACCESS_VAULT = "RESTORE_ACCESS_BACKUP_VAULT";

    private Copies() {
    }

    /** Which vaults a check accepts as a copy's destination. */
    interface Destination {
        boolean accepts(String account, String region, String vaultType);

        default boolean acceptsArn(String vaultArn, String vaultType) {
            Arn a = Arn.parse(vaultArn);
            return a != null && accepts(a.account(), a.region(), vaultType);
        }
    }

    /**
     * A copy found, with when it was made (recovery point CreationDate, else copy job completion) and the vault holding it.
     * Its description is spelled only when a result shows it: a resource's copies are listed for four checks, and only the
     * most recent one is named.
     */
    record Copy(String kind, String id, String verb, Instant at, String preposition, String vaultArn) {
        /** "recovery point ARN created INSTANT in VAULT", "copy job ID COMPLETED INSTANT into VAULT". */
        String description() {
            return kind + " " + id + " " + verb + " " + at + " " + preposition + " " + vaultArn;
        }
    }

    static Destination otherAccount(String account) {
        return (a, region, type) -> !a.isEmpty() && !a.equals(account);
    }

    static Destination otherRegion(String region) {
        return (account, r, type) -> !r.isEmpty() && !r.equals(region);
    }

    /** Any vault except the resource's own account's standard vaults: another account, or a logically air-gapped vault (another security domain). */
    static Destination otherDomain(String account) {
        return (a, region, type) -> !a.isEmpty() && (!a.equals(account) || EstateIndex.LAG_VAULT.equals(type));
    }

    /** A recovery point that exists and can be restored: COMPLETED (or of unknown status) and not past its DeleteAt. */
    static boolean unexpired(RecoveryPoint p, Instant at) {
        if (p.status() != null && !"COMPLETED".equals(p.status())) {
            return false;
        }
        return p.calculatedLifecycle() == null || p.calculatedLifecycle().deleteAt() == null || p.calculatedLifecycle().deleteAt().isAfter(at);
    }

    static boolean isRestoreAccess(VaultRef v) {
        return RESTORE_ACCESS_VAULT.equals(v.vault().vaultType());
    }

    /** The vault type of a copy job's destination: the estate's vault when it holds it, else the job's DestinationVaultType. */
    private static String destinationType(EstateIndex x, CopyJob j) {
        VaultRef v = x.vault(j.destinationBackupVaultArn());
        if (v != null && v.vault().vaultType() != null) {
            return v.vault().vaultType();
        }
        return j.destinationVaultType();
    }

    /**
     * True when a COMPLETED copy job's copy still exists as far as the estate can tell: its destination
     * recovery point, when the estate lists the destination vault's recovery points, is there and unexpired.
     */
    private static boolean copyStillThere(EstateIndex x, CopyJob j) {
        VaultRef v = x.vault(j.destinationBackupVaultArn());
        if (v == null || v.vault().recoveryPoints() == null || j.destinationRecoveryPointArn() == null) {
            return true;
        }
        for (RecoveryPoint p : v.points()) {
            if (j.destinationRecoveryPointArn().equals(p.recoveryPointArn())) {
                return unexpired(p, x.at());
            }
        }
        return false;
    }

    /** The most recent completed, unexpired copy in a vault the destination accepts, made within [since, at]; null when none. */
    static Copy recentCopy(EstateIndex x, ResourceRef r, Destination destination, Instant since) {
        Copy best = null;
        for (Copy c : existingCopies(x, r, destination)) {
            if (within(c.at(), since, x.at()) && (best == null || c.at().isAfter(best.at()))) {
                best = c;
            }
        }
        return best;
    }

    /** Every completed, unexpired copy of the resource in a vault the destination accepts, of any age (restore-access vaults excluded). */
    static java.util.List<Copy> existingCopies(EstateIndex x, ResourceRef r, Destination destination) {
        java.util.List<Copy> out = new java.util.ArrayList<>();
        Set<String> seenPoints = new java.util.HashSet<>();
        for (PointRef p : x.pointsOf(r.resource().resourceArn())) {
            VaultRef v = p.vault();
            if (isRestoreAccess(v) || RESTORE_ACCESS_VAULT.equals(p.point().vaultType()) || !unexpired(p.point(), x.at()) || p.point().creationDate() == null
                    || !destination.accepts(v.accountId(), v.region(), v.vault().vaultType())) {
                continue;
            }
            seenPoints.add(p.point().recoveryPointArn());
            out.add(new Copy("recovery point", p.point().recoveryPointArn(), "created", p.point().creationDate(), "in", v.arn()));
        }
        for (CopyRef c : x.copiesOf(r.resource().resourceArn())) {
            CopyJob j = c.job();
            Instant when = j.completionDate() != null ? j.completionDate() : j.creationDate();
            String type = destinationType(x, j);
            if (!"COMPLETED".equals(j.state()) || when == null || j.destinationBackupVaultArn() == null || RESTORE_ACCESS_VAULT.equals(type)
                    || seenPoints.contains(j.destinationRecoveryPointArn()) || !destination.acceptsArn(j.destinationBackupVaultArn(), type)
                    || !copyStillThere(x, j)) {
                continue;
            }
            out.add(new Copy("copy job", j.copyJobId(), "COMPLETED", when, "into", j.destinationBackupVaultArn()));
        }
        return out;
    }

    /** The most recent FAILED or PARTIAL copy job into a vault the destination accepts, within [since, at], with its message; null when none. */
    static String latestFailedCopy(EstateIndex x, ResourceRef r, Destination destination, Instant since) {
        CopyJob latest = null;
        for (CopyRef c : x.copiesOf(r.resource().resourceArn())) {
            CopyJob j = c.job();
            if (("FAILED".equals(j.state()) || "PARTIAL".equals(j.state())) && j.creationDate() != null && within(j.creationDate(), since, x.at())
                    && j.destinationBackupVaultArn() != null && destination.acceptsArn(j.destinationBackupVaultArn(), destinationType(x, j))
                    && (latest == null || j.creationDate().isAfter(latest.creationDate()))) {
                latest = j;
            }
        }
        return latest == null ? null : "copy job " + latest.copyJobId() + " " + latest.state() + " " + latest.creationDate() + " into "
                + latest.destinationBackupVaultArn() + (latest.statusMessage() == null ? "" : ": " + latest.statusMessage());
    }

    private static boolean within(Instant when, Instant since, Instant at) {
        return when != null && !when.isBefore(since) && !when.isAfter(at);
    }

    /**
     * The destination vault ARNs of copy actions (and, with {@code airGappedTargets}, the
     * TargetLogicallyAirGappedBackupVaultArn of rules) in the plans that back the resource up: the
     * plans that created its recovery points, and the plans whose selections name its ARN.
     */
    static Set<String> configuredCopies(EstateIndex x, ResourceRef r, Destination destination, boolean airGappedTargets) {
        Set<String> out = new java.util.TreeSet<>();
        for (PlanRef plan : plansOf(x, r)) {
            if (plan.plan().backupPlan() == null || plan.plan().backupPlan().rules() == null) {
                continue;
            }
            for (BackupRule rule : plan.plan().backupPlan().rules()) {
                if (airGappedTargets && rule.targetLogicallyAirGappedBackupVaultArn() != null
                        && destination.acceptsArn(rule.targetLogicallyAirGappedBackupVaultArn(), EstateIndex.LAG_VAULT)) {
                    out.add(rule.targetLogicallyAirGappedBackupVaultArn());
                }
                if (rule.copyActions() == null) {
                    continue;
                }
                for (CopyAction a : rule.copyActions()) {
                    String arn = a.destinationBackupVaultArn();
                    VaultRef v = x.vault(arn);
                    String type = v == null ? null : v.vault().vaultType();
                    if (arn != null && !RESTORE_ACCESS_VAULT.equals(type) && destination.acceptsArn(arn, type)) {
                        out.add(arn);
                    }
                }
            }
        }
        return out;
    }

    /** The plans that back the resource up: those that created its recovery points, and those whose selections name its ARN. */
    static Set<PlanRef> plansOf(EstateIndex x, ResourceRef r) {
        // By identity: a PlanRef's record hashCode walks the whole plan, and a resource can have thousands of points.
        Set<PlanRef> plans = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Set<String> looked = new java.util.HashSet<>();
        for (PointRef p : x.pointsOf(r.resource().resourceArn())) {
            RecoveryPointCreator by = p.point().createdBy();
            if (by != null && looked.add(by.backupPlanArn() + "|" + by.backupPlanId())) {
                PlanRef plan = x.plan(by.backupPlanArn(), by.backupPlanId());
                if (plan != null) {
                    plans.add(plan);
                }
            }
        }
        for (PlanRef plan : x.plans()) {
            if (!plan.where().accountId().equals(r.ownerAccountId()) || plans.contains(plan)) {
                continue;
            }
            BackupPlan bp = plan.plan();
            for (BackupSelection s : bp.selections() == null ? java.util.List.<BackupSelection>of() : bp.selections()) {
                if (s.backupSelection() != null && names(s.backupSelection().resources(), r.resource().resourceArn())
                        && !names(s.backupSelection().notResources(), r.resource().resourceArn())) {
                    plans.add(plan);
                    break;
                }
            }
        }
        return plans;
    }

    private static boolean names(java.util.List<String> patterns, String arn) {
        return patterns != null && patterns.stream().anyMatch(p -> p != null && !p.equals("*") && Wildcards.matches(p, arn, false));
    }

    /** isCrossAccountBackupEnabled as the organization's management account reports it (its region, else any), else as the resource's account does. */
    record Setting(String value, String accountId, String region) {
    }

    static Setting crossAccountBackup(EstateIndex x, ResourceRef r) {
        Setting s = null;
        String management = x.managementAccountId();
        for (RegionRef where : x.regions()) {
            Map<String, String> g = where.data().globalSettings();
            if (g == null || g.get("isCrossAccountBackupEnabled") == null) {
                continue;
            }
            int rank = where.accountId().equals(management) ? (where.region().equals(r.ownerRegion()) ? 0 : 1)
                    : where.accountId().equals(r.ownerAccountId()) && where.region().equals(r.ownerRegion()) ? 2 : -1;
            if (rank < 0) {
                continue;
            }
            if (s == null || rank < rankOf(s, management, r)) {
                s = new Setting(g.get("isCrossAccountBackupEnabled"), where.accountId(), where.region());
            }
        }
        return s;
    }

    private static int rankOf(Setting s, String management, ResourceRef r) {
        return s.accountId().equals(management) ? (s.region().equals(r.ownerRegion()) ? 0 : 1) : 2;
    }
}
