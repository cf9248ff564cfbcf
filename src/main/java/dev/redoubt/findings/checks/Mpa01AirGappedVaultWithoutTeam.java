package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;

/**
 * MPA-01: a logically air-gapped vault has no approval team. Multi-party approval is how the
 * vault's recovery points are reached from another account when the owning account is lost or
 * compromised; without a team, losing the account loses the way to recover.
 */
public final class Mpa01AirGappedVaultWithoutTeam extends VaultCheck {
    public Mpa01AirGappedVaultWithoutTeam() {
        super("MPA-01", Facet.MPA, Severity.HIGH, "Air-gapped vault has no approval team",
                "Without an approval team, losing the account that owns the air-gapped vault loses the way to recover from it.",
                "vault MpaApprovalTeamArn", "-", "backup:DescribeBackupVault");
    }

    @Override
    boolean appliesTo(EstateIndex x, VaultRef v) {
        return v.isAirGapped();
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        String team = v.vault().mpaApprovalTeamArn();
        Evidence e = Evidence.at(x.at(), team == null ? "No approval team is associated with the air-gapped vault" : "Approval team " + team + " is associated")
                .field("BackupVault.MpaApprovalTeamArn", team).build();
        if (team != null) {
            return pass(v.scope(), e);
        }
        return fail(v.scope(), e, new Remediation(
                "Create an approval team in the organization's management account (IAM Identity Center approvers) and associate it with the vault.",
                "aws backup associate-backup-vault-mpa-approval-team --region " + sh(v.region()) + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --mpa-approval-team-arn <APPROVAL_TEAM_ARN> --requester-comment 'Recovery through multi-party approval'",
                "Terraform",
                "resource \"aws_backup_logically_air_gapped_vault\" \"lag\" {\n  name               = " + hcl(v.vault().backupVaultName())
                        + "\n  min_retention_days = 7\n  max_retention_days = 400\n}\n# then: aws backup associate-backup-vault-mpa-approval-team (no Terraform resource yet)"));
    }
}
