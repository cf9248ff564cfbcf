package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.OTHER_REGION;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** ISO-01, 02, 03, 04, 07, 08: a failing case, a passing case and an edge case each. */
class IsoChecksTest {
    static final String VOL = EstateFixture.volume(PROD, REGION, "0iso");

    /** A production volume with its local backups in a production vault made by a plan. */
    static ObjectNode local(EstateFixture f) {
        f.resource(PROD, REGION, VOL);
        ObjectNode v = f.vault(PROD, REGION, "local");
        ObjectNode plan = f.plan(PROD, REGION, "daily");
        ObjectNode p = f.point(v, VOL, NOW.minus(Duration.ofHours(6)));
        p.putObject("CreatedBy").put("BackupPlanArn", plan.get("BackupPlanArn").asText()).put("BackupPlanId", plan.get("BackupPlanId").asText());
        return plan;
    }

    static void copyAction(ObjectNode plan, String destinationVaultArn) {
        ((ObjectNode) plan.get("BackupPlan").get("Rules").get(0)).withArray("CopyActions").addObject().put("DestinationBackupVaultArn", destinationVaultArn);
    }

    static ObjectNode copyJob(EstateFixture f, String destinationVaultArn, String state, Duration ago) {
        ObjectNode j = f.region(PROD, REGION).withArray("CopyJobs").addObject();
        j.put("CopyJobId", "copy-" + destinationVaultArn.hashCode() + state + ago.toHours()).put("ResourceArn", VOL).put("State", state)
                .put("DestinationBackupVaultArn", destinationVaultArn).put("CreationDate", NOW.minus(ago).toString())
                .put("CompletionDate", NOW.minus(ago).plus(Duration.ofMinutes(20)).toString());
        return j;
    }

    @Nested
    class Iso01 {
        final Iso01NoCrossAccountCopy check = new Iso01NoCrossAccountCopy();

        @Test
        void flagsACopyActionThatNeverCompleted() {
            EstateFixture f = new EstateFixture();
            ObjectNode plan = local(f);
            String central = arnOf(f.vault(BACKUP, REGION, "central"));
            copyAction(plan, central);
            copyJob(f, central, "FAILED", Duration.ofHours(5));
            Result r = about(f.run(check), VOL);
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.evidence().summary()).contains("configured, never completed");
            assertThat(r.accountId()).isEqualTo(PROD);
        }

        @Test
        void passesARecentCompletedCopyJob() {
            EstateFixture f = new EstateFixture();
            local(f);
            copyJob(f, arnOf(f.vault(BACKUP, REGION, "central")), "COMPLETED", Duration.ofDays(2));
            assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.PASS);
        }

        @Test
        void aCopyOlderThanTheWindowFailsButARecoveryPointInAnotherAccountPasses() {
            EstateFixture f = new EstateFixture();
            local(f);
            ObjectNode central = f.vault(BACKUP, REGION, "central");
            copyJob(f, arnOf(central), "COMPLETED", Duration.ofDays(8));
            assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.FAIL);
            f.point(central, VOL, NOW.minus(Duration.ofDays(6)));
            assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.PASS);
        }
    }

    @Nested
    class Iso02 {
        final Iso02NoCrossRegionCopy check = new Iso02NoCrossRegionCopy();

        @Test
        void flagsCopiesOnlyInTheSameRegion() {
            EstateFixture f = new EstateFixture();
            local(f);
            copyJob(f, arnOf(f.vault(BACKUP, REGION, "central")), "COMPLETED", Duration.ofDays(1));
            assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void passesACopyInAnotherRegion() {
            EstateFixture f = new EstateFixture();
            local(f);
            copyJob(f, arnOf(f.vault(BACKUP, OTHER_REGION, "dr")), "COMPLETED", Duration.ofDays(1));
            assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.PASS);
        }

        @Test
        void isUnknownWhenCopyJobsCouldNotBeListed() {
            EstateFixture f = new EstateFixture();
            local(f);
            f.region(PROD, REGION).putArray("ReadErrors").addObject().put("Scope", PROD + "/" + REGION).put("Operation", "backup:ListCopyJobs")
                    .put("ErrorCode", "AccessDeniedException");
            assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.UNKNOWN);
        }
    }

    @Nested
    class Iso03 {
        final Iso03NoAirGappedCopy check = new Iso03NoAirGappedCopy();

        @Test
        void flagsAResourceWithoutAirGappedCopy() {
            EstateFixture f = new EstateFixture();
            local(f);
            assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void passesARecentAirGappedRecoveryPoint() {
            EstateFixture f = new EstateFixture();
            local(f);
            f.point(f.airGappedVault(BACKUP, REGION, "lag"), VOL, NOW.minus(Duration.ofDays(6)));
            assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.PASS);
        }

        @Test
        void anAirGappedPointOlderThanSevenDaysFails() {
            EstateFixture f = new EstateFixture();
            local(f);
            f.point(f.airGappedVault(BACKUP, REGION, "lag"), VOL, NOW.minus(Duration.ofDays(8)));
            assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.FAIL);
        }
    }

    @Nested
    class Iso04 {
        final Iso04CopiesOnlyInOwnAccount check = new Iso04CopiesOnlyInOwnAccount();

        @Test
        void flagsAResourceWhoseBackupsAreAllInItsAccount() {
            EstateFixture f = new EstateFixture();
            local(f);
            f.point(f.airGappedVault(PROD, REGION, "own-lag"), VOL, NOW.minus(Duration.ofDays(1)));
            Result r = about(f.run(check), VOL);
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.evidence().field("AccountsHoldingCopies")).isEqualTo("[" + PROD + "]");
        }

        @Test
        void passesACopyInTheBackupAccountOfAnyAge() {
            EstateFixture f = new EstateFixture();
            local(f);
            f.point(f.vault(BACKUP, REGION, "central"), VOL, NOW.minus(Duration.ofDays(60)));
            assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.PASS);
        }

        @Test
        void reportsAResourceDescribedByTwoAccountsOnceUnderItsOwner() {
            EstateFixture f = new EstateFixture();
            f.resource(BACKUP, REGION, VOL);
            local(f);
            copyJob(f, arnOf(f.vault(BACKUP, REGION, "central")), "COMPLETED", Duration.ofDays(40));
            Result r = about(f.run(check), VOL);
            assertThat(r.status()).isEqualTo(Status.PASS);
            assertThat(r.accountId()).isEqualTo(PROD);
        }
    }

    @Nested
    class Iso07 {
        final Iso07AirGappedKeyInWorkloadAccount check = new Iso07AirGappedKeyInWorkloadAccount();

        @Test
        void flagsAnAirGappedVaultKeyedInProduction() {
            EstateFixture f = new EstateFixture();
            ObjectNode lag = f.airGappedVault(BACKUP, REGION, "lag");
            lag.put("EncryptionKeyType", "CUSTOMER_MANAGED_KMS_KEY").put("EncryptionKeyArn", EstateFixture.arnOfKey(f.key(PROD, REGION)));
            assertThat(about(f.run(check), arnOf(lag)).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void passesAnAwsOwnedKeyOrAKeyOfTheBackupAccount() {
            EstateFixture f = new EstateFixture();
            ObjectNode owned = f.airGappedVault(BACKUP, REGION, "owned");
            ObjectNode keyed = f.airGappedVault(BACKUP, REGION, "keyed");
            keyed.put("EncryptionKeyType", "CUSTOMER_MANAGED_KMS_KEY").put("EncryptionKeyArn", EstateFixture.arnOfKey(f.key(BACKUP, REGION)));
            List<Result> results = f.run(check);
            assertThat(about(results, arnOf(owned)).status()).isEqualTo(Status.PASS);
            assertThat(about(results, arnOf(keyed)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void ignoresStandardVaultsKeyedInProduction() {
            EstateFixture f = new EstateFixture();
            f.vault(PROD, REGION, "local");
            assertThat(f.run(check)).isEmpty();
        }
    }

    @Nested
    class Iso08 {
        final Iso08VaultAccountClosing check = new Iso08VaultAccountClosing();

        @Test
        void flagsAnAccountPendingClosureWithVaults() {
            EstateFixture f = new EstateFixture();
            f.vault(PROD, REGION, "local");
            f.account(PROD).put("State", "PENDING_CLOSURE");
            Result r = about(f.run(check), EstateFixture.accountArn(PROD));
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.region()).isEqualTo(REGION);
        }

        @Test
        void passesAnActiveAccount() {
            EstateFixture f = new EstateFixture();
            f.vault(PROD, REGION, "local");
            assertThat(about(f.run(check), EstateFixture.accountArn(PROD)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void readsTheLegacyStatusWhenStateIsAbsentAndSkipsAccountsWithoutVaults() {
            EstateFixture f = new EstateFixture();
            f.vault(PROD, REGION, "local");
            f.account(PROD).put("Status", "SUSPENDED").remove("State");
            f.region(BACKUP, REGION);
            List<Result> results = f.run(check);
            assertThat(results).hasSize(1);
            assertThat(results.get(0).status()).isEqualTo(Status.FAIL);
        }
    }
}
