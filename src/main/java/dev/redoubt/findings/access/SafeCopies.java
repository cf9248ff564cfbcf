package dev.redoubt.findings.access;

import dev.redoubt.estate.Arn;
import dev.redoubt.estate.CopyJob;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.CopyRef;
import dev.redoubt.findings.EstateIndex.PointRef;
import dev.redoubt.findings.EstateIndex.VaultRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the backups in one vault survive the loss of that vault, its account and its region: for
 * each resource the vault holds live recovery points of, a completed, unexpired copy in a vault of
 * another account AND another region whose lock nobody can remove (a compliance lock past its
 * LockDate, or a logically air-gapped vault). Copies under a lock that can still be removed (a
 * governance lock, a compliance lock in its grace time) or under none are named as weaker ones.
 * Restore-access vaults are views of an air-gapped vault, not copies, and never count.
 *
 * @param resources   how many resources the vault holds live recovery points of
 * @param covered     how many of them have a safe copy
 * @param safeVaults  the vaults holding safe copies (ARNs, in the order found)
 * @param weakerVaults the vaults of another account and region holding copies under a removable lock or none, with why
 */
public record SafeCopies(Verdict verdict, String answer, List<String> reasons, int resources, int covered, Set<String> safeVaults,
                         Map<String, String> weakerVaults) {

    public enum Verdict {
        /** Every resource has a safe copy. */
        ALL,
        /** Some resources have one. */
        SOME,
        /** None has one. */
        NONE,
        /** The vault holds no live recovery point: nothing to copy. */
        NO_RECOVERY_POINTS,
        /** The vault's recovery points were not read. */
        UNKNOWN
    }

    public SafeCopies {
        reasons = List.copyOf(reasons);
        safeVaults = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(safeVaults));
        weakerVaults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weakerVaults));
    }

    public static SafeCopies of(EstateIndex x, VaultRef v) {
        Instant at = x.at();
        if (v.vault().recoveryPoints() == null) {
            return new SafeCopies(Verdict.UNKNOWN, "Unknown: the vault's recovery points were not read", List.of(), 0, 0, Set.of(), Map.of());
        }
        Set<String> resources = new LinkedHashSet<>();
        for (RecoveryPoint p : v.points()) {
            if (p.resourceArn() != null && live(p, at)) {
                resources.add(p.resourceArn());
            }
        }
        if (resources.isEmpty()) {
            return new SafeCopies(Verdict.NO_RECOVERY_POINTS, "Nothing to copy: the vault holds no live recovery point", List.of(), 0, 0, Set.of(), Map.of());
        }
        Set<String> safe = new LinkedHashSet<>();
        Map<String, String> weaker = new LinkedHashMap<>();
        List<String> uncovered = new ArrayList<>();
        int covered = 0;
        for (String resource : resources) {
            boolean found = false;
            for (PointRef p : x.pointsOf(resource)) {
                VaultRef w = p.vault();
                if (!elsewhere(v, w.accountId(), w.region()) || VaultAccess.RESTORE_ACCESS_VAULT.equals(w.vault().vaultType()) || !live(p.point(), at)) {
                    continue;
                }
                found |= judge(x, w, safe, weaker);
            }
            for (CopyRef c : x.copiesOf(resource)) {
                CopyJob j = c.job();
                Arn dest = Arn.parse(j.destinationBackupVaultArn());
                if (!"COMPLETED".equals(j.state()) || dest == null || !elsewhere(v, dest.account(), dest.region())) {
                    continue;
                }
                VaultRef w = x.vault(j.destinationBackupVaultArn());
                if (w == null) {
                    weaker.putIfAbsent(j.destinationBackupVaultArn(), "not in this estate: its lock is unknown");
                } else if (w.vault().recoveryPoints() == null && !VaultAccess.RESTORE_ACCESS_VAULT.equals(w.vault().vaultType())) {
                    // the copy job is the only evidence when the destination's recovery points were not read
                    found |= judge(x, w, safe, weaker);
                }
            }
            if (found) {
                covered++;
            } else {
                uncovered.add(resource);
            }
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("A safe copy is a completed, unexpired copy of the same resource in a vault of another account and another region"
                + " than " + name(x, v) + ", under a lock nobody can remove (a compliance lock past its lock date, or a logically air-gapped vault)");
        for (String arn : safe) {
            VaultRef w = x.vault(arn);
            reasons.add("Safe: " + name(x, w) + ", " + VaultLock.of(x, w).text().toLowerCase(java.util.Locale.ROOT));
        }
        weaker.forEach((arn, why) -> reasons.add("Not safe: " + (x.vault(arn) == null ? arn : name(x, x.vault(arn))) + ": " + why));
        if (!uncovered.isEmpty() && covered > 0) {
            reasons.add("Without a safe copy: " + shortList(uncovered));
        }
        int n = resources.size();
        Verdict verdict = covered == n ? Verdict.ALL : covered > 0 ? Verdict.SOME : Verdict.NONE;
        String answer = switch (verdict) {
            case ALL -> "Yes: " + (n == 1 ? "its resource has" : "all " + n + " resources have") + " a copy in " + vaultList(x, safe)
                    + ", locked for good in another account and region";
            case SOME -> "Partly: " + covered + " of " + n + " resources have a copy in " + vaultList(x, safe)
                    + ", locked for good in another account and region; " + (n - covered) + " have none";
            default -> (n == 1 ? "No: its one resource has no copy" : "No: none of the " + n + " resources has a copy")
                    + " in another account and region under a lock nobody can remove" + (weaker.isEmpty() ? "" : "; the nearest: " + nearest(x, weaker));
        };
        return new SafeCopies(verdict, answer, reasons, n, covered, safe, weaker);
    }

    /** Adds the vault to the safe or the weaker ones; true when it is safe. */
    private static boolean judge(EstateIndex x, VaultRef w, Set<String> safe, Map<String, String> weaker) {
        VaultLock lock = VaultLock.of(x, w);
        if (lock.immutable()) {
            safe.add(w.arn());
            return true;
        }
        weaker.putIfAbsent(w.arn(), switch (lock.mode()) {
            case GOVERNANCE -> "its governance lock can be removed";
            case COMPLIANCE_GRACE -> "its compliance lock can still be removed until " + AccessText.dateTime(lock.lockDate());
            case NONE -> "it is not locked";
            default -> "its lock was not read";
        });
        return false;
    }

    private static boolean elsewhere(VaultRef v, String account, String region) {
        return account != null && region != null && !account.isEmpty() && !region.isEmpty()
                && !account.equals(v.accountId()) && !region.equals(v.region());
    }

    /** COMPLETED (or of unknown status) and not past its DeleteAt. */
    private static boolean live(RecoveryPoint p, Instant at) {
        if (p.status() != null && !"COMPLETED".equals(p.status())) {
            return false;
        }
        return p.calculatedLifecycle() == null || p.calculatedLifecycle().deleteAt() == null || p.calculatedLifecycle().deleteAt().isAfter(at);
    }

    /** "central-eu-central-1 (northwind-backup, eu-central-1)". */
    static String name(EstateIndex x, VaultRef w) {
        var account = x.account(w.accountId());
        String accountName = account == null || account.name() == null || account.name().isBlank() ? w.accountId() : account.name();
        return w.vault().backupVaultName() + " (" + accountName + ", " + w.region() + ")";
    }

    private static String vaultList(EstateIndex x, Set<String> arns) {
        return AccessText.and(arns.stream().map(a -> name(x, x.vault(a))).toList());
    }

    private static String nearest(EstateIndex x, Map<String, String> weaker) {
        var e = weaker.entrySet().iterator().next();
        VaultRef w = x.vault(e.getKey());
        return (w == null ? e.getKey() : name(x, w)) + ", but " + e.getValue();
    }

    private static String shortList(List<String> arns) {
        List<String> names = arns.stream().map(a -> {
            Arn arn = Arn.parse(a);
            return arn == null ? a : arn.resource();
        }).toList();
        return names.size() <= 5 ? AccessText.and(names) : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }
}
