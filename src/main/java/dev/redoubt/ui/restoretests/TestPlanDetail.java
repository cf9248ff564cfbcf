package dev.redoubt.ui.restoretests;

import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.ui.restorejobs.RestoreJobRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One restore testing plan in full, in words: its schedule (in words and as written), start window,
 * which recovery points it picks, its selections, its last run and recent jobs with their outcome
 * against the restore-time target, and the checks about it. Lists are null when they were not read.
 */
public record TestPlanDetail(
        String arn,
        String name,
        String accountId,
        String accountName,
        String region,
        String schedule,
        String scheduleAsWritten,
        String timezone,
        String startWindow,
        Instant created,
        Instant lastRun,
        Instant lastUpdate,
        PointSelection pointSelection,
        List<Selection> selections,
        List<RestoreJobRow> jobs,
        TestOutcome outcome,
        int targetMinutes,
        List<Result> findings,
        Severity worst) {

    /**
     * Which recovery points a run restores.
     *
     * @param includeVaults vault ARNs or patterns; "*" is every vault of the account
     */
    public record PointSelection(String algorithm, List<String> includeVaults, List<String> excludeVaults, String recoveryPointTypes,
                                 String lookback) {
    }

    /** One restore testing selection: what it restores, with which role, and how long validation may take. */
    public record Selection(String name, String resourceType, String iamRoleArn, List<String> protectedResources, List<String> conditions,
                            String validationWindow, Map<String, String> metadataOverrides, Instant created) {
    }
}
