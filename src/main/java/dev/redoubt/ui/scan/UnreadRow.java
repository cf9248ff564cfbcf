package dev.redoubt.ui.scan;

import dev.redoubt.services.UnreadScope;
import java.util.Locale;

/** A scope the scan could not read, with AWS's reason, as the table after a scan shows it. */
public record UnreadRow(String accountId, String accountName, String region, String scope, String operation, String errorCode,
                        String message, Reason reason) {

    /** Why it was not read: the scan was cancelled before it, AWS refused it, or the call failed otherwise. */
    public enum Reason {
        NOT_FINISHED("Not finished"), REFUSED("Refused"), FAILED("Failed");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static UnreadRow of(UnreadScope u, String accountName) {
        return new UnreadRow(u.accountId(), accountName, u.region() == null ? "all regions" : u.region(), u.scope(), u.operation(),
                u.errorCode(), u.message(), reasonOf(u));
    }

    static Reason reasonOf(UnreadScope u) {
        if (u.cancelled()) {
            return Reason.NOT_FINISHED;
        }
        String code = u.errorCode() == null ? "" : u.errorCode().toLowerCase(Locale.ROOT);
        if (code.contains("accessdenied") || code.contains("unauthorized") || code.contains("forbidden") || code.contains("norole")
                || code.contains("notauthorized") || code.contains("optinrequired") || code.contains("expiredtoken")) {
            return Reason.REFUSED;
        }
        return Reason.FAILED;
    }

    /** "northwind-shop-prod (645019283746)", or the ID alone. */
    public String account() {
        return accountName == null || accountName.isBlank() ? accountId : accountName + " (" + accountId + ")";
    }
}
