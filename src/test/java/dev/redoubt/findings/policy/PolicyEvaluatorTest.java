package dev.redoubt.findings.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    private static final String VAULT = "arn:aws:backup:eu-west-1:111122223333:backup-vault:central";
    private static final String OPS = "arn:aws:iam::111122223333:role/Ops";
    private static final String BREAK_GLASS = "arn:aws:iam::111122223333:role/BreakGlass";
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    private static PolicyDocument policy(String statements) throws PolicyException {
        return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}");
    }

    private Decision as(String principal, String action, PolicyDocument p) {
        return evaluator.evaluate(p, Request.byPrincipal(principal, principal.split(":")[4], action, VAULT, Map.of()));
    }

    @Test
    void explainsADenyAndAnExemption() throws PolicyException {
        PolicyDocument p = policy("{\"Sid\":\"DenyDelete\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"backup:Delete*\",\"Resource\":\"*\","
                + "\"Condition\":{\"ArnNotEquals\":{\"aws:PrincipalArn\":[\"" + BREAK_GLASS + "\"]}}}");
        Decision ops = as(OPS, "backup:DeleteRecoveryPoint", p);
        assertThat(ops.explicitlyDenied()).isTrue();
        assertThat(ops.explanation()).isEqualTo("denied by statement DenyDelete");
        Decision bg = as(BREAK_GLASS, "backup:DeleteRecoveryPoint", p);
        assertThat(bg.verdict()).isEqualTo(Decision.Verdict.NOT_ALLOWED);
        assertThat(bg.explanation()).contains("statement DenyDelete does not apply: principal " + BREAK_GLASS + " is exempted by ArnNotEquals aws:PrincipalArn");
    }

    @Test
    void anExplicitDenyWinsOverAnAllow() throws PolicyException {
        PolicyDocument p = policy("{\"Sid\":\"AllowAll\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"backup:*\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"NoDelete\",\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"backup:DeleteBackupVault\",\"Resource\":\"" + VAULT + "\"}");
        assertThat(as(OPS, "backup:DeleteBackupVault", p).explanation()).startsWith("denied by statement NoDelete");
        Decision read = as(OPS, "backup:DescribeBackupVault", p);
        assertThat(read.allowed()).as("the account root principal covers the account's roles").isTrue();
        assertThat(read.explanation()).startsWith("allowed by statement AllowAll");
        assertThat(as("arn:aws:iam::999999999999:role/X", "backup:DescribeBackupVault", p).verdict()).isEqualTo(Decision.Verdict.NOT_ALLOWED);
    }

    @Test
    void readsNotActionNotResourceAndNotPrincipal() throws PolicyException {
        // an IAM user left out by NotPrincipal: its ARN and its account's (IAM "NotPrincipal" page)
        String user = "arn:aws:iam::111122223333:user/break-glass";
        PolicyDocument p = policy("{\"Sid\":\"DenyAllButRead\",\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"" + user + "\",\"arn:aws:iam::111122223333:root\"]},"
                + "\"NotAction\":[\"backup:Describe*\",\"backup:List*\"],\"NotResource\":\"arn:aws:backup:*:*:backup-vault:scratch-*\"}");
        assertThat(as(OPS, "backup:DeleteRecoveryPoint", p).explicitlyDenied()).isTrue();
        assertThat(as(OPS, "backup:ListRecoveryPointsByBackupVault", p).explanation()).contains("is not outside NotAction");
        assertThat(as(user, "backup:DeleteRecoveryPoint", p).explanation()).contains("is excluded by NotPrincipal");
        Decision scratch = evaluator.evaluate(p, Request.byPrincipal(OPS, "111122223333", "backup:DeleteRecoveryPoint",
                "arn:aws:backup:eu-west-1:111122223333:backup-vault:scratch-1", Map.of()));
        assertThat(scratch.explanation()).contains("is not outside NotResource");
    }

    @Test
    void actionsCompareWithoutCaseAndWithWildcards() throws PolicyException {
        PolicyDocument p = policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"BACKUP:update?ecoveryPoint*\",\"Resource\":\"*\"}");
        assertThat(as(OPS, "backup:UpdateRecoveryPointLifecycle", p).explicitlyDenied()).isTrue();
        assertThat(as(OPS, "backup:DeleteRecoveryPoint", p).explicitlyDenied()).isFalse();
    }

    @Test
    void evaluatesStringArnBoolAndNullOperatorsWithIfExists() throws PolicyException {
        PolicyDocument tag = policy("{\"Sid\":\"T\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalTag/role\":\"break-glass\"}}}");
        assertThat(as(OPS, "backup:DeleteBackupVault", tag).explicitlyDenied()).as("absent key: a negated operator holds").isTrue();
        Request tagged = Request.byPrincipal(OPS, "111122223333", "backup:DeleteBackupVault", VAULT, Map.of("aws:PrincipalTag/role", List.of("break-glass")));
        assertThat(evaluator.evaluate(tag, tagged).explicitlyDenied()).isFalse();

        PolicyDocument like = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringLike\":{\"aws:PrincipalOrgID\":\"o-abc*\"}}}");
        assertThat(evaluator.evaluate(like, Request.byPrincipal(OPS, "1", "a:b", VAULT, Map.of("aws:PrincipalOrgID", List.of("o-abcdef")))).allowed()).isTrue();
        assertThat(as(OPS, "a:b", like).explanation()).contains("aws:PrincipalOrgID is absent from the request");

        PolicyDocument arnLike = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/Ops\"}}}");
        assertThat(as(OPS, "a:b", arnLike).allowed()).isTrue();
        assertThat(as(BREAK_GLASS, "a:b", arnLike).allowed()).isFalse();

        PolicyDocument bool = policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}");
        assertThat(as(OPS, "a:b", bool).explicitlyDenied()).as("IfExists: absent key holds").isTrue();
        assertThat(evaluator.evaluate(bool, Request.byPrincipal(OPS, "1", "a:b", VAULT, Map.of("aws:MultiFactorAuthPresent", List.of("true"))))
                .explicitlyDenied()).isFalse();

        PolicyDocument nul = policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"Null\":{\"aws:SourceVpc\":\"true\"}}}");
        assertThat(as(OPS, "a:b", nul).explicitlyDenied()).isTrue();
        assertThat(evaluator.evaluate(nul, Request.byPrincipal(OPS, "1", "a:b", VAULT, Map.of("aws:SourceVpc", List.of("vpc-1")))).explicitlyDenied()).isFalse();
    }

    @Test
    void saysWhenItDoesNotUnderstandAnOperator() throws PolicyException {
        PolicyDocument p = policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}}");
        Decision d = evaluator.evaluate(p, Request.byPrincipal(OPS, "1", "a:b", VAULT, Map.of("aws:CurrentTime", List.of("2026-01-01T00:00:00Z"))));
        assertThat(d.explicitlyDenied()).isFalse();
        assertThat(d.explanation()).contains("operator DateGreaterThan is not understood by Redoubt");
    }

    @Test
    void matchesServicePrincipalsAndAcceptsASingleStatementObject() throws PolicyException {
        PolicyDocument p = PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"backup.amazonaws.com\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}}");
        Request backup = new Request(null, null, "backup.amazonaws.com", "kms:Decrypt", "*", Map.of());
        assertThat(evaluator.evaluate(p, backup).allowed()).isTrue();
        assertThat(p.statements().get(0).name()).isEqualTo("#1");
    }

    @Test
    void refusesWhatIsNotAPolicy() {
        assertThatThrownBy(() -> PolicyDocument.parse("{nope")).isInstanceOf(PolicyException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> PolicyDocument.parse("[]")).isInstanceOf(PolicyException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> PolicyDocument.parse("{\"Statement\":[{\"Effect\":\"Maybe\"}]}")).isInstanceOf(PolicyException.class)
                .hasMessageContaining("Effect \"Maybe\"");
    }
}
