package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.MGMT;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static dev.redoubt.findings.checks.CopyFixtures.VOL;
import static dev.redoubt.findings.checks.CopyFixtures.copyAction;
import static dev.redoubt.findings.checks.CopyFixtures.copyJob;
import static dev.redoubt.findings.checks.CopyFixtures.local;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ISO-01 (checks.md, "Copies"). The AWS pages that decide it:
 * "Creating backup copies across AWS accounts" (https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html);
 * "Backup and tag copy" (https://docs.aws.amazon.com/aws-backup/latest/devguide/recov-point-create-a-copy.html): which types cannot be copied;
 * "CreateRestoreAccessBackupVault" (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateRestoreAccessBackupVault.html):
 * a restore-access vault gives temporary access to an air-gapped vault's recovery points, it holds no copy;
 * "DescribeGlobalSettings" (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_DescribeGlobalSettings.html): isCrossAccountBackupEnabled.
 */
class Iso01NoCrossAccountCopyTest {
    final Iso01NoCrossAccountCopy check = new Iso01NoCrossAccountCopy();

    @Test
    @DisplayName("FAIL HIGH: a copy action to the backup account whose copy jobs all failed is \"configured, never completed\", with the failure "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html)")
    void flagsACopyActionThatNeverCompleted() {
        EstateFixture f = new EstateFixture();
        ObjectNode plan = local(f);
        String central = arnOf(f.vault(BACKUP, REGION, "central"));
        copyAction(plan, central);
        copyJob(f, central, "FAILED", Duration.ofHours(5)).put("StatusMessage", "Access denied to the source key");
        Result r = about(f.run(check), VOL);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.HIGH);
        assertThat(r.evidence().summary()).contains("configured, never completed").contains("FAILED").contains("Access denied to the source key");
        assertThat(r.evidence().field("ConfiguredCopyDestinations")).isEqualTo("[" + central + "]");
        assertThat(r.accountId()).isEqualTo(PROD);
    }

    @Test
    @DisplayName("PASS: a COMPLETED copy job into the backup account two days ago "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html)")
    void passesARecentCompletedCopyJob() {
        EstateFixture f = new EstateFixture();
        local(f);
        copyJob(f, "arn:aws:backup:" + REGION + ":" + BACKUP + ":backup-vault:not-scanned", "COMPLETED", Duration.ofDays(2));
        Result r = about(f.run(check), VOL);
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence().summary()).startsWith("Copied to another account: copy job");
    }

    @Test
    @DisplayName("Edge: a copy job older than 7 days fails; a recovery point of the resource in another account's vault, 6 days old, passes (checks.md, \"Copies\"; "
            + "https://docs.aws.amazon.com/aws-backup/latest/devguide/recov-point-create-a-copy.html: copies keep the source's creation date)")
    void aCopyOlderThanTheWindowFailsButARecoveryPointInAnotherAccountPasses() {
        EstateFixture f = new EstateFixture();
        local(f);
        ObjectNode central = f.vault(BACKUP, REGION, "central");
        copyJob(f, "arn:aws:backup:" + REGION + ":" + BACKUP + ":backup-vault:not-scanned", "COMPLETED", Duration.ofDays(8));
        assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.FAIL);
        f.point(central, VOL, NOW.minus(Duration.ofDays(6)));
        assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("Edge: an EXPIRED recovery point, or one past its DeleteAt, is no copy; nor a copy job whose destination point is gone "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/deleting-backups.html)")
    void expiredOrDeletedCopiesAreNoCopies() {
        EstateFixture f = new EstateFixture();
        local(f);
        ObjectNode central = f.vault(BACKUP, REGION, "central");
        f.point(central, VOL, NOW.minus(Duration.ofDays(1))).put("Status", "EXPIRED");
        f.point(central, VOL, NOW.minus(Duration.ofDays(2))).putObject("CalculatedLifecycle").put("DeleteAt", NOW.minus(Duration.ofHours(1)).toString());
        copyJob(f, arnOf(central), "COMPLETED", Duration.ofDays(1)).put("DestinationRecoveryPointArn", "arn:aws:backup:" + REGION + ":" + BACKUP + ":recovery-point:deleted");
        Result r = about(f.run(check), VOL);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).startsWith("No completed, unexpired copy in another account within 7 days");
    }

    @Test
    @DisplayName("Edge: a recovery point seen through a restore-access vault of another account is no copy "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateRestoreAccessBackupVault.html)")
    void aRestoreAccessVaultIsNoCopy() {
        EstateFixture f = new EstateFixture();
        local(f);
        f.point(CopyFixtures.restoreAccessVault(f, BACKUP, REGION, "restore-access"), VOL, NOW.minus(Duration.ofHours(2)));
        assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("No result: types AWS Backup cannot copy (FSx for NetApp ONTAP volumes, Multi-AZ DB clusters, Redshift) "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/recov-point-create-a-copy.html, "
            + "https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-feature-availability.html#features-by-resource)")
    void typesThatCannotBeCopiedGiveNoResult() {
        EstateFixture f = new EstateFixture();
        f.resource(PROD, REGION, "arn:aws:fsx:" + REGION + ":" + PROD + ":volume/fs-0123456789abcdef0/fsvol-0123456789abcdef0").put("ResourceType", "FSx");
        f.resource(PROD, REGION, "arn:aws:rds:" + REGION + ":" + PROD + ":cluster:orders-maz").put("ResourceType", "RDS");
        f.resource(PROD, REGION, "arn:aws:redshift:" + REGION + ":" + PROD + ":cluster:dwh").put("ResourceType", "Redshift");
        String fsxFileSystem = "arn:aws:fsx:" + REGION + ":" + PROD + ":file-system/fs-0fedcba9876543210";
        f.resource(PROD, REGION, fsxFileSystem).put("ResourceType", "FSx");
        assertThat(f.run(check)).extracting(Result::resourceArn).containsExactly(fsxFileSystem);
    }

    @Test
    @DisplayName("No result: a resource of an account that is closing (PENDING_CLOSURE) is not active; ISO-08 reports the account "
            + "(https://docs.aws.amazon.com/organizations/latest/APIReference/API_CloseAccount.html)")
    void inactiveResourcesGiveNoResult() {
        EstateFixture f = new EstateFixture();
        local(f);
        f.account(PROD).put("State", "PENDING_CLOSURE");
        assertThat(f.run(check)).isEmpty();
    }

    @Test
    @DisplayName("FAIL: with isCrossAccountBackupEnabled false in the management account, the evidence says AWS refuses cross-account copies "
            + "and the fix turns it on (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_DescribeGlobalSettings.html)")
    void crossAccountBackupTurnedOffIsInTheEvidence() {
        EstateFixture f = new EstateFixture();
        local(f);
        f.region(MGMT, REGION).with("GlobalSettings").put("isCrossAccountBackupEnabled", "false");
        Result r = about(f.run(check), VOL);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).contains("Cross-account backup is turned off for the organization (isCrossAccountBackupEnabled false in " + MGMT);
        assertThat(r.evidence().field("GlobalSettings.Account")).isEqualTo(MGMT);
        assertThat(r.remediation().awsCli()).contains("update-global-settings --region " + REGION + " --global-settings isCrossAccountBackupEnabled=true");
        f.region(MGMT, REGION).with("GlobalSettings").put("isCrossAccountBackupEnabled", "true");
        assertThat(about(f.run(check), VOL).evidence().summary()).doesNotContain("turned off");
    }

    @Test
    @DisplayName("Edge: a plan whose selection names the resource's ARN configures its copies even before it made a recovery point (checks.md, \"Copies\")")
    void aPlanSelectingTheResourceConfiguresItsCopies() {
        EstateFixture f = new EstateFixture();
        f.resource(PROD, REGION, VOL);
        ObjectNode plan = f.plan(PROD, REGION, "daily");
        plan.withArray("Selections").addObject().putObject("BackupSelection").put("SelectionName", "vols").putArray("Resources").add(VOL);
        copyAction(plan, arnOf(f.vault(BACKUP, REGION, "central")));
        assertThat(about(f.run(check), VOL).evidence().summary()).contains("configured, never completed");
    }
}
