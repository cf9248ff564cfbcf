package dev.redoubt.findings;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an AWS Backup schedule runs at least daily (checks.md, "Frequency"): {@code rate(N
 * hours)} with N &lt;= 24 (minutes &lt;= 1440, days &lt;= 1), or a cron expression whose
 * day-of-month and day-of-week fields select every day of every month; continuous backup counts as daily.
 */
public final class Schedule {
    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final Set<String> EVERY_DOM = Set.of("*", "?", "1-31", "*/1", "1/1");
    private static final Set<String> EVERY_DOW = Set.of("*", "?", "1-7", "SUN-SAT", "*/1", "1/1");
    private static final Set<String> EVERY_MONTH = Set.of("*", "1-12", "JAN-DEC", "*/1", "1/1");

    private Schedule() {
    }

    public static boolean atLeastDaily(String expression, Boolean continuous) {
        if (Boolean.TRUE.equals(continuous)) {
            return true;
        }
        if (expression == null || expression.isBlank()) {
            return false;
        }
        String e = expression.trim();
        Matcher rate = RATE.matcher(e.toLowerCase(Locale.ROOT));
        if (rate.matches()) {
            long n = Long.parseLong(rate.group(1));
            return switch (rate.group(2)) {
                case "minute", "minutes" -> n <= 1440;
                case "hour", "hours" -> n <= 24;
                default -> n <= 1;
            };
        }
        Matcher cron = CRON.matcher(e);
        if (!cron.matches()) {
            return false;
        }
        String[] f = cron.group(1).trim().split("\\s+");
        if (f.length < 5) {
            return false;
        }
        String dom = f[2].toUpperCase(Locale.ROOT);
        String month = f[3].toUpperCase(Locale.ROOT);
        String dow = f[4].toUpperCase(Locale.ROOT);
        boolean everyDom = EVERY_DOM.contains(dom);
        boolean everyDow = EVERY_DOW.contains(dow);
        boolean domOpen = dom.equals("?");
        boolean dowOpen = dow.equals("?");
        boolean everyDay = everyDom && everyDow && !(domOpen && dowOpen);
        return everyDay && EVERY_MONTH.contains(month);
    }
}
