package dev.redoubt.findings.access;

import dev.redoubt.estate.Account;
import dev.redoubt.findings.AccountType;
import dev.redoubt.findings.EstateIndex;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The words the access answers share: dates (UTC, as AWS shows lock dates), accounts by name and role, lists. */
final class AccessText {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private AccessText() {
    }

    static String date(Instant at) {
        return at == null ? "an unknown date" : DATE.format(at);
    }

    static String dateTime(Instant at) {
        return at == null ? "an unknown date" : DATE_TIME.format(at);
    }

    static String days(long n) {
        return n + (n == 1 ? " day" : " days");
    }

    /** "northwind-shop-prod (645019283746, production)"; an account outside the estate: "account 999999999999 (outside the estate)". */
    static String account(EstateIndex x, String id) {
        Account a = x.account(id);
        String role = role(x.role(id));
        if (a == null) {
            return "account " + id + (x.inOrganization(id) ? " (" + role + ")" : " (outside the estate)");
        }
        String name = a.name() == null || a.name().isBlank() ? null : a.name();
        return name == null ? "account " + id + " (" + role + ")" : name + " (" + id + ", " + role + ")";
    }

    static String role(AccountType t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
