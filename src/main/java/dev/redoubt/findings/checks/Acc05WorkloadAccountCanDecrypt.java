package dev.redoubt.findings.checks;

import dev.redoubt.estate.Arn;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.policy.Condition;
import dev.redoubt.findings.policy.PolicyDocument;
import dev.redoubt.findings.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ACC-05: the vault key's policy lets principals of a production (workload) account decrypt,
 * re-encrypt or create grants, or delegates that to the production account's IAM
 * ({@code arn:aws:iam::<prod>:root}). Whoever compromises production can then read the backups
 * too: the "same access to the backups as to the data" anti-pattern. Account roles come from the
 * OU path or the settings.
 */
public final class Acc05WorkloadAccountCanDecrypt extends KeyCheck {
    static final List<String> ACTIONS = List.of("kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:CreateGrant");

    public Acc05WorkloadAccountCanDecrypt() {
        super("ACC-05", Facet.ACC, Severity.HIGH, "Vault key lets a production (workload) account decrypt or create grants",
                "If production principals can use the backup key, a compromise of production reaches the backups.",
                "key Policy, account OUs", "-", "kms:GetKeyPolicy");
    }

    @Override
    boolean vaultKeysOnly() {
        return true;
    }

    @Override
    Result judge(EstateIndex x, KeyRef key, Scope where, List<String> vaults) {
        String policy = key.key().policy();
        return withPolicy(x, key, where, doc -> {
            List<String> grants = new ArrayList<>();
            Set<String> workloadAccounts = new LinkedHashSet<>();
            for (Statement s : doc.statements()) {
                if (!s.allow()) {
                    continue;
                }
                List<String> actions = ACTIONS.stream().filter(s::coversAction).toList();
                if (actions.isEmpty()) {
                    continue;
                }
                for (String account : granteeAccounts(s)) {
                    if (account.equals("*")) {
                        grants.add(s.name() + " allows " + String.join(",", actions) + " to any account, production accounts included");
                        workloadAccounts.add("*");
                    } else if (x.role(account).isWorkload()) {
                        String how = s.awsPrincipals().stream().anyMatch(p -> p.equals(account) || p.equals("arn:aws:iam::" + account + ":root"))
                                ? " delegates " + String.join(",", actions) + " to the IAM of " : " allows " + String.join(",", actions) + " to principals of ";
                        grants.add(s.name() + how + x.role(account).name().toLowerCase(java.util.Locale.ROOT) + " account " + account);
                        workloadAccounts.add(account);
                    }
                }
            }
            Evidence e = Evidence.at(x.at(), grants.isEmpty() ? "No production or workload account may decrypt, re-encrypt or create grants with the key"
                            : String.join("; ", grants))
                    .field("KmsKey.Policy", policy).field("WorkloadAccountsGranted", List.copyOf(workloadAccounts))
                    .field("ProtectsVaults", vaults).build();
            if (grants.isEmpty()) {
                return pass(where, e);
            }
            return fail(where, e, new Remediation(
                    "Remove production and workload accounts (and their :root) from the key policy's decrypt, re-encrypt and grant statements; let only the backup account's roles and AWS Backup (kms:ViaService) use the key.",
                    "aws kms put-key-policy --region " + key.region() + " --key-id " + sh(key.arn()) + " --policy-name default --policy file://key-policy.json",
                    "CloudFormation",
                    "KeyPolicy:\n  Version: '2012-10-17'\n  Statement:\n    - Sid: KeyAdministrationByBackupAccount\n      Effect: Allow\n      Principal: { AWS: 'arn:aws:iam::" + key.accountId() + ":role/BackupKeyAdmin' }\n      Action: ['kms:Describe*', 'kms:Put*', 'kms:Enable*', 'kms:Get*', 'kms:List*']\n      Resource: '*'\n    - Sid: UseThroughBackupOnly\n      Effect: Allow\n      Principal: { AWS: '*' }\n      Action: [kms:Decrypt, kms:GenerateDataKey*, kms:CreateGrant]\n      Resource: '*'\n      Condition:\n        StringEquals:\n          kms:CallerAccount: '" + key.accountId() + "'\n          kms:ViaService: backup." + key.region() + ".amazonaws.com"));
        });
    }

    /** The accounts a statement grants to: its AWS principals' accounts, or for "*" the accounts its conditions confine it to ("*" when none). */
    private static Set<String> granteeAccounts(Statement s) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : s.awsPrincipals()) {
            String a = Statement.accountOfPrincipal(p);
            if (a != null && !a.equals("*")) {
                out.add(a);
            }
        }
        if (s.anyPrincipal() || s.notPrincipal()) {
            Set<String> confined = new LinkedHashSet<>();
            boolean confinedByAccount = false;
            for (Condition c : s.restrictingConditions()) {
                switch (c.keyLower()) {
                    case "kms:calleraccount", "aws:principalaccount", "aws:sourceaccount" -> {
                        confined.addAll(c.values());
                        confinedByAccount = true;
                    }
                    case "aws:principalarn" -> {
                        c.values().forEach(v -> {
                            String a = Arn.accountOf(v);
                            if (a != null && !a.equals("*")) {
                                confined.add(a);
                            }
                        });
                        confinedByAccount = true;
                    }
                    default -> {
                    }
                }
            }
            if (confinedByAccount) {
                out.addAll(confined);
            } else {
                out.add("*");
            }
        }
        return out;
    }
}
