package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.ORG;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOfKey;
import static dev.redoubt.findings.checks.EncChecksTest.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Status;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ENC-07 as the catalogue reads it: "*" without a condition restricting it to this organization
 * fails. The IAM pages that decide: "IAM JSON policy elements: Condition operators"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html)
 * and "AWS global condition context keys"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
 */
class Enc07PublicKeyPolicyTest {
    final Enc07PublicKeyPolicy check = new Enc07PublicKeyPolicy();

    Result judge(String statements) {
        EstateFixture f = new EstateFixture();
        ObjectNode key = keyOf(f, f.vault(BACKUP, REGION, "v"));
        key.put("Policy", "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}");
        return about(f.run(check), arnOfKey(key));
    }

    static String open(String condition) {
        return "{\"Sid\":\"Open\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"kms:Decrypt\",\"kms:CreateGrant\"],\"Resource\":\"*\""
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    @Test
    @DisplayName("fails: {\"AWS\":\"*\"} with no condition, and NotPrincipal with Allow")
    void failsAnAllowToEveryone() {
        Result r = judge(open(null));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).contains("Open").contains("has no condition");
        assertThat(judge("{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::" + BACKUP + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}").status())
                .isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("passes: kms:CallerAccount, aws:PrincipalAccount, aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalArn with this organization's values")
    void passesConditionsNamingThisOrganization() {
        assertThat(judge(open("{\"StringEquals\":{\"kms:ViaService\":\"backup.eu-west-1.amazonaws.com\",\"kms:CallerAccount\":\"" + BACKUP + "\"}}")).status())
                .as("AWS Backup's default statement").isEqualTo(Status.PASS);
        assertThat(judge(open("{\"StringEquals\":{\"aws:PrincipalAccount\":[\"" + BACKUP + "\",\"" + PROD + "\"]}}")).status()).isEqualTo(Status.PASS);
        assertThat(judge(open("{\"StringEquals\":{\"aws:PrincipalOrgID\":\"" + ORG + "\"}}")).status()).isEqualTo(Status.PASS);
        assertThat(judge(open("{\"ForAnyValue:StringLike\":{\"aws:PrincipalOrgPaths\":\"" + ORG + "/r-ab12/ou-ab12-11111111/*\"}}")).status())
                .isEqualTo(Status.PASS);
        Result arn = judge(open("{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::" + BACKUP + ":role/*\"}}"));
        assertThat(arn.status()).isEqualTo(Status.PASS);
        assertThat(arn.evidence().summary()).contains("only with ArnLike aws:PrincipalArn");
    }

    @Test
    @DisplayName("fails: IfExists on aws:PrincipalOrgID (absent for a principal in no organization: Condition operators page) and ForAllValues on it")
    void ifExistsOnAKeyAbsentFromTheCallDoesNotRestrict() {
        Result r = judge(open("{\"StringEqualsIfExists\":{\"aws:PrincipalOrgID\":\"" + ORG + "\"}}"));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).contains("holds when aws:PrincipalOrgID is absent");
        assertThat(judge(open("{\"ForAllValues:StringLike\":{\"aws:PrincipalOrgPaths\":\"" + ORG + "/*\"}}")).status()).isEqualTo(Status.FAIL);
        assertThat(judge(open("{\"StringEqualsIfExists\":{\"aws:SourceAccount\":\"" + BACKUP + "\"}}")).status()).isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("fails: wildcard values (o-*, arn:aws:iam::*:...) in the sensitive keys (global condition context keys page)")
    void wildcardValuesDoNotRestrict() {
        Result org = judge(open("{\"StringLike\":{\"aws:PrincipalOrgID\":\"o-*\"}}"));
        assertThat(org.status()).isEqualTo(Status.FAIL);
        assertThat(org.evidence().summary()).contains("wildcard value");
        assertThat(judge(open("{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/BackupRole\"}}")).status()).isEqualTo(Status.FAIL);
        assertThat(judge(open("{\"StringLike\":{\"kms:CallerAccount\":\"33333333333?\"}}")).status()).isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("fails: kms:ViaService alone, aws:SourceAccount and aws:SourceArn (only service principals' calls carry them), negated operators")
    void conditionsThatDoNotSayWho() {
        Result via = judge(open("{\"StringEquals\":{\"kms:ViaService\":\"backup.eu-west-1.amazonaws.com\"}}"));
        assertThat(via.status()).isEqualTo(Status.FAIL);
        assertThat(via.evidence().summary()).contains("says how the key is used, not who uses it");
        assertThat(judge(open("{\"StringEquals\":{\"aws:SourceAccount\":\"" + BACKUP + "\"}}")).evidence().summary())
                .contains("only service principals' calls carry aws:SourceAccount");
        assertThat(judge(open("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:backup:eu-west-1:" + BACKUP + ":*\"}}")).status()).isEqualTo(Status.FAIL);
        assertThat(judge(open("{\"StringNotEquals\":{\"aws:PrincipalOrgID\":\"o-someoneelse\"}}")).evidence().summary())
                .contains("negated operator");
    }

    @Test
    @DisplayName("edge: a condition naming an account or organization outside this one fails, even beside this organization's")
    void aConditionNamingOutsidersFails() {
        Result r = judge(open("{\"StringEquals\":{\"kms:CallerAccount\":[\"" + BACKUP + "\",\"210987654321\"]}}"));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).contains("names account 210987654321 (kms:CallerAccount) outside the organization");
        assertThat(judge(open("{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-someoneelse\"}}")).status()).isEqualTo(Status.FAIL);
        assertThat(judge(open("{\"ArnEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::210987654321:role/Vendor\"}}")).status()).isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("edge: a Deny to every principal outside the organization (StringNotEquals aws:PrincipalOrgID) closes an open statement; one on kms:ViaService does not")
    void aDenyOfOutsidersClosesIt() {
        String denyOutsiders = "{\"Sid\":\"DenyOutsideTheOrganization\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalOrgID\":\"" + ORG + "\"}}}";
        Result r = judge(open(null) + "," + denyOutsiders);
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence().summary()).contains("statement DenyOutsideTheOrganization denies").contains("to every principal outside the organization");
        String denyDirect = "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringNotEquals\":{\"kms:ViaService\":\"backup.eu-west-1.amazonaws.com\"}}}";
        assertThat(judge(open(null) + "," + denyDirect).status()).as("a caller chooses the service it calls through").isEqualTo(Status.FAIL);
        String exemptsAnyAdmin = "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/Admin\"}}}";
        assertThat(judge(open(null) + "," + exemptsAnyAdmin).status()).as("any account can name a role Admin").isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("edge: a key whose policy was not read is UNKNOWN")
    void unreadPolicyIsUnknown() {
        EstateFixture f = new EstateFixture();
        ObjectNode unread = keyOf(f, f.vault(BACKUP, REGION, "w"));
        unread.remove("Policy");
        List<Result> results = f.run(check);
        assertThat(about(results, arnOfKey(unread)).status()).isEqualTo(Status.UNKNOWN);
    }
}
