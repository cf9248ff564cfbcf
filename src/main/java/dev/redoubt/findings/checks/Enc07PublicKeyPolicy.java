package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.policy.PolicyDocument;
import dev.redoubt.findings.policy.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * ENC-07: a key protecting backups has a policy statement that allows any principal ("*")
 * without a condition restricting it to named accounts, organizations or principals. Anyone in
 * any AWS account could then use the key, so the encryption protects nothing. Same semantics as
 * Security Hub KMS.5 / Prowler kms_key_not_publicly_accessible, scoped to backup keys.
 */
public final class Enc07PublicKeyPolicy extends KeyCheck {
    public Enc07PublicKeyPolicy() {
        super("ENC-07", Facet.ENC, Severity.CRITICAL, "Key policy allows any principal without a restricting condition",
                "A key usable by any AWS principal does not protect the backups it encrypts.",
                "key Policy", "SH KMS.5, Prowler kms_key_not_publicly_accessible (not backup-scoped)", "kms:GetKeyPolicy");
    }

    @Override
    boolean vaultKeysOnly() {
        return false;
    }

    @Override
    Result judge(EstateIndex x, KeyRef key, Scope where, List<String> vaults) {
        String policy = key.key().policy();
        return withPolicy(x, key, where, doc -> {
            List<String> open = new ArrayList<>();
            for (Statement s : doc.statements()) {
                if (s.allow() && (s.anyPrincipal() || s.notPrincipal()) && s.restrictingConditions().isEmpty()) {
                    open.add(s.name() + " allows " + String.join(",", s.actions()) + " to " + (s.notPrincipal() ? "everyone but NotPrincipal" : "\"*\"")
                            + (s.conditions().isEmpty() ? " with no condition" : " with conditions that name no account, organization or principal"));
                }
            }
            Evidence e = Evidence.at(x.at(), open.isEmpty() ? "No statement allows any principal without a restricting condition"
                            : "The key policy allows any principal: " + String.join("; ", open))
                    .field("KmsKey.Policy", policy)
                    .field("ProtectsVaults", vaults).build();
            if (open.isEmpty()) {
                return pass(where, e);
            }
            return fail(where, e, new Remediation(
                    "Name the principals in the key policy, or add a condition (kms:CallerAccount, aws:PrincipalOrgID, aws:PrincipalArn) to every statement that allows \"*\".",
                    "aws kms put-key-policy --region " + key.region() + " --key-id " + sh(key.arn()) + " --policy-name default --policy file://key-policy.json",
                    "CloudFormation",
                    "KeyPolicy:\n  Version: '2012-10-17'\n  Statement:\n    - Sid: AllowBackupUseInThisAccount\n      Effect: Allow\n      Principal: { AWS: '*' }\n      Action: [kms:Decrypt, kms:GenerateDataKey*, kms:CreateGrant]\n      Resource: '*'\n      Condition:\n        StringEquals:\n          kms:CallerAccount: '" + key.accountId() + "'\n          kms:ViaService: backup." + key.region() + ".amazonaws.com"));
        });
    }
}
