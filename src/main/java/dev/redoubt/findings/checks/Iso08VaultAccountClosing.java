package dev.redoubt.findings.checks;

import dev.redoubt.estate.Account;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.RegionRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;

/**
 * ISO-08: an account holding vaults is SUSPENDED or PENDING_CLOSURE (or CLOSED, still listed). AWS
 * deletes a closed account's vaults, locked or not, after 90 days: "If you do not reopen your account
 * during those 90 days, AWS deletes the contents of your backup vault, even if AWS Backup Vault Lock
 * was in place" (https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html); CloseAccount
 * moves the account through PENDING_CLOSURE to SUSPENDED, and its resources are out of reach during the
 * 90 days unless AWS Support reopens it
 * (https://docs.aws.amazon.com/organizations/latest/APIReference/API_CloseAccount.html). Judged per
 * account and region holding vaults, reported on the account's ARN (checks.md, "What a result is about").
 */
public final class Iso08VaultAccountClosing extends RegionCheck {
    public Iso08VaultAccountClosing() {
        super("ISO-08", Facet.ISO, Severity.HIGH, "Account holding vaults is suspended or closing",
                "AWS deletes the vaults of a closed account after 90 days, locked or not.",
                "Account State", "-", "organizations:ListAccounts");
    }

    @Override
    boolean appliesTo(EstateIndex x, RegionRef r) {
        return holdsVaults(r);
    }

    @Override
    Result judge(EstateIndex x, RegionRef r, Scope where) {
        Account a = r.account();
        String state = a.state() != null ? a.state() : a.status();
        if (state == null) {
            return missing(x, where, "Account.State");
        }
        boolean closing = ProtectedResources.CLOSING_ACCOUNT_STATES.contains(state);
        long points = r.data().backupVaults().stream().mapToLong(v -> v.recoveryPoints() != null ? v.recoveryPoints().size()
                : v.numberOfRecoveryPoints() == null ? 0 : v.numberOfRecoveryPoints()).sum();
        Evidence e = Evidence.at(x.at(), closing ? "Account " + a.id() + " is " + state + " and holds " + r.data().backupVaults().size() + " vault(s) with "
                        + points + " recovery point(s) in " + r.region() + ": AWS deletes them, locked or not, 90 days after the account closes unless it is reopened"
                        : "Account " + a.id() + " is " + state)
                .field("Account.State", a.state()).field("Account.Status", a.status()).field("Vaults", r.data().backupVaults().size())
                .field("RecoveryPoints", points).build();
        if (!closing) {
            return pass(where, e);
        }
        return fail(where, e, new Remediation(
                "Reopen the account through AWS Support before the 90 days end (a closed account's resources are out of reach until then), copy every recovery point to a vault of an active account (the backup account), and only then close it again.",
                "aws organizations describe-account --account-id " + sh(a.id()) + "\n"
                        + "aws backup start-copy-job --region " + sh(r.region()) + " --recovery-point-arn <RECOVERY_POINT_ARN> --source-backup-vault-name <VAULT>"
                        + " --destination-backup-vault-arn <ACTIVE_ACCOUNT_VAULT_ARN> --iam-role-arn <BACKUP_ROLE_ARN>",
                "Terraform",
                "resource \"aws_organizations_account\" \"backup\" {\n  name              = " + hcl(a.name() == null ? "backup" : a.name()) + "\n  email             = \"<EMAIL>\"\n  close_on_deletion = false\n  lifecycle {\n    prevent_destroy = true\n  }\n}"));
    }
}
