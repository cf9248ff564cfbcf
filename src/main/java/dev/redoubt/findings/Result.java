package dev.redoubt.findings;

import java.util.Objects;

/**
 * One (check, resource) verdict with its evidence and, for failures, how to fix it.
 * {@code suppression} is the accepted risk that made it SUPPRESSED, or the expired one that
 * sent it back to FAIL; null otherwise.
 */
public record Result(
        String checkId,
        Status status,
        Severity severity,
        Facet facet,
        String accountId,
        String region,
        String resourceArn,
        String title,
        Evidence evidence,
        Remediation remediation,
        Suppression suppression) {
    public Result {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(facet, "facet");
        Objects.requireNonNull(evidence, "evidence");
    }

    public Result withStatus(Status newStatus, Evidence newEvidence, Suppression by) {
        return new Result(checkId, newStatus, severity, facet, accountId, region, resourceArn, title, newEvidence, remediation, by);
    }
}
