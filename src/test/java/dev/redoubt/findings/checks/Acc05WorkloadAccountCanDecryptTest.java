package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOfKey;
import static dev.redoubt.findings.checks.EncChecksTest.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.AccountType;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ACC-05: for a vault in a backup account or an air-gapped vault, the vault key's policy, Deny
 * statements included, must not let a workload account decrypt, re-encrypt or create grants. The
 * evaluator follows IAM's pages ("AWS JSON policy elements: NotPrincipal",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html;
 * "Default key policy", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html:
 * the account's root principal delegates to the account's IAM; "IAM JSON policy elements: Condition
 * operators", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html: a condition on a key absent from a direct call does not hold).
 */
class Acc05WorkloadAccountCanDecryptTest {
    final Acc05WorkloadAccountCanDecrypt check = new Acc05WorkloadAccountCanDecrypt();
    static final String OWN = "{\"Sid\":\"Own\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + BACKUP + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}";

    Result judge(String... statements) {
        EstateFixture f = new EstateFixture();
        ObjectNode key = keyOf(f, f.vault(BACKUP, REGION, "v"));
        key.put("Policy", "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}");
        return about(f.run(check), arnOfKey(key));
    }

    @Test
    @DisplayName("fails: the backup vault's key delegates Decrypt and ReEncrypt to the production account's IAM (its :root)")
    void flagsAKeyThatDelegatesDecryptToTheProductionRoot() {
        Result r = judge(OWN, "{\"Sid\":\"Shop\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + PROD + ":root\"},\"Action\":[\"kms:Decrypt\",\"kms:ReEncrypt*\"],\"Resource\":\"*\"}");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).contains("statement Shop delegates kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo to the IAM of production account " + PROD);
        assertThat(r.evidence().field("WorkloadAccountsAllowed")).contains(PROD);
    }

    @Test
    @DisplayName("passes: a key administered and used by the backup account only")
    void passesAKeyOfTheBackupAccountOnly() {
        Result r = judge(OWN);
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence().field("ProtectsVaults")).contains("backup-vault:v");
    }

    @Test
    @DisplayName("fails: \"*\" with no account condition lets anyone decrypt; passes with kms:CallerAccount of the backup account")
    void anyPrincipal() {
        Result open = judge(OWN, "{\"Sid\":\"Open\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}");
        assertThat(open.status()).isEqualTo(Status.FAIL);
        assertThat(open.evidence().summary()).contains("lets any AWS principal (\"*\"");
        assertThat(judge(OWN, "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"kms:CallerAccount\":\"" + BACKUP + "\"}}}").status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("edge: Deny statements count: a Deny to every account but the backup account closes the grant; NotPrincipal naming the prod role does not exempt its sessions")
    void denyStatementsAreIncluded() {
        String grant = "{\"Sid\":\"Shop\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + PROD + ":role/Restore\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}";
        assertThat(judge(OWN, grant).status()).isEqualTo(Status.FAIL);
        assertThat(judge(OWN, grant, "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalAccount\":\"" + BACKUP + "\"}}}").status()).isEqualTo(Status.PASS);
        // the role and its account are listed, not the role's sessions: IAM still denies the sessions
        Result r = judge(OWN, grant, "{\"Sid\":\"OnlyBackupAndRestore\",\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"arn:aws:iam::" + BACKUP + ":root\",\"arn:aws:iam::"
                + PROD + ":role/Restore\",\"arn:aws:iam::" + PROD + ":root\"]},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}");
        assertThat(r.status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("edge: a grant confined by kms:ViaService does not let a direct call decrypt (IAM Condition operators page)")
    void viaServiceConfinesToTheService() {
        assertThat(judge(OWN, "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + PROD + ":root\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"backup.eu-west-1.amazonaws.com\"}}}").status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("edge: only the separate domain: a production vault gives no result, unless the setting makes its account a backup account; an air-gapped vault with a production key fails")
    void judgesBackupAccountAndAirGappedVaultsOnly() {
        EstateFixture f = new EstateFixture();
        ObjectNode key = keyOf(f, f.vault(PROD, REGION, "local"));
        assertThat(f.run(check)).noneMatch(r -> r.resourceArn().equals(arnOfKey(key)));
        FindingsSettings asBackup = new FindingsSettings(Map.of(), Map.of(PROD, AccountType.BACKUP), Map.of());
        assertThat(about(f.run(check, asBackup), arnOfKey(key)).status()).as("own root of a backup account").isEqualTo(Status.PASS);

        EstateFixture g = new EstateFixture();
        ObjectNode prodKey = g.key(PROD, REGION);
        ObjectNode lag = g.airGappedVault(PROD, REGION, "air-gapped");
        lag.put("EncryptionKeyType", "CUSTOMER_MANAGED_KMS_KEY").put("EncryptionKeyArn", arnOfKey(prodKey));
        List<Result> results = g.run(check);
        Result r = about(results, arnOfKey(prodKey));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).contains("to the IAM of production account " + PROD);
    }

    @Test
    @DisplayName("edge: a key whose policy was not read is UNKNOWN")
    void unreadPolicyIsUnknown() {
        EstateFixture f = new EstateFixture();
        ObjectNode key = keyOf(f, f.vault(BACKUP, REGION, "v"));
        key.remove("Policy");
        assertThat(about(f.run(check), arnOfKey(key)).status()).isEqualTo(Status.UNKNOWN);
    }
}
