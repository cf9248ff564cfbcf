package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.ResourceRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * ISO-01: an active protected resource has no completed, unexpired copy in another account made
 * within the last N days (default 7). If the account is compromised or closed, its vaults go with it:
 * the "same security domain for production and backups" anti-pattern. PASS needs a COMPLETED copy
 * job, or a COMPLETED, unexpired recovery point of the resource in a vault of another account
 * (checks.md, "Copies"); restore-access vaults are views, not copies. A plan copy action alone is
 * "configured, never completed". Types AWS Backup cannot copy and inactive resources give no result
 * ({@link ProtectedResources}). With cross-account backup turned off (isCrossAccountBackupEnabled in
 * the management account's GlobalSettings), the evidence says so: AWS refuses every cross-account copy
 * until it is on. Close to BAM's cross-account control, which reads only the plan.
 */
public final class Iso01NoCrossAccountCopy extends ResourceCheck {
    public Iso01NoCrossAccountCopy() {
        super("ISO-01", Facet.ISO, Severity.HIGH, "Protected resource has no recent copy in another account",
                "Without a copy in another account, compromising or closing one account loses the data and its backups together.",
                "plan CopyActions, CopyJobs", "BAM backup-resources-protected-by-cross-account (plan-side)",
                "backup:ListCopyJobs", "backup:ListRecoveryPointsByBackupVault");
    }

    @Override
    Result judge(EstateIndex x, ResourceRef r) {
        if (!ProtectedResources.isActive(x, r) || ProtectedResources.copyUnsupported(r) != null) {
            return null;
        }
        int days = x.thresholds().copyMaxAgeDays();
        Instant since = x.at().minus(Duration.ofDays(days));
        String owner = r.ownerAccountId();
        Copies.Destination elsewhere = Copies.otherAccount(owner);
        Copies.Copy copy = Copies.recentCopy(x, r, elsewhere, since);
        Set<String> configured = Copies.configuredCopies(x, r, elsewhere, false);
        String failed = copy == null ? Copies.latestFailedCopy(x, r, elsewhere, since) : null;
        Copies.Setting setting = Copies.crossAccountBackup(x, r);
        boolean off = setting != null && "false".equalsIgnoreCase(setting.value());
        String summary = copy != null ? "Copied to another account: " + copy.description()
                : configured.isEmpty() ? "No completed, unexpired copy in another account within " + days + " days, and no plan copies it there"
                : "Copy to another account configured, never completed (within " + days + " days): " + String.join(", ", configured)
                        + (failed == null ? "" : "; latest " + failed);
        if (copy == null && off) {
            summary += ". Cross-account backup is turned off for the organization (isCrossAccountBackupEnabled false in "
                    + setting.accountId() + " " + setting.region() + "): AWS refuses copies to other accounts until it is on";
        }
        Evidence e = Evidence.at(x.at(), summary)
                .field("ResourceAccount", owner).field("ProtectedResource.ResourceType", r.resource().resourceType())
                .field("LatestCrossAccountCopy", copy == null ? null : copy.description())
                .field("ConfiguredCopyDestinations", configured).field("LatestFailedCopyJob", failed)
                .field("GlobalSettings.isCrossAccountBackupEnabled", setting == null ? null : setting.value())
                .field("GlobalSettings.Account", setting == null ? null : setting.accountId())
                .threshold("copyMaxAgeDays", days).build();
        if (copy != null) {
            return pass(r.scope(), e);
        }
        String enable = off ? "aws backup update-global-settings --region " + sh(setting.region()) + " --global-settings isCrossAccountBackupEnabled=true\n" : "";
        return fail(r.scope(), e, new Remediation(
                (off ? "Turn on cross-account backup from the management account (AWS Backup settings); then " : "")
                        + (configured.isEmpty() ? (off ? "a" : "A") + "dd a copy action to the resource's backup plan rule targeting a vault in the backup account"
                        : (off ? "m" : "M") + "ake the configured copy complete (the failed copy jobs' StatusMessage says why: typically the destination vault's access policy or a key the backup account may not use)")
                        + ", allow backup:CopyIntoBackupVault to the organization in the destination vault's policy, and check the copy jobs complete.",
                enable + "aws backup update-backup-plan --region " + sh(r.ownerRegion()) + " --backup-plan-id <PLAN_ID> --backup-plan file://plan-with-copy-action.json\n"
                        + "aws backup list-copy-jobs --region " + sh(r.ownerRegion()) + " --by-resource-arn " + sh(r.resource().resourceArn()),
                "Terraform",
                "rule {\n  rule_name         = \"daily\"\n  target_vault_name = \"<LOCAL_VAULT>\"\n  schedule          = \"cron(0 5 ? * * *)\"\n  copy_action {\n    destination_vault_arn = " + hcl("arn:aws:backup:" + r.ownerRegion() + ":<BACKUP_ACCOUNT>:backup-vault:<VAULT>") + "\n    lifecycle {\n      delete_after = 35\n    }\n  }\n}"));
    }
}
