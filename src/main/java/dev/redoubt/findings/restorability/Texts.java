package dev.redoubt.findings.restorability;

import dev.redoubt.estate.Account;
import dev.redoubt.findings.EstateIndex;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The few phrasings the verdicts share: dates, durations, accounts. */
final class Texts {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Texts() {
    }

    static String date(Instant at, ZoneId zone) {
        return at == null ? "an unknown date" : DAY.format(at.atZone(zone));
    }

    /** "42 min", "2 h 5 min", "19 h", "3 days". */
    static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 72 * 60) {
            long h = minutes / 60;
            long m = minutes % 60;
            return h + " h" + (m == 0 ? "" : " " + m + " min");
        }
        return plural(minutes / (24 * 60), "day", "days");
    }

    static String plural(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }

    /** "northwind-backup (536470192834)", or the ID alone when the estate has no name for it. */
    static String account(EstateIndex x, String id) {
        if (id == null || id.isEmpty()) {
            return "an unknown account";
        }
        Account a = x.account(id);
        return a == null || a.name() == null || a.name().isBlank() ? id : a.name() + " (" + id + ")";
    }

    /** The last part of a vault ARN (its name) when it has no name of its own. */
    static String vaultName(String name, String arn) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        if (arn == null) {
            return "an unknown vault";
        }
        int i = arn.lastIndexOf(':');
        return i < 0 ? arn : arn.substring(i + 1);
    }
}
