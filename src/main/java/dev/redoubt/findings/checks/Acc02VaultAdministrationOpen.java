package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.policy.Decision;
import dev.redoubt.findings.policy.PolicyDocument;
import dev.redoubt.findings.policy.PolicyEvaluator;
import dev.redoubt.findings.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ACC-02: the vault policy leaves removing the policy, the lock or the vault itself open to
 * everyone but break-glass principals. An attacker with ordinary backup permissions removes the
 * protections first and the backups next. Evaluated with the policy evaluator for "any other
 * principal" of the vault's account (a session of a role no policy names): each action must be
 * explicitly denied to it.
 *
 * <p>MEDIUM, or LOW when the vault has a compliance-mode Vault Lock past its LockDate or is
 * logically air-gapped: AWS Backup then refuses to remove the lock or to delete a vault that holds
 * recovery points, for every user, root included
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html).
 */
public final class Acc02VaultAdministrationOpen extends VaultCheck {
    static final List<String> ACTIONS = List.of("backup:DeleteBackupVaultAccessPolicy", "backup:DeleteBackupVaultLockConfiguration",
            "backup:DeleteBackupVault");
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    public Acc02VaultAdministrationOpen() {
        super("ACC-02", Facet.ACC, Severity.MEDIUM, "Removing the vault's policy, lock or the vault is not denied to everyone but break-glass",
                "Whoever can remove the access policy or the lock can then delete the backups the policy and the lock were protecting.",
                "vault AccessPolicy", "-", "backup:GetBackupVaultAccessPolicy");
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        if (v.vault().accessPolicy() == null) {
            return missing(x, v.scope(), "BackupVault.AccessPolicy");
        }
        if (v.vault().accessPolicy().isNone()) {
            return failed(x, v, Evidence.at(x.at(), "The vault has no access policy, so " + String.join(", ", ACTIONS) + " are open to every principal with IAM permission")
                    .field("BackupVault.AccessPolicy", "none configured").threshold("RequiredDeniedActions", ACTIONS));
        }
        String policy = v.vault().accessPolicy().value().orElseThrow();
        String[] error = new String[1];
        PolicyDocument doc = VaultPolicies.parse(policy, error);
        if (doc == null) {
            return unknown(v.scope(), Evidence.at(x.at(), "Could not be evaluated: the vault " + error[0]).field("BackupVault.AccessPolicy", policy).build());
        }
        List<String> open = new ArrayList<>();
        Set<String> exempt = new LinkedHashSet<>();
        List<String> decisions = new ArrayList<>();
        for (String action : ACTIONS) {
            Decision d = evaluator.evaluate(doc, VaultPolicies.anyOtherPrincipal(x, v, action));
            decisions.add(action + ": " + d.explanation());
            if (!d.explicitlyDenied()) {
                open.add(action);
            }
        }
        for (Statement s : doc.statements()) {
            if (s.deny()) {
                exempt.addAll(VaultPolicies.exemptions(s));
            }
        }
        String summary = open.isEmpty() ? "Removing the policy, the lock and the vault is denied to every principal" + (exempt.isEmpty() ? "" : " except " + String.join(", ", exempt))
                : "Not denied to any other principal: " + String.join(", ", open);
        Evidence.Builder ev = Evidence.at(x.at(), summary).field("BackupVault.AccessPolicy", policy).field("Decisions", String.join("; ", decisions))
                .field("ExemptPrincipals", List.copyOf(exempt)).threshold("RequiredDeniedActions", ACTIONS);
        return open.isEmpty() ? pass(v.scope(), ev.build()) : failed(x, v, ev);
    }

    /** FAIL, MEDIUM, or LOW when an immutable compliance lock or the air gap already keeps the lock and the vault. */
    private Result failed(EstateIndex x, VaultRef v, Evidence.Builder evidence) {
        String blocked = VaultPolicies.deletionAlreadyBlocked(x, v);
        evidence.field("BackupVault.Locked", v.vault().locked()).field("BackupVault.LockDate", v.vault().lockDate())
                .field("BackupVault.VaultType", v.vault().vaultType())
                .field("Severity", blocked == null ? "MEDIUM: the lock (if any) and the vault can be removed by whoever holds these permissions"
                        : "LOW: " + blocked + "; the lock cannot be removed and a vault holding recovery points cannot be deleted");
        Result r = fail(v.scope(), evidence.build(), remediation(v));
        return blocked == null ? r : VaultPolicies.withSeverity(r, Severity.LOW);
    }

    private static Remediation remediation(VaultRef v) {
        return new Remediation(
                "Add a Deny statement for Principal \"*\" on backup:DeleteBackupVaultAccessPolicy, backup:DeleteBackupVaultLockConfiguration and backup:DeleteBackupVault, exempting only break-glass roles with ArnNotLike on aws:PrincipalArn; merge it with the existing statements.",
                "aws backup put-backup-vault-access-policy --region " + sh(v.region()) + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --policy file://vault-policy.json",
                "Terraform",
                "resource \"aws_backup_vault_policy\" \"protect\" {\n  backup_vault_name = " + hcl(v.vault().backupVaultName()) + "\n  policy = jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [{\n      Sid       = \"DenyVaultAdministration\"\n      Effect    = \"Deny\"\n      Principal = \"*\"\n      Action    = [\"backup:DeleteBackupVaultAccessPolicy\", \"backup:DeleteBackupVaultLockConfiguration\", \"backup:DeleteBackupVault\"]\n      Resource  = \"*\"\n      Condition = { ArnNotLike = { \"aws:PrincipalArn\" = " + hcl("arn:aws:iam::" + v.accountId() + ":role/BreakGlass") + " } }\n    }]\n  })\n}");
    }
}
