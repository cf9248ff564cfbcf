package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOfKey;
import static dev.redoubt.findings.checks.EncChecksTest.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ACC-12: a key protecting recovery points in a backup account or an air-gapped vault must not be
 * disabled, scheduled for deletion, or have its policy or grants changed by a workload account or by
 * anyone. Key administration as "Default key policy"
 * (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html) and "Grants in AWS
 * KMS" (https://docs.aws.amazon.com/kms/latest/developerguide/grants.html) describe it; principals as
 * "AWS JSON policy elements: Principal" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html)
 * and "NotPrincipal" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html).
 */
class Acc12WorkloadAccountCanAdministerKeyTest {
    final Acc12WorkloadAccountCanAdministerKey check = new Acc12WorkloadAccountCanAdministerKey();
    static final String OWN = "{\"Sid\":\"Own\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + BACKUP + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}";
    static final String PROD_ADMIN = "arn:aws:iam::" + PROD + ":role/Admin";

    Result judge(String... statements) {
        EstateFixture f = new EstateFixture();
        ObjectNode key = keyOf(f, f.vault(BACKUP, REGION, "v"));
        key.put("Policy", "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}");
        return about(f.run(check), arnOfKey(key));
    }

    @Test
    @DisplayName("fails: a backup-account key that delegates kms:* to the production account's root (its IAM administers the key)")
    void failsKmsStarToTheProductionRoot() {
        Result r = judge(OWN, "{\"Sid\":\"ShopAdmins\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + PROD + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.HIGH);
        assertThat(r.evidence().summary()).isEqualTo("statement ShopAdmins delegates kms:DisableKey, kms:ScheduleKeyDeletion, kms:PutKeyPolicy, "
                + "kms:CreateGrant, kms:RevokeGrant to the IAM of production account " + PROD + " (arn:aws:iam::" + PROD + ":root)");
        assertThat(r.remediation().awsCli()).startsWith("aws kms put-key-policy --region eu-west-1 --key-id ").contains("role/BackupKeyAdmin");
    }

    @Test
    @DisplayName("fails: a production role may schedule the key's deletion")
    void failsAProdRoleThatCanScheduleDeletion() {
        Result r = judge(OWN, "{\"Sid\":\"Cleanup\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + PROD_ADMIN + "\"},\"Action\":\"kms:ScheduleKeyDeletion\",\"Resource\":\"*\"}");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).isEqualTo("statement Cleanup lets " + PROD_ADMIN + " of production account " + PROD + " kms:ScheduleKeyDeletion");
    }

    @Test
    @DisplayName("fails: a production role administers the key and the production account may create grants: one clause each")
    void describesEachGrantByWhoAndStatement() {
        Result r = judge(OWN, "{\"Sid\":\"ShopPlatform\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + PROD_ADMIN + "\"},"
                        + "\"Action\":[\"kms:Disable*\",\"kms:ScheduleKeyDeletion\",\"kms:Put*\"],\"Resource\":\"*\"}",
                "{\"Sid\":\"ShopUse\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + PROD + ":root\"},\"Action\":[\"kms:Decrypt\",\"kms:CreateGrant\"],\"Resource\":\"*\"}");
        assertThat(r.evidence().summary()).isEqualTo("statement ShopPlatform lets " + PROD_ADMIN + " of production account " + PROD
                + " kms:DisableKey, kms:ScheduleKeyDeletion, kms:PutKeyPolicy; statement ShopUse delegates kms:CreateGrant to the IAM of production account "
                + PROD + " (arn:aws:iam::" + PROD + ":root)");
    }

    @Test
    @DisplayName("passes: the backup account administers the key; AWS Backup's role uses it through AWS Backup")
    void passesAKeyAdministeredByTheBackupAccount() {
        Result r = judge(OWN, "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + BACKUP + ":role/service-role/AWSBackupDefaultServiceRole\"},"
                + "\"Action\":[\"kms:Decrypt\",\"kms:CreateGrant\"],\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"backup.eu-west-1.amazonaws.com\"}}}");
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence().summary()).startsWith("No principal of a workload account");
    }

    @Test
    @DisplayName("edge: Deny statements count: a Deny of key administration to every account but the backup account closes a kms:* delegation")
    void aDenyClosesTheDelegation() {
        String deny = "{\"Sid\":\"OnlyTheBackupAccountAdministers\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"kms:Disable*\",\"kms:ScheduleKeyDeletion\","
                + "\"kms:Put*\",\"kms:CreateGrant\",\"kms:RevokeGrant\"],\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalAccount\":\"" + BACKUP + "\"}}}";
        assertThat(judge(OWN, "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + PROD + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}", deny).status())
                .isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("edge: NotPrincipal naming the prod role and its account (not its sessions) still denies the sessions (IAM NotPrincipal page): PASS")
    void notPrincipalDoesNotExemptSessions() {
        String grant = "{\"Sid\":\"Cleanup\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + PROD_ADMIN + "\"},\"Action\":\"kms:ScheduleKeyDeletion\",\"Resource\":\"*\"}";
        String deny = "{\"Sid\":\"DenyAllButAdmins\",\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"arn:aws:iam::" + BACKUP + ":root\",\"" + PROD_ADMIN
                + "\",\"arn:aws:iam::" + PROD + ":root\"]},\"Action\":\"kms:ScheduleKeyDeletion\",\"Resource\":\"*\"}";
        assertThat(judge(OWN, grant).status()).isEqualTo(Status.FAIL);
        assertThat(judge(OWN, grant, deny).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("edge: wildcards: \"*\" confined by ArnLike aws:PrincipalArn arn:aws:iam::*:role/KeyAdmin* fails (any account can name such a role); "
            + "Principal arn:aws:iam::*:root matches nobody (AWS JSON policy elements: Principal)")
    void wildcards() {
        Result pattern = judge(OWN, "{\"Sid\":\"Admins\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:PutKeyPolicy\",\"Resource\":\"*\","
                + "\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/KeyAdmin*\"}}}");
        assertThat(pattern.status()).isEqualTo(Status.FAIL);
        assertThat(pattern.evidence().summary()).contains("role/KeyAdminx").contains("lets any AWS principal (\"*\"");
        assertThat(judge(OWN, "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::*:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}").status())
                .isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("edge: kms:DeleteImportedKeyMaterial counts for keys with imported material (Origin EXTERNAL) only")
    void importedMaterial() {
        String grant = "{\"Sid\":\"Rotate\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + PROD_ADMIN + "\"},\"Action\":\"kms:DeleteImportedKeyMaterial\",\"Resource\":\"*\"}";
        EstateFixture f = new EstateFixture();
        ObjectNode external = keyOf(f, f.vault(BACKUP, REGION, "external"));
        ObjectNode ordinary = keyOf(f, f.vault(BACKUP, REGION, "ordinary"));
        for (ObjectNode k : List.of(external, ordinary)) {
            k.put("Policy", "{\"Statement\":[" + OWN + "," + grant + "]}");
        }
        ((ObjectNode) external.get("KeyMetadata")).put("Origin", "EXTERNAL");
        List<Result> results = f.run(check);
        assertThat(about(results, arnOfKey(external)).status()).isEqualTo(Status.FAIL);
        assertThat(about(results, arnOfKey(ordinary)).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("edge: recovery points in a backup-account vault that kept a production key: that key is judged; the fix copies them out (a copy takes the destination vault's key)")
    void recoveryPointsUnderAProductionKey() {
        EstateFixture f = new EstateFixture();
        ObjectNode prodKey = f.key(PROD, REGION);
        ObjectNode vault = f.vault(BACKUP, REGION, "central");
        ObjectNode point = f.point(vault, EstateFixture.volume(PROD, REGION, "0abc"), EstateFixture.NOW.minus(java.time.Duration.ofDays(1)));
        point.put("EncryptionKeyArn", arnOfKey(prodKey));
        List<Result> results = f.run(check);
        Result r = about(results, arnOfKey(prodKey));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.remediation().awsCli()).startsWith("aws backup start-copy-job --region eu-west-1 --recovery-point-arn "
                + point.get("RecoveryPointArn").asText() + " --source-backup-vault-name central");
        assertThat(about(results, arnOfKey(keyOf(f, vault))).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("edge: an air-gapped vault keyed by a production key fails with a new key and a new vault as the fix; a production vault gives no result; an unread policy is UNKNOWN")
    void scopeAndRelocation() {
        EstateFixture f = new EstateFixture();
        ObjectNode prodKey = f.key(PROD, REGION);
        ObjectNode lag = f.airGappedVault(PROD, REGION, "air-gapped");
        lag.put("EncryptionKeyType", "CUSTOMER_MANAGED_KMS_KEY").put("EncryptionKeyArn", arnOfKey(prodKey));
        ObjectNode local = keyOf(f, f.vault(PROD, REGION, "local"));
        ObjectNode unread = keyOf(f, f.vault(BACKUP, REGION, "unread"));
        unread.remove("Policy");
        List<Result> results = f.run(check);
        Result r = about(results, arnOfKey(prodKey));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().field("ProtectsVaults")).contains("backup-vault:air-gapped");
        assertThat(r.remediation().awsCli()).contains("aws kms create-key").contains("aws backup create-logically-air-gapped-backup-vault");
        assertThat(results).noneMatch(x -> x.resourceArn().equals(arnOfKey(local)));
        assertThat(about(results, arnOfKey(unread)).status()).isEqualTo(Status.UNKNOWN);
    }
}
