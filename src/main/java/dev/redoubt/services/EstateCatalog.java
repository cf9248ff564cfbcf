package dev.redoubt.services;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the browsing screens look things up in, built once per audit off the UI thread: the
 * checks' index of the estate (vaults, keys, plans, recovery points by resource), the audit's
 * results by the resource they are about, and the worst failing severity of every account,
 * region and vault (failures of a vault's recovery points count for the vault). Immutable.
 */
public final class EstateCatalog {
    private final AuditRun run;
    private final EstateIndex index;
    private final Map<String, List<Result>> resultsByResource;
    private final Map<String, Severity> worstByVault = new HashMap<>();
    private final Map<String, Severity> worstByAccount = new HashMap<>();
    private final Map<String, Severity> worstByRegion = new HashMap<>();
    private final Map<String, String> accountNames = new HashMap<>();
    private final Map<String, EstateIndex.PointRef> points;

    private EstateCatalog(AuditRun run) {
        this.run = run;
        this.index = run.index();
        // Sized for what they will hold (a 200,000-point estate: about 200,000 resources with results): no rehashing.
        this.resultsByResource = new HashMap<>(capacityFor(run.results().size()));
        int pointCount = 0;
        for (EstateIndex.VaultRef v : index.vaults()) {
            pointCount += v.points().size();
        }
        this.points = new HashMap<>(capacityFor(pointCount));
        for (Account a : index.estate().accounts() == null ? List.<Account>of() : index.estate().accounts()) {
            accountNames.put(a.id(), a.name() == null || a.name().isBlank() ? a.id() : a.name());
        }
        for (Result r : run.results()) {
            if (r.resourceArn() != null) {
                resultsByResource.computeIfAbsent(r.resourceArn(), k -> new ArrayList<>(2)).add(r);
            }
            if (r.status() != Status.FAIL) {
                continue;
            }
            if (r.accountId() != null) {
                worstByAccount.merge(r.accountId(), r.severity(), EstateCatalog::worse);
                if (r.region() != null) {
                    worstByRegion.merge(regionKey(r.accountId(), r.region()), r.severity(), EstateCatalog::worse);
                }
            }
        }
        // A vault's worst finding counts those about its recovery points: look up only the points results name.
        for (EstateIndex.VaultRef v : index.vaults()) {
            Severity worst = null;
            for (Result r : resultsByResource.getOrDefault(v.arn(), List.of())) {
                if (r.status() == Status.FAIL) {
                    worst = worse(worst, r.severity());
                }
            }
            for (RecoveryPoint p : v.points()) {
                if (p.recoveryPointArn() != null) {
                    points.putIfAbsent(p.recoveryPointArn(), new EstateIndex.PointRef(v, p));
                }
                List<Result> about = p.recoveryPointArn() == null ? null : resultsByResource.get(p.recoveryPointArn());
                if (about != null) {
                    for (Result r : about) {
                        if (r.status() == Status.FAIL) {
                            worst = worse(worst, r.severity());
                        }
                    }
                }
            }
            if (worst != null && v.arn() != null) {
                worstByVault.put(v.arn(), worst);
            }
        }
    }

    /** A HashMap capacity that holds {@code n} entries without growing (its load factor is 0.75). */
    private static int capacityFor(int n) {
        return (int) Math.min(1 << 30, n / 3L * 4 + 16);
    }

    /** Builds the catalog of an audit; seconds at most for the largest estates, so call it off the UI thread. */
    public static EstateCatalog of(AuditRun run) {
        return new EstateCatalog(run);
    }

    public AuditRun run() {
        return run;
    }

    public EstateIndex index() {
        return index;
    }

    /** Every result about this resource (vault, key, recovery point, plan...), suppressed and passing ones included. */
    public List<Result> resultsFor(String resourceArn) {
        return resultsByResource.getOrDefault(resourceArn, List.of());
    }

    /** The worst severity of a failing result about this resource itself, or null. */
    public Severity worstFailing(String resourceArn) {
        Severity worst = null;
        for (Result r : resultsFor(resourceArn)) {
            if (r.status() == Status.FAIL) {
                worst = worse(worst, r.severity());
            }
        }
        return worst;
    }

    /** The worst failing severity of a vault and its recovery points, or null. */
    public Severity worstFailingInVault(String vaultArn) {
        return worstByVault.get(vaultArn);
    }

    public Severity worstFailingInAccount(String accountId) {
        return worstByAccount.get(accountId);
    }

    public Severity worstFailingInRegion(String accountId, String region) {
        return worstByRegion.get(regionKey(accountId, region));
    }

    /** A recovery point by its ARN, with its vault; null when the estate has none such. */
    public EstateIndex.PointRef point(String recoveryPointArn) {
        return recoveryPointArn == null ? null : points.get(recoveryPointArn);
    }

    /** The account's name, or its ID when it has none (or is not in the estate). */
    public String accountName(String accountId) {
        return accountNames.getOrDefault(accountId, accountId);
    }

    /** The worse of two severities (null counts as none). */
    public static Severity worse(Severity a, Severity b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.atLeast(b) ? a : b;
    }

    private static String regionKey(String accountId, String region) {
        return accountId + "/" + region;
    }
}
