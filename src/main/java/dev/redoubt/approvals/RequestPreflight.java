package dev.redoubt.approvals;

import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.estate.Approver;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What must hold before restore access to a logically air-gapped vault is requested, judged from the
 * estate as captured: multi-party approval enabled, the vault air-gapped with an approval team, the
 * team active, enough approvers who can still vote. Where approval cannot work, the fix names the
 * alternative: sharing the vault with the recovery account through AWS RAM.
 */
public record RequestPreflight(String vaultArn, String approvalTeamArn, int requiredApprovals, List<PreflightCheck> items) {
    public static final String AIR_GAPPED = "LOGICALLY_AIR_GAPPED_BACKUP_VAULT";
    public static final String RESTORE_ACCESS = "RESTORE_ACCESS_BACKUP_VAULT";
    public static final String MPA_ENABLED = "Multi-party approval enabled";
    public static final String AIR_GAPPED_WITH_TEAM = "Air-gapped vault with an approval team";
    public static final String TEAM_ACTIVE = "Approval team active";
    public static final String ENOUGH_APPROVERS = "Enough approvers can vote";
    /** The way to restore from an air-gapped vault without an approval team. */
    public static final String RAM_ALTERNATIVE = "Without multi-party approval, share the air-gapped vault with the recovery account "
            + "through AWS RAM and restore there";

    public RequestPreflight {
        items = List.copyOf(items);
    }

    /** True when no item failed (UNKNOWN items do not block, they are shown). */
    public boolean ok() {
        return items.stream().noneMatch(i -> i.status() == Status.FAIL);
    }

    public PreflightCheck item(String name) {
        return items.stream().filter(i -> i.item().equals(name)).findFirst().orElse(null);
    }

    public static RequestPreflight of(EstateIndex index, String vaultArn) {
        List<PreflightCheck> out = new ArrayList<>();
        EstateIndex.VaultRef ref = index.vault(vaultArn);
        BackupVault vault = ref == null ? null : ref.vault();
        Map<String, String> settings = ref == null ? null : ref.where().data().globalSettings();
        String enabled = settings == null ? null : settings.get("isMpaEnabled");
        if (enabled == null) {
            out.add(new PreflightCheck(MPA_ENABLED, Status.UNKNOWN, ref == null ? "The vault is not in the capture, so AWS Backup's settings "
                    + "for its region were not read" : "AWS Backup's settings in " + ref.region() + " were not read",
                    "Scan again with a role that may read AWS Backup's settings (backup:DescribeGlobalSettings)"));
        } else if (Boolean.parseBoolean(enabled)) {
            out.add(new PreflightCheck(MPA_ENABLED, Status.PASS, "AWS Backup has multi-party approval turned on in " + ref.region(), null));
        } else {
            out.add(new PreflightCheck(MPA_ENABLED, Status.FAIL, "AWS Backup has multi-party approval turned off in " + ref.region(),
                    "Turn multi-party approval on in AWS Backup's settings of the management account. " + RAM_ALTERNATIVE));
        }
        String teamArn = vault == null ? null : vault.mpaApprovalTeamArn();
        if (vault == null) {
            out.add(new PreflightCheck(AIR_GAPPED_WITH_TEAM, Status.UNKNOWN, "The vault " + vaultArn + " is not in the capture",
                    "Scan the account that holds the vault, or check the vault's ARN"));
        } else if (!AIR_GAPPED.equals(vault.vaultType())) {
            out.add(new PreflightCheck(AIR_GAPPED_WITH_TEAM, Status.FAIL, "The vault " + vault.backupVaultName() + " is not logically air-gapped; "
                    + "restore access is only requested for air-gapped vaults", "Restore from this vault directly"));
        } else if (teamArn == null) {
            out.add(new PreflightCheck(AIR_GAPPED_WITH_TEAM, Status.FAIL, "The air-gapped vault " + vault.backupVaultName()
                    + " has no approval team, so nobody can approve a request", "Associate an approval team with the vault. " + RAM_ALTERNATIVE));
        } else {
            out.add(new PreflightCheck(AIR_GAPPED_WITH_TEAM, Status.PASS, "The air-gapped vault " + vault.backupVaultName()
                    + " is guarded by an approval team", null));
        }
        ApprovalTeam team = teamArn == null ? null : team(index, teamArn);
        int required = 0;
        if (teamArn == null) {
            out.add(new PreflightCheck(TEAM_ACTIVE, Status.UNKNOWN, "No approval team to judge", null));
            out.add(new PreflightCheck(ENOUGH_APPROVERS, Status.UNKNOWN, "No approval team to judge", null));
        } else if (team == null) {
            out.add(new PreflightCheck(TEAM_ACTIVE, Status.UNKNOWN, "The approval team " + teamArn + " is not in the capture",
                    "Scan the account that owns the team (multi-party approval's teams are read with mpa:GetApprovalTeam)"));
            out.add(new PreflightCheck(ENOUGH_APPROVERS, Status.UNKNOWN, "The approval team's approvers were not read", null));
        } else {
            if ("ACTIVE".equals(team.status())) {
                out.add(new PreflightCheck(TEAM_ACTIVE, Status.PASS, "The team " + team.name() + " is active", null));
            } else {
                out.add(new PreflightCheck(TEAM_ACTIVE, Status.FAIL, "The team " + team.name() + " is "
                        + (team.status() == null ? "in an unknown state" : team.status().toLowerCase(java.util.Locale.ROOT))
                        + (team.statusMessage() == null ? "" : " (" + team.statusMessage() + ")") + "; it cannot approve requests",
                        "Have the team's administrator complete or fix the team. " + RAM_ALTERNATIVE));
            }
            required = team.approvalStrategy() == null || team.approvalStrategy().mofN() == null
                    || team.approvalStrategy().mofN().minApprovalsRequired() == null ? 0 : team.approvalStrategy().mofN().minApprovalsRequired();
            List<Approver> approvers = team.approvers() == null ? List.of() : team.approvers();
            long accepted = approvers.stream().filter(a -> "ACCEPTED".equals(a.primaryIdentityStatus())).count();
            if (required <= 0) {
                out.add(new PreflightCheck(ENOUGH_APPROVERS, Status.UNKNOWN, "The team's threshold was not read", null));
            } else if (accepted >= required) {
                out.add(new PreflightCheck(ENOUGH_APPROVERS, Status.PASS, accepted + " of " + approvers.size()
                        + " approvers can vote; " + required + " must approve", null));
            } else {
                out.add(new PreflightCheck(ENOUGH_APPROVERS, Status.FAIL, "Only " + accepted + " of " + approvers.size()
                        + " approvers have accepted their invitation; " + required + " must approve", "Have the invited approvers accept "
                        + "their invitation in the approval portal. " + RAM_ALTERNATIVE));
            }
        }
        return new RequestPreflight(vaultArn, teamArn, required, out);
    }

    private static ApprovalTeam team(EstateIndex index, String arn) {
        for (EstateIndex.TeamRef t : index.approvalTeams()) {
            if (arn.equals(t.team().arn())) {
                return t.team();
            }
        }
        return null;
    }
}
