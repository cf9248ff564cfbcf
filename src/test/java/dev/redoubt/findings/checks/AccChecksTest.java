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

/** ACC-07, 08, 11: a failing case, a passing case and an edge case each (ACC-01, 02, 03, 05, 12: their own *Test classes). */
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

    @Nested
    class Acc08 {
        final Acc08NoVaultNotifications check = new Acc08NoVaultNotifications();

        @Test
        void flagsMissingNotificationsAndMissingEvents() {
            EstateFixture f = new EstateFixture();
            ObjectNode none = f.vault(BACKUP, REGION, "none");
            none.putNull("Notifications");
            ObjectNode partial = f.vault(BACKUP, REGION, "partial");
            ((ObjectNode) partial.get("Notifications")).putArray("BackupVaultEvents").add("BACKUP_JOB_FAILED");
            List<Result> results = f.run(check);
            assertThat(about(results, arnOf(none)).status()).isEqualTo(Status.FAIL);
            Result r = about(results, arnOf(partial));
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.evidence().summary()).contains("RECOVERY_POINT_MODIFIED");
        }

        @Test
        void passesTamperingAndFailureEvents() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            assertThat(about(f.run(check), arnOf(v)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void isUnknownWhenNotificationsWereNotRead() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.remove("Notifications");
            assertThat(about(f.run(check), arnOf(v)).status()).isEqualTo(Status.UNKNOWN);
        }
    }

    @Nested
    class Acc11 {
        final Acc11NoReportPlan check = new Acc11NoReportPlan();
        final String account = EstateFixture.accountArn(BACKUP);

        @Test
        void flagsARegionWithVaultsAndNoReportPlan() {
            EstateFixture f = new EstateFixture();
            f.vault(BACKUP, REGION, "v");
            f.region(BACKUP, REGION).putArray("ReportPlans");
            Result r = about(f.run(check), account);
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.region()).isEqualTo(REGION);
        }

        @Test
        void passesARegionWithAReportPlan() {
            EstateFixture f = new EstateFixture();
            f.vault(BACKUP, REGION, "v");
            assertThat(about(f.run(check), account).status()).isEqualTo(Status.PASS);
        }

        @Test
        void skipsRegionsWithoutBackupsAndUsesTheIamRootWithoutOrganization() {
            EstateFixture f = new EstateFixture();
            f.region(PROD, REGION).putArray("ReportPlans");
            f.vault(BACKUP, REGION, "v");
            f.root().remove("Organization");
            List<Result> results = f.run(check);
            assertThat(results).extracting(Result::resourceArn).containsExactly("arn:aws:iam::" + BACKUP + ":root");
        }
    }
}
