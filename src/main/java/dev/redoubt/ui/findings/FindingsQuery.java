package dev.redoubt.ui.findings;

import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.util.Set;

/**
 * What the findings screen should show when another screen sends the user there: filters (empty
 * sets and nulls mean "any") and, optionally, one result to select (its check and resource).
 */
public record FindingsQuery(Set<Severity> severities, Set<Facet> facets, String accountId, String region, String checkId,
                            Set<Status> statuses, String text, String selectCheckId, String selectResourceArn) {
    public FindingsQuery {
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        facets = facets == null ? Set.of() : Set.copyOf(facets);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** Everything, unfiltered. */
    public static FindingsQuery all() {
        return new FindingsQuery(Set.of(), Set.of(), null, null, null, Set.of(), null, null, null);
    }

    /** The failures of one account in one facet (a heat-map cell). */
    public static FindingsQuery failing(String accountId, Facet facet) {
        return new FindingsQuery(Set.of(), facet == null ? Set.of() : Set.of(facet), accountId, null, null, Set.of(Status.FAIL), null, null, null);
    }

    /** One result, selected, with its check's other results around it. */
    public static FindingsQuery result(String checkId, String resourceArn) {
        return new FindingsQuery(Set.of(), Set.of(), null, null, checkId, Set.of(), null, checkId, resourceArn);
    }
}
