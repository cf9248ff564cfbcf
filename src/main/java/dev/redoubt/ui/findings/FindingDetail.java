package dev.redoubt.ui.findings;

import dev.redoubt.findings.Fact;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.util.List;

/**
 * What the detail pane shows for one result: verdict, check, resource and where it lives, the
 * evidence that decided, why the check matters, how to fix it, and the accepted risk if any.
 *
 * @param account       "northwind-shop-prod (645019283746)"
 * @param evaluatedAsOf "28 Nov 2026, 09:00 UTC"
 * @param remediation   null for results that do not fail
 * @param acceptedRisk  the suppression that made it SUPPRESSED, or the lapsed one that sent it back to FAIL; null otherwise
 */
public record FindingDetail(ResultKey key, Status status, Severity severity, Facet facet, String checkId, String title, String resourceArn,
                            String resourceName, String account, String region, String summary, List<Fact> fields, List<Fact> thresholds,
                            String evaluatedAsOf, String rationale, String reads, Remediation remediation, AcceptedRisk acceptedRisk) {

    /** An accepted risk as the pane tells it. {@code pattern} is the suppression's resource ("*" allowed). */
    public record AcceptedRisk(String author, String justification, String until, boolean expired, String pattern, boolean coversOthers) {
    }

    /** A failure can be accepted (again, when an earlier acceptance lapsed). */
    public boolean canAcceptRisk() {
        return status == Status.FAIL;
    }

    /** A suppression in the file, active or lapsed, can be lifted. */
    public boolean canLift() {
        return acceptedRisk != null;
    }
}
