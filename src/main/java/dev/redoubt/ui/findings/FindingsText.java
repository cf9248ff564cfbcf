package dev.redoubt.ui.findings;

import dev.redoubt.findings.Counts;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words the findings screen uses for statuses, severities, counts and resources. */
public final class FindingsText {
    private static final String ACCEPTED_NOTE = " [accepted risk until ";
    private static final String EXPIRED_NOTE = " [suppression expired on ";

    private FindingsText() {
    }

    /** 3,204 */
    public static String number(long n) {
        // String.format costs a microsecond; a list of 250,000 groups asks often.
        if (n > -1000 && n < 1000) {
            return Long.toString(n);
        }
        String digits = Long.toString(Math.abs(n));
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            b.append('-');
        }
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        b.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b.toString();
    }

    /** "1 result", "3,204 results". */
    public static String plural(long n, String one, String many) {
        return number(n) + " " + (n == 1 ? one : many);
    }

    /** The chip's text: FAIL, PASS, UNKNOWN, SUPPRESSED. */
    public static String status(Status s) {
        return s.name();
    }

    /** How the status filter names a status. */
    public static String statusChoice(Status s) {
        return switch (s) {
            case FAIL -> "Failing";
            case UNKNOWN -> "Unknown (could not be judged)";
            case SUPPRESSED -> "Suppressed (accepted risk)";
            case PASS -> "Passing";
        };
    }

    /** Critical, High, ... */
    public static String severity(Severity s) {
        String n = s.name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }

    /** "7 failing", else the most telling count of what the group holds. */
    public static String leadingCount(Counts c) {
        if (c.fail() > 0) {
            return number(c.fail()) + " failing";
        }
        if (c.unknown() > 0) {
            return number(c.unknown()) + " unknown";
        }
        if (c.suppressed() > 0) {
            return number(c.suppressed()) + " suppressed";
        }
        return number(c.pass()) + " passing";
    }

    /** "7 failing, 2 suppressed, 31 passing" (the statuses present, worst first). */
    public static String counts(Counts c) {
        List<String> parts = new ArrayList<>(4);
        if (c.fail() > 0) {
            parts.add(number(c.fail()) + " failing");
        }
        if (c.unknown() > 0) {
            parts.add(number(c.unknown()) + " unknown");
        }
        if (c.suppressed() > 0) {
            parts.add(number(c.suppressed()) + " suppressed");
        }
        if (c.pass() > 0) {
            parts.add(number(c.pass()) + " passing");
        }
        return parts.isEmpty() ? "no results" : String.join(", ", parts);
    }

    /** The last part of an ARN: "shop-prod" of arn:aws:backup:...:backup-vault:shop-prod, "snap-0a1" of ...:snapshot/snap-0a1. */
    public static String resourceName(String arn) {
        if (arn == null || arn.isBlank()) {
            return "(no resource)";
        }
        int cut = Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':'));
        String tail = cut >= 0 && cut < arn.length() - 1 ? arn.substring(cut + 1) : arn;
        return tail.isBlank() ? arn : tail;
    }

    /** The evidence sentence without the note the audit appends to a suppressed (or lapsed) result. */
    public static String summaryWithoutSuppression(Result r) {
        String s = r.evidence().summary();
        if (r.suppression() == null) {
            return s;
        }
        int at = Math.max(s.lastIndexOf(ACCEPTED_NOTE), s.lastIndexOf(EXPIRED_NOTE));
        return at > 0 ? s.substring(0, at) : s;
    }
}
