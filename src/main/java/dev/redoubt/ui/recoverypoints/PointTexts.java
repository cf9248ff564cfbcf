package dev.redoubt.ui.recoverypoints;

import dev.redoubt.ui.browse.Formats;
import java.time.Instant;
import java.util.Locale;

/** How the recovery points screen words what AWS returns. */
final class PointTexts {
    private PointTexts() {
    }

    /** "Completed", "Partial", "Expired"...; "not read" for none. */
    static String status(String status) {
        if (status == null) {
            return Formats.NOT_READ;
        }
        return switch (status) {
            case "COMPLETED" -> "Completed";
            case "PARTIAL" -> "Partial";
            case "DELETING" -> "Deleting";
            case "EXPIRED" -> "Expired";
            case "CREATING" -> "Creating";
            case "AVAILABLE" -> "Available";
            case "STOPPED" -> "Stopped";
            default -> status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /** "today", "1 day", "35 days"; "—" when the creation date was not read. */
    static String age(Instant created, Instant now) {
        Long days = Formats.ageDays(created, now);
        if (days == null) {
            return Formats.NONE;
        }
        if (days < 1) {
            return days < 0 ? "in the future" : "today";
        }
        return Formats.count(days) + (days == 1 ? " day" : " days");
    }

    static String encryption(Encryption e) {
        return switch (e) {
            case ENCRYPTED -> "Yes";
            case NOT_ENCRYPTED -> "No";
            case NOT_READ -> Formats.NOT_READ;
        };
    }

    /** The key's label, "AWS-owned key", or "—" for none. */
    static String key(PointRow r) {
        if (r.key() != null) {
            return r.key().label();
        }
        return r.encryption() == Encryption.NOT_ENCRYPTED ? Formats.NONE : Formats.NOT_READ;
    }

    /** The resource type as AWS names it, or "not read". */
    static String type(String type) {
        return type == null ? Formats.NOT_READ : type;
    }
}
