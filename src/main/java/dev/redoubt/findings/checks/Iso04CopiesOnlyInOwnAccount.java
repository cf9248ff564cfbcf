package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.ResourceRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.util.List;
import java.util.Set;

/**
 * ISO-04: every existing (COMPLETED, unexpired) copy of a resource lives in the resource's own
 * account. One compromised account then destroys the data and all of its backups together, whatever
 * their age: the "same security domain" anti-pattern, judged on where the recovery points actually
 * are. A logically air-gapped vault counts as another domain even in the resource's account: AWS
 * Backup keeps its backups in an account the service owns
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html). A
 * restore-access vault does not: it is a view of an air-gapped vault, not a copy. A resource with no
 * existing copy at all gives no result (RST-07 reports a resource whose backups stopped).
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
        List<Copies.Copy> all = Copies.existingCopies(x, r, (account, region, type) -> true);
        if (all.isEmpty()) {
            return null;
        }
        List<Copies.Copy> outside = Copies.existingCopies(x, r, Copies.otherDomain(owner));
        Set<String> vaults = new java.util.TreeSet<>();
        all.forEach(c -> vaults.add(c.vaultArn()));
        Set<String> outsideVaults = new java.util.TreeSet<>();
        outside.forEach(c -> outsideVaults.add(c.vaultArn()));
        Evidence e = Evidence.at(x.at(), !outside.isEmpty()
                        ? outside.size() + " of " + all.size() + " existing backups (COMPLETED, unexpired) live outside the resource's account " + owner + " (another account or an air-gapped vault): "
                        + String.join(", ", outsideVaults)
                        : "All " + all.size() + " existing backups (COMPLETED, unexpired) live in the resource's own account " + owner + ", none in an air-gapped vault: " + String.join(", ", vaults))
                .field("ResourceAccount", owner).field("VaultsHoldingCopies", vaults).field("VaultsInAnotherDomain", outsideVaults)
                .field("ExistingBackups", all.size()).build();
        if (!outside.isEmpty()) {
            return pass(r.scope(), e);
        }
        return fail(r.scope(), e, new Remediation(
                "Copy the resource's backups into a vault of the backup account or a logically air-gapped vault (a copy action in its plan), so that no single account holds both the data and every backup.",
                "aws backup update-backup-plan --region " + sh(r.ownerRegion()) + " --backup-plan-id <PLAN_ID> --backup-plan file://plan-with-cross-account-copy.json",
                "Terraform",
                "copy_action {\n  destination_vault_arn = " + hcl("arn:aws:backup:" + r.ownerRegion() + ":<BACKUP_ACCOUNT>:backup-vault:<VAULT>") + "\n}"));
    }
}
