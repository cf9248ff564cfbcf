package dev.redoubt.ui.findings;

import dev.redoubt.findings.Counts;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;

/**
 * A group heading: a check (key: its id) or a resource (key: its ARN) with how many of the results
 * shown under it fail, pass, are unknown or accepted; its severity (the check's, or the worst of the
 * resource's failures); the account and region ("3 accounts" when several); whether it is expanded.
 */
public record GroupRow(Grouping grouping, String key, String title, String subtitle, Counts counts, Severity severity, Status worst,
                       String accounts, String regions, boolean expanded) implements FindingsLine {

    public long size() {
        return counts.total();
    }

    /** "7 failing", or what the group holds when nothing fails ("12 passing"). */
    public String statusText() {
        return FindingsText.leadingCount(counts);
    }

    /** "7 failing, 2 suppressed, 31 passing". */
    public String countsText() {
        return FindingsText.counts(counts);
    }

    GroupRow expanded(boolean value) {
        return value == expanded ? this : new GroupRow(grouping, key, title, subtitle, counts, severity, worst, accounts, regions, value);
    }
}
