package dev.redoubt.services;

import java.util.List;

/**
 * What a signed-in identity can scan: the accounts it can reach (with their organizational unit
 * and the roles it may take there), the regions enabled in its own account, and what could not be
 * read while finding out (listed, not fatal).
 */
public record ScanReach(String signedInAccount, List<AccountChoice> accounts, List<String> regions, List<String> problems) {
    public ScanReach {
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
        problems = List.copyOf(problems);
    }

    /** One account to offer: its id, name, status (ACTIVE, SUSPENDED...), OU path (Workloads/Production) or null, roles, and whether it is the signed-in one. */
    public record AccountChoice(String id, String name, String status, String organizationalUnit, List<String> roles, boolean signedIn) {
        public AccountChoice {
            roles = List.copyOf(roles);
        }
    }
}
