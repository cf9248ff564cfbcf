package dev.redoubt.findings;

import java.util.Map;

/**
 * The findings part of settings.json: thresholds and account-role overrides, for every
 * organization ({@code thresholds}, {@code accountRoles}) and per organization ID
 * ({@code organizations}), the latter winning.
 */
public record FindingsSettings(Map<String, Integer> thresholds, Map<String, AccountType> accountRoles,
                               Map<String, OrganizationSettings> organizations) {
    public static final FindingsSettings DEFAULTS = new FindingsSettings(Map.of(), Map.of(), Map.of());

    public FindingsSettings {
        thresholds = Map.copyOf(thresholds);
        accountRoles = Map.copyOf(accountRoles);
        organizations = Map.copyOf(organizations);
    }

    public record OrganizationSettings(Map<String, Integer> thresholds, Map<String, AccountType> accountRoles) {
        public OrganizationSettings {
            thresholds = Map.copyOf(thresholds);
            accountRoles = Map.copyOf(accountRoles);
        }
    }

    /** The thresholds that apply to an organization (null ID: the defaults plus the global overrides). */
    public Thresholds thresholdsFor(String organizationId) {
        Thresholds t = Thresholds.DEFAULTS.with(thresholds);
        OrganizationSettings org = organizationId == null ? null : organizations.get(organizationId);
        return org == null ? t : t.with(org.thresholds());
    }

    /** The overridden role of an account, or null to take it from the OU path. */
    public AccountType accountRole(String organizationId, String accountId) {
        OrganizationSettings org = organizationId == null ? null : organizations.get(organizationId);
        if (org != null && org.accountRoles().containsKey(accountId)) {
            return org.accountRoles().get(accountId);
        }
        return accountRoles.get(accountId);
    }
}
