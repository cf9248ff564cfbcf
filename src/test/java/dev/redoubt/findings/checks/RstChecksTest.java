package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** RST-01, 02, 05, 06: a failing case, a passing case and an edge case each (RST-03, 04, 07 have their own test classes). */
class RstChecksTest {
    static final String VOL = EstateFixture.volume(PROD, REGION, "0rst");
    static final String ACCOUNT = EstateFixture.accountArn(BACKUP);

    static String planArn(ObjectNode p) {
        return p.get("RestoreTestingPlanArn").asText();
    }

    @Nested
    class Rst01 {
        final Rst01NoRestoreTestingPlan check = new Rst01NoRestoreTestingPlan();

        @Test
        void flagsBackupsWithoutRestoreTestingPlan() {
            EstateFixture f = new EstateFixture();
            f.point(f.vault(BACKUP, REGION, "v"), VOL, NOW);
            assertThat(about(f.run(check), ACCOUNT).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void passesWithAPlan() {
            EstateFixture f = new EstateFixture();
            f.point(f.vault(BACKUP, REGION, "v"), VOL, NOW);
            f.restoreTestingPlan(BACKUP, REGION, "weekly");
            assertThat(about(f.run(check), ACCOUNT).status()).isEqualTo(Status.PASS);
        }

        @Test
        void skipsEmptyVaultsAndIsUnknownWhenPlansCouldNotBeListed() {
            EstateFixture f = new EstateFixture();
            f.vault(PROD, REGION, "empty");
            f.point(f.vault(BACKUP, REGION, "v"), VOL, NOW);
            f.region(BACKUP, REGION).putArray("ReadErrors").addObject().put("Operation", "backup:ListRestoreTestingPlans").put("ErrorCode", "AccessDenied");
            List<Result> results = f.run(check);
            assertThat(results).hasSize(1);
            assertThat(about(results, ACCOUNT).status()).isEqualTo(Status.UNKNOWN);
        }
    }

    @Nested
    class Rst02 {
        final Rst02RestoreTestStale check = new Rst02RestoreTestStale();

        @Test
        void flagsAPlanThatLastRanMoreThan30DaysAgoOrNever() {
            EstateFixture f = new EstateFixture();
            ObjectNode old = f.restoreTestingPlan(BACKUP, REGION, "old");
            old.put("LastExecutionTime", NOW.minus(Duration.ofDays(31)).toString());
            ObjectNode never = f.restoreTestingPlan(BACKUP, REGION, "never");
            never.remove("LastExecutionTime");
            List<Result> results = f.run(check);
            assertThat(about(results, planArn(old)).status()).isEqualTo(Status.FAIL);
            assertThat(about(results, planArn(never)).evidence().summary()).isEqualTo("The plan has never run");
        }

        @Test
        void passesARecentRun() {
            EstateFixture f = new EstateFixture();
            ObjectNode p = f.restoreTestingPlan(BACKUP, REGION, "weekly");
            assertThat(about(f.run(check), planArn(p)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void followsTheConfiguredWindow() {
            EstateFixture f = new EstateFixture();
            ObjectNode p = f.restoreTestingPlan(BACKUP, REGION, "weekly");
            p.put("LastExecutionTime", NOW.minus(Duration.ofDays(10)).toString());
            assertThat(about(f.run(check), planArn(p)).status()).isEqualTo(Status.PASS);
            FindingsSettings weekly = new FindingsSettings(Map.of("restoreTestMaxAgeDays", 7), Map.of(), Map.of());
            assertThat(about(f.run(check, weekly), planArn(p)).status()).isEqualTo(Status.FAIL);
        }
    }

    @Nested
    class Rst05 {
        final Rst05RestoreTooSlow check = new Rst05RestoreTooSlow();

        @Test
        void flagsARestoreSlowerThanTheTarget() {
            EstateFixture f = new EstateFixture();
            f.resource(PROD, REGION, VOL).put("LatestRestoreExecutionTimeMinutes", 1140);
            assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void passesARestoreAtTheTarget() {
            EstateFixture f = new EstateFixture();
            f.resource(PROD, REGION, VOL).put("LatestRestoreExecutionTimeMinutes", 720);
            assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.PASS);
        }

        @Test
        void saysNothingAboutAResourceNeverRestored() {
            EstateFixture f = new EstateFixture();
            f.resource(PROD, REGION, VOL).remove("LatestRestoreExecutionTimeMinutes");
            assertThat(f.run(check)).isEmpty();
        }
    }

    @Nested
    class Rst06 {
        final Rst06NeverRestored check = new Rst06NeverRestored();

        @Test
        void flagsAResourceNeverRestored() {
            EstateFixture f = new EstateFixture();
            f.resource(PROD, REGION, VOL).remove(List.of("LastRestoreTime", "LatestRestoreJobCreationDate", "LatestRestoreExecutionTimeMinutes"));
            assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void passesARestoredResource() {
            EstateFixture f = new EstateFixture();
            f.resource(PROD, REGION, VOL);
            assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.PASS);
        }

        @Test
        void aRestoreJobAloneCountsAsRestoreTested() {
            EstateFixture f = new EstateFixture();
            f.resource(PROD, REGION, VOL).remove("LastRestoreTime");
            assertThat(about(f.run(check), VOL).status()).isEqualTo(Status.PASS);
        }
    }
}
