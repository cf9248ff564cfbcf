package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ACC-01 case by case as the AWS Config rule backup-recovery-point-manual-deletion-disabled reads
 * it (https://docs.aws.amazon.com/config/latest/developerguide/backup-recovery-point-manual-deletion-disabled.html:
 * a wildcard is required in the Deny statement's Resource and Principal), and its severity as the
 * AWS Backup Vault Lock page decides it (https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html).
 */
class Acc01ManualDeletionNotDeniedTest {
    static String deny(String principal, String actions, String resource, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"D\",\"Effect\":\"Deny\",\"Principal\":" + principal + ",\"Action\":" + actions
                + ",\"Resource\":" + resource + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    static final String THREE = "[\"backup:DeleteRecoveryPoint\",\"backup:UpdateRecoveryPointLifecycle\",\"backup:PutBackupVaultAccessPolicy\"]";

    final Acc01ManualDeletionNotDenied check = new Acc01ManualDeletionNotDenied();

    /** The fixture's vault: a compliance lock immutable since 200 days; {@code unlocked} removes the lock. */
    Result judge(String policy, boolean unlocked) {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        if (unlocked) {
            v.put("Locked", false).remove(List.of("LockDate", "MinRetentionDays", "MaxRetentionDays"));
        }
        if (policy == null) {
            v.putNull("AccessPolicy");
        } else {
            v.put("AccessPolicy", policy);
        }
        return about(f.run(check), arnOf(v));
    }

    Status judge(String policy) {
        return judge(policy, true).status();
    }

    @Test
    @DisplayName("fails: no policy at all")
    void failsWithNoPolicy() {
        Result r = judge(null, true);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).contains("no access policy");
    }

    @Test
    @DisplayName("passes the Config rule's shapes: Principal \"*\" or {\"AWS\":\"*\"}, Resource \"*\", backup:*, ArnNotEquals/ArnNotLike on aws:PrincipalArn, AWS's aws:userId example")
    void passesTheConfigRulesShapes() {
        assertThat(judge(deny("\"*\"", THREE, "\"*\"", null))).isEqualTo(Status.PASS);
        assertThat(judge(deny("{\"AWS\":\"*\"}", THREE, "\"*\"", null))).isEqualTo(Status.PASS);
        assertThat(judge(deny("\"*\"", "\"backup:*\"", "\"*\"", null))).as("backup:* covers the three").isEqualTo(Status.PASS);
        assertThat(judge(deny("\"*\"", THREE, "[\"*\"]", null))).isEqualTo(Status.PASS);
        assertThat(judge(deny("\"*\"", THREE, "\"*\"", "{\"ArnNotEquals\":{\"aws:PrincipalArn\":[\"arn:aws:iam::1:role/A\"]}}"))).isEqualTo(Status.PASS);
        assertThat(judge(deny("\"*\"", THREE, "\"*\"", "{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/BreakGlass\"}}"))).isEqualTo(Status.PASS);
        // the exemption form of AWS's own vault access policy example: StringNotEquals on aws:userId
        Result userId = judge(deny("\"*\"", THREE, "\"*\"", "{\"StringNotEquals\":{\"aws:userId\":[\"AROAEXAMPLEROLEID:*\",\"" + BACKUP + "\"]}}"), true);
        assertThat(userId.status()).isEqualTo(Status.PASS);
        assertThat(userId.evidence().field("ExemptPrincipals")).contains("AROAEXAMPLEROLEID:*");
    }

    @Test
    @DisplayName("fails: Resource is the vault's ARN only (it does not cover the recovery points DeleteRecoveryPoint acts on)")
    void failsAVaultArnAsResource() {
        Result r = judge(deny("\"*\"", THREE, "\"arn:aws:backup:eu-west-1:" + BACKUP + ":backup-vault:v\"", null), true);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).contains("does not have Resource \"*\"").contains("recovery points");
    }

    @Test
    @DisplayName("fails: an exemption pattern that matches whole accounts (arn:aws:iam::*:*, arn:aws:iam::<acct>:*, aws:userId *)")
    void failsExemptionsOfWholeAccounts() {
        Result any = judge(deny("\"*\"", THREE, "\"*\"", "{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:*\"}}"), true);
        assertThat(any.status()).isEqualTo(Status.FAIL);
        assertThat(any.evidence().summary()).contains("exempts arn:aws:iam::*:*").contains("every account");
        Result one = judge(deny("\"*\"", THREE, "\"*\"", "{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::" + BACKUP + ":*\"}}"), true);
        assertThat(one.status()).isEqualTo(Status.FAIL);
        assertThat(one.evidence().summary()).contains("account " + BACKUP);
        assertThat(judge(deny("\"*\"", THREE, "\"*\"", "{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::" + BACKUP + ":role/*\"}}")))
                .as("every role of the account").isEqualTo(Status.FAIL);
        assertThat(judge(deny("\"*\"", THREE, "\"*\"", "{\"StringNotLike\":{\"aws:userId\":\"*\"}}"))).isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("fails every other shape the Config rule rejects")
    void failsEveryShapeTheConfigRuleRejects() {
        assertThat(judge(deny("\"*\"", "[\"backup:DeleteRecoveryPoint\",\"backup:UpdateRecoveryPointLifecycle\"]", "\"*\"", null)))
                .as("missing PutBackupVaultAccessPolicy").isEqualTo(Status.FAIL);
        assertThat(judge(deny("{\"AWS\":\"arn:aws:iam::1:role/X\"}", THREE, "\"*\"", null))).as("a named principal").isEqualTo(Status.FAIL);
        assertThat(judge(deny("\"*\"", THREE, "\"arn:aws:backup:eu-west-1:1:backup-vault:other\"", null))).as("another resource").isEqualTo(Status.FAIL);
        assertThat(judge(deny("\"*\"", THREE, "\"*\"", "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"x\"}}"))).as("another condition").isEqualTo(Status.FAIL);
        assertThat(judge("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":" + THREE + ",\"Resource\":\"*\"}]}"))
                .as("an Allow").isEqualTo(Status.FAIL);
        assertThat(judge("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"backup:DeleteRecoveryPoint\"],\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"backup:UpdateRecoveryPointLifecycle\",\"backup:PutBackupVaultAccessPolicy\"],\"Resource\":\"*\"}]}"))
                .as("the three actions split over two statements").isEqualTo(Status.FAIL);
        assertThat(judge("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"NotAction\":\"backup:Describe*\",\"Resource\":\"*\"}]}"))
                .as("NotAction").isEqualTo(Status.FAIL);
        assertThat(judge("{\"Statement\":[{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::1:role/A\"},\"Action\":" + THREE + ",\"Resource\":\"*\"}]}"))
                .as("NotPrincipal").isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("severity: HIGH without a lock, or in governance mode, or a compliance lock still in its grace time")
    void highWhenNothingElseBlocksDeletion() {
        assertThat(judge(null, true).severity()).isEqualTo(Severity.HIGH);
        EstateFixture f = new EstateFixture();
        ObjectNode governance = f.vault(BACKUP, REGION, "governance");
        governance.remove("LockDate");
        governance.putNull("AccessPolicy");
        ObjectNode grace = f.vault(BACKUP, REGION, "grace");
        grace.put("LockDate", NOW.plus(Duration.ofDays(2)).toString());
        grace.putNull("AccessPolicy");
        List<Result> results = f.run(check);
        assertThat(about(results, arnOf(governance)).severity()).isEqualTo(Severity.HIGH);
        assertThat(about(results, arnOf(grace)).severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    @DisplayName("severity: LOW when a compliance lock past its LockDate or an air-gapped vault already blocks deletion for everyone, root included (Vault Lock page)")
    void lowWhenVaultLockAlreadyBlocksDeletion() {
        Result locked = judge(null, false);
        assertThat(locked.status()).isEqualTo(Status.FAIL);
        assertThat(locked.severity()).isEqualTo(Severity.LOW);
        assertThat(locked.evidence().field("Severity")).startsWith("LOW").contains("root included").contains("vault-lock.html");
        EstateFixture f = new EstateFixture();
        ObjectNode lag = f.airGappedVault(BACKUP, REGION, "air-gapped");
        lag.putNull("AccessPolicy");
        Result airGapped = about(f.run(check), arnOf(lag));
        assertThat(airGapped.severity()).isEqualTo(Severity.LOW);
        assertThat(airGapped.evidence().field("Severity")).contains("logically air-gapped");
    }

    @Test
    @DisplayName("edge: UNKNOWN when the policy was not read or is not JSON")
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
