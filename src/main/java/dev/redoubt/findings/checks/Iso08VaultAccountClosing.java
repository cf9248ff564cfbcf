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
import java.util.Set;

/**
 * ISO-08: an account holding vaults is SUSPENDED or PENDING_CLOSURE. AWS deletes a closed
 * account's vaults, locked or not, after 90 days: the lock does not protect against closure.
 * Judged per account and region holding vaults.
 */
public final class Iso08VaultAccountClosing extends RegionCheck {
    private static final Set<String> CLOSING = Set.of("SUSPENDED", "PENDING_CLOSURE", "CLOSED");

    public Iso08VaultAccountClosing() {
        super("ISO-08", Facet.ISO, Severity.MEDIUM, "Account holding vaults is suspended or closing",
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
        boolean closing = CLOSING.contains(state);
        Evidence e = Evidence.at(x.at(), closing ? "Account " + a.id() + " is " + state + " and holds " + r.data().backupVaults().size() + " vault(s) in " + r.region()
                        : "Account " + a.id() + " is " + state)
                .field("Account.State", a.state()).field("Account.Status", a.status()).field("Vaults", r.data().backupVaults().size()).build();
        if (!closing) {
            return pass(where, e);
        }
        return fail(where, e, new Remediation(
                "Copy every recovery point out of the account's vaults into a vault of an active account now, before AWS deletes them; reopen the account through AWS Support if it was closed by mistake.",
                "aws organizations describe-account --account-id " + a.id() + "\n"
                        + "aws backup start-copy-job --region " + r.region() + " --recovery-point-arn <RECOVERY_POINT_ARN> --source-backup-vault-name <VAULT>"
                        + " --destination-backup-vault-arn <ACTIVE_ACCOUNT_VAULT_ARN> --iam-role-arn <BACKUP_ROLE_ARN>",
                "Terraform",
                "resource \"aws_organizations_account\" \"backup\" {\n  name              = \"" + (a.name() == null ? "backup" : a.name().replace("\"", "")) + "\"\n  email             = \"<EMAIL>\"\n  close_on_deletion = false\n  lifecycle {\n    prevent_destroy = true\n  }\n}"));
    }
}
