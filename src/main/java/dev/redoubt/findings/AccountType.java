package dev.redoubt.findings;

import java.util.Locale;

/**
 * What an account is for, as the checks see it (checks.md, "Account roles"): from the OU path by
 * default, overridable per account in the settings.
 */
public enum AccountType {
    MANAGEMENT, PRODUCTION, WORKLOAD, BACKUP, SECURITY;

    /** Production accounts are workload accounts too. */
    public boolean isWorkload() {
        return this == PRODUCTION || this == WORKLOAD;
    }

    /**
     * The default from the OU path: the deepest OU name containing "Backup", "Security" or "Prod"
     * decides (so "Workloads/Production" is production and "Infrastructure/Backup" is backup);
     * the management account is management; everything else is a workload account.
     */
    public static AccountType fromOrganizationalUnit(String ouPath, boolean management) {
        if (management) {
            return MANAGEMENT;
        }
        if (ouPath != null) {
            String[] names = ouPath.split("/");
            for (int i = names.length - 1; i >= 0; i--) {
                String n = names[i];
                if (n.contains("Backup")) {
                    return BACKUP;
                }
                if (n.contains("Security")) {
                    return SECURITY;
                }
                if (n.contains("Prod")) {
                    return PRODUCTION;
                }
            }
        }
        return WORKLOAD;
    }

    public static AccountType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown account role \"" + text + "\"; use one of MANAGEMENT, PRODUCTION, WORKLOAD, BACKUP, SECURITY");
        }
    }
}
