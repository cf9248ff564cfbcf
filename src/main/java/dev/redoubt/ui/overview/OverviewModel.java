package dev.redoubt.ui.overview;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.KeyAlias;
import dev.redoubt.estate.KmsKey;
import dev.redoubt.estate.Region;
import dev.redoubt.findings.Check;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Summary;
import dev.redoubt.findings.Thresholds;
import dev.redoubt.services.AuditRun;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the overview shows about one audit, computed at once off the UI thread and published
 * whole: the scorecard, the account × facet map, the most severe failures, recovery points per
 * day, restore-test coverage and what could not be read. Immutable.
 */
public record OverviewModel(String estateName, Instant asOf, boolean asOfFromCapture, Scorecard scorecard, HeatMap heatMap,
                            TopFailures topFailures, BackupActivity activity, RestoreTestCoverage coverage, UnreadSummary unread) {
    /** The recovery-point chart's window, in days (REL09-BP02's usual minimum retention). */
    public static final int ACTIVITY_DAYS = 35;
    /** Accounts with their own colour in the chart; the rest share one. */
    public static final int ACTIVITY_SERIES = 8;
    /** How many failures the list shows. */
    public static final int TOP_FAILURES = 10;

    public static OverviewModel of(AuditRun run) {
        Estate estate = run.estate();
        Integer days = run.report().thresholds() == null ? null : run.report().thresholds().get("restoreTestMaxAgeDays");
        return of(estate, run.results(), run.summary(), run.report().catalogue(), run.digest(),
                days != null ? days : Thresholds.DEFAULTS.restoreTestMaxAgeDays(), run.evaluatedAt());
    }

    /**
     * @param restoreTestDays the restore-test window the checks used (restoreTestMaxAgeDays)
     * @param evaluatedAt     the audit's instant, used only when the estate has no CapturedAt (as the checks do)
     */
    public static OverviewModel of(Estate estate, List<Result> results, Summary summary, List<Check> catalogue, String digest, int restoreTestDays,
                                   Instant evaluatedAt) {
        boolean fromCapture = estate.capturedAt() != null;
        Instant at = fromCapture ? estate.capturedAt() : evaluatedAt;
        List<Account> accounts = estate.accounts() == null ? List.of() : estate.accounts();
        Map<String, String> names = new HashMap<>();
        Map<String, String> aliases = new HashMap<>();
        for (Account a : accounts) {
            names.put(a.id(), a.name() != null ? a.name() : a.id());
            for (Region r : a.regions() == null ? List.<Region>of() : a.regions().values()) {
                for (KmsKey k : r.kmsKeys() == null ? List.<KmsKey>of() : r.kmsKeys()) {
                    if (k.keyMetadata() != null && k.keyMetadata().arn() != null && k.aliases() != null) {
                        k.aliases().stream().map(KeyAlias::aliasName).filter(n -> n != null).sorted().findFirst()
                                .ifPresent(n -> aliases.put(k.keyMetadata().arn(), n));
                    }
                }
            }
        }
        return new OverviewModel(estate.name(), at, fromCapture,
                Scorecard.of(summary, catalogue, digest),
                HeatMap.of(results, accounts),
                TopFailures.of(results, catalogue, names, aliases, TOP_FAILURES),
                BackupActivity.of(estate, at, ACTIVITY_DAYS, ACTIVITY_SERIES),
                RestoreTestCoverage.of(estate, at, restoreTestDays),
                UnreadSummary.of(estate));
    }
}
