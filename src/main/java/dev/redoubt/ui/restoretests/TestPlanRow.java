package dev.redoubt.ui.restoretests;

import dev.redoubt.findings.Severity;
import java.time.Instant;

/**
 * One restore testing plan as the list shows it. Immutable, built off the FX thread.
 *
 * @param schedule the schedule in words ("every Friday at 06:00 UTC")
 * @param lastRun LastExecutionTime; null when it never ran (or AWS did not say)
 * @param selections how many restore testing selections it has; null when they were not read
 * @param worst the worst failing severity of the checks about the plan; null for none
 * @param search what the text filter looks in, lower case
 */
public record TestPlanRow(
        String arn,
        String name,
        String accountId,
        String accountName,
        String region,
        String schedule,
        Instant lastRun,
        Integer selections,
        TestOutcome outcome,
        Severity worst,
        String search) {
}
