package dev.redoubt.findings.checks;

import dev.redoubt.estate.MpaUpdate;
import dev.redoubt.estate.RestoreAccessVault;
import dev.redoubt.findings.AbstractCheck;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * MPA-07: restore access granted from an air-gapped vault is still open after it was needed
 * (older than N days, default 7), or its revoke is stuck. An open restore-access vault is a
 * standing path to the isolated backups from another account. Reported per restore-access vault.
 */
public final class Mpa07RestoreAccessLeftOpen extends AbstractCheck {
    public Mpa07RestoreAccessLeftOpen() {
        super("MPA-07", Facet.MPA, Severity.MEDIUM, "Restore access to an air-gapped vault left open or stuck revoking",
                "Restore access left open is a standing path into the isolated backups.",
                "RestoreAccessBackupVaults", "-", "backup:ListRestoreAccessBackupVaults");
    }

    @Override
    public void evaluate(EstateIndex x, Consumer<Result> out) {
        int days = x.thresholds().restoreAccessMaxAgeDays();
        for (VaultRef v : x.vaults()) {
            if (v.vault().restoreAccessBackupVaults() == null) {
                continue;
            }
            Result unread = unreadable(x, v.scope());
            for (RestoreAccessVault ra : v.vault().restoreAccessBackupVaults()) {
                Scope where = new Scope(v.accountId(), v.region(), ra.restoreAccessBackupVaultArn());
                out.accept(unread != null ? unknown(where, unread.evidence()) : judge(x, v, ra, where, days));
            }
        }
    }

    private Result judge(EstateIndex x, VaultRef source, RestoreAccessVault ra, Scope where, int days) {
        Instant opened = ra.approvalDate() != null ? ra.approvalDate() : ra.creationDate();
        MpaUpdate revoke = ra.latestRevokeRequest();
        String revokeStatus = revoke == null ? null : revoke.status();
        boolean stuck = "FAILED".equals(revokeStatus)
                || "PENDING".equals(revokeStatus) && revoke.expiryDate() != null && revoke.expiryDate().isBefore(x.at());
        boolean open = "AVAILABLE".equals(ra.vaultState()) && opened != null && opened.isBefore(x.at().minus(Duration.ofDays(days)));
        String summary = stuck ? "The revoke request is " + revokeStatus + (revoke.statusMessage() == null ? "" : " (" + revoke.statusMessage() + ")")
                : open ? "Restore access has been open for " + humanDuration(Duration.between(opened, x.at())) + " (since " + opened + ")"
                : "Restore access is " + ra.vaultState() + (opened == null ? "" : ", opened " + opened);
        Evidence e = Evidence.at(x.at(), summary)
                .field("SourceBackupVaultArn", source.arn())
                .field("RestoreAccessBackupVault.VaultState", ra.vaultState())
                .field("RestoreAccessBackupVault.ApprovalDate", ra.approvalDate())
                .field("RestoreAccessBackupVault.CreationDate", ra.creationDate())
                .field("LatestRevokeRequest.Status", revokeStatus)
                .threshold("restoreAccessMaxAgeDays", days).build();
        if (!stuck && !open) {
            return pass(where, e);
        }
        return fail(where, e, new Remediation(
                "Revoke the restore access once the recovery or drill is over; if a revoke failed, read its StatusMessage and request it again.",
                "aws backup revoke-restore-access-backup-vault --region " + sh(source.region()) + " --backup-vault-name " + sh(source.vault().backupVaultName())
                        + " --restore-access-backup-vault-arn " + sh(ra.restoreAccessBackupVaultArn()) + " --requester-comment 'Drill finished'",
                "CloudFormation",
                "# Restore-access vaults are temporary and not CloudFormation resources: revoke them with the AWS CLI command"));
    }
}
