package dev.redoubt.ui.scan;

/** A role to scan the other accounts with: null for Redoubt's own choice (the profile's role, else a read-only one). */
public record RoleOption(String role, String label) {
    static final RoleOption AUTOMATIC = new RoleOption(null, "Automatic");

    static RoleOption of(String role, int accounts, int of) {
        return new RoleOption(role, role + (accounts == of ? "" : "  ·  in " + ScanTexts.count(accounts) + " of " + ScanTexts.count(of, "account", "accounts")));
    }

    @Override
    public String toString() {
        return label;
    }
}
