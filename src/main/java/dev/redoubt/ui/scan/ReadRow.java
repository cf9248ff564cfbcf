package dev.redoubt.ui.scan;

/** One account and region of a finished scan: what was read there, and how many of its scopes were not. */
public record ReadRow(String accountId, String accountName, String region, int vaults, long recoveryPoints, int unread, boolean unfinished) {

    /** "northwind-shop-prod (645019283746)", or the ID alone. */
    public String account() {
        return accountName == null || accountName.isBlank() ? accountId : accountName + " (" + accountId + ")";
    }

    /** "Read", "2 not read", "Not finished". */
    public String stateText() {
        if (unfinished) {
            return "Not finished";
        }
        return unread == 0 ? "Read" : ScanTexts.count(unread) + " not read";
    }
}
