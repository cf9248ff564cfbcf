package dev.redoubt.findings.checks;

import dev.redoubt.estate.BackupPlan;
import dev.redoubt.estate.BackupSelection;
import dev.redoubt.estate.KeyGrant;
import dev.redoubt.estate.RestoreTestingSelection;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.EstateIndex.PlanRef;
import dev.redoubt.findings.EstateIndex.TestPlanRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ACC-07: the vault key has grants to principals other than AWS Backup's. A grant is a
 * permission outside the key policy, easy to overlook in a review; a stray grant lets its grantee
 * decrypt the backups. AWS Backup's principals are the backup service principals, its
 * service-linked role, and the IAM roles the estate's backup and restore-testing selections use.
 */
public final class Acc07ForeignKeyGrants extends KeyCheck {
    public Acc07ForeignKeyGrants() {
        super("ACC-07", Facet.ACC, Severity.LOW, "Vault key has grants to principals other than AWS Backup's",
                "Grants give key use outside the key policy; one to a non-backup principal lets it decrypt the backups.",
                "key Grants", "-", "kms:ListGrants");
    }

    @Override
    boolean vaultKeysOnly() {
        return true;
    }

    @Override
    Result judge(EstateIndex x, KeyRef key, Scope where, List<String> vaults) {
        List<KeyGrant> grants = key.key().grants();
        if (grants == null) {
            return missing(x, where, "KmsKey.Grants");
        }
        Set<String> backupRoles = backupRoles(x);
        List<String> foreign = new ArrayList<>();
        List<String> grantIds = new ArrayList<>();
        for (KeyGrant g : grants) {
            if (!isBackupPrincipal(g.granteePrincipal(), backupRoles)) {
                foreign.add(g.granteePrincipal() + " (grant " + g.grantId() + (g.name() == null ? "" : " \"" + g.name() + "\"") + ": "
                        + (g.operations() == null ? "?" : String.join(",", g.operations())) + ")");
                grantIds.add(g.grantId());
            }
        }
        Evidence e = Evidence.at(x.at(), foreign.isEmpty() ? grants.size() + " grant(s), all to AWS Backup's principals"
                        : "Grants to principals other than AWS Backup's: " + String.join("; ", foreign))
                .field("Grants.Count", grants.size()).field("ForeignGrantees", foreign).field("ProtectsVaults", vaults).build();
        if (foreign.isEmpty()) {
            return pass(where, e);
        }
        StringBuilder cli = new StringBuilder();
        for (String id : grantIds) {
            cli.append(cli.length() == 0 ? "" : "\n").append("aws kms revoke-grant --region ").append(sh(key.region()))
                    .append(" --key-id ").append(sh(key.arn())).append(" --grant-id ").append(sh(id));
        }
        return fail(where, e, new Remediation("Revoke the grants to principals that are not AWS Backup's, and find out who created them (CloudTrail CreateGrant).",
                cli.toString(), "CloudFormation",
                "# Grants are not declared in CloudFormation: deny kms:CreateGrant outside AWS Backup in the key policy\n- Sid: GrantsOnlyThroughBackup\n  Effect: Deny\n  Principal: '*'\n  Action: kms:CreateGrant\n  Resource: '*'\n  Condition:\n    Bool:\n      kms:GrantIsForAWSResource: 'false'"));
    }

    static boolean isBackupPrincipal(String grantee, Set<String> backupRoles) {
        if (grantee == null) {
            return false;
        }
        return grantee.matches("backup(\\.[a-z0-9-]+)?\\.amazonaws\\.com") || grantee.contains(":role/aws-service-role/backup.amazonaws.com/")
                || backupRoles.contains(grantee);
    }

    private static Set<String> backupRoles(EstateIndex x) {
        Set<String> roles = new HashSet<>();
        for (PlanRef p : x.plans()) {
            BackupPlan plan = p.plan();
            if (plan.selections() != null) {
                for (BackupSelection s : plan.selections()) {
                    if (s.backupSelection() != null && s.backupSelection().iamRoleArn() != null) {
                        roles.add(s.backupSelection().iamRoleArn());
                    }
                }
            }
        }
        for (TestPlanRef t : x.restoreTestingPlans()) {
            if (t.plan().selections() != null) {
                for (RestoreTestingSelection s : t.plan().selections()) {
                    if (s.iamRoleArn() != null) {
                        roles.add(s.iamRoleArn());
                    }
                }
            }
        }
        return roles;
    }
}
