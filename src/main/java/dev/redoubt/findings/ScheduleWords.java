package dev.redoubt.findings;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AWS Backup schedule in plain English, with its timezone: {@code cron(0 5 ? * * *)} in UTC is
 * "every day at 05:00 UTC", {@code rate(12 hours)} "every 12 hours". Cron expressions follow
 * EventBridge's six fields (minutes, hours, day of month, month, day of week 1-7 = SUN-SAT, year;
 * wildcards {@code , - * / ? L W #}; one of the two day fields must be {@code ?}); see "Cron
 * expressions reference" in the EventBridge user guide and "Creating a backup plan" in the AWS Backup
 * developer guide. What this cannot say exactly (an invalid expression, {@code L-3}, a list of twenty
 * times) is shown as written with "(as written)": a wrong sentence would be worse than none.
 */
public final class ScheduleWords {
    /** AWS's timezone when a rule names none. */
    public static final String DEFAULT_ZONE = "UTC";

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AT = Pattern.compile("at\\((.*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEAREST_WEEKDAY = Pattern.compile("(\\d{1,2})W");
    private static final Pattern LAST_WEEKDAY_OF = Pattern.compile("([1-7]|[A-Z]{3})L");
    private static final Pattern NTH_WEEKDAY = Pattern.compile("([1-7]|[A-Z]{3})#([1-5])");
    private static final Set<String> UTC_NAMES = Set.of("UTC", "ETC/UTC", "GMT", "ETC/GMT", "ETC/UCT", "UCT", "ETC/UNIVERSAL", "UNIVERSAL",
            "ETC/ZULU", "ZULU", "ETC/GMT+0", "ETC/GMT-0", "ETC/GMT0", "GMT0", "Z");
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"};
    private static final String[] MONTH_KEYS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    /** EventBridge numbers the days of the week from Sunday = 1. */
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] DAY_KEYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    private static final String[] NTH = {"first", "second", "third", "fourth", "fifth"};
    private static final DateTimeFormatter ONCE = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm", Locale.ROOT);

    private ScheduleWords() {
    }

    /**
     * The schedule in words ("every Monday at 03:30 Europe/Paris"), or the expression as written
     * followed by "(as written)" when it cannot be phrased exactly; "no schedule" for none.
     *
     * @param timezone the rule's ScheduleExpressionTimezone (null: UTC, AWS's default)
     */
    public static String describe(String expression, String timezone) {
        if (expression == null || expression.isBlank()) {
            return "no schedule";
        }
        return phrase(expression, timezone).orElseGet(() -> asWritten(expression, timezone));
    }

    /** The schedule in words, or empty when it cannot be phrased exactly. */
    public static Optional<String> phrase(String expression, String timezone) {
        if (expression == null || expression.isBlank()) {
            return Optional.empty();
        }
        String e = expression.trim();
        String zone = zone(timezone);
        try {
            Matcher rate = RATE.matcher(e);
            if (rate.matches()) {
                return rate(Long.parseLong(rate.group(1)), rate.group(2).toLowerCase(Locale.ROOT));
            }
            Matcher cron = CRON.matcher(e);
            if (cron.matches()) {
                return cron(cron.group(1).trim().split("\\s+"), zone);
            }
            Matcher at = AT.matcher(e);
            if (at.matches()) {
                LocalDateTime when = LocalDateTime.parse(at.group(1).trim());
                return Optional.of("once, on " + ONCE.format(when) + " " + zone);
            }
        } catch (NumberFormatException | DateTimeParseException | Unphrasable ex) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The timezone as people read it: "UTC" for AWS's default and its aliases, else the name as given ("Europe/Paris"). */
    public static String zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return DEFAULT_ZONE;
        }
        String z = timezone.trim();
        return UTC_NAMES.contains(z.toUpperCase(Locale.ROOT)) ? DEFAULT_ZONE : z;
    }

    private static String asWritten(String expression, String timezone) {
        String e = expression.trim();
        boolean timed = !e.toLowerCase(Locale.ROOT).startsWith("rate(");
        return e + (timed ? " in " + zone(timezone) : "") + " (as written)";
    }

    // ---- rate

    private static Optional<String> rate(long n, String unit) {
        if (n <= 0) {
            return Optional.empty();
        }
        String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
        return Optional.of(n == 1 ? "every " + singular : "every " + n + " " + singular + "s");
    }

    // ---- cron

    private static Optional<String> cron(String[] f, String zone) {
        if (f.length != 6) {
            return Optional.empty();
        }
        TreeSet<Integer> minutes = values(f[0], 0, 59, null);
        TreeSet<Integer> hours = values(f[1], 0, 23, null);
        String days = days(f[2].toUpperCase(Locale.ROOT), f[3].toUpperCase(Locale.ROOT), f[4].toUpperCase(Locale.ROOT));
        String years = years(f[5]);
        Time time = time(minutes, hours, zone);
        String text;
        if (time.at()) {
            text = days + " " + time.text();
        } else if (days.equals("every day")) {
            text = time.text();
        } else {
            text = days + ", " + time.text();
        }
        return Optional.of(text + years);
    }

    /** How the times of a day read: "at 05:00 UTC" (a point) or "every 6 hours from 00:00 to 18:00 UTC" (a period). */
    private record Time(String text, boolean at) {
    }

    private static Time time(TreeSet<Integer> minutes, TreeSet<Integer> hours, String zone) {
        if (minutes.size() * hours.size() <= 4) {
            List<String> times = new ArrayList<>();
            for (int h : hours) {
                for (int m : minutes) {
                    times.add(clock(h, m));
                }
            }
            return new Time("at " + list(times) + " " + zone, true);
        }
        if (minutes.size() == 1) {
            int m = minutes.first();
            if (hours.size() == 24) {
                String past = m == 0 ? "every hour, on the hour" : "every hour at " + m + (m == 1 ? " minute" : " minutes") + " past the hour";
                return new Time(past + (zone.equals(DEFAULT_ZONE) ? "" : ", " + zone + " time"), false);
            }
            int step = step(hours);
            if (step > 0) {
                String every = step == 1 ? "every hour" : "every " + step + " hours";
                return new Time(every + " from " + clock(hours.first(), m) + " to " + clock(hours.last(), m) + " " + zone, false);
            }
            throw new Unphrasable();
        }
        int step = progression(minutes);
        boolean wholeHour = step > 0 && minutes.first() < step && minutes.last() + step >= 60 && 60 % step == 0;
        if (!wholeHour) {
            throw new Unphrasable();
        }
        String every = step == 1 ? "every minute" : "every " + step + " minutes";
        if (minutes.first() != 0) {
            every += ", starting " + minutes.first() + (minutes.first() == 1 ? " minute" : " minutes") + " past the hour";
            if (hours.size() == 24) {
                return new Time(every + (zone.equals(DEFAULT_ZONE) ? "" : ", " + zone + " time"), false);
            }
            throw new Unphrasable();
        }
        if (hours.size() == 24) {
            return new Time(every, false);
        }
        if (step(hours) == 1) {
            return new Time(every + " from " + clock(hours.first(), minutes.first()) + " to " + clock(hours.last(), minutes.last()) + " " + zone,
                    false);
        }
        throw new Unphrasable();
    }

    /** The common difference of an arithmetic progression of three or more values (or two consecutive ones); 0 when it is not one. */
    private static int step(TreeSet<Integer> values) {
        int step = progression(values);
        return values.size() == 2 && step != 1 ? 0 : step;
    }

    /** The common difference of two or more values in arithmetic progression; 0 when they are not one. */
    private static int progression(TreeSet<Integer> values) {
        if (values.size() < 2) {
            return 0;
        }
        List<Integer> v = new ArrayList<>(values);
        int step = v.get(1) - v.get(0);
        for (int i = 2; i < v.size(); i++) {
            if (v.get(i) - v.get(i - 1) != step) {
                return 0;
            }
        }
        return step;
    }

    private static String days(String dom, String month, String dow) {
        boolean domAny = dom.equals("?");
        boolean dowAny = dow.equals("?");
        if (domAny == dowAny) {
            throw new Unphrasable(); // EventBridge wants exactly one of the two day fields to be "?"
        }
        TreeSet<Integer> months = values(month, 1, 12, MONTH_KEYS);
        boolean everyMonth = months.size() == 12;
        if (dowAny) {
            if (dom.equals("*")) {
                return everyMonth ? "every day" : "every day " + inMonths(months);
            }
            String which;
            if (dom.equals("L")) {
                which = "the last day";
            } else if (dom.equals("LW")) {
                which = "the last weekday (Monday to Friday)";
            } else {
                Matcher w = NEAREST_WEEKDAY.matcher(dom);
                if (w.matches()) {
                    int d = Integer.parseInt(w.group(1));
                    if (d < 1 || d > 31) {
                        throw new Unphrasable();
                    }
                    which = "the weekday (Monday to Friday) nearest the " + ordinal(d);
                } else {
                    TreeSet<Integer> days = values(dom, 1, 31, null);
                    if (days.size() == 31) {
                        return everyMonth ? "every day" : "every day " + inMonths(months);
                    }
                    if (days.size() >= 3 && step(days) == 1) {
                        return "every day from the " + ordinal(days.first()) + " to the " + ordinal(days.last()) + " of " + ofMonths(months);
                    }
                    List<String> names = new ArrayList<>();
                    days.forEach(d -> names.add(ordinal(d)));
                    which = "the " + list(names);
                }
            }
            return "on " + which + " of " + ofMonths(months);
        }
        Matcher last = LAST_WEEKDAY_OF.matcher(dow);
        if (last.matches()) {
            return "on the last " + DAYS[day(last.group(1)) - 1] + " of " + ofMonths(months);
        }
        Matcher nth = NTH_WEEKDAY.matcher(dow);
        if (nth.matches()) {
            return "on the " + NTH[Integer.parseInt(nth.group(2)) - 1] + " " + DAYS[day(nth.group(1)) - 1] + " of " + ofMonths(months);
        }
        TreeSet<Integer> days = values(dow, 1, 7, DAY_KEYS);
        String which;
        if (days.size() == 7) {
            which = "every day";
        } else if (days.equals(new TreeSet<>(List.of(2, 3, 4, 5, 6)))) {
            which = "every weekday (Monday to Friday)";
        } else if (days.equals(new TreeSet<>(List.of(1, 7)))) {
            which = "every Saturday and Sunday";
        } else if (days.size() >= 3 && step(days) == 1) {
            which = "every " + DAYS[days.first() - 1] + " to " + DAYS[days.last() - 1];
        } else {
            List<String> names = new ArrayList<>();
            days.forEach(d -> names.add(DAYS[d - 1]));
            which = "every " + list(names);
        }
        return everyMonth ? which : which + " " + inMonths(months);
    }

    /** "every month", "January and July", "every month from March to June". */
    private static String ofMonths(TreeSet<Integer> months) {
        if (months.size() == 12) {
            return "every month";
        }
        if (months.size() >= 3 && step(months) == 1) {
            return "every month from " + MONTHS[months.first() - 1] + " to " + MONTHS[months.last() - 1];
        }
        return monthNames(months);
    }

    /** "in January and July", "from March to June". */
    private static String inMonths(TreeSet<Integer> months) {
        if (months.size() >= 3 && step(months) == 1) {
            return "from " + MONTHS[months.first() - 1] + " to " + MONTHS[months.last() - 1];
        }
        return "in " + monthNames(months);
    }

    private static String monthNames(TreeSet<Integer> months) {
        List<String> names = new ArrayList<>();
        months.forEach(m -> names.add(MONTHS[m - 1]));
        return list(names);
    }

    private static String years(String field) {
        if (field.equals("*")) {
            return "";
        }
        TreeSet<Integer> years = values(field, 1970, 2199, null);
        if (years.size() == 1) {
            return ", in " + years.first() + " only";
        }
        if (years.size() >= 3 && step(years) == 1) {
            return ", from " + years.first() + " to " + years.last() + " only";
        }
        if (years.size() > 6) {
            throw new Unphrasable();
        }
        List<String> names = new ArrayList<>();
        years.forEach(y -> names.add(String.valueOf(y)));
        return ", in " + list(names) + " only";
    }

    // ---- fields

    /**
     * The values a field selects: lists of {@code *}, {@code n}, {@code a-b} (wrapping past the end,
     * as FRI-MON), each optionally {@code /step}; names (JAN, MON) where the field has them.
     */
    private static TreeSet<Integer> values(String field, int min, int max, String[] names) {
        TreeSet<Integer> out = new TreeSet<>();
        String upper = field.toUpperCase(Locale.ROOT);
        if (upper.isEmpty()) {
            throw new Unphrasable();
        }
        for (String item : upper.split(",", -1)) {
            int step = 1;
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(item.substring(slash + 1));
                range = item.substring(0, slash);
                if (step <= 0) {
                    throw new Unphrasable();
                }
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw new Unphrasable();
                }
                from = number(ends[0], min, max, names);
                to = number(ends[1], min, max, names);
            } else {
                from = number(range, min, max, names);
                to = slash >= 0 ? max : from; // "5/15": from 5 to the end, every 15
            }
            int span = to >= from ? to - from : to + (max - min + 1) - from;
            for (int i = 0; i <= span; i += step) {
                int v = from + i;
                out.add(v > max ? v - (max - min + 1) : v);
            }
        }
        return out;
    }

    private static int number(String token, int min, int max, String[] names) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(token)) {
                    return min + i;
                }
            }
        }
        if (token.isEmpty() || !token.chars().allMatch(Character::isDigit) || token.length() > 4) {
            throw new Unphrasable();
        }
        int v = Integer.parseInt(token);
        if (v < min || v > max) {
            throw new Unphrasable();
        }
        return v;
    }

    private static int day(String token) {
        return number(token, 1, 7, DAY_KEYS);
    }

    // ---- words

    private static String clock(int hour, int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", hour, minute);
    }

    /** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd, 31st. */
    static String ordinal(int n) {
        int tens = n % 100;
        if (tens >= 11 && tens <= 13) {
            return n + "th";
        }
        return switch (n % 10) {
            case 1 -> n + "st";
            case 2 -> n + "nd";
            case 3 -> n + "rd";
            default -> n + "th";
        };
    }

    /** "a", "a and b", "a, b and c". */
    private static String list(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** The expression says something this class will not put in words. */
    private static final class Unphrasable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unphrasable() {
            super(null, null, false, false);
        }
    }
}
