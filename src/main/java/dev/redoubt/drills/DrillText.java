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

    /** "4 min 12 s", "2 h 5 min", "3 d 4 h", "850 ms"; "-" for null. */
    public static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        long s = d.getSeconds();
        if (s < 1) {
            return d.toMillis() + " ms";
        }
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        if (s < 86_400) {
            return (s / 3600) + " h" + ((s % 3600) / 60 == 0 ? "" : " " + ((s % 3600) / 60) + " min");
        }
        return (s / 86_400) + " d" + ((s % 86_400) / 3600 == 0 ? "" : " " + ((s % 86_400) / 3600) + " h");
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
