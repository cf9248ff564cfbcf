package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RST-07. The AWS pages that decide it:
 * AWS Backup Audit Manager's "last recovery point was created" control, whose maximum age is a parameter
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/choosing-controls.html);
 * "ListProtectedResources" (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ListProtectedResources.html): every resource with
 * recovery points is listed, whatever their status, and carries no state of its own;
 * "CloseAccount" (https://docs.aws.amazon.com/organizations/latest/APIReference/API_CloseAccount.html): a closed account's resources are
 * out of reach for 90 days.
 */
class Rst07StaleLastBackupTest {
    static final String VOL = EstateFixture.volume(PROD, REGION, "0rst");
    final Rst07StaleLastBackup check = new Rst07StaleLastBackup();

    @Test
    @DisplayName("FAIL MEDIUM: the last backup is 27 hours old (https://docs.aws.amazon.com/aws-backup/latest/devguide/choosing-controls.html)")
    void flagsABackupOlderThan26Hours() {
        EstateFixture f = new EstateFixture();
        f.resource(PROD, REGION, VOL).put("LastBackupTime", NOW.minus(Duration.ofHours(27)).toString());
        Result r = about(f.run(check), VOL);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    @DisplayName("PASS: the last backup is exactly 26 hours old (https://docs.aws.amazon.com/aws-backup/latest/devguide/choosing-controls.html)")
    void passesABackupWithin26Hours() {
        EstateFixture f = new EstateFixture();
        f.resource(PROD, REGION, VOL).put("LastBackupTime", NOW.minus(Duration.ofHours(26)).toString());
        assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("Edge: a resource with no LastBackupTime fails (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ListProtectedResources.html)")
    void flagsAResourceWithNoBackupTime() {
        EstateFixture f = new EstateFixture();
        f.resource(PROD, REGION, VOL).remove("LastBackupTime");
        assertThat(about(f.run(check), VOL).evidence().summary()).isEqualTo("The resource has no backup time");
    }

    @Test
    @DisplayName("No result: a resource whose account is SUSPENDED, PENDING_CLOSURE or CLOSED is not active "
            + "(https://docs.aws.amazon.com/organizations/latest/APIReference/API_CloseAccount.html)")
    void inactiveResourcesGiveNoResult() {
        for (String state : new String[] {"SUSPENDED", "PENDING_CLOSURE", "CLOSED"}) {
            EstateFixture f = new EstateFixture();
            f.resource(PROD, REGION, VOL).put("LastBackupTime", NOW.minus(Duration.ofDays(60)).toString());
            f.account(PROD).put("State", state);
            assertThat(f.run(check)).as(state).isEmpty();
        }
    }
}
