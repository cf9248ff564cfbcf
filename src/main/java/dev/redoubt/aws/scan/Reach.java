package dev.redoubt.aws.scan;

import dev.redoubt.estate.ReadError;
import java.util.List;

/**
 * Who can be scanned, before a scan: the signed-in account, the accounts it can reach (SSO accounts, else the
 * organization's accounts, else only itself; sorted by name), the signed-in account's enabled regions (else the
 * profile's region) and what could not be read on the way, as ReadErrors (Organizations, account:ListRegions,
 * the SSO portal), none of them fatal.
 */
public record Reach(String signedInAccount, List<ReachableAccount> accounts, List<String> regions, List<ReadError> problems) {
    public Reach {
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
        problems = List.copyOf(problems);
    }
}
