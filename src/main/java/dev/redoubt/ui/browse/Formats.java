package dev.redoubt.ui.browse;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the browsing screens write sizes, dates, ages and durations: the same everywhere, in the clock's zone. */
public final class Formats {
    public static final String NOT_READ = "not read";
    public static final String NONE = "—";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Formats() {
    }

    /** "1.2 GB", "340 MB", "12 KB", "0 B"; "—" when unknown. */
    public static String bytes(Long bytes) {
        if (bytes == null || bytes < 0) {
            return NONE;
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    /** "3 Nov 2026"; "—" for none. */
    public static String date(Instant t, ZoneId zone) {
        return t == null ? NONE : DATE.format(t.atZone(zone));
    }

    /** "3 Nov 2026 14:02"; "—" for none. */
    public static String dateTime(Instant t, ZoneId zone) {
        return t == null ? NONE : DATE_TIME.format(t.atZone(zone));
    }

    /** "2026-11-03 14:02": for table columns, where dates line up and sort as text. */
    public static String sortable(Instant t, ZoneId zone) {
        return t == null ? NONE : SORTABLE.format(t.atZone(zone));
    }

    /** Whole days from {@code from} to {@code now} (negative in the future); null when {@code from} is unknown. */
    public static Long ageDays(Instant from, Instant now) {
        return from == null || now == null ? null : Duration.between(from, now).toDays();
    }

    /** "today", "1 day ago", "12 days ago", "in 3 days", "in 5 hours"; "—" for none. */
    public static String relative(Instant t, Instant now) {
        if (t == null || now == null) {
            return NONE;
        }
        Duration d = Duration.between(now, t);
        boolean future = !d.isNegative();
        Duration a = d.abs();
        String amount;
        if (a.toDays() >= 1) {
            long days = a.toDays();
            amount = days + (days == 1 ? " day" : " days");
        } else if (a.toHours() >= 1) {
            long h = a.toHours();
            amount = h + (h == 1 ? " hour" : " hours");
        } else if (a.toMinutes() >= 1) {
            amount = a.toMinutes() + " min";
        } else {
            return "now";
        }
        return future ? "in " + amount : amount + " ago";
    }

    /** "45 s", "12 min", "1 h 20 min", "2 d 3 h"; "—" for none (one definition, shared with the command line's words). */
    public static String duration(Duration d) {
        return dev.redoubt.services.ApprovalWords.duration(d);
    }

    /** "1 day", "35 days"; "—" for none. */
    public static String days(Long days) {
        return days == null ? NONE : days + (days == 1 ? " day" : " days");
    }

    /** "1,234". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The text, or "not read" when it was not read (null). */
    public static String orNotRead(String s) {
        return s == null ? NOT_READ : s;
    }

    /** The text, or "—" when empty. */
    public static String orNone(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }

    /** The last part of an ARN, for a short label: "shop-prod-vault" of a vault ARN, "key/1234..." of a key's (one definition, shared with the command line). */
    public static String shortArn(String arn) {
        return dev.redoubt.services.ApprovalWords.shortArn(arn);
    }
}
