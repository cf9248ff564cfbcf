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
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Status;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** ACC-07: a failing case, a passing case and an edge case (the other ACC checks: their own *Test classes). */
class AccChecksTest {
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
