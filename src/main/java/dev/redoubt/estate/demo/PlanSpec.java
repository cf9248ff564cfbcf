package dev.redoubt.estate.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A backup plan (backup:GetBackupPlan plus its selection): rules that back up the selected resources and copy them. */
final class PlanSpec {
    final RegionSpec home;
    final String name;
    final String id;
    final String arn;
    private final String versionId;
    private final Instant created;
    private Instant deleted;
    private Instant lastExecution;
    private final List<ResourceSpec> selection = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();

    record CopyAction(VaultSpec destination, Integer deleteAfterDays, CopyResult result) {
    }

    PlanSpec(RegionSpec home, String name, Instant created) {
        this.home = home;
        this.name = name;
        this.created = created;
        this.id = Ids.stableUuid("backup-plan", home.account.id, home.name, name);
        this.arn = Arns.backup(home.name, home.account.id, "backup-plan:" + id);
        this.versionId = Base64.getEncoder().encodeToString(Ids.stableUuid("version", id).getBytes(StandardCharsets.US_ASCII));
    }

    PlanSpec select(ResourceSpec... resources) {
        selection.addAll(List.of(resources));
        return this;
    }

    /** Deleted plans ran until they were deleted; ListBackupPlans no longer shows them. */
    PlanSpec deletedOn(String at) {
        deleted = Instant.parse(at);
        return this;
    }

    boolean isListed() {
        return deleted == null;
    }

    /** A rule backing up into {@code target}, keeping recovery points {@code deleteAfterDays} (null: forever). */
    Rule rule(String ruleName, Schedule schedule, VaultSpec target, Integer deleteAfterDays) {
        Rule rule = new Rule(ruleName, schedule, target, deleteAfterDays);
        rules.add(rule);
        return rule;
    }

    void run(Simulation sim) {
        Instant end = deleted == null ? sim.now : deleted;
        for (Rule rule : rules) {
            Instant from = latest(created, rule.oldestStillVisible(sim));
            for (ResourceSpec resource : selection) {
                for (Instant at : rule.schedule.between(from, earliest(end, resource.backedUpUntil()))) {
                    RecoveryPointSpec backup = sim.backup(resource, rule.target, at, rule.deleteAfterDays, rule.creator());
                    lastExecution = lastExecution == null ? at : latest(lastExecution, at);
                    rule.copies.forEach(copy -> sim.copy(backup, copy, rule.creator()));
                }
            }
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    Json toJson() {
        Json document = Json.object().with("BackupPlanName", name).with("Rules", rules.stream().map(Rule::toJson).toList());
        Json selectionJson = Json.object()
                .with("BackupSelection", Json.object()
                        .with("SelectionName", name + "-resources")
                        .with("IamRoleArn", Arns.backupRole(home.account.id))
                        .with("Resources", selection.stream().map(r -> r.arn).toList()))
                .with("SelectionId", Ids.stableUuid("selection", id))
                .with("BackupPlanId", id)
                .with("CreationDate", created);
        return Json.object()
                .with("BackupPlan", document)
                .with("BackupPlanId", id)
                .with("BackupPlanArn", arn)
                .with("VersionId", versionId)
                .with("CreationDate", created)
                .with("LastExecutionDate", lastExecution)
                .with("Selections", List.of(selectionJson));
    }

    /** One rule of the plan, with its copy actions. */
    final class Rule {
        private final String ruleName;
        private final String ruleId;
        private final Schedule schedule;
        private final VaultSpec target;
        private final Integer deleteAfterDays;
        private final List<CopyAction> copies = new ArrayList<>();

        private Rule(String ruleName, Schedule schedule, VaultSpec target, Integer deleteAfterDays) {
            this.ruleName = ruleName;
            this.ruleId = Ids.stableUuid("backup-rule", id, ruleName);
            this.schedule = schedule;
            this.target = target;
            this.deleteAfterDays = deleteAfterDays;
        }

        Rule copyTo(VaultSpec destination, Integer days) {
            return copyTo(destination, days, CopyResult.COMPLETES);
        }

        Rule copyTo(VaultSpec destination, Integer days, CopyResult result) {
            copies.add(new CopyAction(destination, days, result));
            return this;
        }

        /** Backups older than every retention of this rule (and than the job history) have left no trace. */
        private Instant oldestStillVisible(Simulation sim) {
            long days = Simulation.JOB_HISTORY.toDays();
            if (deleteAfterDays == null || copies.stream().anyMatch(c -> c.deleteAfterDays() == null)) {
                return Instant.MIN;
            }
            days = Math.max(days, deleteAfterDays);
            for (CopyAction copy : copies) {
                days = Math.max(days, copy.deleteAfterDays());
            }
            return sim.now.minus(Duration.ofDays(days + 1));
        }

        private Json creator() {
            return Json.object()
                    .with("BackupPlanId", id)
                    .with("BackupPlanArn", arn)
                    .with("BackupPlanName", name)
                    .with("BackupPlanVersion", versionId)
                    .with("BackupRuleId", ruleId)
                    .with("BackupRuleName", ruleName)
                    .with("BackupRuleCron", schedule.cron());
        }

        private Json toJson() {
            return Json.object()
                    .with("RuleName", ruleName)
                    .with("TargetBackupVaultName", target.name)
                    .with("ScheduleExpression", schedule.cron())
                    .with("StartWindowMinutes", 60L)
                    .with("CompletionWindowMinutes", 10080L)
                    .with("Lifecycle", lifecycle(deleteAfterDays))
                    .with("RuleId", ruleId)
                    .with("CopyActions", copies.stream().map(c -> Json.object()
                            .with("Lifecycle", lifecycle(c.deleteAfterDays()))
                            .with("DestinationBackupVaultArn", c.destination().arn)).toList())
                    .with("ScheduleExpressionTimezone", "Etc/UTC");
        }
    }

    static Map<String, Integer> lifecycle(Integer deleteAfterDays) {
        return deleteAfterDays == null ? null : Map.of("DeleteAfterDays", deleteAfterDays);
    }
}
