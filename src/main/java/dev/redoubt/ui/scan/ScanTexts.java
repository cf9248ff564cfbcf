package dev.redoubt.ui.scan;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The scan screen's wording of numbers, durations and regions. */
final class ScanTexts {
    private static final Map<String, String> REGION_NAMES = Map.ofEntries(
            Map.entry("us-east-1", "US East (N. Virginia)"), Map.entry("us-east-2", "US East (Ohio)"),
            Map.entry("us-west-1", "US West (N. California)"), Map.entry("us-west-2", "US West (Oregon)"),
            Map.entry("af-south-1", "Africa (Cape Town)"), Map.entry("ap-east-1", "Asia Pacific (Hong Kong)"),
            Map.entry("ap-south-1", "Asia Pacific (Mumbai)"), Map.entry("ap-south-2", "Asia Pacific (Hyderabad)"),
            Map.entry("ap-northeast-1", "Asia Pacific (Tokyo)"), Map.entry("ap-northeast-2", "Asia Pacific (Seoul)"),
            Map.entry("ap-northeast-3", "Asia Pacific (Osaka)"), Map.entry("ap-southeast-1", "Asia Pacific (Singapore)"),
            Map.entry("ap-southeast-2", "Asia Pacific (Sydney)"), Map.entry("ap-southeast-3", "Asia Pacific (Jakarta)"),
            Map.entry("ap-southeast-4", "Asia Pacific (Melbourne)"), Map.entry("ca-central-1", "Canada (Central)"),
            Map.entry("ca-west-1", "Canada West (Calgary)"), Map.entry("eu-central-1", "Europe (Frankfurt)"),
            Map.entry("eu-central-2", "Europe (Zurich)"), Map.entry("eu-west-1", "Europe (Ireland)"),
            Map.entry("eu-west-2", "Europe (London)"), Map.entry("eu-west-3", "Europe (Paris)"),
            Map.entry("eu-north-1", "Europe (Stockholm)"), Map.entry("eu-south-1", "Europe (Milan)"),
            Map.entry("eu-south-2", "Europe (Spain)"), Map.entry("il-central-1", "Israel (Tel Aviv)"),
            Map.entry("me-south-1", "Middle East (Bahrain)"), Map.entry("me-central-1", "Middle East (UAE)"),
            Map.entry("sa-east-1", "South America (São Paulo)"));

    private ScanTexts() {
    }

    /** 1,234 */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1 account", "3 accounts". */
    static String count(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    /** "Europe (Ireland)" for eu-west-1; "" for a region this list does not know. */
    static String regionName(String region) {
        return REGION_NAMES.getOrDefault(region, "");
    }

    /** "850 ms", "12 s", "1 min 12 s", "2 h 5 min". */
    static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = Math.round(ms / 1000.0);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        long min = Math.round(s / 60.0);
        return min / 60 + " h" + (min % 60 == 0 ? "" : " " + min % 60 + " min");
    }

    /** "a few seconds left", "about 40 s left", "about 3 min left", "about 1 h 20 min left". */
    static String timeLeft(Duration d) {
        long s = d.toSeconds();
        if (s < 10) {
            return "a few seconds left";
        }
        if (s < 60) {
            return "about " + Math.max(10, Math.round(s / 5.0) * 5) + " s left";
        }
        long min = Math.round(s / 60.0);
        if (min < 60) {
            return "about " + min + " min left";
        }
        return "about " + min / 60 + " h" + (min % 60 == 0 ? "" : " " + min % 60 + " min") + " left";
    }

    /** "310 calls/s", "2.5 calls/s" (whole numbers from 10 up). */
    static String rate(double perSecond, String what) {
        String n = perSecond >= 10 ? count(Math.round(perSecond)) : String.format(Locale.ROOT, "%.1f", perSecond);
        return n + " " + what + "/s";
    }
}
