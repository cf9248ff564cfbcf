package dev.redoubt.app.cli;

import dev.redoubt.estate.Estate;
import dev.redoubt.services.EstateService;
import dev.redoubt.services.ScanPlan;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The scan's options, shared by scan and audit: a mixin that only turns options into a {@link ScanPlan}. */
final class ScanOptions {
    @Option(names = "--accounts", paramLabel = "all|ID,...", split = ",",
            description = "Accounts to scan: \"all\" (every account the identity can reach) or account IDs (default: the signed-in account).")
    List<String> accounts;

    @Option(names = "--role", description = "The role to scan other accounts as (default: the profile's SSO role, else a read-only role for auditors).")
    String role;

    @Option(names = "--regions", paramLabel = "all|R,...", split = ",",
            description = "Regions: names, or \"all\" for each account's enabled regions (default: the profile's region).")
    List<String> regions;

    @Option(names = "--since-capture", paramLabel = "FILE",
            description = "Incremental refresh: read only recovery points created since this capture, and merge.")
    Path sinceCapture;

    @Option(names = "--in-flight-per-scope", defaultValue = "8", description = "Requests in flight per account, region and service (default: ${DEFAULT-VALUE}).")
    int perScope;

    @Option(names = "--in-flight", defaultValue = "64", description = "Requests in flight in all (default: ${DEFAULT-VALUE}).")
    int inFlight;

    /** True when any option that only a live scan uses was given. */
    boolean anyGiven() {
        return accounts != null || regions != null || role != null || sinceCapture != null;
    }

    /** {@code estates} is asked for only to read the --since-capture file (building it reads the settings, with Jackson). */
    ScanPlan plan(java.util.function.Supplier<EstateService> estates) {
        boolean allAccounts = accounts != null && accounts.size() == 1 && accounts.get(0).equals("all");
        boolean allRegions = regions != null && regions.size() == 1 && regions.get(0).equals("all");
        Estate previous = sinceCapture == null ? null : estates.get().open(sinceCapture).estate();
        return new ScanPlan(accounts == null || allAccounts ? List.of() : accounts, allAccounts, role,
                regions == null || allRegions ? List.of() : regions, allRegions, perScope, inFlight, previous);
    }
}
