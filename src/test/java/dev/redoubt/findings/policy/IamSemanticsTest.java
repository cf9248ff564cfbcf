package dev.redoubt.findings.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The policy evaluator where IAM's documentation decides: principals, NotPrincipal, IfExists and
 * the set operators. Each nested class names the page it follows.
 */
class IamSemanticsTest {
    static final String ACCOUNT = "111122223333";
    static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String ADMIN = "arn:aws:iam::111122223333:role/Admin";
    static final String ADMIN_SESSION = "arn:aws:sts::111122223333:assumed-role/Admin/alice";
    final PolicyEvaluator evaluator = new PolicyEvaluator();

    static PolicyDocument policy(String statements) throws PolicyException {
        return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}");
    }

    static Request session(String roleArn, String sessionName, String account, Map<String, List<String>> ctx) {
        return Request.bySession(roleArn, sessionName, account, "kms:Decrypt", KEY, ctx);
    }

    static Request admin() {
        return session(ADMIN, "alice", ACCOUNT, Map.of());
    }

    static String allow(String principal) {
        return "{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"kms:*\",\"Resource\":\"*\"}";
    }

    @Nested
    @DisplayName("AWS JSON policy elements: Principal, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html")
    class Principals {
        @Test
        @DisplayName("fails: a wildcard inside a principal ARN is not expanded (arn:aws:iam::*:root, role/*)")
        void wildcardsInPrincipalArnsMatchNothing() throws PolicyException {
            Decision anyRoot = evaluator.evaluate(policy(allow("{\"AWS\":\"arn:aws:iam::*:root\"}")), admin());
            assertThat(anyRoot.verdict()).isEqualTo(Decision.Verdict.NOT_ALLOWED);
            assertThat(anyRoot.explanation()).contains("is not named in Principal").contains("IAM does not expand the wildcard in arn:aws:iam::*:root");
            assertThat(evaluator.evaluate(policy(allow("{\"AWS\":\"arn:aws:iam::111122223333:role/*\"}")), admin()).allowed()).isFalse();
            assertThat(evaluator.evaluate(policy(allow("{\"AWS\":\"arn:aws:iam::111122223333:role/Adm?n\"}")), admin()).allowed()).isFalse();
        }

        @Test
        @DisplayName("passes: \"*\" and {\"AWS\":\"*\"} match everyone; a role ARN its sessions; an account ID or :root every principal of the account")
        void namedPrincipalsMatch() throws PolicyException {
            assertThat(evaluator.evaluate(policy(allow("\"*\"")), admin()).allowed()).isTrue();
            assertThat(evaluator.evaluate(policy(allow("{\"AWS\":\"*\"}")), admin()).allowed()).isTrue();
            assertThat(evaluator.evaluate(policy(allow("{\"AWS\":\"" + ADMIN + "\"}")), admin()).allowed()).isTrue();
            assertThat(evaluator.evaluate(policy(allow("{\"AWS\":\"" + ADMIN_SESSION + "\"}")), admin()).allowed()).isTrue();
            assertThat(evaluator.evaluate(policy(allow("{\"AWS\":\"arn:aws:iam::111122223333:root\"}")), admin()).allowed()).isTrue();
            assertThat(evaluator.evaluate(policy(allow("{\"AWS\":\"111122223333\"}")), admin()).allowed()).isTrue();
        }

        @Test
        @DisplayName("edge: a session ARN matches that session only, and another account's root matches nobody here")
        void aSessionArnIsThatSessionOnly() throws PolicyException {
            PolicyDocument p = policy(allow("{\"AWS\":[\"" + ADMIN_SESSION + "\",\"arn:aws:iam::444455556666:root\"]}"));
            assertThat(evaluator.evaluate(p, admin()).allowed()).isTrue();
            assertThat(evaluator.evaluate(p, session(ADMIN, "bob", ACCOUNT, Map.of())).allowed()).isFalse();
        }
    }

    @Nested
    @DisplayName("AWS JSON policy elements: NotPrincipal, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html")
    class NotPrincipals {
        static String denyAllBut(String... names) {
            return "{\"Sid\":\"D\",\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"" + String.join("\",\"", names) + "\"]},\"Action\":\"kms:*\",\"Resource\":\"*\"}";
        }

        @Test
        @DisplayName("fails: the role's ARN (and its account) alone does not exempt the role's assumed-role sessions")
        void aRoleArnDoesNotExemptItsSessions() throws PolicyException {
            Decision d = evaluator.evaluate(policy(denyAllBut(ADMIN, "arn:aws:iam::111122223333:root")), admin());
            assertThat(d.explicitlyDenied()).isTrue();
            assertThat(d.explanation()).contains("does not list the session " + ADMIN_SESSION);
        }

        @Test
        @DisplayName("passes: the account, the role and the session ARN listed: the session is left out")
        void theSessionListedWithRoleAndAccountIsExempt() throws PolicyException {
            Decision d = evaluator.evaluate(policy(denyAllBut(ADMIN_SESSION, ADMIN, "arn:aws:iam::111122223333:root")), admin());
            assertThat(d.explicitlyDenied()).isFalse();
            assertThat(d.explanation()).contains("is excluded by NotPrincipal");
        }

        @Test
        @DisplayName("edge: without the account ARN the session is still denied; another session of the same role is denied")
        void theAccountMustBeListedToo() throws PolicyException {
            assertThat(evaluator.evaluate(policy(denyAllBut(ADMIN_SESSION, ADMIN)), admin()).explicitlyDenied()).isTrue();
            assertThat(evaluator.evaluate(policy(denyAllBut(ADMIN_SESSION, ADMIN, "111122223333")), session(ADMIN, "bob", ACCOUNT, Map.of()))
                    .explicitlyDenied()).isTrue();
        }
    }

    @Nested
    @DisplayName("IAM JSON policy elements: Condition operators (IfExists), https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html")
    class IfExists {
        static String allowIf(String operator, String key, String value) {
            return "{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\",\"Condition\":{\"" + operator
                    + "\":{\"" + key + "\":\"" + value + "\"}}}";
        }

        @Test
        @DisplayName("passes (holds): ...IfExists is true when the key is absent from the request context")
        void holdsWhenTheKeyIsAbsent() throws PolicyException {
            PolicyDocument p = policy(allowIf("StringEqualsIfExists", "aws:PrincipalOrgID", "o-abc123"));
            assertThat(evaluator.evaluate(p, admin()).allowed()).as("a principal in no organization").isTrue();
            assertThat(evaluator.evaluate(policy(allowIf("StringEquals", "aws:PrincipalOrgID", "o-abc123")), admin()).allowed())
                    .as("without IfExists the absent key does not match").isFalse();
        }

        @Test
        @DisplayName("fails (does not hold): ...IfExists compares the value when the key is present")
        void comparesWhenPresent() throws PolicyException {
            PolicyDocument p = policy(allowIf("StringEqualsIfExists", "aws:PrincipalOrgID", "o-abc123"));
            assertThat(evaluator.evaluate(p, session(ADMIN, "alice", ACCOUNT, Map.of("aws:PrincipalOrgID", List.of("o-other")))).allowed()).isFalse();
            assertThat(evaluator.evaluate(p, session(ADMIN, "alice", ACCOUNT, Map.of("aws:PrincipalOrgID", List.of("o-abc123")))).allowed()).isTrue();
        }

        @Test
        @DisplayName("edge: ArnNotLikeIfExists and a negated operator hold on an absent key; Null checks presence")
        void negatedAndNull() throws PolicyException {
            assertThat(evaluator.evaluate(policy(allowIf("ArnNotLikeIfExists", "aws:SourceArn", "arn:aws:s3:::x")), admin()).allowed()).isTrue();
            assertThat(evaluator.evaluate(policy(allowIf("StringNotEquals", "aws:SourceAccount", "111122223333")), admin()).allowed()).isTrue();
            assertThat(evaluator.evaluate(policy(allowIf("Null", "aws:SourceAccount", "false")), admin()).allowed()).isFalse();
        }
    }

    @Nested
    @DisplayName("Set operators for multivalued context keys, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html")
    class SetOperators {
        static final String TAGS = "aws:TagKeys";

        static String allowIf(String operator, String... values) {
            return "{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\",\"Condition\":{\"" + operator
                    + "\":{\"" + TAGS + "\":[\"" + String.join("\",\"", values) + "\"]}}}";
        }

        Request withTags(String... tags) {
            Map<String, List<String>> ctx = new HashMap<>();
            ctx.put(TAGS, List.of(tags));
            return session(ADMIN, "alice", ACCOUNT, ctx);
        }

        @Test
        @DisplayName("ForAnyValue: true when at least one request value matches; false when none does")
        void forAnyValue() throws PolicyException {
            PolicyDocument p = policy(allowIf("ForAnyValue:StringEquals", "team", "env"));
            assertThat(evaluator.evaluate(p, withTags("owner", "team")).allowed()).isTrue();
            assertThat(evaluator.evaluate(p, withTags("owner", "cost")).allowed()).isFalse();
        }

        @Test
        @DisplayName("ForAllValues: true when every request value matches; false when one does not")
        void forAllValues() throws PolicyException {
            PolicyDocument p = policy(allowIf("ForAllValues:StringLike", "team", "env*"));
            assertThat(evaluator.evaluate(p, withTags("team", "environment")).allowed()).isTrue();
            assertThat(evaluator.evaluate(p, withTags("team", "owner")).allowed()).isFalse();
        }

        @Test
        @DisplayName("edge: key absent or empty: ForAllValues is true, ForAnyValue false (IfExists does not change that)")
        void absentOrEmpty() throws PolicyException {
            assertThat(evaluator.evaluate(policy(allowIf("ForAllValues:StringEquals", "team")), admin()).allowed()).isTrue();
            assertThat(evaluator.evaluate(policy(allowIf("ForAllValues:StringEquals", "team")), withTags()).allowed()).isTrue();
            Decision any = evaluator.evaluate(policy(allowIf("ForAnyValue:StringEquals", "team")), admin());
            assertThat(any.allowed()).isFalse();
            assertThat(any.explanation()).contains("ForAnyValue needs a value");
            assertThat(evaluator.evaluate(policy(allowIf("ForAnyValue:StringEquals", "team")), withTags()).allowed()).isFalse();
            assertThat(evaluator.evaluate(policy(allowIf("ForAnyValue:StringEqualsIfExists", "team")), admin()).allowed()).isFalse();
            assertThat(evaluator.evaluate(policy(allowIf("ForAnyValue:StringNotEquals", "team")), withTags("team", "owner")).allowed())
                    .as("ForAnyValue:StringNotEquals: one value (owner) is not team").isTrue();
            assertThat(evaluator.evaluate(policy(allowIf("ForAllValues:StringNotEquals", "team")), withTags("team", "owner")).allowed())
                    .as("ForAllValues:StringNotEquals: team is team").isFalse();
        }
    }

    @Nested
    @DisplayName("Probes: the principals of an account a policy could let in")
    class ProbesOfAnAccount {
        @Test
        @DisplayName("a generic role session, literal principal ARNs of the account, and aws:PrincipalArn patterns filled in")
        void witnesses() throws PolicyException {
            PolicyDocument p = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"" + ADMIN + "\",\"arn:aws:iam::444455556666:role/Other\",\"arn:aws:iam::111122223333:role/Wild*\"]},"
                    + "\"Action\":\"kms:*\",\"Resource\":\"*\",\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":[\"arn:aws:iam::*:role/KeyAdmin*\",\"arn:aws:iam::999988887777:user/u\"]}}}");
            List<Request> probes = Probes.principalsOf(p, ACCOUNT, "o-abc123", "kms:Decrypt", KEY);
            assertThat(probes).extracting(Request::principalArn).containsExactly(Probes.anyRole(ACCOUNT), ADMIN,
                    "arn:aws:iam::111122223333:role/KeyAdminx");
            assertThat(probes.get(0).value("aws:PrincipalOrgID")).containsExactly("o-abc123");
            assertThat(probes.get(0).value("kms:CallerAccount")).containsExactly(ACCOUNT);
            assertThat(probes.get(0).value("aws:SourceAccount")).as("a direct call carries no aws:SourceAccount").isNull();
        }
    }
}
