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
 * ACC-03: the vault policy allows something to everyone ("*") or to an account outside the
 * organization. Backups then leave the organization's control: an outside account can copy,
 * restore or delete them. "*" is accepted only with a condition that confines it to the
 * organization (aws:PrincipalOrgID) or to its accounts.
 */
public final class Acc03VaultPolicyOutsideOrganization extends VaultCheck {
    public Acc03VaultPolicyOutsideOrganization() {
        super("ACC-03", Facet.ACC, Severity.MEDIUM, "Vault policy allows access to everyone or to an account outside the organization",
                "An Allow to \"*\" or to a foreign account lets principals outside the organization act on the backups.",
                "vault AccessPolicy, Organization accounts", "-", "backup:GetBackupVaultAccessPolicy");
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        if (v.vault().accessPolicy() == null) {
            return missing(x, v.scope(), "BackupVault.AccessPolicy");
        }
        if (v.vault().accessPolicy().isNone()) {
            return pass(v.scope(), Evidence.at(x.at(), "The vault has no access policy, so it grants nothing to anyone")
                    .field("BackupVault.AccessPolicy", "none configured").build());
        }
        String policy = v.vault().accessPolicy().value().orElseThrow();
        String[] error = new String[1];
        PolicyDocument doc = VaultPolicies.parse(policy, error);
        if (doc == null) {
            return unknown(v.scope(), Evidence.at(x.at(), "Could not be evaluated: the vault " + error[0]).field("BackupVault.AccessPolicy", policy).build());
        }
        List<String> problems = new ArrayList<>();
        for (Statement s : doc.statements()) {
            if (!s.allow()) {
                continue;
            }
            if (s.anyPrincipal() || s.notPrincipal()) {
                if (!confinedToOrganization(x, s)) {
                    problems.add(s.name() + " allows " + String.join(",", s.actions()) + " to \"*\" without confining it to the organization");
                }
                continue;
            }
            for (String p : s.awsPrincipals()) {
                String account = Statement.accountOfPrincipal(p);
                if (account != null && !x.inOrganization(account)) {
                    problems.add(s.name() + " allows " + String.join(",", s.actions()) + " to " + p + " (account " + account + " is outside the organization)");
                }
            }
        }
        Evidence e = Evidence.at(x.at(), problems.isEmpty() ? "Every Allow names principals of the organization"
                        : String.join("; ", problems))
                .field("BackupVault.AccessPolicy", policy).field("OrganizationId", x.organizationId()).build();
        if (problems.isEmpty()) {
            return pass(v.scope(), e);
        }
        return fail(v.scope(), e, new Remediation(
                "Remove the Allow statements for \"*\" or foreign accounts, or confine them with a condition aws:PrincipalOrgID equal to the organization's ID.",
                "aws backup put-backup-vault-access-policy --region " + v.region() + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --policy file://vault-policy.json",
                "CloudFormation",
                "AccessPolicy:\n  Version: '2012-10-17'\n  Statement:\n    - Sid: AllowCopyIntoVaultFromOrganization\n      Effect: Allow\n      Principal: '*'\n      Action: backup:CopyIntoBackupVault\n      Resource: '*'\n      Condition:\n        StringEquals:\n          aws:PrincipalOrgID: " + (x.organizationId() == null ? "o-exampleorgid" : x.organizationId())));
    }

    private static boolean confinedToOrganization(EstateIndex x, Statement s) {
        for (Condition c : s.restrictingConditions()) {
            String key = c.keyLower();
            boolean inside = true;
            for (String value : c.values()) {
                String account = switch (key) {
                    case "aws:principalorgid", "aws:sourceorgid" -> value.equals(x.organizationId()) ? "org" : null;
                    case "aws:principalarn", "aws:sourcearn" -> Arn.accountOf(value);
                    default -> value;
                };
                if (account == null || !account.equals("org") && !x.inOrganization(account)) {
                    inside = false;
                }
            }
            if (inside) {
                return true;
            }
        }
        return false;
    }
}
