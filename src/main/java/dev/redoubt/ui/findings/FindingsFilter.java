package dev.redoubt.ui.findings;

import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The findings screen's filters; an empty set means "any". {@code text} matches, word by word and
 * ignoring case, the resource ARN, the check's id and title, the evidence's summary and the account's name and id.
 */
public record FindingsFilter(Set<Severity> severities, Set<Facet> facets, Set<String> accountIds, Set<String> regions,
                             Set<String> checkIds, Set<Status> statuses, String text) {
    /** What the screen shows first: what needs attention or a decision (everything but PASS). */
    public static final Set<Status> NEEDS_ATTENTION = Set.of(Status.FAIL, Status.UNKNOWN, Status.SUPPRESSED);

    public FindingsFilter {
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        facets = facets == null ? Set.of() : Set.copyOf(facets);
        accountIds = accountIds == null ? Set.of() : Set.copyOf(accountIds);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        checkIds = checkIds == null ? Set.of() : Set.copyOf(checkIds);
        statuses = statuses == null || statuses.size() == Status.values().length ? Set.of() : Set.copyOf(statuses);
        text = text == null ? "" : text;
    }

    /** Every result. */
    public static FindingsFilter none() {
        return new FindingsFilter(null, null, null, null, null, null, "");
    }

    /** The failing, unknown and suppressed results: the screen's first view. */
    public static FindingsFilter needsAttention() {
        return none().withStatuses(NEEDS_ATTENTION);
    }

    /** The filters another screen asked for. */
    public static FindingsFilter of(FindingsQuery q) {
        return new FindingsFilter(q.severities(), q.facets(), q.accountId() == null ? Set.of() : Set.of(q.accountId()),
                q.region() == null ? Set.of() : Set.of(q.region()), q.checkId() == null ? Set.of() : Set.of(q.checkId()), q.statuses(),
                q.text());
    }

    public boolean isEmpty() {
        return severities.isEmpty() && facets.isEmpty() && accountIds.isEmpty() && regions.isEmpty() && checkIds.isEmpty()
                && statuses.isEmpty() && text.isBlank();
    }

    public FindingsFilter withSeverities(Set<Severity> v) {
        return new FindingsFilter(v, facets, accountIds, regions, checkIds, statuses, text);
    }

    public FindingsFilter withFacets(Set<Facet> v) {
        return new FindingsFilter(severities, v, accountIds, regions, checkIds, statuses, text);
    }

    public FindingsFilter withAccountIds(Set<String> v) {
        return new FindingsFilter(severities, facets, v, regions, checkIds, statuses, text);
    }

    public FindingsFilter withRegions(Set<String> v) {
        return new FindingsFilter(severities, facets, accountIds, v, checkIds, statuses, text);
    }

    public FindingsFilter withCheckIds(Set<String> v) {
        return new FindingsFilter(severities, facets, accountIds, regions, v, statuses, text);
    }

    public FindingsFilter withStatuses(Set<Status> v) {
        return new FindingsFilter(severities, facets, accountIds, regions, checkIds, v, text);
    }

    public FindingsFilter withText(String v) {
        return new FindingsFilter(severities, facets, accountIds, regions, checkIds, statuses, v);
    }

    /** The test for one row, with the text split into lower-case words once. */
    public Predicate<ResultRow> matcher() {
        String[] words = text.isBlank() ? new String[0] : text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        return row -> {
            Result r = row.result();
            if (!severities.isEmpty() && !severities.contains(r.severity())
                    || !facets.isEmpty() && !facets.contains(r.facet())
                    || !statuses.isEmpty() && !statuses.contains(r.status())
                    || !checkIds.isEmpty() && !checkIds.contains(r.checkId())
                    || !accountIds.isEmpty() && !accountIds.contains(r.accountId())
                    || !regions.isEmpty() && !regions.contains(r.region())) {
                return false;
            }
            for (String w : words) {
                if (!(contains(r.resourceArn(), w) || contains(r.checkId(), w) || contains(r.title(), w) || contains(row.accountName(), w)
                        || contains(r.accountId(), w) || contains(r.evidence().summary(), w))) {
                    return false;
                }
            }
            return true;
        };
    }

    /** Whether {@code hay} contains the lower-case {@code word}, ignoring case, without copying {@code hay}. */
    static boolean contains(String hay, String word) {
        if (hay == null) {
            return false;
        }
        int n = word.length();
        if (n == 0) {
            return true;
        }
        char lower = word.charAt(0);
        char upper = Character.toUpperCase(lower);
        int last = hay.length() - n;
        for (int i = 0; i <= last; i++) {
            char c = hay.charAt(i);
            if ((c == lower || c == upper) && hay.regionMatches(true, i + 1, word, 1, n - 1)) {
                return true;
            }
        }
        return false;
    }
}
