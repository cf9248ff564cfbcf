package dev.redoubt.findings.checks;

import dev.redoubt.estate.Arn;
import dev.redoubt.estate.CopyJob;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.CopyRef;
import dev.redoubt.findings.EstateIndex.PointRef;
import dev.redoubt.findings.EstateIndex.ResourceRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * ISO-04: every copy of a resource lives in the resource's own account. One compromised account
 * then destroys the data and all of its backups together, whatever their age: the "same security
 * domain" anti-pattern, judged on where the recovery points actually are.
 */
public final class Iso04CopiesOnlyInOwnAccount extends ResourceCheck {
    public Iso04CopiesOnlyInOwnAccount() {
        super("ISO-04", Facet.ISO, Severity.HIGH, "Every copy of the resource lives in the resource's own account",
                "If every backup sits in the resource's account, whoever controls that account controls data and backups alike.",
                "RP ResourceArn account vs vault account", "-", "backup:ListRecoveryPointsByBackupVault", "backup:ListCopyJobs");
    }

    @Override
    Result judge(EstateIndex x, ResourceRef r) {
        String owner = r.ownerAccountId();
        Set<String> accounts = new java.util.TreeSet<>();
        int points = 0;
        for (PointRef p : x.pointsOf(r.resource().resourceArn())) {
            points++;
            accounts.add(p.vault().accountId());
        }
        for (CopyRef c : x.copiesOf(r.resource().resourceArn())) {
            CopyJob j = c.job();
            String a = Arn.accountOf(j.destinationBackupVaultArn());
            if ("COMPLETED".equals(j.state()) && a != null) {
                accounts.add(a);
            }
        }
        boolean elsewhere = accounts.stream().anyMatch(a -> !a.equals(owner));
        Evidence e = Evidence.at(x.at(), elsewhere ? "Copies exist outside the resource's account " + owner + ": " + String.join(", ", accounts)
                        : "All " + points + " recovery point(s) live in the resource's own account " + owner)
                .field("ResourceAccount", owner).field("AccountsHoldingCopies", accounts).field("RecoveryPoints", points).build();
        if (elsewhere) {
            return pass(r.scope(), e);
        }
        return fail(r.scope(), e, new Remediation(
                "Copy the resource's backups into a vault of the backup account (a copy action in its plan), so that no single account holds both the data and every backup.",
                "aws backup update-backup-plan --region " + r.ownerRegion() + " --backup-plan-id <PLAN_ID> --backup-plan file://plan-with-cross-account-copy.json",
                "Terraform",
                "copy_action {\n  destination_vault_arn = \"arn:aws:backup:" + r.ownerRegion() + ":<BACKUP_ACCOUNT>:backup-vault:<VAULT>\"\n}"));
    }
}
