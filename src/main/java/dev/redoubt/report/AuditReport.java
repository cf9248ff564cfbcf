package dev.redoubt.report;

import dev.redoubt.findings.AccountType;
import dev.redoubt.findings.Check;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Summary;
import dev.redoubt.findings.Suppressions;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows about one audit: what was audited (estate name, source, CapturedAt),
 * when, with which thresholds and account roles, the results and their summary, the suppressions
 * used, and the SHA-256 of the results (the value the journal records).
 */
public record AuditReport(
        String toolVersion,
        String estateName,
        String source,
        String organizationId,
        Instant capturedAt,
        Instant evaluatedAt,
        Instant generatedAt,
        Map<String, Integer> thresholds,
        Map<String, AccountType> accountRoles,
        List<Check> catalogue,
        List<Result> results,
        Summary summary,
        List<Suppressions.Use> suppressions,
        int readErrors,
        String resultsSha256) {
}
