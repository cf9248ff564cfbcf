package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.policy.Condition;
import dev.redoubt.findings.policy.PolicyDocument;
import dev.redoubt.findings.policy.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * ACC-01: the vault's access policy does not deny manual deletion of recovery points. Anyone with
 * backup:DeleteRecoveryPoint (or the power to shorten a lifecycle or rewrite the policy) in the
 * account can destroy the backups. Same semantics as the AWS Config rule
 * backup-recovery-point-manual-deletion-disabled: compliant only with one statement with Effect
 * Deny, Principal "*" (or {"AWS":"*"}), Resource "*" (or the vault's ARN), whose actions cover
 * backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle and
 * backup:PutBackupVaultAccessPolicy, with at most ArnNotEquals/ArnNotLike exemptions on
 * aws:PrincipalArn. No policy fails.
 */
public final class Acc01ManualDeletionNotDenied extends VaultCheck {
    static final List<String> ACTIONS = List.of("backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:PutBackupVaultAccessPolicy");

    public Acc01ManualDeletionNotDenied() {
        super("ACC-01", Facet.ACC, Severity.HIGH, "Vault access policy does not deny manual deletion of recovery points",
                "Without a Deny on deletion, any principal with backup permissions in the account can delete or shorten the backups.",
                "vault AccessPolicy", "BAM/Config backup-recovery-point-manual-deletion-disabled, Steampipe (same semantics as the Config rule)",
                "backup:GetBackupVaultAccessPolicy");
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        if (v.vault().accessPolicy() == null) {
            return missing(x, v.scope(), "BackupVault.AccessPolicy");
        }
        if (v.vault().accessPolicy().isNone()) {
            return fail(v.scope(), Evidence.at(x.at(), "The vault has no access policy, so nothing denies manual deletion")
                    .field("BackupVault.AccessPolicy", "none configured").threshold("RequiredDeniedActions", ACTIONS).build(), remediation(v));
        }
        String policy = v.vault().accessPolicy().value().orElseThrow();
        String[] error = new String[1];
        PolicyDocument doc = VaultPolicies.parse(policy, error);
        if (doc == null) {
            return unknown(v.scope(), Evidence.at(x.at(), "Could not be evaluated: the vault " + error[0]).field("BackupVault.AccessPolicy", policy).build());
        }
        List<String> notes = new ArrayList<>();
        for (Statement s : doc.statements()) {
            String why = whyNotCompliant(s, v.arn());
            if (why == null) {
                List<String> exempt = VaultPolicies.exemptions(s);
                return pass(v.scope(), Evidence.at(x.at(), "Statement " + s.name() + " denies manual deletion to every principal"
                                + (exempt.isEmpty() ? "" : " except " + String.join(", ", exempt)))
                        .field("BackupVault.AccessPolicy", policy).field("CompliantStatement", s.name())
                        .field("ExemptPrincipals", exempt).threshold("RequiredDeniedActions", ACTIONS).build());
            }
            if (s.deny()) {
                notes.add("statement " + s.name() + " " + why);
            }
        }
        return fail(v.scope(), Evidence.at(x.at(), notes.isEmpty() ? "The access policy has no Deny statement"
                        : "No statement denies manual deletion as required: " + String.join("; ", notes))
                .field("BackupVault.AccessPolicy", policy).threshold("RequiredDeniedActions", ACTIONS).build(), remediation(v));
    }

    /** Null when the statement meets the Config rule, else why not. */
    static String whyNotCompliant(Statement s, String vaultArn) {
        if (!s.deny()) {
            return "is not a Deny";
        }
        if (s.notPrincipal() || !s.anyPrincipal()) {
            return "does not apply to Principal \"*\"";
        }
        if (s.notResource() || !(s.resources().contains("*") || s.resources().contains(vaultArn))) {
            return "does not have Resource \"*\" or the vault's ARN";
        }
        if (s.notAction()) {
            return "uses NotAction";
        }
        List<String> missing = new ArrayList<>();
        for (String a : ACTIONS) {
            if (!s.coversAction(a)) {
                missing.add(a);
            }
        }
        if (!missing.isEmpty()) {
            return "does not cover " + String.join(", ", missing);
        }
        for (Condition c : s.conditions()) {
            String op = c.operator();
            if (!(c.keyLower().equals("aws:principalarn") && (op.equals("ArnNotEquals") || op.equals("ArnNotLike")))) {
                return "has condition " + c + " (only ArnNotEquals/ArnNotLike exemptions on aws:PrincipalArn are allowed)";
            }
        }
        return null;
    }

    private static Remediation remediation(VaultRef v) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyManualDeletion\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":[\"backup:DeleteRecoveryPoint\",\"backup:UpdateRecoveryPointLifecycle\",\"backup:PutBackupVaultAccessPolicy\"],"
                + "\"Resource\":\"*\",\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::" + v.accountId() + ":role/BreakGlass\"}}}]}";
        return new Remediation(
                "Add a Deny statement for every principal (Principal \"*\") on backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle and backup:PutBackupVaultAccessPolicy, exempting only break-glass roles by aws:PrincipalArn. Merge it into any existing policy.",
                "aws backup put-backup-vault-access-policy --region " + v.region() + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --policy '" + policy + "'",
                "CloudFormation",
                "Vault:\n  Type: AWS::Backup::BackupVault\n  Properties:\n    BackupVaultName: " + v.vault().backupVaultName()
                        + "\n    AccessPolicy:\n      Version: '2012-10-17'\n      Statement:\n        - Sid: DenyManualDeletion\n          Effect: Deny\n          Principal: '*'\n          Action:\n            - backup:DeleteRecoveryPoint\n            - backup:UpdateRecoveryPointLifecycle\n            - backup:PutBackupVaultAccessPolicy\n          Resource: '*'\n          Condition:\n            ArnNotLike:\n              aws:PrincipalArn: arn:aws:iam::"
                        + v.accountId() + ":role/BreakGlass");
    }
}
