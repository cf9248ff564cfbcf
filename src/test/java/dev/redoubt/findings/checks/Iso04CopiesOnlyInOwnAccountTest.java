package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static dev.redoubt.findings.checks.CopyFixtures.VOL;
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
 * ISO-04. The AWS pages that decide it:
 * "Logically air-gapped vault" (https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html):
 * "a logically air-gapped vault stores its backups in an AWS Backup service owned account", so it is another domain;
 * "CreateRestoreAccessBackupVault" (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateRestoreAccessBackupVault.html):
 * a restore-access vault only gives temporary access to an air-gapped vault's recovery points;
 * "Backup deletion" (https://docs.aws.amazon.com/aws-backup/latest/devguide/deleting-backups.html): EXPIRED recovery points.
 */
class Iso04CopiesOnlyInOwnAccountTest {
    final Iso04CopiesOnlyInOwnAccount check = new Iso04CopiesOnlyInOwnAccount();

    @Test
    @DisplayName("FAIL HIGH: every existing backup is in the production account's standard vaults; a restore-access view in another account changes nothing "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateRestoreAccessBackupVault.html)")
    void flagsAResourceWhoseBackupsAreAllInItsAccount() {
        EstateFixture f = new EstateFixture();
        local(f);
        f.point(CopyFixtures.restoreAccessVault(f, BACKUP, REGION, "restore-access"), VOL, NOW.minus(Duration.ofDays(1)));
        Result r = about(f.run(check), VOL);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.HIGH);
        assertThat(r.evidence().field("VaultsHoldingCopies")).isEqualTo("[arn:aws:backup:" + REGION + ":" + PROD + ":backup-vault:local]");
    }

    @Test
    @DisplayName("PASS: an unexpired copy in the backup account, 30 days old (kept 35 days) "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html)")
    void passesACopyInTheBackupAccountOfAnyAge() {
        EstateFixture f = new EstateFixture();
        local(f);
        f.point(f.vault(BACKUP, REGION, "central"), VOL, NOW.minus(Duration.ofDays(30)));
        assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("PASS: an air-gapped vault in the resource's own account is another domain, its data held in an account AWS Backup owns "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html)")
    void anAirGappedVaultInTheOwnAccountIsAnotherDomain() {
        EstateFixture f = new EstateFixture();
        local(f);
        f.point(f.airGappedVault(PROD, REGION, "own-lag"), VOL, NOW.minus(Duration.ofDays(1)));
        Result r = about(f.run(check), VOL);
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence().field("VaultsInAnotherDomain")).isEqualTo("[arn:aws:backup:" + REGION + ":" + PROD + ":backup-vault:own-lag]");
    }

    @Test
    @DisplayName("Edge: an EXPIRED copy, or one past its DeleteAt, in the backup account is no longer a copy "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/deleting-backups.html)")
    void expiredCopiesDoNotCount() {
        EstateFixture f = new EstateFixture();
        local(f);
        ObjectNode central = f.vault(BACKUP, REGION, "central");
        f.point(central, VOL, NOW.minus(Duration.ofDays(60)));
        f.point(central, VOL, NOW.minus(Duration.ofDays(3))).put("Status", "EXPIRED");
        assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("Edge: a resource described by two accounts is judged once, under its owner, and a completed copy job into the backup account counts "
            + "(checks.md, \"What a result is about\")")
    void reportsAResourceDescribedByTwoAccountsOnceUnderItsOwner() {
        EstateFixture f = new EstateFixture();
        f.resource(BACKUP, REGION, VOL);
        local(f);
        copyJob(f, "arn:aws:backup:" + REGION + ":" + BACKUP + ":backup-vault:not-scanned", "COMPLETED", Duration.ofDays(40));
        Result r = about(f.run(check), VOL);
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.accountId()).isEqualTo(PROD);
    }

    @Test
    @DisplayName("No result: a resource with no existing backup at all (every point expired) is RST-07's concern (checks.md, ISO-04)")
    void noExistingBackupGivesNoResult() {
        EstateFixture f = new EstateFixture();
        f.resource(PROD, REGION, VOL);
        f.point(f.vault(PROD, REGION, "local"), VOL, NOW.minus(Duration.ofDays(40)));
        assertThat(f.run(check)).isEmpty();
        copyJob(f, arnOf(f.vault(BACKUP, REGION, "central")), "FAILED", Duration.ofDays(1));
        assertThat(f.run(check)).isEmpty();
    }
}
