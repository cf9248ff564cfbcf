package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** ACC-01, 02, 03, 05, 07: a failing case, a passing case and an edge case each. ACC-01 case by case as the Config rule. */
class AccChecksTest {
    static String deny(String principal, String actions, String resource, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"D\",\"Effect\":\"Deny\",\"Principal\":" + principal + ",\"Action\":" + actions
                + ",\"Resource\":" + resource + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    static final String THREE = "[\"backup:DeleteRecoveryPoint\",\"backup:UpdateRecoveryPointLifecycle\",\"backup:PutBackupVaultAccessPolicy\"]";

    @Nested
    class Acc01 {
        final Acc01ManualDeletionNotDenied check = new Acc01ManualDeletionNotDenied();

        Status judge(String policy) {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            if (policy == null) {
                v.putNull("AccessPolicy");
            } else {
                v.put("AccessPolicy", policy);
            }
            return about(f.run(check), arnOf(v)).status();
        }

        @Test
        void failsWithNoPolicy() {
            assertThat(judge(null)).isEqualTo(Status.FAIL);
        }

        @Test
        void passesTheConfigRulesShapes() {
            assertThat(judge(deny("\"*\"", THREE, "\"*\"", null))).isEqualTo(Status.PASS);
            assertThat(judge(deny("{\"AWS\":\"*\"}", THREE, "\"*\"", null))).isEqualTo(Status.PASS);
            assertThat(judge(deny("\"*\"", "\"backup:*\"", "\"*\"", null))).as("backup:* covers the three").isEqualTo(Status.PASS);
            assertThat(judge(deny("\"*\"", THREE, "\"arn:aws:backup:eu-west-1:" + BACKUP + ":backup-vault:v\"", null))).as("the vault's ARN").isEqualTo(Status.PASS);
            assertThat(judge(deny("\"*\"", THREE, "\"*\"", "{\"ArnNotEquals\":{\"aws:PrincipalArn\":[\"arn:aws:iam::1:role/A\"]}}"))).isEqualTo(Status.PASS);
            assertThat(judge(deny("\"*\"", THREE, "\"*\"", "{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/BreakGlass\"}}"))).isEqualTo(Status.PASS);
        }

        @Test
        void failsEveryShapeTheConfigRuleRejects() {
            assertThat(judge(deny("\"*\"", "[\"backup:DeleteRecoveryPoint\",\"backup:UpdateRecoveryPointLifecycle\"]", "\"*\"", null)))
                    .as("missing PutBackupVaultAccessPolicy").isEqualTo(Status.FAIL);
            assertThat(judge(deny("{\"AWS\":\"arn:aws:iam::1:role/X\"}", THREE, "\"*\"", null))).as("a named principal").isEqualTo(Status.FAIL);
            assertThat(judge(deny("\"*\"", THREE, "\"arn:aws:backup:eu-west-1:1:backup-vault:other\"", null))).as("another resource").isEqualTo(Status.FAIL);
            assertThat(judge(deny("\"*\"", THREE, "\"*\"", "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"x\"}}"))).as("another condition").isEqualTo(Status.FAIL);
            assertThat(judge(THREE.isEmpty() ? null : "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":" + THREE + ",\"Resource\":\"*\"}]}"))
                    .as("an Allow").isEqualTo(Status.FAIL);
            assertThat(judge("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"backup:DeleteRecoveryPoint\"],\"Resource\":\"*\"},"
                    + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"backup:UpdateRecoveryPointLifecycle\",\"backup:PutBackupVaultAccessPolicy\"],\"Resource\":\"*\"}]}"))
                    .as("the three actions split over two statements").isEqualTo(Status.FAIL);
            assertThat(judge("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"NotAction\":\"backup:Describe*\",\"Resource\":\"*\"}]}"))
                    .as("NotAction").isEqualTo(Status.FAIL);
        }

        @Test
        void isUnknownWhenThePolicyWasNotReadOrIsNotJson() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.remove("AccessPolicy");
            ObjectNode w = f.vault(BACKUP, REGION, "w");
            w.put("AccessPolicy", "{not json");
            List<Result> results = f.run(check);
            assertThat(about(results, arnOf(v)).status()).isEqualTo(Status.UNKNOWN);
            assertThat(about(results, arnOf(w)).status()).isEqualTo(Status.UNKNOWN);
        }
    }

    @Nested
    class Acc02 {
        final Acc02VaultAdministrationOpen check = new Acc02VaultAdministrationOpen();

        @Test
        void flagsAPolicyThatDeniesOnlyDeletionOfRecoveryPoints() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.put("AccessPolicy", deny("\"*\"", THREE, "\"*\"", null));
            Result r = about(f.run(check), arnOf(v));
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.evidence().summary()).contains("backup:DeleteBackupVault");
            assertThat(r.evidence().field("Decisions")).contains("no statement allows or denies");
        }

        @Test
        void passesADenyToAllButBreakGlass() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            Result r = about(f.run(check), arnOf(v));
            assertThat(r.status()).isEqualTo(Status.PASS);
            assertThat(r.evidence().field("ExemptPrincipals")).contains("role/BreakGlass");
            assertThat(r.evidence().field("Decisions")).contains("denied by statement DenyDelete");
        }

        @Test
        void failsWhenTheExemptionCoversEveryRole() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.put("AccessPolicy", deny("\"*\"", "\"backup:*\"", "\"*\"", "{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/*\"}}"));
            Result r = about(f.run(check), arnOf(v));
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.evidence().field("Decisions")).contains("is exempted by ArnNotLike aws:PrincipalArn");
        }
    }

    @Nested
    class Acc03 {
        final Acc03VaultPolicyOutsideOrganization check = new Acc03VaultPolicyOutsideOrganization();

        Status judge(String allowStatement) {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.put("AccessPolicy", "{\"Statement\":[" + allowStatement + "]}");
            return about(f.run(check), arnOf(v)).status();
        }

        @Test
        void flagsAnAllowToAForeignAccountOrToEveryone() {
            assertThat(judge("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::210987654321:root\"},\"Action\":\"backup:CopyIntoBackupVault\",\"Resource\":\"*\"}"))
                    .isEqualTo(Status.FAIL);
            assertThat(judge("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"backup:StartRestoreJob\",\"Resource\":\"*\"}")).isEqualTo(Status.FAIL);
        }

        @Test
        void passesAllowsWithinTheOrganization() {
            assertThat(judge("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + PROD + ":root\"},\"Action\":\"backup:CopyIntoBackupVault\",\"Resource\":\"*\"}"))
                    .isEqualTo(Status.PASS);
            assertThat(judge("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"backup:CopyIntoBackupVault\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"" + EstateFixture.ORG + "\"}}}")).isEqualTo(Status.PASS);
        }

        @Test
        void aConditionNamingAnotherOrganizationDoesNotConfineAndNoPolicyPasses() {
            assertThat(judge("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"backup:CopyIntoBackupVault\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-someoneelse\"}}}")).isEqualTo(Status.FAIL);
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.putNull("AccessPolicy");
            assertThat(about(f.run(check), arnOf(v)).status()).isEqualTo(Status.PASS);
        }
    }

    @Nested
    class Acc05 {
        final Acc05WorkloadAccountCanDecrypt check = new Acc05WorkloadAccountCanDecrypt();

        @Test
        void flagsAKeyThatDelegatesDecryptToTheProductionRoot() {
            EstateFixture f = new EstateFixture();
            ObjectNode key = keyOf(f, f.vault(BACKUP, REGION, "v"));
            key.put("Policy", "{\"Statement\":[{\"Sid\":\"Own\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + BACKUP + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                    + "{\"Sid\":\"Shop\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + PROD + ":root\"},\"Action\":[\"kms:Decrypt\",\"kms:ReEncrypt*\"],\"Resource\":\"*\"}]}");
            Result r = about(f.run(check), arnOfKey(key));
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.evidence().summary()).contains("Shop delegates").contains(PROD);
        }

        @Test
        void passesAKeyOfTheBackupAccountOnly() {
            EstateFixture f = new EstateFixture();
            ObjectNode key = keyOf(f, f.vault(BACKUP, REGION, "v"));
            assertThat(about(f.run(check), arnOfKey(key)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void followsTheAccountRoleSettingAndFlagsAnyPrincipalWithoutAccountCondition() {
            EstateFixture f = new EstateFixture();
            ObjectNode key = keyOf(f, f.vault(PROD, REGION, "local"));
            FindingsSettings asBackup = new FindingsSettings(Map.of(), Map.of(PROD, AccountType.BACKUP), Map.of());
            assertThat(about(f.run(check), arnOfKey(key)).status()).as("production by its OU").isEqualTo(Status.FAIL);
            assertThat(about(f.run(check, asBackup), arnOfKey(key)).status()).as("overridden to backup").isEqualTo(Status.PASS);
            ObjectNode open = keyOf(f, f.vault(BACKUP, REGION, "open"));
            open.put("Policy", "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}");
            assertThat(about(f.run(check), arnOfKey(open)).status()).isEqualTo(Status.FAIL);
        }
    }

    @Nested
    class Acc07 {
        final Acc07ForeignKeyGrants check = new Acc07ForeignKeyGrants();

        @Test
        void flagsAGrantToANonBackupRole() {
            EstateFixture f = new EstateFixture();
            ObjectNode key = keyOf(f, f.vault(BACKUP, REGION, "v"));
            key.withArray("Grants").addObject().put("GrantId", "g1").put("GranteePrincipal", "arn:aws:iam::" + BACKUP + ":role/reporting-export")
                    .putArray("Operations").add("Decrypt");
            Result r = about(f.run(check), arnOfKey(key));
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.remediation().awsCli()).contains("aws kms revoke-grant").contains("--grant-id g1");
        }

        @Test
        void passesGrantsToAwsBackupsServiceLinkedRole() {
            EstateFixture f = new EstateFixture();
            ObjectNode key = keyOf(f, f.vault(BACKUP, REGION, "v"));
            key.withArray("Grants").addObject().put("GrantId", "g1")
                    .put("GranteePrincipal", "arn:aws:iam::" + BACKUP + ":role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup");
            assertThat(about(f.run(check), arnOfKey(key)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void isUnknownWhenGrantsWereNotRead() {
            EstateFixture f = new EstateFixture();
            ObjectNode key = keyOf(f, f.vault(BACKUP, REGION, "v"));
            key.remove("Grants");
            assertThat(about(f.run(check), arnOfKey(key)).status()).isEqualTo(Status.UNKNOWN);
        }
    }
}
