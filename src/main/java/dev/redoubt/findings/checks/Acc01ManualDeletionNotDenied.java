package dev.redoubt.findings.checks;

import dev.redoubt.estate.Arn;
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
 * backup-recovery-point-manual-deletion-disabled
 * (https://docs.aws.amazon.com/config/latest/developerguide/backup-recovery-point-manual-deletion-disabled.html),
 * which requires a wildcard in the Deny statement's Principal and Resource: compliant only with one
 * statement with Effect Deny, Principal "*" (or {"AWS":"*"}), Resource "*" (a vault ARN alone does
 * not cover the recovery points DeleteRecoveryPoint acts on), whose actions cover
 * backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle and
 * backup:PutBackupVaultAccessPolicy (backup:* covers them), with at most exemptions by
 * ArnNotEquals/ArnNotLike on aws:PrincipalArn, or by a negated condition on aws:userId (the form of
 * AWS's own example). An exemption pattern that matches whole accounts (arn:aws:iam::*:*,
 * arn:aws:iam::&lt;account&gt;:*) exempts everyone there and fails. No policy fails.
 *
 * <p>HIGH, or LOW when deletion is already refused to everyone, root included: a compliance-mode
 * Vault Lock past its LockDate, or a logically air-gapped vault (AWS Backup Vault Lock page,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html).
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
            return failed(x, v, Evidence.at(x.at(), "The vault has no access policy, so nothing denies manual deletion")
                    .field("BackupVault.AccessPolicy", "none configured"));
        }
        String policy = v.vault().accessPolicy().value().orElseThrow();
        String[] error = new String[1];
        PolicyDocument doc = VaultPolicies.parse(policy, error);
        if (doc == null) {
            return unknown(v.scope(), Evidence.at(x.at(), "Could not be evaluated: the vault " + error[0]).field("BackupVault.AccessPolicy", policy).build());
        }
        List<String> notes = new ArrayList<>();
        for (Statement s : doc.statements()) {
            String why = whyNotCompliant(s);
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
        return failed(x, v, Evidence.at(x.at(), notes.isEmpty() ? "The access policy has no Deny statement"
                        : "No statement denies manual deletion as the Config rule requires: " + String.join("; ", notes))
                .field("BackupVault.AccessPolicy", policy));
    }

    /** FAIL, HIGH, or LOW when Vault Lock or the air gap already refuses deletion to everyone. */
    private Result failed(EstateIndex x, VaultRef v, Evidence.Builder evidence) {
        String blocked = VaultPolicies.deletionAlreadyBlocked(x, v);
        evidence.field("BackupVault.Locked", v.vault().locked()).field("BackupVault.LockDate", v.vault().lockDate())
                .field("BackupVault.VaultType", v.vault().vaultType())
                .field("Severity", blocked == null ? "HIGH: nothing else stops a principal with backup permissions from deleting the recovery points"
                        : "LOW: " + blocked)
                .threshold("RequiredDeniedActions", ACTIONS);
        Result r = fail(v.scope(), evidence.build(), remediation(v));
        return blocked == null ? r : VaultPolicies.withSeverity(r, Severity.LOW);
    }

    /** Null when the statement meets the Config rule, else why not. */
    static String whyNotCompliant(Statement s) {
        if (!s.deny()) {
            return "is not a Deny";
        }
        if (s.notPrincipal() || !s.anyPrincipal()) {
            return "does not apply to Principal \"*\"";
        }
        if (s.notResource() || !s.resources().contains("*")) {
            return "does not have Resource \"*\" (a vault ARN does not cover the recovery points DeleteRecoveryPoint acts on)";
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
            boolean byArn = c.keyLower().equals("aws:principalarn") && (op.equals("ArnNotEquals") || op.equals("ArnNotLike"));
            boolean byUserId = c.keyLower().equals("aws:userid")
                    && (op.equals("ArnNotEquals") || op.equals("ArnNotLike") || op.equals("StringNotEquals") || op.equals("StringNotLike"));
            if (!byArn && !byUserId) {
                return "has condition " + c + " (only exemptions by ArnNotEquals/ArnNotLike on aws:PrincipalArn, or by a negated condition on aws:userId, are allowed)";
            }
            for (String value : c.values()) {
                if (byArn ? exemptsWholeAccounts(value) : value.replace(":", "").matches("[*?]*")) {
                    return "exempts " + value + " by " + op + " " + c.key() + ", which matches every principal of "
                            + (value.startsWith("arn:") && !Arn.parse(value).account().matches("[*?]*") ? "account " + Arn.parse(value).account() : "every account");
                }
            }
        }
        return null;
    }

    /** True when an aws:PrincipalArn pattern matches every principal of an account ({@code arn:aws:iam::*:*}, {@code arn:aws:iam::<acct>:*}, {@code ...:role/*}). */
    static boolean exemptsWholeAccounts(String pattern) {
        Arn arn = Arn.parse(pattern);
        if (arn == null) {
            return pattern.matches("[*?]*");
        }
        String res = arn.resource();
        return res.matches("[*?]+") || res.matches("(role|user|assumed-role)/[*?]+");
    }

    private static Remediation remediation(VaultRef v) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyManualDeletion\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":[\"backup:DeleteRecoveryPoint\",\"backup:UpdateRecoveryPointLifecycle\",\"backup:PutBackupVaultAccessPolicy\"],"
                + "\"Resource\":\"*\",\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":" + json("arn:aws:iam::" + v.accountId() + ":role/BreakGlass") + "}}}]}";
        return new Remediation(
                "Add a Deny statement for every principal (Principal \"*\") on backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle and backup:PutBackupVaultAccessPolicy, exempting only break-glass roles by aws:PrincipalArn. Merge it into any existing policy.",
                "aws backup put-backup-vault-access-policy --region " + sh(v.region()) + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --policy " + sh(policy),
                "CloudFormation",
                "Vault:\n  Type: AWS::Backup::BackupVault\n  Properties:\n    BackupVaultName: " + yaml(v.vault().backupVaultName())
                        + "\n    AccessPolicy:\n      Version: '2012-10-17'\n      Statement:\n        - Sid: DenyManualDeletion\n          Effect: Deny\n          Principal: '*'\n          Action:\n            - backup:DeleteRecoveryPoint\n            - backup:UpdateRecoveryPointLifecycle\n            - backup:PutBackupVaultAccessPolicy\n          Resource: '*'\n          Condition:\n            ArnNotLike:\n              aws:PrincipalArn: "
                        + yaml("arn:aws:iam::" + v.accountId() + ":role/BreakGlass"));
    }
}
