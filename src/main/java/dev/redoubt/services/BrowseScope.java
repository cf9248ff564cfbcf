package dev.redoubt.services;

import java.util.Set;

/**
 * What the browsing screens are scoped to, as chosen in the organization tree: the whole estate,
 * an OU (its accounts), an account, a region of an account, or one vault. {@code accounts} null
 * means every account; {@code region} and {@code vaultArn} null mean every one.
 */
public record BrowseScope(String label, Set<String> accounts, String region, String vaultArn) {
    public static final BrowseScope ALL = new BrowseScope("Whole organization", null, null, null);

    public BrowseScope {
        accounts = accounts == null ? null : Set.copyOf(accounts);
    }

    public static BrowseScope account(String label, String accountId) {
        return new BrowseScope(label, Set.of(accountId), null, null);
    }

    public static BrowseScope region(String label, String accountId, String region) {
        return new BrowseScope(label, Set.of(accountId), region, null);
    }

    public static BrowseScope vault(String label, String accountId, String region, String vaultArn) {
        return new BrowseScope(label, Set.of(accountId), region, vaultArn);
    }

    public boolean isAll() {
        return accounts == null && region == null && vaultArn == null;
    }

    public boolean includesAccount(String accountId) {
        return accounts == null || accounts.contains(accountId);
    }

    public boolean includesRegion(String accountId, String regionName) {
        return includesAccount(accountId) && (region == null || region.equals(regionName));
    }

    /** True when a thing of this account and region (and vault, for recovery points; null for things outside vaults) is in scope. */
    public boolean includes(String accountId, String regionName, String inVaultArn) {
        return includesRegion(accountId, regionName) && (vaultArn == null || inVaultArn == null || vaultArn.equals(inVaultArn));
    }
}
