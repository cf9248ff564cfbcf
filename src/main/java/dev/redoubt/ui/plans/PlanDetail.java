package dev.redoubt.ui.plans;

import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One backup plan in full, in words: each rule (schedule in words and as written, windows,
 * retention, continuous backup, target vault, copy destinations with their lifecycles, recovery
 * point tags), its selections, and the checks about it. {@code rules} is null when the plan's body
 * was not read, {@code selections} when its selections were not.
 */
public record PlanDetail(
        String arn,
        String name,
        String id,
        String versionId,
        String accountId,
        String accountName,
        String region,
        Instant created,
        Instant lastExecution,
        Instant deleted,
        List<Rule> rules,
        List<Selection> selections,
        List<String> advancedSettings,
        List<Result> findings,
        Severity worst) {

    /**
     * @param targetVaultArn the target vault's ARN (from the capture, else built from its name)
     * @param targetInCapture whether the capture holds that vault (its page can open)
     */
    public record Rule(String name, String id, String schedule, String scheduleAsWritten, String timezone, String startWindow,
                       String completionWindow, String coldStorageAfter, String deleteAfter, String continuous, String targetVaultName,
                       String targetVaultArn, boolean targetInCapture, List<Copy> copies, Map<String, String> recoveryPointTags) {
    }

    /**
     * A copy action: where to, and how long the copy is kept there.
     *
     * @param kind "logically air-gapped vault" when the capture says so; null otherwise
     * @param where "another account and region", "another account, same region", "same account, another region", "same account and region"
     */
    public record Copy(String vaultArn, String vaultName, String kind, String accountId, String accountName, String region, String where,
                       String coldStorageAfter, String deleteAfter) {
    }

    /**
     * One selection: the role AWS Backup uses, what it takes and leaves out.
     *
     * @param tags ListOfTags, any of which selects a resource
     * @param conditions Conditions, all of which a resource must meet
     */
    public record Selection(String name, String id, String iamRoleArn, List<String> resources, List<String> notResources, List<String> tags,
                            List<String> conditions, Instant created) {
    }
}
