package dev.redoubt.drills;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How drills put times and durations in words, the same on every face: "4 min 12 s", "2 h 5 min", "2026-11-28 10:00 UTC". */
public final class DrillText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private DrillText() {
    }

    /** "850 ms", "45 s", "4 min 12 s", "2 h 5 min" (hours up to 48), "3 d 4 h"; "-" for null; a negative one with its sign. */
    public static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long ms = Math.abs(d.toMillis());
        String sign = d.isNegative() ? "-" : "";
        if (ms < 1000) {
            return sign + ms + " ms";
        }
        long s = ms / 1000;
        if (s < 60) {
            return sign + s + " s";
        }
        long m = s / 60;
        if (m < 60) {
            return sign + m + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        long h = m / 60;
        if (h < 48) {
            return sign + h + " h" + (m % 60 == 0 ? "" : " " + m % 60 + " min");
        }
        return sign + h / 24 + " d" + (h % 24 == 0 ? "" : " " + h % 24 + " h");
    }

    /** A journaled step in words, the same in the window, the report and on the command line. */
    public static String step(DrillStep step) {
        return switch (step) {
            case BEGIN -> "Drill opened";
            case CHOOSE -> "Recovery point chosen";
            case PREFLIGHT -> "Preflight";
            case CONFIRM -> "Confirmed by typing the name";
            case START_RESTORE -> "Restore started";
            case WAIT -> "Restore job ended";
            case VALIDATE -> "Restored data checked";
            case CLEANUP -> "Cleaned up";
            case SUMMARY -> "Summary written";
            case SIGN_OFF -> "Signed off";
            case ABANDON -> "Abandoned";
            case RESUME -> "Resumed";
        };
    }

    /** "2026-11-28 10:00:00 UTC"; "-" for null. */
    public static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    /** The last part of an ARN (after the last '/' or ':'): a resource's or a role's name. */
    public static String lastPart(String arn) {
        if (arn == null) {
            return null;
        }
        int i = Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':'));
        return i < 0 ? arn : arn.substring(i + 1);
    }

    /** What a drill's status is called: "Preparing", "Restoring", "Validating", "Awaiting sign-off", "Signed off", "Abandoned". */
    public static String status(DrillStatus s) {
        return switch (s) {
            case PREPARING -> "Preparing";
            case RESTORING -> "Restoring";
            case VALIDATING -> "Validating";
            case AWAITING_SIGN_OFF -> "Awaiting sign-off";
            case SIGNED_OFF -> "Signed off";
            case ABANDONED -> "Abandoned";
        };
    }
}
