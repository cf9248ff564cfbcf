package dev.redoubt.services;

import dev.redoubt.estate.Estate;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Summary;
import dev.redoubt.findings.Suppressions;
import dev.redoubt.report.AuditReport;
import java.time.Instant;
import java.util.List;

/**
 * One audit: the report (results with suppressions applied, summary, digest), the estate it judged,
 * what it judged for whom, the results before suppressions (to apply changed suppressions again), and
 * the checks' index of the estate (the console's screens look things up in it).
 */
public record AuditRun(AuditReport report, Estate estate, AuditSubject subject, List<Result> unsuppressed, Suppressions suppressions,
                       Instant evaluatedAt, EstateIndex index) {
    /** Each audit is its own, compared by identity, for the reason {@link LoadedEstate#equals} gives. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    public List<Result> results() {
        return report.results();
    }

    public Summary summary() {
        return report.summary();
    }

    /** The SHA-256 of the results, as the journal and the reports give it. */
    public String digest() {
        return report.resultsSha256();
    }
}
