package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.ORG;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ACC-03 as the catalogue reads it. AWS Backup refuses cross-account access to a vault for every
 * action but backup:CopyIntoBackupVault ("Vault access policies",
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html), so a
 * destructive action to "*" opens it to the vault's own account, and CopyIntoBackupVault is the one
 * action outsiders can use. Principals and conditions as IAM evaluates them: "AWS JSON policy
 * elements: Principal" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html) and
 * "IAM JSON policy elements: Condition operators" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
 */
class Acc03VaultPolicyOutsideOrganizationTest {
    final Acc03VaultPolicyOutsideOrganization check = new Acc03VaultPolicyOutsideOrganization();

    Result judge(String... statements) {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        v.put("AccessPolicy", "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}");
        return about(f.run(check), arnOf(v));
    }

    static String allow(String principal, String action, String condition) {
        return "{\"Sid\":\"Grant\",\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":" + action + ",\"Resource\":\"*\""
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    @Test
    @DisplayName("fails: a destructive action allowed to \"*\" (every principal of the vault's account), or backup:* to a whole account")
    void failsDestructiveActionsToEveryoneOrAWholeAccount() {
        Result everyone = judge(allow("\"*\"", "\"backup:DeleteRecoveryPoint\"", null));
        assertThat(everyone.status()).isEqualTo(Status.FAIL);
        assertThat(everyone.evidence().summary()).isEqualTo("Grant allows backup:DeleteRecoveryPoint to \"*\": every principal of the vault's account "
                + BACKUP + " may backup:DeleteRecoveryPoint");
        assertThat(everyone.evidence().field("Rationale")).contains("every action but backup:CopyIntoBackupVault").contains("create-a-vault-access-policy.html");
        Result account = judge(allow("{\"AWS\":\"arn:aws:iam::" + PROD + ":root\"}", "\"backup:*\"", null));
        assertThat(account.status()).isEqualTo(Status.FAIL);
        assertThat(account.evidence().summary()).contains("Grant allows backup:* to arn:aws:iam::" + PROD + ":root: every principal of account " + PROD)
                .contains("backup:DeleteBackupVaultLockConfiguration")
                .contains("AWS refuses this cross-account access today");
        assertThat(judge(allow("{\"AWS\":\"" + BACKUP + "\"}", "\"backup:UpdateRecoveryPointLifecycle\"", null)).status()).isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("fails: CopyIntoBackupVault to an account outside the organization, or to \"*\" without a condition naming the organization")
    void failsCopiesFromOutsideTheOrganization() {
        Result foreign = judge(allow("{\"AWS\":\"arn:aws:iam::210987654321:root\"}", "\"backup:CopyIntoBackupVault\"", null));
        assertThat(foreign.status()).isEqualTo(Status.FAIL);
        assertThat(foreign.evidence().summary()).contains("any principal of account 210987654321 (account 210987654321 is outside the organization)");
        assertThat(judge(allow("\"*\"", "\"backup:CopyIntoBackupVault\"", null)).evidence().summary())
                .contains("principals of any account outside the organization");
        assertThat(judge(allow("\"*\"", "\"backup:CopyIntoBackupVault\"", "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-someoneelse\"}}")).status())
                .as("another organization").isEqualTo(Status.FAIL);
        assertThat(judge(allow("\"*\"", "\"backup:CopyIntoBackupVault\"", "{\"StringLike\":{\"aws:PrincipalOrgID\":\"o-*\"}}")).status())
                .as("a wildcard organization").isEqualTo(Status.FAIL);
        assertThat(judge(allow("\"*\"", "\"backup:CopyIntoBackupVault\"", "{\"StringEqualsIfExists\":{\"aws:PrincipalOrgID\":\"" + ORG + "\"}}")).status())
                .as("IfExists holds for a principal in no organization (IAM Condition operators page)").isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("passes: copies from organization accounts, \"*\" confined by aws:PrincipalOrgID or aws:PrincipalOrgPaths, non-destructive actions, no policy")
    void passesWhatStaysInTheOrganization() {
        assertThat(judge(allow("{\"AWS\":\"arn:aws:iam::" + PROD + ":root\"}", "\"backup:CopyIntoBackupVault\"", null)).status()).isEqualTo(Status.PASS);
        assertThat(judge(allow("\"*\"", "\"backup:CopyIntoBackupVault\"", "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"" + ORG + "\"}}")).status())
                .isEqualTo(Status.PASS);
        Result describe = judge(allow("{\"AWS\":\"*\"}", "[\"backup:DescribeBackupVault\",\"backup:StartRestoreJob\"]", null));
        assertThat(describe.status()).as("not destructive, and refused to other accounts anyway").isEqualTo(Status.PASS);
        assertThat(describe.evidence().field("AllowStatementsToEveryone")).contains("backup:StartRestoreJob");
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        v.putNull("AccessPolicy");
        assertThat(about(f.run(check), arnOf(v)).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("edge: Deny statements count (an Allow to \"*\" denied to all but break-glass passes); a condition naming one role confines \"*\"")
    void denyStatementsAndNamedPrincipalsConfine() {
        String denied = "{\"Sid\":\"DenyDelete\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"backup:DeleteRecoveryPoint\",\"Resource\":\"*\","
                + "\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::" + BACKUP + ":role/BreakGlass\"}}}";
        assertThat(judge(allow("\"*\"", "\"backup:DeleteRecoveryPoint\"", null), denied).status()).isEqualTo(Status.PASS);
        assertThat(judge(allow("\"*\"", "\"backup:DeleteRecoveryPoint\"", "{\"ArnEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::" + BACKUP + ":role/BreakGlass\"}}"))
                .status()).isEqualTo(Status.PASS);
        assertThat(judge(allow("\"*\"", "\"backup:DeleteRecoveryPoint\"", "{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::" + BACKUP + ":role/*\"}}"))
                .status()).as("every role of the account").isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("edge: a wildcard inside a principal ARN names nobody (IAM does not expand it: AWS JSON policy elements: Principal)")
    void wildcardPrincipalArnNamesNobody() {
        Result r = judge(allow("{\"AWS\":\"arn:aws:iam::*:root\"}", "\"backup:CopyIntoBackupVault\"", null));
        assertThat(r.status()).isEqualTo(Status.PASS);
    }
}
