package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.policy.PolicyEvaluator;
import java.util.List;
import java.util.Set;

/**
 * ACC-05: for a vault in a backup account or a logically air-gapped vault (the separate domain),
 * the vault key's policy lets principals of a workload (production) account decrypt, re-encrypt or
 * create grants, or delegates that to the workload account's IAM ({@code arn:aws:iam::<prod>:root}).
 * Whoever compromises production can then read the backups kept apart from it: the "same access to
 * the backups as to the data" anti-pattern. Vaults in workload accounts give no result (their key is
 * the account's own; ISO-* judge where the copies are).
 *
 * <p>Evaluated with the policy evaluator, Deny statements and conditions included: for every
 * workload account (by OU path or setting; an account outside the organization counts as one) and
 * for any AWS account ("*"), a session of a role the policy does not name and every principal the
 * policy names there ask, as direct calls, for kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo and
 * kms:CreateGrant. A grant confined by kms:ViaService does not apply to a direct call, so it is not
 * reported: through the service, a workload principal reaches only its own account's resources.
 */
public final class Acc05WorkloadAccountCanDecrypt extends KeyCheck {
    static final List<String> ACTIONS = List.of("kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:CreateGrant");
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    public Acc05WorkloadAccountCanDecrypt() {
        super("ACC-05", Facet.ACC, Severity.HIGH, "Backup-account or air-gapped vault key lets a workload account decrypt or create grants",
                "If production principals can use the key of the vaults kept apart from production, a compromise of production reaches those backups too.",
                "key Policy, account OUs", "-", "kms:GetKeyPolicy");
    }

    @Override
    boolean vaultKeysOnly() {
        return true;
    }

    @Override
    List<String> vaultsConcerned(EstateIndex x, Set<String> vaults) {
        return KeyPolicies.separateDomainVaults(x, vaults);
    }

    @Override
    Result judge(EstateIndex x, KeyRef key, Scope where, List<String> vaults) {
        String policy = key.key().policy();
        return withPolicy(x, key, where, doc -> {
            List<KeyPolicies.Access> access = KeyPolicies.workloadAccess(x, doc, key.arn(), ACTIONS, evaluator);
            Evidence e = Evidence.at(x.at(), access.isEmpty()
                            ? "No principal of a workload account, and no principal outside the organization, may decrypt, re-encrypt or create grants with the key"
                            : KeyPolicies.describe(access))
                    .field("KmsKey.Policy", policy)
                    .field("WorkloadAccountsAllowed", access.stream().map(KeyPolicies.Access::account).toList())
                    .field("ProtectsVaults", vaults)
                    .threshold("Actions", ACTIONS).build();
            if (access.isEmpty()) {
                return pass(where, e);
            }
            return fail(where, e, new Remediation(
                    "Remove workload accounts (and their :root) and \"*\" from the key policy's decrypt, re-encrypt and grant statements; let only the backup account's roles and AWS Backup (kms:ViaService) use the key.",
                    "aws kms put-key-policy --region " + sh(key.region()) + " --key-id " + sh(key.arn()) + " --policy-name default --policy file://key-policy.json",
                    "CloudFormation",
                    "KeyPolicy:\n  Version: '2012-10-17'\n  Statement:\n    - Sid: KeyAdministrationByBackupAccount\n      Effect: Allow\n      Principal: { AWS: " + yaml("arn:aws:iam::" + key.accountId() + ":role/BackupKeyAdmin") + " }\n      Action: ['kms:Describe*', 'kms:Put*', 'kms:Enable*', 'kms:Get*', 'kms:List*']\n      Resource: '*'\n    - Sid: UseThroughBackupOnly\n      Effect: Allow\n      Principal: { AWS: '*' }\n      Action: [kms:Decrypt, kms:GenerateDataKey*, kms:CreateGrant]\n      Resource: '*'\n      Condition:\n        StringEquals:\n          kms:CallerAccount: " + yaml(key.accountId()) + "\n          kms:ViaService: " + yaml("backup." + key.region() + ".amazonaws.com")));
        });
    }
}
