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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ACC-12: a key protecting recovery points in a backup account or in a logically air-gapped vault
 * can be disabled, scheduled for deletion, or have its policy or grants changed by principals of a
 * workload account, or by anyone. Whoever compromises production can then make the backups kept
 * apart from it unreadable (disable or delete the key), or open the key to itself (a new policy, a
 * grant), however well the vault itself is locked.
 *
 * <p>The actions: kms:DisableKey, kms:ScheduleKeyDeletion, kms:PutKeyPolicy, and the grant changes
 * kms:CreateGrant and kms:RevokeGrant (a new grant opens the key, a revoked one can cut AWS Backup
 * off), as "Grants in AWS KMS" (https://docs.aws.amazon.com/kms/latest/developerguide/grants.html)
 * describes them; for keys with imported material (Origin EXTERNAL) also kms:DeleteImportedKeyMaterial,
 * which makes the key unusable at once. kms:RetireGrant is left out: who may retire a grant is set by
 * the grant itself (its retiring and grantee principals), not by the key policy. Key administration is
 * what the key policy gives its key administrators ("Default key policy",
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html); the root principal
 * of an account delegates it to that account's IAM.
 *
 * <p>Evaluated with the policy evaluator, Deny statements and conditions included, as ACC-05: for
 * every workload account and for any AWS account ("*"), a session of a role the policy does not name
 * and every principal the policy names there ask, as direct calls. One result per key; the evidence
 * names the vaults it protects. UNKNOWN when the key policy was not read (kms:GetKeyPolicy).
 */
public final class Acc12WorkloadAccountCanAdministerKey extends KeyCheck {
    static final List<String> ACTIONS = List.of("kms:DisableKey", "kms:ScheduleKeyDeletion", "kms:PutKeyPolicy", "kms:CreateGrant",
            "kms:RevokeGrant");
    static final String IMPORTED_MATERIAL_ACTION = "kms:DeleteImportedKeyMaterial";
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    public Acc12WorkloadAccountCanAdministerKey() {
        super("ACC-12", Facet.ACC, Severity.HIGH, "Workload account can disable, delete or re-open the key of backups kept apart from it",
                "A production principal that can disable or schedule deletion of the key, or change its policy or grants, can make the backups "
                        + "in the backup account or the air-gapped vault unreadable, however well their vault is locked.",
                "key Policy, account roles", "-", "kms:GetKeyPolicy");
    }

    @Override
    boolean vaultKeysOnly() {
        return false;
    }

    @Override
    List<String> vaultsConcerned(EstateIndex x, Set<String> vaults) {
        return KeyPolicies.separateDomainVaults(x, vaults);
    }

    @Override
    Result judge(EstateIndex x, KeyRef key, Scope where, List<String> vaults) {
        String policy = key.key().policy();
        List<String> actions = new ArrayList<>(ACTIONS);
        if (key.key().keyMetadata() != null && "EXTERNAL".equals(key.key().keyMetadata().origin())) {
            actions.add(IMPORTED_MATERIAL_ACTION);
        }
        return withPolicy(x, key, where, doc -> {
            List<KeyPolicies.Access> access = KeyPolicies.workloadAccess(x, doc, key.arn(), actions, evaluator);
            Evidence e = Evidence.at(x.at(), access.isEmpty()
                            ? "No principal of a workload account, and no principal outside the organization, may disable or delete the key or change its policy or grants"
                            : KeyPolicies.describe(access))
                    .field("KmsKey.Policy", policy)
                    .field("KmsKey.Origin", key.key().keyMetadata() == null ? null : key.key().keyMetadata().origin())
                    .field("WorkloadAccountsAllowed", access.stream().map(KeyPolicies.Access::account).toList())
                    .field("ProtectsVaults", vaults)
                    .threshold("Actions", actions).build();
            if (access.isEmpty()) {
                return pass(where, e);
            }
            if (x.role(key.accountId()).isWorkload()) {
                return fail(where, e, relocate(x, key, vaults));
            }
            String admin = "arn:aws:iam::" + key.accountId() + ":role/BackupKeyAdmin";
            String keyPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":["
                    + "{\"Sid\":\"KeyAdministrationByTheBackupAccountOnly\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":" + json(admin) + "},"
                    + "\"Action\":[\"kms:Create*\",\"kms:Describe*\",\"kms:Enable*\",\"kms:List*\",\"kms:Put*\",\"kms:Update*\",\"kms:Revoke*\","
                    + "\"kms:Disable*\",\"kms:Get*\",\"kms:Delete*\",\"kms:TagResource\",\"kms:UntagResource\",\"kms:ScheduleKeyDeletion\","
                    + "\"kms:CancelKeyDeletion\"],\"Resource\":\"*\"},"
                    + "{\"Sid\":\"UseThroughBackupInThisAccount\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                    + "\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey*\",\"kms:ReEncrypt*\",\"kms:DescribeKey\",\"kms:CreateGrant\"],\"Resource\":\"*\","
                    + "\"Condition\":{\"StringEquals\":{\"kms:CallerAccount\":" + json(key.accountId()) + ",\"kms:ViaService\":"
                    + json("backup." + key.region() + ".amazonaws.com") + "}}}]}";
            return fail(where, e, new Remediation(
                    "Replace the key policy so that only the backup (or security) account's key-administration role may disable, delete, re-key or re-grant the key: "
                            + "remove workload accounts, their :root and \"*\" from every statement that allows key administration or grants. Keep a copy of the "
                            + "current policy, and make sure " + admin + " exists before you apply it: a policy that locks out every administrator cannot be undone.",
                    "aws kms put-key-policy --region " + sh(key.region()) + " --key-id " + sh(key.arn()) + " --policy-name default --policy " + sh(keyPolicy),
                    "CloudFormation",
                    "KeyPolicy:\n  Version: '2012-10-17'\n  Statement:\n    - Sid: KeyAdministrationByTheBackupAccountOnly\n      Effect: Allow\n      Principal: { AWS: "
                            + yaml(admin) + " }\n      Action: ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', "
                            + "'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion']\n"
                            + "      Resource: '*'\n    - Sid: UseThroughBackupInThisAccount\n      Effect: Allow\n      Principal: { AWS: '*' }\n"
                            + "      Action: [kms:Decrypt, 'kms:GenerateDataKey*', 'kms:ReEncrypt*', kms:DescribeKey, kms:CreateGrant]\n      Resource: '*'\n"
                            + "      Condition:\n        StringEquals:\n          kms:CallerAccount: " + yaml(key.accountId()) + "\n          kms:ViaService: "
                            + yaml("backup." + key.region() + ".amazonaws.com")));
        });
    }

    /**
     * For a key that lives in a workload account: no key policy keeps that account's IAM
     * administrators out (they can take over any role there), so the fix is a key of the backup or
     * security account and, since a vault's key cannot be changed, a new vault under it.
     */
    private static Remediation relocate(EstateIndex x, KeyRef key, List<String> vaults) {
        EstateIndex.VaultRef v = x.vault(vaults.get(0));
        EstateIndex.KeyRef vaultKey = x.key(v.vault().encryptionKeyArn());
        if (vaultKey == null || !vaultKey.arn().equals(key.arn())) {
            return copyOut(x, key, v);
        }
        String name = v.vault().backupVaultName() + "-v2";
        String create = v.isAirGapped()
                ? "aws backup create-logically-air-gapped-backup-vault --region " + sh(v.region()) + " --backup-vault-name " + sh(name)
                        + " --min-retention-days " + (v.vault().minRetentionDays() == null ? 7 : v.vault().minRetentionDays())
                        + " --max-retention-days " + (v.vault().maxRetentionDays() == null ? 365 : v.vault().maxRetentionDays())
                        + " --encryption-key-arn NEW_KEY_ARN"
                : "aws backup create-backup-vault --region " + sh(v.region()) + " --backup-vault-name " + sh(name) + " --encryption-key-arn NEW_KEY_ARN";
        return new Remediation(
                "The key lives in " + x.role(key.accountId()).name().toLowerCase(java.util.Locale.ROOT) + " account " + key.accountId()
                        + ", whose IAM administrators can take over any role there: no key policy keeps them out. Create a key in the backup or security "
                        + "account whose policy gives key administration to that account's role only, create a new vault under it (a vault's key cannot be "
                        + "changed), point the plans and copy actions at it, and let the old vault's recovery points expire.",
                "aws kms create-key --region " + sh(key.region()) + " --description " + sh("Backup key administered by the backup account")
                        + " --policy file://key-policy.json\n" + create,
                "CloudFormation",
                "BackupKey:\n  Type: AWS::KMS::Key\n  Properties:\n    EnableKeyRotation: true\n    KeyPolicy:\n      Version: '2012-10-17'\n      Statement:\n"
                        + "        - Sid: KeyAdministrationByTheBackupAccountOnly\n          Effect: Allow\n          Principal: { AWS: 'arn:aws:iam::BACKUP_ACCOUNT_ID:role/BackupKeyAdmin' }\n"
                        + "          Action: 'kms:*'\n          Resource: '*'");
    }

    /**
     * For recovery points that kept a workload account's key in a vault whose own key is another:
     * a copy is encrypted with the destination vault's key, so copy them into a vault of the backup
     * account under a key it administers, and let these expire.
     */
    private static Remediation copyOut(EstateIndex x, KeyRef key, EstateIndex.VaultRef v) {
        String point = v.points().stream().filter(p -> p.encryptionKeyArn() != null && key.arn().equals(canonical(x, p.encryptionKeyArn())))
                .map(p -> p.recoveryPointArn()).findFirst().orElse("RECOVERY_POINT_ARN");
        return new Remediation(
                "These recovery points are encrypted with a key of " + x.role(key.accountId()).name().toLowerCase(java.util.Locale.ROOT) + " account "
                        + key.accountId() + ", whose IAM administrators can take over any role there. Copy them into a vault of the backup account "
                        + "whose key the backup account administers (a copy is encrypted with the destination vault's key), and let these expire.",
                "aws backup start-copy-job --region " + sh(v.region()) + " --recovery-point-arn " + sh(point) + " --source-backup-vault-name "
                        + sh(v.vault().backupVaultName()) + " --destination-backup-vault-arn DESTINATION_VAULT_ARN --iam-role-arn BACKUP_ROLE_ARN",
                "CloudFormation",
                "# A copy action in the plan rule that creates these recovery points, to a vault under a backup-account key\nCopyActions:\n"
                        + "  - DestinationBackupVaultArn: DESTINATION_VAULT_ARN");
    }

    private static String canonical(EstateIndex x, String keyArn) {
        EstateIndex.KeyRef k = x.key(keyArn);
        return k == null ? keyArn : k.arn();
    }
}
