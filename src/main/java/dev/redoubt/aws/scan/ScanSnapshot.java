package dev.redoubt.aws.scan;

import java.time.Duration;
import java.util.List;

/**
 * A running scan at one moment: time since it began, its phase, units of work done and known (all of them, the
 * account-level organization, region and key reads included), API calls made (one per page), recovery points listed,
 * ReadErrors recorded, and one entry per account and region scheduled so far, sorted by account then region.
 * Account-level work and key reads count in the totals only; they belong to no scope.
 *
 * <p>Phases, in order: {@code "signing-in"} (sts:GetCallerIdentity), {@code "organization"} (Organizations, SSO reach),
 * {@code "regions"} (each account's regions, then each account and region), {@code "keys"} (the KMS keys found),
 * {@code "identities"} (the names of the approvers found, from IAM Identity Center),
 * {@code "assembling"} (building the capture), then {@code "done"} or {@code "cancelled"}.
 */
public record ScanSnapshot(Duration elapsed, String phase, long unitsDone, long unitsKnown, long apiCalls, long recoveryPoints, int readErrors,
                           List<ScopeProgress> scopes) {
    public static final String SIGNING_IN = "signing-in";
    public static final String ORGANIZATION = "organization";
    public static final String REGIONS = "regions";
    public static final String KEYS = "keys";
    public static final String IDENTITIES = "identities";
    public static final String ASSEMBLING = "assembling";
    public static final String DONE = "done";
    public static final String CANCELLED = "cancelled";

    public ScanSnapshot {
        scopes = List.copyOf(scopes);
    }
}
