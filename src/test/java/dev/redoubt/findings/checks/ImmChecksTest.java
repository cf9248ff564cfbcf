package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static dev.redoubt.findings.checks.EncChecksTest.rpArn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Schedule;
import dev.redoubt.findings.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** IMM-01 .. IMM-07: a failing case, a passing case and an edge case each. */
class ImmChecksTest {
    static final String VOL = EstateFixture.volume(PROD, REGION, "0imm");

    /** The result about a fresh healthy vault (created before the check runs). */
    static Result aboutVault(EstateFixture f, dev.redoubt.findings.Check check) {
        String arn = arnOf(f.vault(BACKUP, REGION, "v"));
        return about(f.run(check), arn);
    }

    static Result aboutPlan(EstateFixture f, dev.redoubt.findings.Check check) {
        String arn = f.plan(BACKUP, REGION, "daily").get("BackupPlanArn").asText();
        return about(f.run(check), arn);
    }

    @Nested
    class Imm01 {
        final Imm01VaultNotLocked check = new Imm01VaultNotLocked();

        @Test
        void flagsAnUnlockedVault() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.put("Locked", false).remove(List.of("LockDate", "MinRetentionDays", "MaxRetentionDays"));
            Result r = about(f.run(check), arnOf(v));
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.remediation().awsCli()).startsWith("aws backup put-backup-vault-lock-configuration");
        }

        @Test
        void passesALockedVault() {
            EstateFixture f = new EstateFixture();
            assertThat(aboutVault(f, check).status()).isEqualTo(Status.PASS);
        }

        @Test
        void isUnknownWithoutTheLockedMemberAndSkipsRestoreAccessVaults() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.remove("Locked");
            ObjectNode ra = f.vault(PROD, REGION, "restore-access");
            ra.put("VaultType", "RESTORE_ACCESS_BACKUP_VAULT").put("Locked", false);
            List<Result> results = f.run(check);
            assertThat(about(results, arnOf(v)).status()).isEqualTo(Status.UNKNOWN);
            assertThat(results).noneMatch(r -> arnOf(ra).equals(r.resourceArn()));
        }
    }

    @Nested
    class Imm02 {
        final Imm02GovernanceModeLock check = new Imm02GovernanceModeLock();

        @Test
        void flagsAGovernanceModeLock() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.remove("LockDate");
            assertThat(about(f.run(check), arnOf(v)).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void passesAComplianceModeLock() {
            EstateFixture f = new EstateFixture();
            assertThat(aboutVault(f, check).status()).isEqualTo(Status.PASS);
        }

        @Test
        void saysNothingAboutAnUnlockedVault() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.put("Locked", false).remove("LockDate");
            assertThat(f.run(check)).isEmpty();
        }
    }

    @Nested
    class Imm03 {
        final Imm03LockInGraceTime check = new Imm03LockInGraceTime();

        @Test
        void flagsALockStillInGraceTimeAndSaysHowLong() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.put("LockDate", NOW.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)).toString());
            Result r = about(f.run(check), arnOf(v));
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.evidence().summary()).contains("3 days 1 hour");
        }

        @Test
        void passesAnImmutableLock() {
            EstateFixture f = new EstateFixture();
            assertThat(aboutVault(f, check).status()).isEqualTo(Status.PASS);
        }

        @Test
        void judgesAsOfCapturedAtSoALaterAuditSeesTheSameGraceTime() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.put("LockDate", NOW.plus(Duration.ofHours(2)).toString());
            dev.redoubt.findings.EstateIndex later = new dev.redoubt.findings.EstateIndex(f.estate(), FindingsSettings.DEFAULTS, NOW.plus(Duration.ofDays(365)));
            java.util.List<Result> out = new java.util.ArrayList<>();
            check.evaluate(later, out::add);
            assertThat(about(out, arnOf(v)).status()).isEqualTo(Status.FAIL);
            f.root().put("CapturedAt", NOW.plus(Duration.ofHours(2)).toString());
            assertThat(about(f.run(check), arnOf(v)).status()).as("LockDate == evaluation instant: immutable").isEqualTo(Status.PASS);
        }
    }

    @Nested
    class Imm04 {
        final Imm04LockRetentionBounds check = new Imm04LockRetentionBounds();

        @Test
        void flagsALowMinimumOrAMissingMaximum() {
            EstateFixture f = new EstateFixture();
            ObjectNode low = f.vault(BACKUP, REGION, "low");
            low.put("MinRetentionDays", 1);
            ObjectNode open = f.vault(BACKUP, REGION, "open");
            open.remove("MaxRetentionDays");
            List<Result> results = f.run(check);
            assertThat(about(results, arnOf(low)).status()).isEqualTo(Status.FAIL);
            assertThat(about(results, arnOf(open)).evidence().summary()).contains("MaxRetentionDays is unset");
        }

        @Test
        void passesBoundsAtThePolicyMinimum() {
            EstateFixture f = new EstateFixture();
            Result r = aboutVault(f, check);
            assertThat(r.status()).isEqualTo(Status.PASS);
            assertThat(r.evidence().thresholds()).anySatisfy(t -> assertThat(t.value()).isEqualTo("7"));
        }

        @Test
        void usesTheConfiguredMinimum() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            FindingsSettings strict = new FindingsSettings(Map.of("lockMinRetentionDays", 30), Map.of(), Map.of());
            Result r = about(f.run(check, strict), arnOf(v));
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.evidence().thresholds()).anySatisfy(t -> assertThat(t.value()).isEqualTo("30"));
        }
    }

    @Nested
    class Imm05 {
        final Imm05ShortRecoveryPointRetention check = new Imm05ShortRecoveryPointRetention();

        @Test
        void flagsARetentionBelow35Days() {
            EstateFixture f = new EstateFixture();
            ObjectNode p = f.point(f.vault(BACKUP, REGION, "v"), VOL, NOW.minus(Duration.ofDays(1)));
            ((ObjectNode) p.get("Lifecycle")).put("DeleteAfterDays", 14);
            assertThat(about(f.run(check), rpArn(p)).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void passes35DaysAndNeverExpiring() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            ObjectNode p35 = f.point(v, VOL, NOW.minus(Duration.ofDays(1)));
            ObjectNode forever = f.point(v, VOL, NOW.minus(Duration.ofDays(2)));
            forever.remove(List.of("Lifecycle", "CalculatedLifecycle"));
            List<Result> results = f.run(check);
            assertThat(about(results, rpArn(p35)).status()).isEqualTo(Status.PASS);
            assertThat(about(results, rpArn(forever)).evidence().summary()).isEqualTo("The recovery point never expires");
        }

        @Test
        void readsTheCalculatedLifecycleWhenDeleteAfterDaysIsAbsent() {
            EstateFixture f = new EstateFixture();
            ObjectNode p = f.point(f.vault(BACKUP, REGION, "v"), VOL, NOW.minus(Duration.ofDays(1)));
            p.remove("Lifecycle");
            ((ObjectNode) p.get("CalculatedLifecycle")).put("DeleteAt", NOW.plus(Duration.ofDays(6)).toString());
            assertThat(about(f.run(check), rpArn(p)).status()).isEqualTo(Status.FAIL);
        }
    }

    @Nested
    class Imm06 {
        final Imm06WeakPlanRule check = new Imm06WeakPlanRule();

        static String planArn(ObjectNode p) {
            return p.get("BackupPlanArn").asText();
        }

        static ObjectNode rule(ObjectNode plan) {
            return (ObjectNode) plan.get("BackupPlan").get("Rules").get(0);
        }

        @Test
        void flagsAWeeklyRuleAndAShortRetention() {
            EstateFixture f = new EstateFixture();
            ObjectNode weekly = f.plan(BACKUP, REGION, "weekly");
            rule(weekly).put("ScheduleExpression", "cron(0 5 ? * SUN *)");
            ObjectNode brief = f.plan(BACKUP, REGION, "brief");
            ((ObjectNode) rule(brief).get("Lifecycle")).put("DeleteAfterDays", 14);
            List<Result> results = f.run(check);
            assertThat(about(results, planArn(weekly)).evidence().summary()).contains("less often than daily");
            assertThat(about(results, planArn(brief)).evidence().summary()).contains("14 days");
        }

        @Test
        void passesADailyRuleKeeping35Days() {
            EstateFixture f = new EstateFixture();
            assertThat(aboutPlan(f, check).status()).isEqualTo(Status.PASS);
        }

        @Test
        void readsSchedulesAsChecksMdDefinesDaily() {
            assertThat(Schedule.atLeastDaily("rate(12 hours)", null)).isTrue();
            assertThat(Schedule.atLeastDaily("rate(24 hours)", null)).isTrue();
            assertThat(Schedule.atLeastDaily("rate(25 hours)", null)).isFalse();
            assertThat(Schedule.atLeastDaily("rate(1 day)", null)).isTrue();
            assertThat(Schedule.atLeastDaily("rate(2 days)", null)).isFalse();
            assertThat(Schedule.atLeastDaily("cron(0 5 ? * * *)", null)).isTrue();
            assertThat(Schedule.atLeastDaily("cron(0 */4 * * ? *)", null)).isTrue();
            assertThat(Schedule.atLeastDaily("cron(0 5 ? * MON-FRI *)", null)).isFalse();
            assertThat(Schedule.atLeastDaily("cron(0 5 1 * ? *)", null)).isFalse();
            assertThat(Schedule.atLeastDaily("cron(0 5 ? 1 * *)", null)).isFalse();
            assertThat(Schedule.atLeastDaily(null, true)).as("continuous backup counts as daily").isTrue();
            assertThat(Schedule.atLeastDaily(null, null)).isFalse();
        }
    }

    @Nested
    class Imm07 {
        final Imm07NeverExpiringInComplianceVault check = new Imm07NeverExpiringInComplianceVault();

        @Test
        void flagsANeverExpiringPointInAnImmutableVault() {
            EstateFixture f = new EstateFixture();
            ObjectNode p = f.point(f.vault(BACKUP, REGION, "v"), VOL, NOW.minus(Duration.ofDays(1)));
            p.remove(List.of("Lifecycle", "CalculatedLifecycle"));
            assertThat(about(f.run(check), rpArn(p)).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void passesAnExpiringPoint() {
            EstateFixture f = new EstateFixture();
            ObjectNode p = f.point(f.vault(BACKUP, REGION, "v"), VOL, NOW.minus(Duration.ofDays(1)));
            assertThat(about(f.run(check), rpArn(p)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void ignoresVaultsStillInGraceTimeOrInGovernanceMode() {
            EstateFixture f = new EstateFixture();
            ObjectNode grace = f.vault(BACKUP, REGION, "grace");
            grace.put("LockDate", NOW.plus(Duration.ofDays(1)).toString());
            f.point(grace, VOL, NOW).remove("Lifecycle");
            ObjectNode governance = f.vault(BACKUP, REGION, "governance");
            governance.remove("LockDate");
            f.point(governance, VOL, NOW).remove("Lifecycle");
            assertThat(f.run(check)).isEmpty();
        }
    }
}
