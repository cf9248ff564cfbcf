package dev.redoubt.aws.scan;

import java.util.List;

/**
 * What to scan: which accounts (none: the signed-in account only; "all": every account the identity
 * can reach), as which role, in which regions (none: the profile's region; "all": each account's
 * enabled regions), and how hard to push.
 */
public record ScanRequest(List<String> accounts, boolean allAccounts, String roleName, List<String> regions, boolean allRegions,
                          int perScopeLimit, int totalLimit, dev.redoubt.estate.Estate sinceCapture) {
    public ScanRequest {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        regions = regions == null ? List.of() : List.copyOf(regions);
        if (perScopeLimit < 1) {
            perScopeLimit = 8;
        }
        if (totalLimit < 1) {
            totalLimit = 64;
        }
    }

    public static ScanRequest defaults() {
        return new ScanRequest(List.of(), false, null, List.of(), false, 8, 64, null);
    }
}
