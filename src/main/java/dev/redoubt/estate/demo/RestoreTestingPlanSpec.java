package dev.redoubt.estate.demo;

import dev.redoubt.estate.demo.RestoreRun.RestoreOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A restore testing plan (backup:GetRestoreTestingPlan plus its selections) and how its last runs ended. */
final class RestoreTestingPlanSpec {
    private static final int SELECTION_WINDOW_DAYS = 7;
    final RegionSpec home;
    final String name;
    final String arn;
    private final Schedule schedule;
    private final Instant created;
    private final List<VaultSpec> included = new ArrayList<>();
    private final List<VaultSpec> excluded = new ArrayList<>();
    private boolean allVaults;
    private final List<Selection> selections = new ArrayList<>();
    private List<RestoreOutcome> lastRuns = List.of();
    private Instant lastExecution;

    /** What a selection restores: the resources named, or (none named) any of the type. */
    private record Selection(ResourceKind kind, List<ResourceSpec> resources) {
        boolean matches(RecoveryPointSpec rp) {
            return rp.resource.kind == kind && (resources.isEmpty() || resources.contains(rp.resource));
        }
    }

    RestoreTestingPlanSpec(RegionSpec home, String name, Schedule schedule, Instant created) {
        this.home = home;
        this.name = name;
        this.schedule = schedule;
        this.created = created;
        this.arn = Arns.backup(home.name, home.account.id,
                "restore-testing-plan:" + name + "-" + Ids.stableUuid("restore-testing-plan", home.account.id, home.name, name));
    }

    RestoreTestingPlanSpec includeVaults(VaultSpec... vaults) {
        included.addAll(List.of(vaults));
        return this;
    }

    RestoreTestingPlanSpec includeAllVaultsExcept(VaultSpec... vaults) {
        allVaults = true;
        excluded.addAll(List.of(vaults));
        return this;
    }

    RestoreTestingPlanSpec select(ResourceKind kind, ResourceSpec... resources) {
        selections.add(new Selection(kind, List.of(resources)));
        return this;
    }

    /** How the last scheduled runs ended, oldest first; runs older than the job history leave only LastExecutionTime. */
    RestoreTestingPlanSpec lastRuns(RestoreOutcome... outcomes) {
        lastRuns = List.of(outcomes);
        return this;
    }

    private boolean covers(VaultSpec vault) {
        return (allVaults || included.contains(vault)) && !excluded.contains(vault);
    }

    void run(Simulation sim) {
        List<Instant> scheduled = schedule.between(created, sim.now);
        int runs = Math.min(scheduled.size(), lastRuns.size());
        for (int i = 0; i < runs; i++) {
            Instant at = scheduled.get(scheduled.size() - runs + i);
            RestoreOutcome outcome = lastRuns.get(lastRuns.size() - runs + i);
            lastExecution = at;
            for (Selection selection : selections) {
                latestRecoveryPoint(selection, at).ifPresent(rp -> sim.restore(rp, at, outcome, this, null));
            }
        }
    }

    private Optional<RecoveryPointSpec> latestRecoveryPoint(Selection selection, Instant at) {
        Instant windowStart = at.minus(Duration.ofDays(SELECTION_WINDOW_DAYS));
        return home.vaults().stream().filter(this::covers)
                .flatMap(v -> v.recoveryPoints().stream())
                .filter(rp -> selection.matches(rp) && rp.completed.isBefore(at) && rp.created.isAfter(windowStart))
                .max(Comparator.comparing((RecoveryPointSpec rp) -> rp.created));
    }

    Json toJson() {
        List<String> vaultArns = allVaults ? List.of("*") : included.stream().map(v -> v.arn).toList();
        Json pointSelection = Json.object()
                .with("Algorithm", "LATEST_WITHIN_WINDOW")
                .with("ExcludeVaults", excluded.isEmpty() ? null : excluded.stream().map(v -> v.arn).toList())
                .with("IncludeVaults", vaultArns)
                .with("RecoveryPointTypes", List.of("SNAPSHOT"))
                .with("SelectionWindowDays", SELECTION_WINDOW_DAYS);
        return Json.object()
                .with("CreationTime", created)
                .with("LastExecutionTime", lastExecution)
                .with("LastUpdateTime", created)
                .with("RecoveryPointSelection", pointSelection)
                .with("RestoreTestingPlanArn", arn)
                .with("RestoreTestingPlanName", name)
                .with("ScheduleExpression", schedule.cron())
                .with("ScheduleExpressionTimezone", "Etc/UTC")
                .with("StartWindowHours", 24)
                .with("Selections", selections.stream().map(this::selectionJson).toList());
    }

    private Json selectionJson(Selection selection) {
        List<String> arns = selection.resources().isEmpty() ? List.of("*") : selection.resources().stream().map(r -> r.arn).toList();
        return Json.object()
                .with("CreationTime", created)
                .with("IamRoleArn", Arns.backupRole(home.account.id))
                .with("ProtectedResourceArns", arns)
                .with("ProtectedResourceType", selection.kind().awsName)
                .with("RestoreTestingPlanName", name)
                .with("RestoreTestingSelectionName", name + "_" + selection.kind().awsName.toLowerCase(java.util.Locale.ROOT))
                .with("ValidationWindowHours", 4);
    }
}
