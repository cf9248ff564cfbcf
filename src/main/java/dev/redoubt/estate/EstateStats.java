package dev.redoubt.estate;

import java.util.ArrayList;
import java.util.List;

/** Counts per account, region and vault: what `redoubt estate stats` prints. */
public record EstateStats(Totals totals, List<RegionCount> regions, List<VaultCount> vaults) {

    public record Totals(int accounts, int regions, int vaults, long recoveryPoints, long bytes, int keys, int plans,
                         int restoreTestingPlans, int restoreJobs, int approvalTeams, int readErrors) {
    }

    public record RegionCount(String accountId, String accountName, String region, int vaults, long recoveryPoints,
                              long bytes, int keys, int plans, int restoreTestingPlans, int restoreJobs, int approvalTeams,
                              int readErrors) {
    }

    public record VaultCount(String accountId, String region, String vaultName, String vaultType, String lock,
                             long recoveryPoints, long bytes) {
    }

    public static EstateStats of(Estate estate) {
        List<RegionCount> regionRows = new ArrayList<>();
        List<VaultCount> vaultRows = new ArrayList<>();
        java.util.Set<String> regionNames = new java.util.TreeSet<>();
        int accounts = 0;
        int readErrors = 0;
        for (Account account : EstateValidator.nonNull(estate.accounts())) {
            accounts++;
            readErrors += EstateValidator.nonNull(account.readErrors()).size();
            if (account.regions() == null) {
                continue;
            }
            for (var entry : account.regions().entrySet()) {
                Region r = entry.getValue();
                regionNames.add(entry.getKey());
                long points = 0;
                long bytes = 0;
                for (BackupVault v : EstateValidator.nonNull(r.backupVaults())) {
                    long vp = 0;
                    long vb = 0;
                    for (RecoveryPoint p : EstateValidator.nonNull(v.recoveryPoints())) {
                        vp++;
                        vb += p.backupSizeInBytes() == null ? 0 : p.backupSizeInBytes();
                    }
                    vaultRows.add(new VaultCount(account.id(), entry.getKey(), v.backupVaultName(), v.vaultType(), lockOf(v, estate.capturedAt()), vp, vb));
                    points += vp;
                    bytes += vb;
                }
                int errors = EstateValidator.nonNull(r.readErrors()).size();
                readErrors += errors;
                regionRows.add(new RegionCount(account.id(), account.name(), entry.getKey(),
                        EstateValidator.nonNull(r.backupVaults()).size(), points, bytes,
                        EstateValidator.nonNull(r.kmsKeys()).size(), EstateValidator.nonNull(r.backupPlans()).size(),
                        EstateValidator.nonNull(r.restoreTestingPlans()).size(), EstateValidator.nonNull(r.restoreJobs()).size(),
                        EstateValidator.nonNull(r.mpaApprovalTeams()).size(), errors));
            }
        }
        Totals totals = new Totals(accounts, regionNames.size(), vaultRows.size(),
                regionRows.stream().mapToLong(RegionCount::recoveryPoints).sum(),
                regionRows.stream().mapToLong(RegionCount::bytes).sum(),
                regionRows.stream().mapToInt(RegionCount::keys).sum(),
                regionRows.stream().mapToInt(RegionCount::plans).sum(),
                regionRows.stream().mapToInt(RegionCount::restoreTestingPlans).sum(),
                regionRows.stream().mapToInt(RegionCount::restoreJobs).sum(),
                regionRows.stream().mapToInt(RegionCount::approvalTeams).sum(),
                readErrors);
        return new EstateStats(totals, List.copyOf(regionRows), List.copyOf(vaultRows));
    }

    /** The lock as users name it: none, governance, compliance (grace time, as of the capture) or compliance. */
    static String lockOf(BackupVault v, java.time.Instant asOf) {
        if (v.locked() == null) {
            return "unknown";
        }
        if (!v.locked()) {
            return "none";
        }
        if (v.lockDate() == null) {
            return "governance";
        }
        return asOf != null && v.lockDate().isAfter(asOf) ? "compliance (grace)" : "compliance";
    }
}
