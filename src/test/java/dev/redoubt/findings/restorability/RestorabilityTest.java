package dev.redoubt.findings.restorability;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.OTHER_REGION;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.PointRef;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.restorability.Restorability.Aspect;
import dev.redoubt.findings.restorability.Restorability.Level;
import dev.redoubt.findings.restorability.Restorability.Relation;
import dev.redoubt.findings.restorability.Restorability.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A recovery point's verdict: each reason on its own (the point, its key, the last restore test,
 * copies elsewhere, a safe copy), how they make the level, and that nothing unread reads as PASS.
 * The base estate: a production volume backed up into a production vault, restore-tested yesterday
 * (47 minutes, validated), and nothing else.
 */
class RestorabilityTest {
    private static final String VOL = EstateFixture.volume(PROD, REGION, "0rst");
    private static final String OTHER_VOL = EstateFixture.volume(PROD, REGION, "0other");

    private EstateFixture f;
    private ObjectNode local;
    private ObjectNode point;
    private ObjectNode testPlan;
    private ObjectNode job;

    @BeforeEach
    void base() {
        f = new EstateFixture();
        local = f.vault(PROD, REGION, "local");
        point = f.point(local, VOL, NOW.minus(Duration.ofHours(6)));
        testPlan = f.restoreTestingPlan(PROD, REGION, "weekly");
        job = restoreJob(PROD, REGION, point, Duration.ofDays(1), 47);
    }

    /** A restore-test job of {@code p}, created {@code ago}, completed after {@code minutes}, validated. */
    private ObjectNode restoreJob(String account, String region, ObjectNode p, Duration ago, long minutes) {
        ObjectNode j = f.restoreJob(account, region, testPlan);
        Instant created = NOW.minus(ago);
        j.put("RecoveryPointArn", p.get("RecoveryPointArn").asText()).put("SourceResourceArn", p.get("ResourceArn").asText())
                .put("BackupVaultArn", p.get("BackupVaultArn").asText()).put("CreationDate", created.toString())
                .put("CompletionDate", created.plus(Duration.ofMinutes(minutes)).toString());
        return j;
    }

    private ObjectNode copyVault(String account, String region, String name) {
        ObjectNode v = f.vault(account, region, name);
        f.point(v, VOL, NOW.minus(Duration.ofHours(5)));
        return v;
    }

    private EstateIndex index() {
        return new EstateIndex(f.estate(), FindingsSettings.DEFAULTS, NOW);
    }

    private PointRef judged(EstateIndex x) {
        VaultRef v = x.vault(EstateFixture.arnOf(local));
        String arn = point.get("RecoveryPointArn").asText();
        return v.points().stream().filter(p -> arn.equals(p.recoveryPointArn())).map(p -> new PointRef(v, p)).findFirst().orElseThrow();
    }

    private Verdict verdict() {
        EstateIndex x = index();
        return Restorability.of(x).verdict(judged(x));
    }

    private static Outcome outcome(Verdict v, Aspect a) {
        return v.reason(a).outcome();
    }

    private static String text(Verdict v, Aspect a) {
        return v.reason(a).text();
    }

    @Test
    void listsTheFiveReasonsInOrder() {
        assertThat(verdict().reasons()).extracting(Restorability.Reason::aspect)
                .containsExactly(Aspect.POINT, Aspect.KEY, Aspect.RESTORE_TEST, Aspect.COPY_ELSEWHERE, Aspect.SAFE_COPY);
    }

    @Nested
    class Levels {
        @Test
        void restorableWithSafeCopyWhenAnImmutableCopyIsInAnotherAccountAndRegion() {
            copyVault(BACKUP, OTHER_REGION, "dr");
            Verdict v = verdict();
            assertThat(v.reasons()).allSatisfy(r -> assertThat(r.outcome()).as(r.text()).isEqualTo(Outcome.PASS));
            assertThat(v.level()).isEqualTo(Level.RESTORABLE_WITH_SAFE_COPY);
            assertThat(text(v, Aspect.SAFE_COPY)).contains("dr in backup (" + BACKUP + "), " + OTHER_REGION).contains("compliance lock, immutable since");
        }

        @Test
        void restorableWithoutSafeCopyWhenNoCopyExists() {
            Verdict v = verdict();
            assertThat(v.level()).isEqualTo(Level.RESTORABLE);
            assertThat(outcome(v, Aspect.COPY_ELSEWHERE)).isEqualTo(Outcome.FAIL);
            assertThat(text(v, Aspect.COPY_ELSEWHERE)).isEqualTo("No copy in another account or region");
            assertThat(outcome(v, Aspect.SAFE_COPY)).isEqualTo(Outcome.FAIL);
            assertThat(v.title()).isEqualTo(Level.RESTORABLE.title());
        }

        @Test
        void atRiskWhenTheKeyIsDisabledEvenWithASafeCopy() {
            copyVault(BACKUP, OTHER_REGION, "dr");
            keyOf(local).put("KeyState", "Disabled").put("Enabled", false);
            Verdict v = verdict();
            assertThat(v.level()).isEqualTo(Level.AT_RISK);
            assertThat(v.title()).startsWith("At risk: its key").contains("is disabled");
        }

        @Test
        void unknownWhenTheKeyWasNotReadAndNothingFails() {
            f.region(PROD, REGION).withArray("KmsKeys").removeAll();
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.KEY)).isEqualTo(Outcome.UNKNOWN);
            assertThat(v.level()).isEqualTo(Level.UNKNOWN);
        }

        @Test
        void aFailureOutranksWhatIsUnknown() {
            f.region(PROD, REGION).withArray("KmsKeys").removeAll();
            point.put("Status", "PARTIAL");
            assertThat(verdict().level()).isEqualTo(Level.AT_RISK);
        }

        @Test
        void saysWhenWhetherASafeCopyExistsIsNotKnown() {
            copyVault(BACKUP, OTHER_REGION, "dr").remove("Locked");
            Verdict v = verdict();
            assertThat(v.level()).isEqualTo(Level.RESTORABLE);
            assertThat(outcome(v, Aspect.SAFE_COPY)).isEqualTo(Outcome.UNKNOWN);
            assertThat(v.title()).contains("not known");
        }
    }

    @Nested
    class ThePoint {
        @Test
        void passesACompletedPointWithItsRetention() {
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.POINT)).isEqualTo(Outcome.PASS);
            assertThat(text(v, Aspect.POINT)).isEqualTo("Completed on 28 Nov 2026, kept until 2 Jan 2027");
        }

        @Test
        void failsAPointPastItsDeleteAt() {
            point.putObject("CalculatedLifecycle").put("DeleteAt", NOW.minus(Duration.ofDays(1)).toString());
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.POINT)).isEqualTo(Outcome.FAIL);
            assertThat(text(v, Aspect.POINT)).contains("retention ended on 27 Nov 2026");
        }

        @Test
        void failsPartialExpiredDeletingAndCreatingPoints() {
            for (String status : new String[] {"PARTIAL", "EXPIRED", "DELETING", "CREATING"}) {
                point.put("Status", status);
                assertThat(outcome(verdict(), Aspect.POINT)).as(status).isEqualTo(Outcome.FAIL);
            }
        }

        @Test
        void aStatusNotReadIsUnknown() {
            point.remove("Status");
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.POINT)).isEqualTo(Outcome.UNKNOWN);
            assertThat(text(v, Aspect.POINT)).isEqualTo("Its status was not read");
        }

        @Test
        void saysWhenThePointIsInColdStorage() {
            ((ObjectNode) point.get("CalculatedLifecycle")).put("MoveToColdStorageAt", NOW.minus(Duration.ofHours(1)).toString());
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.POINT)).isEqualTo(Outcome.PASS);
            assertThat(text(v, Aspect.POINT)).contains("in cold storage since 28 Nov 2026");
        }
    }

    private ObjectNode keyOf(ObjectNode vault) {
        String arn = vault.get("EncryptionKeyArn").asText();
        String account = EstateFixture.accountOf(vault);
        String region = EstateFixture.regionOf(vault);
        for (var k : f.region(account, region).withArray("KmsKeys")) {
            if (k.get("KeyMetadata").get("Arn").asText().equals(arn)) {
                return (ObjectNode) k.get("KeyMetadata");
            }
        }
        throw new AssertionError(arn);
    }

    @Nested
    class TheKey {
        @Test
        void passesAnEnabledKeyNamedByItsAlias() {
            ObjectNode k = keyOf(local);
            ((com.fasterxml.jackson.databind.node.ArrayNode) f.region(PROD, REGION).withArray("KmsKeys").get(0).get("Aliases"))
                    .addObject().put("AliasName", "alias/backups").put("AliasArn", "arn:aws:kms:" + REGION + ":" + PROD + ":alias/backups");
            Verdict v = verdict();
            assertThat(k.get("KeyState").asText()).isEqualTo("Enabled");
            assertThat(outcome(v, Aspect.KEY)).isEqualTo(Outcome.PASS);
            assertThat(text(v, Aspect.KEY)).isEqualTo("Its key alias/backups is enabled");
        }

        @Test
        void failsADisabledKey() {
            keyOf(local).put("KeyState", "Disabled");
            assertThat(outcome(verdict(), Aspect.KEY)).isEqualTo(Outcome.FAIL);
        }

        @Test
        void failsAKeyPendingDeletionWithTheDate() {
            keyOf(local).put("KeyState", "PendingDeletion").put("DeletionDate", "2026-12-04T16:02:00Z");
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.KEY)).isEqualTo(Outcome.FAIL);
            assertThat(text(v, Aspect.KEY)).contains("scheduled for deletion on 4 Dec 2026").contains("lost for good");
        }

        @Test
        void failsKeysWithoutMaterialOrKeyStore() {
            for (String state : new String[] {"PendingImport", "Unavailable", "PendingReplicaDeletion"}) {
                keyOf(local).put("KeyState", state);
                assertThat(outcome(verdict(), Aspect.KEY)).as(state).isEqualTo(Outcome.FAIL);
            }
        }

        @Test
        void failsAnEnabledKeyWhoseImportedMaterialExpired() {
            keyOf(local).put("ValidTo", NOW.minus(Duration.ofHours(1)).toString());
            assertThat(outcome(verdict(), Aspect.KEY)).isEqualTo(Outcome.FAIL);
        }

        @Test
        void aKeyStateNotReadIsUnknown() {
            keyOf(local).remove("KeyState");
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.KEY)).isEqualTo(Outcome.UNKNOWN);
            assertThat(text(v, Aspect.KEY)).contains("was not read");
        }

        @Test
        void aKeyTheEstateDoesNotHoldIsUnknownAndNamesItsAccount() {
            point.put("EncryptionKeyArn", "arn:aws:kms:" + REGION + ":" + BACKUP + ":key/missing");
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.KEY)).isEqualTo(Outcome.UNKNOWN);
            assertThat(text(v, Aspect.KEY)).isEqualTo("Its key missing was not read (it belongs to backup (" + BACKUP + "))");
        }

        @Test
        void passesAnAwsOwnedKeyAndAnUnencryptedPoint() {
            point.remove("EncryptionKeyArn");
            point.put("EncryptionKeyType", "AWS_OWNED_KMS_KEY");
            assertThat(outcome(verdict(), Aspect.KEY)).isEqualTo(Outcome.PASS);
            point.remove("EncryptionKeyType");
            point.put("IsEncrypted", false);
            assertThat(text(verdict(), Aspect.KEY)).isEqualTo("Not encrypted: a restore needs no key");
        }

        @Test
        void anEncryptedPointWithoutKeyIsUnknown() {
            point.remove("EncryptionKeyArn");
            assertThat(outcome(verdict(), Aspect.KEY)).isEqualTo(Outcome.UNKNOWN);
            point.remove("IsEncrypted");
            assertThat(text(verdict(), Aspect.KEY)).isEqualTo("Whether it is encrypted, and with which key, was not read");
        }
    }

    @Nested
    class RestoreTests {
        @Test
        void passesARecentQuickValidatedTestOfThisPoint() {
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.RESTORE_TEST)).isEqualTo(Outcome.PASS);
            assertThat(text(v, Aspect.RESTORE_TEST)).isEqualTo("The restore test on 27 Nov 2026 (this recovery point, plan weekly) completed in 47 min,"
                    + " within the 12 h target; its validation passed");
            assertThat(v.lastRestore().relation()).isEqualTo(Relation.THIS_POINT);
            assertThat(v.restores()).extracting(r -> r.job().restoreJobId()).containsExactly(job.get("RestoreJobId").asText());
        }

        @Test
        void failsAFailedTest() {
            job.put("Status", "FAILED").put("StatusMessage", "The DB subnet group does not exist");
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.RESTORE_TEST)).isEqualTo(Outcome.FAIL);
            assertThat(text(v, Aspect.RESTORE_TEST)).endsWith("failed: The DB subnet group does not exist");
        }

        @Test
        void failsATestWhoseValidationFailedOrTimedOut() {
            job.put("ValidationStatus", "FAILED");
            assertThat(text(verdict(), Aspect.RESTORE_TEST)).contains("its validation failed");
            job.put("ValidationStatus", "TIMED_OUT");
            assertThat(outcome(verdict(), Aspect.RESTORE_TEST)).isEqualTo(Outcome.FAIL);
        }

        @Test
        void passesATestWithoutValidationResultAndSaysSo() {
            job.remove("ValidationStatus");
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.RESTORE_TEST)).isEqualTo(Outcome.PASS);
            assertThat(text(v, Aspect.RESTORE_TEST)).endsWith("no validation result was posted");
        }

        @Test
        void failsATestOlderThanTheWindow() {
            job.put("CreationDate", NOW.minus(Duration.ofDays(31)).toString()).put("CompletionDate", NOW.minus(Duration.ofDays(31)).plusSeconds(600).toString());
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.RESTORE_TEST)).isEqualTo(Outcome.FAIL);
            assertThat(text(v, Aspect.RESTORE_TEST)).contains("more than 30 days old");
        }

        @Test
        void failsATestSlowerThanTheTarget() {
            job.put("CompletionDate", NOW.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(721)).toString());
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.RESTORE_TEST)).isEqualTo(Outcome.FAIL);
            assertThat(text(v, Aspect.RESTORE_TEST)).contains("took 12 h 1 min, more than the 12 h target");
        }

        @Test
        void aTestWithoutCompletionDateIsUnknown() {
            job.remove("CompletionDate");
            assertThat(outcome(verdict(), Aspect.RESTORE_TEST)).isEqualTo(Outcome.UNKNOWN);
        }

        @Test
        void theLatestFinishedRestoreDecidesAndRunningOnesAreIgnored() {
            ObjectNode later = restoreJob(PROD, REGION, point, Duration.ofHours(10), 30);
            later.put("Status", "ABORTED");
            ObjectNode running = restoreJob(PROD, REGION, point, Duration.ofHours(2), 30);
            running.put("Status", "RUNNING");
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.RESTORE_TEST)).isEqualTo(Outcome.FAIL);
            assertThat(v.lastRestore().job().restoreJobId()).isEqualTo(later.get("RestoreJobId").asText());
            assertThat(v.restores()).hasSize(3);
        }

        @Test
        void aTestOfAnotherPointOfTheResourceCounts() {
            ObjectNode older = f.point(local, VOL, NOW.minus(Duration.ofDays(2)));
            job.put("RecoveryPointArn", older.get("RecoveryPointArn").asText()).remove("SourceResourceArn");
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.RESTORE_TEST)).isEqualTo(Outcome.PASS);
            assertThat(v.lastRestore().relation()).isEqualTo(Relation.THIS_RESOURCE);
            assertThat(v.restores()).isEmpty();
        }

        @Test
        void aTestOfAnotherResourceOfTheVaultCountsWhenTheResourceHasNone() {
            ObjectNode other = f.point(local, OTHER_VOL, NOW.minus(Duration.ofHours(7)));
            job.put("RecoveryPointArn", other.get("RecoveryPointArn").asText()).put("SourceResourceArn", OTHER_VOL);
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.RESTORE_TEST)).isEqualTo(Outcome.PASS);
            assertThat(text(v, Aspect.RESTORE_TEST)).contains("another resource of this vault");
        }

        @Test
        void aRestoreByHandCountsAndSaysSo() {
            job.remove("CreatedBy");
            job.remove("ValidationStatus");
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.RESTORE_TEST)).isEqualTo(Outcome.PASS);
            assertThat(text(v, Aspect.RESTORE_TEST)).startsWith("The restore by hand on 27 Nov 2026 (this recovery point)").doesNotContain("validation");
        }

        @Test
        void failsWhenNoRestoreWasFound() {
            f.region(PROD, REGION).withArray("RestoreJobs").removeAll();
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.RESTORE_TEST)).isEqualTo(Outcome.FAIL);
            assertThat(v.lastRestore()).isNull();
            assertThat(v.level()).isEqualTo(Level.AT_RISK);
        }

        @Test
        void restoreJobsNotReadAreUnknown() {
            f.region(PROD, REGION).remove("RestoreJobs");
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.RESTORE_TEST)).isEqualTo(Outcome.UNKNOWN);
            assertThat(text(v, Aspect.RESTORE_TEST)).isEqualTo("The restore jobs of shop-prod (" + PROD + ") in " + REGION + " were not read");
        }

        @Test
        void restoreJobsRefusedByAwsAreUnknown() {
            f.region(PROD, REGION).withArray("RestoreJobs").removeAll();
            f.region(PROD, REGION).withArray("ReadErrors").addObject().put("Operation", "backup:ListRestoreJobs").put("ErrorCode", "AccessDenied");
            assertThat(outcome(verdict(), Aspect.RESTORE_TEST)).isEqualTo(Outcome.UNKNOWN);
        }

        @Test
        void theProtectedResourcesOwnRecordIsUsedWhenNoJobIsListed() {
            f.region(PROD, REGION).withArray("RestoreJobs").removeAll();
            f.resource(PROD, REGION, VOL).put("LatestRestoreExecutionTimeMinutes", 900);
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.RESTORE_TEST)).isEqualTo(Outcome.FAIL);
            assertThat(text(v, Aspect.RESTORE_TEST)).isEqualTo("The resource's latest restore, on 18 Nov 2026, took 15 h, more than the 12 h target");
        }

        @Test
        void honoursTheThresholdsOfTheSettings() {
            job.put("CompletionDate", NOW.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(100)).toString());
            EstateIndex x = new EstateIndex(f.estate(), new FindingsSettings(java.util.Map.of("maxRestoreMinutes", 60), java.util.Map.of(), java.util.Map.of()), NOW);
            Verdict v = Restorability.of(x).verdict(judged(x));
            assertThat(outcome(v, Aspect.RESTORE_TEST)).isEqualTo(Outcome.FAIL);
            assertThat(text(v, Aspect.RESTORE_TEST)).contains("took 1 h 40 min, more than the 1 h target");
        }
    }

    @Nested
    class Copies {
        @Test
        void aCopyInAnotherAccountOfTheSameRegionIsElsewhereButNotSafe() {
            copyVault(BACKUP, REGION, "central");
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.COPY_ELSEWHERE)).isEqualTo(Outcome.PASS);
            assertThat(text(v, Aspect.COPY_ELSEWHERE)).isEqualTo("Copies in central in backup (" + BACKUP + "), " + REGION);
            assertThat(outcome(v, Aspect.SAFE_COPY)).isEqualTo(Outcome.FAIL);
            assertThat(text(v, Aspect.SAFE_COPY)).contains("share this point's account or region");
            assertThat(v.copies()).singleElement().satisfies(c -> {
                assertThat(c.otherAccount()).isTrue();
                assertThat(c.otherRegion()).isFalse();
                assertThat(c.safe()).isEqualTo(Outcome.FAIL);
                assertThat(c.accountId()).isEqualTo(BACKUP);
                assertThat(c.created()).isEqualTo(NOW.minus(Duration.ofHours(5)));
                assertThat(c.status()).isEqualTo("COMPLETED");
            });
        }

        @Test
        void anotherVaultOfTheSameAccountAndRegionIsNotElsewhere() {
            copyVault(PROD, REGION, "second");
            assertThat(verdict().copies()).isEmpty();
        }

        @Test
        void aGovernanceLockedCopyIsNotSafe() {
            copyVault(BACKUP, OTHER_REGION, "dr").remove("LockDate");
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.SAFE_COPY)).isEqualTo(Outcome.FAIL);
            assertThat(text(v, Aspect.SAFE_COPY)).contains("is not safe: governance lock");
        }

        @Test
        void aCopyInAnUnlockedVaultIsNotSafe() {
            copyVault(BACKUP, OTHER_REGION, "dr").put("Locked", false);
            assertThat(text(verdict(), Aspect.SAFE_COPY)).contains("is not safe: no vault lock");
        }

        @Test
        void aComplianceLockInItsGraceTimeIsNotSafeYet() {
            copyVault(BACKUP, OTHER_REGION, "dr").put("LockDate", "2026-12-01T10:15:00Z");
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.SAFE_COPY)).isEqualTo(Outcome.FAIL);
            assertThat(text(v, Aspect.SAFE_COPY)).contains("compliance lock in its grace time: it can be removed until 1 Dec 2026");
        }

        @Test
        void anAirGappedCopyIsImmutable() {
            ObjectNode lag = f.airGappedVault(BACKUP, OTHER_REGION, "vault-lag");
            f.point(lag, VOL, NOW.minus(Duration.ofHours(3)));
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.SAFE_COPY)).isEqualTo(Outcome.PASS);
            assertThat(v.level()).isEqualTo(Level.RESTORABLE_WITH_SAFE_COPY);
        }

        @Test
        void aCopyWhoseKeyIsDisabledIsNotSafe() {
            ObjectNode dr = copyVault(BACKUP, OTHER_REGION, "dr");
            keyOf(dr).put("KeyState", "Disabled");
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.SAFE_COPY)).isEqualTo(Outcome.FAIL);
            assertThat(text(v, Aspect.SAFE_COPY)).contains("is disabled");
            assertThat(v.copies().get(0).key().outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void aCopyWhoseKeyWasNotReadMayBeSafe() {
            copyVault(BACKUP, OTHER_REGION, "dr");
            f.region(BACKUP, OTHER_REGION).withArray("KmsKeys").removeAll();
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.SAFE_COPY)).isEqualTo(Outcome.UNKNOWN);
            assertThat(text(v, Aspect.SAFE_COPY)).endsWith("may be safe, but its key was not read");
        }

        @Test
        void anExpiredCopyIsNoCopy() {
            ObjectNode dr = copyVault(BACKUP, OTHER_REGION, "dr");
            ((ObjectNode) dr.withArray("RecoveryPoints").get(0).get("CalculatedLifecycle")).put("DeleteAt", NOW.minus(Duration.ofHours(1)).toString());
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.COPY_ELSEWHERE)).isEqualTo(Outcome.FAIL);
            assertThat(text(v, Aspect.COPY_ELSEWHERE)).contains("the copies in dr cannot be restored");
            assertThat(v.copies()).singleElement().satisfies(c -> assertThat(c.usable()).isEqualTo(Outcome.FAIL));
            assertThat(text(v, Aspect.SAFE_COPY)).contains("it cannot be restored");
        }

        @Test
        void theNewestUsableCopyOfAVaultRepresentsIt() {
            ObjectNode dr = copyVault(BACKUP, OTHER_REGION, "dr");
            ObjectNode newer = f.point(dr, VOL, NOW.minus(Duration.ofHours(1)));
            newer.put("Status", "PARTIAL");
            Verdict v = verdict();
            assertThat(v.copies()).singleElement().satisfies(c -> {
                assertThat(c.created()).isEqualTo(NOW.minus(Duration.ofHours(5)));
                assertThat(c.pointsInVault()).isEqualTo(2);
            });
        }

        @Test
        void aRestoreAccessVaultIsAViewNotACopy() {
            ObjectNode view = f.airGappedVault(BACKUP, OTHER_REGION, "view");
            view.put("VaultType", "RESTORE_ACCESS_BACKUP_VAULT");
            f.point(view, VOL, NOW.minus(Duration.ofHours(2)));
            assertThat(verdict().copies()).isEmpty();
        }

        @Test
        void safeCopiesComeFirst() {
            copyVault(BACKUP, REGION, "central");
            copyVault(BACKUP, OTHER_REGION, "dr");
            assertThat(verdict().copies()).extracting(Restorability.Copy::vaultName).containsExactly("dr", "central");
        }

        @Test
        void aCompletedCopyJobIntoAVaultTheEstateDoesNotHoldIsReportedNotSeen() {
            ObjectNode j = f.region(PROD, REGION).withArray("CopyJobs").addObject();
            j.put("CopyJobId", "copy-1").put("ResourceArn", VOL).put("State", "COMPLETED")
                    .put("DestinationBackupVaultArn", "arn:aws:backup:us-east-1:444444444444:backup-vault:vendor")
                    .put("DestinationVaultType", "LOGICALLY_AIR_GAPPED_BACKUP_VAULT")
                    .put("CreationDate", NOW.minus(Duration.ofHours(4)).toString());
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.COPY_ELSEWHERE)).isEqualTo(Outcome.UNKNOWN);
            assertThat(text(v, Aspect.COPY_ELSEWHERE)).startsWith("Copies reported, not seen, in vendor in 444444444444, us-east-1");
            assertThat(outcome(v, Aspect.SAFE_COPY)).isEqualTo(Outcome.UNKNOWN);
            assertThat(v.copies()).singleElement().satisfies(c -> {
                assertThat(c.fromCopyJob()).isTrue();
                assertThat(c.lock().immutable()).isTrue();
            });
        }

        @Test
        void noCopyFoundWhileOtherVaultsWereNotReadIsUnknown() {
            f.region(BACKUP, OTHER_REGION).remove("BackupVaults");
            Verdict v = verdict();
            assertThat(outcome(v, Aspect.COPY_ELSEWHERE)).isEqualTo(Outcome.UNKNOWN);
            assertThat(text(v, Aspect.COPY_ELSEWHERE)).endsWith("but the vaults of backup (" + BACKUP + ") " + OTHER_REGION + " were not read");
            assertThat(outcome(v, Aspect.SAFE_COPY)).isEqualTo(Outcome.UNKNOWN);
        }

        @Test
        void noCopyFoundInAnIncompleteCaptureIsUnknown() {
            f.root().putObject("Incomplete").put("Reason", "cancelled").put("At", NOW.toString()).put("Message", "Cancelled");
            assertThat(outcome(verdict(), Aspect.COPY_ELSEWHERE)).isEqualTo(Outcome.UNKNOWN);
        }

        @Test
        void theOwnVaultsUnreadPointsDoNotMakeCopiesElsewhereUnknown() {
            f.vault(PROD, REGION, "unread").remove("RecoveryPoints");
            assertThat(outcome(verdict(), Aspect.COPY_ELSEWHERE)).isEqualTo(Outcome.FAIL);
        }
    }

    @Nested
    class ForTheScreens {
        @Test
        void tellsWhetherAPointHasACopyInAnotherAccountOrRegion() {
            ObjectNode dr = copyVault(BACKUP, OTHER_REGION, "dr");
            ObjectNode lonely = f.point(local, OTHER_VOL, NOW.minus(Duration.ofHours(2)));
            EstateIndex x = index();
            Restorability r = Restorability.of(x);
            VaultRef v = x.vault(EstateFixture.arnOf(local));
            VaultRef d = x.vault(EstateFixture.arnOf(dr));
            assertThat(r.hasCopyElsewhere(judged(x))).isTrue();
            assertThat(r.hasCopyElsewhere(new PointRef(d, d.points().get(0)))).isTrue();
            String lonelyArn = lonely.get("RecoveryPointArn").asText();
            assertThat(r.hasCopyElsewhere(new PointRef(v, v.points().stream().filter(p -> p.recoveryPointArn().equals(lonelyArn)).findFirst().orElseThrow())))
                    .isFalse();
        }

        @Test
        void anExpiredCopyGivesNoCopyElsewhere() {
            ObjectNode dr = copyVault(BACKUP, OTHER_REGION, "dr");
            dr.withArray("RecoveryPoints").forEach(p -> ((ObjectNode) p).put("Status", "EXPIRED"));
            EstateIndex x = index();
            assertThat(Restorability.of(x).hasCopyElsewhere(judged(x))).isFalse();
        }

        @Test
        void countsAVaultsResourcesWithASafeCopy() {
            copyVault(BACKUP, OTHER_REGION, "dr");
            f.point(local, OTHER_VOL, NOW.minus(Duration.ofHours(2)));
            ObjectNode third = f.point(local, EstateFixture.volume(PROD, REGION, "0third"), NOW.minus(Duration.ofHours(2)));
            ObjectNode dr2 = f.vault(BACKUP, OTHER_REGION, "dr-unknown");
            dr2.remove("Locked");
            f.point(dr2, third.get("ResourceArn").asText(), NOW.minus(Duration.ofHours(1)));
            EstateIndex x = index();
            assertThat(Restorability.of(x).safeCopies(x.vault(EstateFixture.arnOf(local))))
                    .isEqualTo(new Restorability.SafeCopies(3, 1, 1, 1));
        }
    }

    @Nested
    class Locks {
        private final ZoneOffset utc = ZoneOffset.UTC;

        @Test
        void describesEachLockInWords() {
            ObjectNode v = copyVault(BACKUP, OTHER_REGION, "dr");
            EstateIndex x = index();
            assertThat(VaultLock.of(x.vault(EstateFixture.arnOf(v)).vault(), NOW).describe(utc)).isEqualTo("Compliance lock, immutable since 12 May 2026");
            v.put("LockDate", "2026-12-01T10:15:00Z");
            assertThat(VaultLock.of(index().vault(EstateFixture.arnOf(v)).vault(), NOW).describe(utc))
                    .isEqualTo("Compliance lock in its grace time: it can be removed until 1 Dec 2026");
            v.remove("LockDate");
            assertThat(VaultLock.of(index().vault(EstateFixture.arnOf(v)).vault(), NOW).mode()).isEqualTo(VaultLock.Mode.GOVERNANCE);
            v.put("Locked", false);
            assertThat(VaultLock.of(index().vault(EstateFixture.arnOf(v)).vault(), NOW).outcome()).isEqualTo(Outcome.FAIL);
            v.remove("Locked");
            assertThat(VaultLock.of(index().vault(EstateFixture.arnOf(v)).vault(), NOW).describe(utc)).isEqualTo("Lock not read");
        }

        @Test
        void aLockBecomesImmutableOnItsLockDate() {
            ObjectNode v = copyVault(BACKUP, OTHER_REGION, "dr").put("LockDate", NOW.toString());
            assertThat(VaultLock.of(index().vault(EstateFixture.arnOf(v)).vault(), NOW).immutable()).isTrue();
        }
    }

    @Nested
    class OnTheDemo {
        private final EstateIndex x = new EstateIndex(NorthwindDemo.build(), FindingsSettings.DEFAULTS, NorthwindDemo.CAPTURED_AT);
        private final Restorability r = Restorability.of(x);

        private Verdict latestOf(String vaultName, String resourceName) {
            VaultRef v = x.vaults().stream().filter(vr -> vaultName.equals(vr.vault().backupVaultName())).findFirst().orElseThrow();
            return v.points().stream().filter(p -> resourceName.equals(p.resourceName()))
                    .max(java.util.Comparator.comparing(p -> p.creationDate()))
                    .map(p -> r.verdict(new PointRef(v, p))).orElseThrow();
        }

        @Test
        void theLegacyCrmKeyIsDisabled() {
            Verdict v = latestOf("legacy-crm", "legacy-crm-db");
            assertThat(v.level()).isEqualTo(Level.AT_RISK);
            assertThat(outcome(v, Aspect.KEY)).isEqualTo(Outcome.FAIL);
        }

        @Test
        void theShopOrdersAreRestorableButTheFrankfurtCopyIsStillInItsGraceTime() {
            Verdict v = latestOf("shop-prod", "shop-orders");
            assertThat(v.level()).isEqualTo(Level.RESTORABLE);
            assertThat(text(v, Aspect.SAFE_COPY)).contains("central-eu-central-1").contains("it can be removed until 1 Dec 2026");
            assertThat(v.copies()).extracting(Restorability.Copy::vaultName).contains("central-eu-central-1", "central-eu-west-1", "central-airgap-eu-west-1");
        }

        @Test
        void theErpDatabaseRestoredByHandTooSlowly() {
            Verdict v = latestOf("erp-prod", "erp-db");
            assertThat(outcome(v, Aspect.RESTORE_TEST)).isEqualTo(Outcome.FAIL);
            assertThat(text(v, Aspect.RESTORE_TEST)).contains("restore by hand").contains("took 19 h");
        }
    }
}
