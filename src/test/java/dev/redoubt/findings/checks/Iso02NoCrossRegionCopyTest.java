package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.OTHER_REGION;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static dev.redoubt.findings.checks.CopyFixtures.VOL;
import static dev.redoubt.findings.checks.CopyFixtures.copyJob;
import static dev.redoubt.findings.checks.CopyFixtures.local;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ISO-02 (checks.md, "Copies"). The AWS pages that decide it:
 * "Creating backup copies across AWS Regions" (https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-region-backup.html);
 * "Backup and tag copy" (https://docs.aws.amazon.com/aws-backup/latest/devguide/recov-point-create-a-copy.html): which types cannot be copied;
 * "CreateRestoreAccessBackupVault" (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateRestoreAccessBackupVault.html).
 */
class Iso02NoCrossRegionCopyTest {
    final Iso02NoCrossRegionCopy check = new Iso02NoCrossRegionCopy();

    @Test
    @DisplayName("FAIL MEDIUM: copies only in the resource's own region (https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-region-backup.html)")
    void flagsCopiesOnlyInTheSameRegion() {
        EstateFixture f = new EstateFixture();
        local(f);
        copyJob(f, arnOf(f.vault(BACKUP, REGION, "central")), "COMPLETED", Duration.ofDays(1));
        Result r = about(f.run(check), VOL);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    @DisplayName("PASS: a completed copy job into another region (https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-region-backup.html)")
    void passesACopyInAnotherRegion() {
        EstateFixture f = new EstateFixture();
        local(f);
        copyJob(f, "arn:aws:backup:" + OTHER_REGION + ":" + BACKUP + ":backup-vault:dr", "COMPLETED", Duration.ofDays(1));
        assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("Edge: an air-gapped vault in another region holds a copy; a restore-access vault there does not "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateRestoreAccessBackupVault.html)")
    void anAirGappedCopyCountsARestoreAccessViewDoesNot() {
        EstateFixture f = new EstateFixture();
        local(f);
        f.point(CopyFixtures.restoreAccessVault(f, PROD, OTHER_REGION, "restore-access"), VOL, NOW.minus(Duration.ofHours(3)));
        assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.FAIL);
        f.point(f.airGappedVault(BACKUP, OTHER_REGION, "lag"), VOL, NOW.minus(Duration.ofHours(3)));
        assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("UNKNOWN: copy jobs could not be listed (checks.md, \"UNKNOWN\")")
    void isUnknownWhenCopyJobsCouldNotBeListed() {
        EstateFixture f = new EstateFixture();
        local(f);
        f.region(PROD, REGION).putArray("ReadErrors").addObject().put("Scope", PROD + "/" + REGION).put("Operation", "backup:ListCopyJobs")
                .put("ErrorCode", "AccessDeniedException");
        assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    @DisplayName("No result: an FSx for NetApp ONTAP volume cannot be copied, and a resource of a SUSPENDED account is not active "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/recov-point-create-a-copy.html, "
            + "https://docs.aws.amazon.com/organizations/latest/APIReference/API_CloseAccount.html)")
    void uncopyableTypesAndInactiveResourcesGiveNoResult() {
        EstateFixture f = new EstateFixture();
        f.resource(PROD, REGION, "arn:aws:fsx:" + REGION + ":" + PROD + ":volume/fs-0123456789abcdef0/fsvol-0123456789abcdef0").put("ResourceType", "FSx");
        assertThat(f.run(check)).isEmpty();
        local(f);
        assertThat(f.run(check)).hasSize(1);
        f.account(PROD).put("State", "SUSPENDED");
        assertThat(f.run(check)).isEmpty();
    }
}
