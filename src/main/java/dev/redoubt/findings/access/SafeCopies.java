package dev.redoubt.findings.access;

import dev.redoubt.estate.Arn;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.restorability.Outcome;
import dev.redoubt.findings.restorability.Restorability;
import dev.redoubt.findings.restorability.Restorability.Copy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the backups in one vault survive the loss of that vault, its account and its region, in
 * one answer for the vault page: for each resource the vault holds recovery points of, a safe copy
 * as {@link Restorability} judges it for the recovery-point pages (another account AND another
 * region, usable, in a vault whose lock nobody can remove, with a usable key), so both pages agree.
 * Names the vaults holding safe copies and, when there are none, the nearest copy and why it is not
 * safe (a governance lock, a compliance lock still in its grace time, a disabled key...).
 *
 * @param resources    how many resources the vault holds recovery points of
 * @param covered      how many of them have a safe copy
 * @param unknown      how many could not be told (what decides was not read)
 * @param safeVaults   the vaults holding safe copies (ARNs, in the order found)
 * @param weakerVaults copies out of reach (another account and region) that are not safe, by vault ARN, with why
 */
public record SafeCopies(Verdict verdict, String answer, List<String> reasons, int resources, int covered, int unknown, Set<String> safeVaults,
                         Map<String, String> weakerVaults) {

    public enum Verdict {
        /** Every resource has a safe copy. */
        ALL,
        /** Some resources have one. */
        SOME,
        /** None has one. */
        NONE,
        /** The vault holds no recovery point: nothing to copy. */
        NO_RECOVERY_POINTS,
        /** Could not be told: the vault's recovery points, or the copies' vaults, locks or keys, were not read. */
        UNKNOWN
    }

    /** What counts as a safe copy, in the words the page shows. */
    public static final String DEFINITION = "A safe copy is a usable copy of the same resource in a vault of another account and another region"
            + " than this one, under a lock nobody can remove (a compliance lock past its lock date, or a logically air-gapped vault), with a usable key";

    public SafeCopies {
        reasons = List.copyOf(reasons);
        safeVaults = Collections.unmodifiableSet(new LinkedHashSet<>(safeVaults));
        weakerVaults = Collections.unmodifiableMap(new LinkedHashMap<>(weakerVaults));
    }

    /** The answer for one vault; {@code r} is built once per estate and shared (it walks every recovery point when built). */
    public static SafeCopies of(Restorability r, VaultRef v) {
        EstateIndex x = r.index();
        if (v.vault().recoveryPoints() == null) {
            return new SafeCopies(Verdict.UNKNOWN, "Unknown: the vault's recovery points were not read", List.of(), 0, 0, 0, Set.of(), Map.of());
        }
        Restorability.SafeCopies counts = r.safeCopies(v);
        if (counts.resources() == 0) {
            return new SafeCopies(Verdict.NO_RECOVERY_POINTS, "Nothing to copy: the vault holds no recovery point", List.of(), 0, 0, 0, Set.of(), Map.of());
        }
        Set<String> safe = new LinkedHashSet<>();
        Map<String, String> weaker = new LinkedHashMap<>();
        List<String> uncovered = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RecoveryPoint p : v.points()) {
            String resource = p.resourceArn();
            if (resource == null || !seen.add(resource)) {
                continue;
            }
            boolean found = false;
            for (Copy c : r.copies(resource, v)) {
                if (!c.outOfReach()) {
                    continue;
                }
                if (c.safe() == Outcome.PASS) {
                    safe.add(c.vaultArn());
                    found = true;
                } else if (!safe.contains(c.vaultArn())) {
                    weaker.putIfAbsent(c.vaultArn(), whyNotSafe(c));
                }
            }
            if (!found) {
                uncovered.add(resource);
            }
        }
        weaker.keySet().removeAll(safe);
        int n = counts.resources();
        int covered = counts.safe();
        List<String> reasons = new ArrayList<>();
        for (String arn : safe) {
            reasons.add("Safe copies in " + place(x, arn));
        }
        weaker.forEach((arn, why) -> reasons.add("Not safe: the copies in " + place(x, arn) + ": " + why));
        if (counts.unknown() > 0) {
            reasons.add(counts.unknown() + (counts.unknown() == 1 ? " resource" : " resources")
                    + " could not be told: a vault, lock or key that decides was not read");
        }
        if (!uncovered.isEmpty() && covered > 0) {
            reasons.add("Without a safe copy: " + shortList(uncovered));
        }
        if (safe.isEmpty() && weaker.isEmpty()) {
            reasons.add("No copy of these resources is in a vault of another account and another region");
        }
        reasons.add(DEFINITION);
        Verdict verdict = covered == n ? Verdict.ALL : covered > 0 ? Verdict.SOME : counts.unknown() > 0 ? Verdict.UNKNOWN : Verdict.NONE;
        String answer = switch (verdict) {
            case ALL -> "Yes: " + (n == 1 ? "its resource has" : "all " + n + " resources have") + " a copy in " + vaultList(x, safe)
                    + ", locked for good in another account and region";
            case SOME -> "Partly: " + covered + " of " + n + " resources have a copy in " + vaultList(x, safe)
                    + ", locked for good in another account and region; " + (n - covered) + " have none";
            case UNKNOWN -> "Unknown: no safe copy found, and " + counts.unknown() + " of " + n + " resources could not be told";
            default -> (n == 1 ? "No: its one resource has no copy" : "No: none of the " + n + " resources has a copy")
                    + " in another account and region under a lock nobody can remove" + (weaker.isEmpty() ? "" : "; the nearest: " + nearest(x, weaker));
        };
        return new SafeCopies(verdict, answer, reasons, n, covered, counts.unknown(), safe, weaker);
    }

    /** Convenience for one vault (builds the estate's Restorability: use {@link #of(Restorability, VaultRef)} for several). */
    public static SafeCopies of(EstateIndex x, VaultRef v) {
        return of(Restorability.of(x), v);
    }

    private static String whyNotSafe(Copy c) {
        if (c.usable() == Outcome.FAIL) {
            return "they cannot be restored";
        }
        if (c.lock().outcome() != Outcome.PASS) {
            return switch (c.lock().mode()) {
                case GOVERNANCE -> "its governance lock can be removed";
                case COMPLIANCE -> "its compliance lock can still be removed until " + AccessText.dateTime(c.lock().lockDate());
                case NONE -> "it is not locked";
                default -> "its lock was not read";
            };
        }
        if (c.key().outcome() != Outcome.PASS) {
            return lowerFirst(c.key().text());
        }
        return "whether they still exist was not read";
    }

    /** "central-eu-central-1 (northwind-backup, eu-central-1)". */
    static String place(EstateIndex x, String vaultArn) {
        VaultRef w = x.vault(vaultArn);
        Arn arn = Arn.parse(vaultArn);
        String account = w != null ? w.accountId() : arn == null ? "" : arn.account();
        String region = w != null ? w.region() : arn == null ? "" : arn.region();
        String name = w != null && w.vault().backupVaultName() != null ? w.vault().backupVaultName()
                : vaultArn.substring(vaultArn.lastIndexOf(':') + 1);
        var a = x.account(account);
        String accountName = a == null || a.name() == null || a.name().isBlank() ? account : a.name();
        return name + " (" + accountName + ", " + region + ")";
    }

    private static String vaultList(EstateIndex x, Set<String> arns) {
        return AccessText.and(arns.stream().map(a -> place(x, a)).toList());
    }

    private static String nearest(EstateIndex x, Map<String, String> weaker) {
        var e = weaker.entrySet().iterator().next();
        return place(x, e.getKey()) + ", but " + e.getValue();
    }

    private static String shortList(List<String> arns) {
        List<String> names = arns.stream().map(a -> {
            Arn arn = Arn.parse(a);
            return arn == null ? a : arn.resource();
        }).toList();
        return names.size() <= 5 ? AccessText.and(names) : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }

    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

}
