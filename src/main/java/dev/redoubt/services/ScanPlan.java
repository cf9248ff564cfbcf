package dev.redoubt.services;

import dev.redoubt.estate.Estate;
import java.util.List;
import java.util.Map;

/**
 * What to scan: accounts (none: the signed-in account; or every account the identity can reach),
 * as which role, in which regions (none: the profile's region; or each account's enabled regions),
 * how many requests in flight, and, for an incremental refresh, the capture to build on.
 */
public record ScanPlan(List<String> accounts, boolean allAccounts, String role, List<String> regions, boolean allRegions,
                       int inFlightPerScope, int inFlight, Estate previous) {
    public static final int DEFAULT_IN_FLIGHT_PER_SCOPE = 8;
    public static final int DEFAULT_IN_FLIGHT = 64;

    public ScanPlan {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        regions = regions == null ? List.of() : List.copyOf(regions);
        for (String id : accounts) {
            if (id == null || !id.matches("\\d{12}")) {
                throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, "\"" + id + "\" is not a 12-digit account ID",
                        Map.of("field", "accounts", "value", String.valueOf(id)), null);
            }
        }
        for (String r : regions) {
            if (r == null || !r.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, "\"" + r + "\" is not a region name (such as eu-west-1)",
                        Map.of("field", "regions", "value", String.valueOf(r)), null);
            }
        }
        if (inFlightPerScope < 1 || inFlight < 1) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, "the requests in flight must be at least 1",
                    Map.of("field", "inFlight", "value", inFlightPerScope + "/" + inFlight), null);
        }
        if (role != null && role.isBlank()) {
            role = null;
        }
    }

    /** Every account the identity can reach, in each account's enabled regions. */
    public static ScanPlan everything() {
        return new ScanPlan(List.of(), true, null, List.of(), true, DEFAULT_IN_FLIGHT_PER_SCOPE, DEFAULT_IN_FLIGHT, null);
    }

    /** These accounts and regions (empty lists: all of them). */
    public static ScanPlan of(List<String> accounts, List<String> regions) {
        return new ScanPlan(accounts, accounts == null || accounts.isEmpty(), null, regions, regions == null || regions.isEmpty(),
                DEFAULT_IN_FLIGHT_PER_SCOPE, DEFAULT_IN_FLIGHT, null);
    }

    /** The same plan, reading only what changed since {@code capture}. */
    public ScanPlan since(Estate capture) {
        return new ScanPlan(accounts, allAccounts, role, regions, allRegions, inFlightPerScope, inFlight, capture);
    }

    public boolean incremental() {
        return previous != null;
    }

    /** The scope as asked, in the journal's words. */
    String accountsAsked() {
        return allAccounts ? "all" : accounts.isEmpty() ? "signed-in" : String.join(",", accounts);
    }

    String regionsAsked() {
        return allRegions ? "all" : regions.isEmpty() ? "profile" : String.join(",", regions);
    }
}
