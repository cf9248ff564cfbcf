package dev.redoubt.ui.overview;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.Arn;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.ProtectedResource;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.Region;
import dev.redoubt.estate.RestoreJob;
import dev.redoubt.estate.RestoreTestingPlan;
import dev.redoubt.estate.RestoreTestingPointSelection;
import dev.redoubt.estate.RestoreTestingSelection;
import dev.redoubt.findings.Wildcards;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much of what is protected has been proven to restore. Of the protected resources (AWS
 * Backup's ProtectedResources, one per ARN, counted under the account that owns them):
 * <ul>
 * <li><b>selected</b>: a restore testing plan would pick one of its recovery points: a plan of
 * the account and region of a vault holding one (the plan's IncludeVaults/ExcludeVaults take the
 * vault) with a selection of the resource's type whose ProtectedResourceArns name it or "*" (tag
 * conditions are not judged: the capture holds no resource tags);</li>
 * <li><b>tested</b>: a restore job started by a restore testing plan (CreatedBy) restored it and
 * COMPLETED within the last {@code days} days before CapturedAt (RST-02/RST-04's
 * restoreTestMaxAgeDays);</li>
 * <li><b>validated</b>: one of those jobs has ValidationStatus SUCCESSFUL.</li>
 * </ul>
 */
public record RestoreTestCoverage(long resources, long selected, long tested, long validated, int days, List<AccountCoverage> accounts) {
    public RestoreTestCoverage {
        accounts = List.copyOf(accounts);
    }

    /**
     * At most {@code max} accounts for a table: those with the most protected resources that had no restore test (then the
     * most not selected), in the usual order; every account when they fit.
     */
    public List<AccountCoverage> mostUntested(int max) {
        if (accounts.size() <= max) {
            return accounts;
        }
        java.util.Set<AccountCoverage> kept = new java.util.HashSet<>(accounts.stream()
                .sorted(Comparator.comparingLong((AccountCoverage a) -> a.resources() - a.tested()).reversed()
                        .thenComparing(Comparator.comparingLong((AccountCoverage a) -> a.resources() - a.selected()).reversed())
                        .thenComparing(AccountCoverage::accountId))
                .limit(max).toList());
        return accounts.stream().filter(kept::contains).toList();
    }

    /** The same counts for the resources one account owns. */
    public record AccountCoverage(String accountId, String name, long resources, long selected, long tested, long validated) {
    }

    public static RestoreTestCoverage of(Estate estate, Instant at, int days) {
        List<Account> accounts = estate.accounts() == null ? List.of() : estate.accounts();
        Map<String, String> names = new HashMap<>();
        Map<String, Owned> resources = new LinkedHashMap<>();
        Map<String, List<Vault>> vaultsOfResource = new HashMap<>();
        Map<String, List<RestoreTestingPlan>> plansByPlace = new HashMap<>();
        Map<String, RestoreJob> jobs = new LinkedHashMap<>();
        for (Account a : accounts) {
            names.put(a.id(), a.name());
            for (var e : a.regions() == null ? Map.<String, Region>of().entrySet() : a.regions().entrySet()) {
                Region r = e.getValue();
                String place = a.id() + "/" + e.getKey();
                for (ProtectedResource pr : list(r.protectedResources())) {
                    if (pr.resourceArn() == null) {
                        continue;
                    }
                    String owner = Arn.accountOf(pr.resourceArn());
                    Owned seen = resources.get(pr.resourceArn());
                    // The owner's own description wins over a copy account's (as the checks judge it).
                    if (seen == null || !seen.reportedBy.equals(seen.owner) && a.id().equals(owner)) {
                        resources.put(pr.resourceArn(), new Owned(owner != null ? owner : a.id(), a.id(), pr.resourceType()));
                    }
                }
                for (BackupVault v : list(r.backupVaults())) {
                    Vault vault = new Vault(place, v.backupVaultArn(), v.backupVaultName());
                    String lastResource = null;
                    for (RecoveryPoint p : list(v.recoveryPoints())) {
                        String res = p.resourceArn();
                        if (res != null && !res.equals(lastResource)) {
                            List<Vault> held = vaultsOfResource.computeIfAbsent(res, k -> new ArrayList<>(2));
                            if (!held.contains(vault)) {
                                held.add(vault);
                            }
                            lastResource = res;
                        }
                    }
                }
                plansByPlace.computeIfAbsent(place, k -> new ArrayList<>()).addAll(list(r.restoreTestingPlans()));
                for (RestoreJob j : list(r.restoreJobs())) {
                    jobs.putIfAbsent(j.restoreJobId() != null ? j.restoreJobId() : place + "#" + jobs.size(), j);
                }
            }
        }
        Instant since = at.minus(Duration.ofDays(days));
        Set<String> tested = new HashSet<>();
        Set<String> validated = new HashSet<>();
        for (RestoreJob j : jobs.values()) {
            if (j.createdBy() == null || j.createdBy().restoreTestingPlanArn() == null || j.sourceResourceArn() == null
                    || !"COMPLETED".equals(j.status()) || j.creationDate() == null || j.creationDate().isBefore(since) || j.creationDate().isAfter(at)) {
                continue;
            }
            tested.add(j.sourceResourceArn());
            if ("SUCCESSFUL".equals(j.validationStatus())) {
                validated.add(j.sourceResourceArn());
            }
        }
        Map<String, long[]> perAccount = new LinkedHashMap<>();
        long[] all = new long[4];
        for (var e : resources.entrySet()) {
            String arn = e.getKey();
            Owned o = e.getValue();
            long[] c = perAccount.computeIfAbsent(o.owner, k -> new long[4]);
            boolean isSelected = selected(arn, o.type, vaultsOfResource.getOrDefault(arn, List.of()), plansByPlace);
            boolean isTested = tested.contains(arn);
            boolean isValidated = validated.contains(arn);
            for (long[] x : List.of(c, all)) {
                x[0]++;
                x[1] += isSelected ? 1 : 0;
                x[2] += isTested ? 1 : 0;
                x[3] += isValidated ? 1 : 0;
            }
        }
        List<AccountCoverage> rows = new ArrayList<>();
        perAccount.forEach((id, c) -> rows.add(new AccountCoverage(id, names.get(id), c[0], c[1], c[2], c[3])));
        rows.sort(Comparator.comparing((AccountCoverage r) -> r.name() == null).thenComparing(r -> r.name() == null ? r.accountId() : r.name(),
                String.CASE_INSENSITIVE_ORDER));
        return new RestoreTestCoverage(all[0], all[1], all[2], all[3], days, rows);
    }

    private static boolean selected(String arn, String type, List<Vault> vaults, Map<String, List<RestoreTestingPlan>> plansByPlace) {
        for (Vault v : vaults) {
            for (RestoreTestingPlan plan : plansByPlace.getOrDefault(v.place, List.of())) {
                if (!includes(plan.recoveryPointSelection(), v)) {
                    continue;
                }
                for (RestoreTestingSelection s : list(plan.selections())) {
                    if (type != null && type.equals(s.protectedResourceType())
                            && list(s.protectedResourceArns()).stream().anyMatch(p -> Wildcards.matches(p, arn, false))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean includes(RestoreTestingPointSelection sel, Vault v) {
        if (sel == null || sel.includeVaults() == null) {
            return false;
        }
        boolean in = sel.includeVaults().stream().anyMatch(p -> v.matches(p));
        boolean out = sel.excludeVaults() != null && sel.excludeVaults().stream().anyMatch(p -> v.matches(p));
        return in && !out;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    /** Share of the protected resources, 0..1 (0 when there are none). */
    public static double share(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    /** "40%" of the resources; "—" when there are none. */
    public static String percent(long part, long whole) {
        if (whole == 0) {
            return Score.NONE;
        }
        int p = (int) Math.round(100.0 * part / whole);
        if (part < whole) {
            p = Math.min(p, 99);
        }
        if (part > 0) {
            p = Math.max(p, 1);
        }
        return p + "%";
    }

    private record Owned(String owner, String reportedBy, String type) {
    }

    private record Vault(String place, String arn, String name) {
        boolean matches(String pattern) {
            return Wildcards.matches(pattern, arn, false) || Wildcards.matches(pattern, name, false);
        }
    }
}
