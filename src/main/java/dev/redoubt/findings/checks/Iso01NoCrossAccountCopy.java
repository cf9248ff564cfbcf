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
 * ISO-01: a protected resource has no recent completed copy in another account. If the account
 * is compromised or closed, its vaults go with it: the "same security domain for production and
 * backups" anti-pattern. PASS needs a COMPLETED copy job, or a recovery point in another
 * account's vault, within the last N days (default 7); a plan copy action alone is "configured,
 * never completed". Close to BAM's cross-account control, which reads only the plan.
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
        int days = x.thresholds().copyMaxAgeDays();
        Instant since = x.at().minus(Duration.ofDays(days));
        String owner = r.ownerAccountId();
        String copy = Copies.recentCopy(x, r, Copies.otherAccount(owner), since);
        Set<String> configured = new java.util.TreeSet<>(Copies.configuredCopies(x, r, Copies.otherAccount(owner)));
        Evidence e = Evidence.at(x.at(), copy != null ? "Copied to another account: " + copy
                        : configured.isEmpty() ? "No copy in another account within " + days + " days, and no plan copies it there"
                        : "Copy to another account configured, never completed (within " + days + " days): " + String.join(", ", configured))
                .field("ResourceAccount", owner).field("LatestCrossAccountCopy", copy).field("ConfiguredCopyDestinations", configured)
                .threshold("copyMaxAgeDays", days).build();
        if (copy != null) {
            return pass(r.scope(), e);
        }
        return fail(r.scope(), e, new Remediation(
                "Add a copy action to the resource's backup plan rule targeting a vault in the backup account (and allow backup:CopyIntoBackupVault in that vault's policy for the organization); check the copy jobs complete.",
                "aws backup update-backup-plan --region " + r.ownerRegion() + " --backup-plan-id <PLAN_ID> --backup-plan file://plan-with-copy-action.json\n"
                        + "aws backup list-copy-jobs --region " + r.ownerRegion() + " --by-resource-arn " + sh(r.resource().resourceArn()),
                "Terraform",
                "rule {\n  rule_name         = \"daily\"\n  target_vault_name = \"<LOCAL_VAULT>\"\n  schedule          = \"cron(0 5 ? * * *)\"\n  copy_action {\n    destination_vault_arn = \"arn:aws:backup:" + r.ownerRegion() + ":<BACKUP_ACCOUNT>:backup-vault:<VAULT>\"\n    lifecycle {\n      delete_after = 35\n    }\n  }\n}"));
    }
}
