package dev.redoubt.ui.overview;

import static dev.redoubt.findings.Facet.ACC;
import static dev.redoubt.findings.Facet.ENC;
import static dev.redoubt.findings.Facet.IMM;
import static dev.redoubt.findings.Facet.ISO;
import static dev.redoubt.findings.Facet.MPA;
import static dev.redoubt.findings.Facet.RST;
import static dev.redoubt.findings.Severity.CRITICAL;
import static dev.redoubt.findings.Severity.HIGH;
import static dev.redoubt.findings.Severity.LOW;
import static dev.redoubt.findings.Severity.MEDIUM;
import static dev.redoubt.findings.Status.FAIL;
import static dev.redoubt.findings.Status.PASS;
import static dev.redoubt.findings.Status.SUPPRESSED;
import static dev.redoubt.findings.Status.UNKNOWN;
import static dev.redoubt.ui.overview.SmallEstate.BACKUP;
import static dev.redoubt.ui.overview.SmallEstate.PROD;
import static dev.redoubt.ui.overview.SmallEstate.REGION;
import static dev.redoubt.ui.overview.SmallEstate.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.Estate;
import dev.redoubt.findings.Checks;
import dev.redoubt.findings.Counts;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Summary;
import dev.redoubt.ui.findings.FindingsQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The overview's computations on small estates and hand-made results, against hand-computed values. */
class OverviewModelTest {
    private static List<Result> repeat(int n, Result r) {
        return IntStream.range(0, n).mapToObj(i -> r).toList();
    }

    @Nested
    class Scores {
        /**
         * ENC: 3 pass, 1 fail, 2 unknown, 1 suppressed -> 3/4 = 75%. ACC: only UNKNOWN -> no score.
         * IMM: 1 pass -> 100%. ISO: 199 pass, 1 fail -> 99.5%, shown 99%. RST: 3 fail -> 0%. MPA: nothing -> no score.
         */
        private final List<Result> results = new ArrayList<>();

        Scores() {
            results.addAll(repeat(3, result("ENC-01", PASS, MEDIUM, ENC, PROD, "a")));
            results.add(result("ENC-05", FAIL, CRITICAL, ENC, PROD, "k"));
            results.addAll(repeat(2, result("ENC-07", UNKNOWN, CRITICAL, ENC, PROD, "k")));
            results.add(result("ENC-01", SUPPRESSED, MEDIUM, ENC, PROD, "b"));
            results.addAll(repeat(4, result("ACC-01", UNKNOWN, HIGH, ACC, PROD, "v")));
            results.add(result("IMM-01", PASS, MEDIUM, IMM, PROD, "v"));
            results.addAll(repeat(199, result("ISO-01", PASS, HIGH, ISO, PROD, "r")));
            results.add(result("ISO-02", FAIL, MEDIUM, ISO, PROD, "r"));
            results.addAll(repeat(2, result("RST-02", FAIL, HIGH, RST, PROD, "p")));
            results.add(result("RST-06", FAIL, LOW, RST, PROD, "r"));
        }

        private Scorecard card() {
            return Scorecard.of(Summary.of(results, Checks.all()), Checks.all(), "d1g35t");
        }

        @Test
        void scoresEachFacetAsPassingOverPassingPlusFailing() {
            Scorecard s = card();
            assertThat(s.facet(ENC).score()).isEqualTo(0.75);
            assertThat(s.facet(ENC).scoreText()).isEqualTo("75%");
            assertThat(s.facet(ENC).counts()).isEqualTo(new Counts(3, 1, 2, 1));
            assertThat(s.facet(IMM).scoreText()).isEqualTo("100%");
            assertThat(s.facet(RST).scoreText()).isEqualTo("0%");
            assertThat(s.facet(RST).band()).isEqualTo(ScoreBand.POOR);
            assertThat(s.facet(ENC).band()).isEqualTo(ScoreBand.FAIR);
            assertThat(s.facet(IMM).band()).isEqualTo(ScoreBand.GOOD);
        }

        @Test
        void givesNoScoreToAFacetWithOnlyUnknownResultsOrNone() {
            Scorecard s = card();
            assertThat(s.facet(ACC).score()).isNull();
            assertThat(s.facet(ACC).scoreText()).isEqualTo("—");
            assertThat(s.facet(ACC).band()).isEqualTo(ScoreBand.NONE);
            assertThat(s.facet(ACC).counts().unknown()).isEqualTo(4);
            assertThat(s.facet(MPA).scoreText()).isEqualTo("—");
        }

        @Test
        void neverRoundsAFailureUpTo100Percent() {
            assertThat(card().facet(ISO).scoreText()).as("199/200 = 99.5%").isEqualTo("99%");
            assertThat(Score.text(new Counts(1, 999, 0, 0))).as("0.1% is not nothing").isEqualTo("1%");
            assertThat(Score.text(new Counts(2, 1, 0, 0))).isEqualTo("67%");
        }

        @Test
        void writesLargeCountsCompactlyForSmallSpaces() {
            assertThat(List.of(Score.compact(987), Score.compact(1_261), Score.compact(9_999), Score.compact(25_157), Score.compact(1_250_000)))
                    .containsExactly("987", "1.2k", "9.9k", "25k", "1.2M");
        }

        @Test
        void countsTheChecksOfEachFacetThatFail() {
            Scorecard s = card();
            assertThat(s.facet(ENC).checksFailing()).as("ENC-05 fails; ENC-01 passes or is suppressed, ENC-07 unknown").isEqualTo(1);
            assertThat(s.facet(ENC).checks()).isEqualTo(7);
            assertThat(s.facet(RST).checksFailing()).as("RST-02 and RST-06").isEqualTo(2);
            assertThat(s.facet(ACC).checksFailing()).isZero();
            assertThat(s.checksFailing()).isEqualTo(4);
            assertThat(s.checks()).isEqualTo(41);
        }

        @Test
        void hasAnOverallLineOverEveryResult() {
            Scorecard s = card();
            assertThat(s.total()).isEqualTo(new Counts(3 + 1 + 199, 1 + 1 + 3, 2 + 4, 1));
            assertThat(s.scoreText()).as("203 / 208 = 97.6%").isEqualTo("98%");
            assertThat(s.failingBySeverity()).containsEntry(CRITICAL, 1L).containsEntry(HIGH, 2L).containsEntry(MEDIUM, 1L).containsEntry(LOW, 1L);
            assertThat(s.digest()).isEqualTo("d1g35t");
        }
    }

    @Nested
    class HeatMapCells {
        private final Estate estate = new SmallEstate().account(PROD, "shop-prod").account(BACKUP, "backup").build();
        private final String outsider = "999999999999";
        private final List<Result> results = List.of(
                result("ENC-01", PASS, MEDIUM, ENC, PROD, "a"),
                result("ENC-01", FAIL, MEDIUM, ENC, PROD, "b"),
                result("ENC-01", FAIL, MEDIUM, ENC, PROD, "c"),
                result("ISO-01", UNKNOWN, HIGH, ISO, PROD, "r"),
                result("ACC-01", PASS, HIGH, ACC, outsider, "v"),
                result("MPA-02", FAIL, MEDIUM, MPA, null, "org"));

        @Test
        void hasARowPerAccountOfTheEstateAndPerOtherAccountResultsName() {
            HeatMap map = HeatMap.of(results, estate.accounts());
            assertThat(map.rows()).extracting(HeatMap.Row::accountId).containsExactly(BACKUP, PROD, outsider);
            assertThat(map.rows()).extracting(HeatMap.Row::name).containsExactly("backup", "shop-prod", null);
            assertThat(map.row(BACKUP).cells()).allSatisfy(c -> assertThat(c.band()).isEqualTo(ScoreBand.NONE));
        }

        /**
         * An organization of hundreds of accounts: the map shows the accounts with the most failures, at most
         * {@link HeatMap#MAX_ROWS}, and counts the others (the window drew 1,200 cells for 200 accounts and froze for seconds).
         */
        @Test
        void aLargeOrganizationsMapShowsTheAccountsWithTheMostFailuresAndCountsTheRest() {
            List<Result> many = new ArrayList<>();
            for (int a = 0; a < 30; a++) {
                String id = String.format("1000000000%02d", a);
                for (int f = 0; f < (a * 7) % 11; f++) {
                    many.add(result("ENC-01", FAIL, HIGH, ENC, id, "rp-" + a + "-" + f));
                }
                many.add(result("IMM-05", PASS, MEDIUM, IMM, id, "ok-" + a));
            }
            HeatMap map = HeatMap.of(many, List.of());

            assertThat(map.rows()).hasSize(HeatMap.MAX_ROWS);
            assertThat(map.hidden()).isEqualTo(30 - HeatMap.MAX_ROWS);
            java.util.Set<String> shown = new java.util.HashSet<>();
            map.rows().forEach(r -> shown.add(r.accountId()));
            long fewestShown = map.rows().stream().mapToLong(r -> r.cell(ENC).counts().fail()).min().orElseThrow();
            for (int a = 0; a < 30; a++) {
                String id = String.format("1000000000%02d", a);
                if (!shown.contains(id)) {
                    assertThat((long) (a * 7) % 11).as("a hidden account fails no more than every shown one").isLessThanOrEqualTo(fewestShown);
                }
            }
            assertThat(map.rows()).extracting(HeatMap.Row::accountId).as("shown in the usual order").isSorted();
            assertThat(HeatMap.of(results, estate.accounts()).hidden()).as("a small estate shows every account").isZero();
        }

        @Test
        void scoresEachCellOverThatAccountsResultsInThatFacet() {
            HeatMap.Cell enc = HeatMap.of(results, estate.accounts()).row(PROD).cell(ENC);
            assertThat(enc.counts()).isEqualTo(new Counts(1, 2, 0, 0));
            assertThat(enc.scoreText()).isEqualTo("33%");
            assertThat(enc.band()).isEqualTo(ScoreBand.POOR);
            HeatMap.Cell iso = HeatMap.of(results, estate.accounts()).row(PROD).cell(ISO);
            assertThat(iso.scoreText()).as("only UNKNOWN: no score").isEqualTo("—");
        }

        @Test
        void leavesResultsWithoutAnAccountOutOfTheMapButCountsThem() {
            HeatMap map = HeatMap.of(results, estate.accounts());
            assertThat(map.withoutAccount()).isEqualTo(1);
            assertThat(map.rows().stream().flatMap(r -> r.cells().stream()).mapToLong(c -> c.counts().total()).sum())
                    .as("every result but the organization-wide one").isEqualTo(5);
            assertThat(map.row(PROD).cell(MPA).counts().total()).isZero();
        }

        @Test
        void aCellSendsTheUserToThatAccountsFailuresInThatFacet() {
            HeatMap.Cell cell = HeatMap.of(results, estate.accounts()).row(PROD).cell(ENC);
            FindingsQuery q = cell.query();
            assertThat(q).isEqualTo(FindingsQuery.failing(PROD, ENC));
            assertThat(q.accountId()).isEqualTo(PROD);
            assertThat(q.facets()).containsExactly(ENC);
            assertThat(q.statuses()).containsExactly(FAIL);
        }
    }

    @Nested
    class MostSevereFailures {
        @Test
        void ordersBySeverityThenCatalogueThenTheAuditsOrder() {
            List<Result> results = List.of(
                    result("RST-02", FAIL, HIGH, RST, PROD, "p1"),
                    result("ENC-01", FAIL, MEDIUM, ENC, PROD, "rp1"),
                    result("ACC-01", PASS, HIGH, ACC, PROD, "v0"),
                    result("ACC-01", FAIL, HIGH, ACC, PROD, "v1"),
                    result("MPA-03", FAIL, HIGH, MPA, PROD, "t1"),
                    result("ENC-07", FAIL, CRITICAL, ENC, PROD, "k1"),
                    result("ACC-01", FAIL, HIGH, ACC, PROD, "v2"),
                    result("ENC-05", FAIL, CRITICAL, ENC, PROD, "k2"),
                    result("ISO-01", SUPPRESSED, HIGH, ISO, PROD, "r1"));
            TopFailures top = TopFailures.of(results, Checks.all(), Map.of(PROD, "shop-prod"), Map.of(), 10);
            assertThat(top.failures()).extracting(TopFailures.Failure::resourceArn).containsExactly("k2", "k1", "v1", "v2", "p1", "t1", "rp1");
            assertThat(top.total()).isEqualTo(7);
            assertThat(top.failures().get(0).accountName()).isEqualTo("shop-prod");
        }

        @Test
        void keepsTheFirstTenAndCountsAll() {
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                results.add(result("IMM-01", FAIL, MEDIUM, IMM, PROD, "m" + i));
            }
            results.add(result("ENC-05", FAIL, CRITICAL, ENC, PROD, "last-but-critical"));
            TopFailures top = TopFailures.of(results, Checks.all(), Map.of(), Map.of(), 10);
            assertThat(top.failures()).hasSize(10);
            assertThat(top.failures()).extracting(TopFailures.Failure::resourceArn)
                    .containsExactly("last-but-critical", "m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8");
            assertThat(top.total()).isEqualTo(16);
        }

        @Test
        void aFailureSendsTheUserToThatResultAndSeeAllToEveryFailure() {
            TopFailures.Failure f = TopFailures.of(List.of(result("ENC-05", FAIL, CRITICAL, ENC, PROD, "arn:k")), Checks.all(), Map.of(), Map.of(), 10)
                    .failures().get(0);
            assertThat(f.query()).isEqualTo(FindingsQuery.result("ENC-05", "arn:k"));
            assertThat(f.query().selectResourceArn()).isEqualTo("arn:k");
            assertThat(TopFailures.allQuery().statuses()).containsExactly(FAIL);
            assertThat(TopFailures.allQuery().facets()).isEmpty();
            assertThat(TopFailures.allQuery().accountId()).isNull();
        }

        @Test
        void namesResourcesAsPeopleDo() {
            String key = "arn:aws:kms:eu-west-1:222222222222:key/fa243cfe-44d7-4cf3-86e0-cf6933a7de8b";
            assertThat(TopFailures.shortName(key, Map.of(key, "alias/backups"))).isEqualTo("alias/backups");
            assertThat(TopFailures.shortName(key, Map.of())).isEqualTo("key fa243cfe…");
            assertThat(TopFailures.shortName(SmallEstate.vaultArn(PROD, "prod-vault"), Map.of())).isEqualTo("prod-vault");
            assertThat(TopFailures.shortName(SmallEstate.database(PROD, "orders"), Map.of())).isEqualTo("orders");
            assertThat(TopFailures.shortName("arn:aws:organizations::111111111111:account/o-x/222222222222", Map.of())).isEqualTo("whole account");
            assertThat(TopFailures.shortName("not-an-arn", Map.of())).isEqualTo("not-an-arn");
        }
    }

    @Nested
    class RecoveryPointsPerDay {
        private final Instant captured = Instant.parse("2026-11-28T09:00:00Z");

        @Test
        void countsThe35DaysEndingAtTheCaptureInUtcDays() {
            String vol = SmallEstate.volume(PROD, "vol-1");
            Estate e = new SmallEstate(captured).account(PROD, "shop-prod").vault(PROD, "v")
                    .point(PROD, "v", vol, Instant.parse("2026-10-24T23:59:59Z"))   // the day before the window
                    .point(PROD, "v", vol, Instant.parse("2026-10-25T00:00:00Z"))   // the first day's first second
                    .point(PROD, "v", vol, Instant.parse("2026-11-10T12:00:00Z"))
                    .point(PROD, "v", vol, Instant.parse("2026-11-10T23:59:59Z"))
                    .point(PROD, "v", vol, Instant.parse("2026-11-28T00:00:00Z"))
                    .point(PROD, "v", vol, Instant.parse("2026-11-28T09:00:00Z"))   // the capture's instant
                    .point(PROD, "v", vol, Instant.parse("2026-11-28T09:00:01Z"))   // after the capture
                    .point(PROD, "v", vol, null)
                    .build();
            BackupActivity a = BackupActivity.of(e, captured, 35, 8);
            assertThat(a.days()).isEqualTo(35);
            assertThat(a.firstDay()).isEqualTo(LocalDate.parse("2026-10-25"));
            assertThat(a.lastDay()).isEqualTo(LocalDate.parse("2026-11-28"));
            assertThat(a.on(0)).isEqualTo(1);
            assertThat(a.on((int) (LocalDate.parse("2026-11-10").toEpochDay() - LocalDate.parse("2026-10-25").toEpochDay()))).isEqualTo(2);
            assertThat(a.on(34)).isEqualTo(2);
            assertThat(a.total()).isEqualTo(5);
            assertThat(a.perDay().stream().filter(n -> n == 0).count()).as("days without points show 0").isEqualTo(32);
        }

        @Test
        void anOldCaptureShowsItsOwnLast35DaysNotTheWallClocks() {
            Instant old = Instant.parse("2020-03-01T12:00:00Z");
            Estate e = new SmallEstate(old).account(PROD, "shop-prod").vault(PROD, "v")
                    .point(PROD, "v", SmallEstate.volume(PROD, "vol-1"), old.minus(Duration.ofDays(1))).build();
            BackupActivity a = BackupActivity.of(e, old, 35, 8);
            assertThat(a.lastDay()).isEqualTo(LocalDate.parse("2020-03-01"));
            assertThat(a.total()).isEqualTo(1);
            assertThat(a.on(33)).isEqualTo(1);
        }

        @Test
        void countsPointsUnderTheAccountHoldingTheVaultBusiestFirst() {
            String vol = SmallEstate.volume(PROD, "vol-1");
            Instant day = captured.minus(Duration.ofHours(2));
            Estate e = new SmallEstate(captured).account(PROD, "shop-prod").account(BACKUP, "backup").account("444444444444", "quiet")
                    .vault(PROD, "v").vault(BACKUP, "copies")
                    .point(PROD, "v", vol, day).point(BACKUP, "copies", vol, day).point(BACKUP, "copies", vol, day).build();
            BackupActivity a = BackupActivity.of(e, captured, 35, 8);
            assertThat(a.series()).extracting(BackupActivity.Series::name).containsExactly("backup", "shop-prod");
            assertThat(a.series()).extracting(BackupActivity.Series::total).containsExactly(2L, 1L);
            assertThat(a.quietAccounts()).containsExactly("quiet");
        }

        @Test
        void groupsTheQuieterAccountsWhenThereAreTooManyForTheLegend() {
            SmallEstate s = new SmallEstate(captured);
            for (int i = 0; i < 20; i++) {
                String id = String.format("1000000000%02d", i);
                s.account(id, "acct-" + i).vault(id, "v");
                for (int n = 0; n <= i; n++) {
                    s.point(id, "v", SmallEstate.volume(id, "vol"), captured.minus(Duration.ofDays(n % 30)));
                }
            }
            BackupActivity a = BackupActivity.of(s.build(), captured, 35, 8);
            assertThat(a.series()).hasSize(8);
            assertThat(a.series().subList(0, 7)).extracting(BackupActivity.Series::name)
                    .containsExactly("acct-19", "acct-18", "acct-17", "acct-16", "acct-15", "acct-14", "acct-13");
            BackupActivity.Series others = a.series().get(7);
            assertThat(others.others()).isTrue();
            assertThat(others.accounts()).isEqualTo(13);
            assertThat(others.name()).isEqualTo("13 other accounts");
            assertThat(others.total()).as("1 + 2 + ... + 13").isEqualTo(91);
            assertThat(a.total()).isEqualTo(210);
        }
    }

    @Nested
    class RestoreTests {
        private final Instant at = SmallEstate.CAPTURED;
        private final String r1 = SmallEstate.volume(PROD, "vol-1");
        private final String r2 = SmallEstate.database(PROD, "orders");
        private final String r3 = SmallEstate.volume(PROD, "vol-never-backed-up");

        private SmallEstate estate() {
            return new SmallEstate(at).account(PROD, "shop-prod").account(BACKUP, "backup")
                    .protectedResource(PROD, r1).protectedResource(PROD, r2).protectedResource(PROD, r3)
                    .vault(PROD, "prod-vault").point(PROD, "prod-vault", r1, at.minus(Duration.ofDays(1)))
                    .point(PROD, "prod-vault", r2, at.minus(Duration.ofDays(1)));
        }

        @Test
        void aResourceIsSelectedWhenAPlanTakesAVaultHoldingItsPointsAndSelectsItsType() {
            Estate e = estate().restoreTestingPlan(PROD, "weekly", List.of("*"), null, "EBS=*").build();
            RestoreTestCoverage c = RestoreTestCoverage.of(e, at, 30);
            assertThat(c.resources()).isEqualTo(3);
            assertThat(c.selected()).as("r1 only: no RDS selection for r2, no recovery point of r3").isEqualTo(1);
            assertThat(c.tested()).isZero();
            assertThat(c.accounts()).extracting(RestoreTestCoverage.AccountCoverage::accountId).containsExactly(PROD);
        }

        /** Hundreds of accounts: the overview's table lists those with the most protected resources not tested, the rest counted. */
        @Test
        void theAccountsMostInNeedOfRestoreTestsComeFirstWhenThereAreMany() {
            List<RestoreTestCoverage.AccountCoverage> all = new ArrayList<>();
            for (int a = 0; a < 30; a++) {
                all.add(new RestoreTestCoverage.AccountCoverage(String.format("1000000000%02d", a), "acct-" + (char) ('a' + a % 26) + a,
                        10, 5, (a * 7) % 11, 0));
            }
            RestoreTestCoverage c = new RestoreTestCoverage(300, 150, 150, 0, 30, all);

            List<RestoreTestCoverage.AccountCoverage> shown = c.mostUntested(20);

            assertThat(shown).hasSize(20);
            long fewestUntested = shown.stream().mapToLong(x -> x.resources() - x.tested()).min().orElseThrow();
            assertThat(all).filteredOn(x -> !shown.contains(x)).allSatisfy(x -> assertThat(x.resources() - x.tested()).isLessThanOrEqualTo(fewestUntested));
            assertThat(shown).as("in the table's usual order").isSortedAccordingTo(java.util.Comparator.comparingInt(all::indexOf));
            assertThat(c.mostUntested(40)).as("all of them when they fit").isEqualTo(all);
        }

        @Test
        void excludedVaultsAndOtherArnsDoNotSelect() {
            assertThat(RestoreTestCoverage.of(estate().restoreTestingPlan(PROD, "p", List.of("*"), List.of("prod-vault"), "EBS=*", "RDS=*").build(), at, 30)
                    .selected()).isZero();
            assertThat(RestoreTestCoverage.of(estate().restoreTestingPlan(PROD, "p", List.of(SmallEstate.vaultArn(PROD, "prod-vault")), null,
                    "EBS=" + SmallEstate.volume(PROD, "other"), "RDS=" + r2).build(), at, 30).selected()).as("r2 by ARN").isEqualTo(1);
        }

        @Test
        void aPlanInTheBackupAccountSelectsTheCopiesItHolds() {
            Estate e = estate().vault(BACKUP, "copies").point(BACKUP, "copies", r1, at.minus(Duration.ofDays(1)))
                    .restoreTestingPlan(BACKUP, "copies-test", List.of("copies"), null, "EBS=*").build();
            RestoreTestCoverage c = RestoreTestCoverage.of(e, at, 30);
            assertThat(c.selected()).isEqualTo(1);
            assertThat(c.accounts().get(0).selected()).as("counted under the owner").isEqualTo(1);
        }

        @Test
        void testedMeansARestoreTestCompletedWithinTheWindowAndValidatedMeansItsValidationSucceeded() {
            String plan = SmallEstate.planArn(PROD, "weekly");
            Estate e = estate().restoreTestingPlan(PROD, "weekly", List.of("*"), null, "EBS=*", "RDS=*")
                    .restoreJob(PROD, "j1", r1, plan, "COMPLETED", at.minus(Duration.ofDays(10)), "SUCCESSFUL")
                    .restoreJob(PROD, "j2", r2, null, "COMPLETED", at.minus(Duration.ofDays(2)), null)            // by hand
                    .restoreJob(PROD, "j3", r2, plan, "COMPLETED", at.minus(Duration.ofDays(31)), "SUCCESSFUL")   // too old
                    .restoreJob(PROD, "j4", r2, plan, "FAILED", at.minus(Duration.ofDays(3)), null)
                    .restoreJob(PROD, "j5", r3, plan, "COMPLETED", at.minus(Duration.ofDays(30)), "FAILED")       // on the boundary
                    .build();
            RestoreTestCoverage c = RestoreTestCoverage.of(e, at, 30);
            assertThat(c.selected()).isEqualTo(2);
            assertThat(c.tested()).as("r1, and r3 exactly 30 days ago").isEqualTo(2);
            assertThat(c.validated()).isEqualTo(1);
            assertThat(c.days()).isEqualTo(30);
            assertThat(RestoreTestCoverage.percent(c.tested(), c.resources())).isEqualTo("67%");
            assertThat(RestoreTestCoverage.percent(0, 0)).isEqualTo("—");
        }
    }

    @Nested
    class Unread {
        @Test
        void groupsReadErrorsByErrorAndOperationWithWhereAndAwssReason() {
            Estate e = new SmallEstate().account(PROD, "shop-prod").account(BACKUP, "backup")
                    .readError(PROD, REGION, "arn:aws:kms:eu-west-1:222222222222:key/1", "kms:GetKeyPolicy", "AccessDeniedException", "User is not authorized")
                    .readError(BACKUP, REGION, "arn:aws:kms:eu-west-1:333333333333:key/2", "kms:GetKeyPolicy", "AccessDeniedException", "User is not authorized")
                    .readError(BACKUP, null, BACKUP, "organizations:ListAccounts", "ThrottlingException", "Rate exceeded")
                    .build();
            UnreadSummary u = UnreadSummary.of(e);
            assertThat(u.scopes()).isEqualTo(3);
            assertThat(u.everythingRead()).isFalse();
            assertThat(u.partial()).isFalse();
            assertThat(u.groups()).extracting(UnreadSummary.Group::errorCode).containsExactly("AccessDeniedException", "ThrottlingException");
            UnreadSummary.Group denied = u.groups().get(0);
            assertThat(denied.operation()).isEqualTo("kms:GetKeyPolicy");
            assertThat(denied.scopes()).isEqualTo(2);
            assertThat(denied.places()).containsExactlyInAnyOrder("shop-prod eu-west-1", "backup eu-west-1");
            assertThat(denied.message()).isEqualTo("User is not authorized");
            assertThat(u.groups().get(1).places()).containsExactly("backup");
        }

        @Test
        void saysEverythingWasReadOrThatTheCaptureIsPartial() {
            assertThat(UnreadSummary.of(new SmallEstate().account(PROD, "p").build()).everythingRead()).isTrue();
            UnreadSummary partial = UnreadSummary.of(new SmallEstate().account(PROD, "p").incomplete().build());
            assertThat(partial.partial()).isTrue();
            assertThat(partial.everythingRead()).isFalse();
        }
    }

    @Test
    void theWholeModelUsesTheCapturesInstantAndTheAuditsRestoreTestWindow() {
        Estate e = new SmallEstate().account(PROD, "shop-prod").key(PROD, "arn:aws:kms:eu-west-1:222222222222:key/abc", "alias/prod-backups").build();
        List<Result> results = List.of(result("ENC-05", FAIL, CRITICAL, ENC, PROD, "arn:aws:kms:eu-west-1:222222222222:key/abc"));
        OverviewModel m = OverviewModel.of(e, results, Summary.of(results, Checks.all()), Checks.all(), "sha", 14, Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(m.asOf()).isEqualTo(SmallEstate.CAPTURED);
        assertThat(m.asOfFromCapture()).isTrue();
        assertThat(m.activity().lastDay()).isEqualTo(LocalDate.parse("2026-11-28"));
        assertThat(m.coverage().days()).isEqualTo(14);
        assertThat(m.topFailures().failures().get(0).resourceName()).isEqualTo("alias/prod-backups");
        assertThat(m.scorecard().facet(ENC).scoreText()).isEqualTo("0%");
    }

    @Test
    void withoutCapturedAtItJudgesAsOfTheAudit() {
        Estate e = new SmallEstate(null).account(PROD, "shop-prod").build();
        Instant audit = Instant.parse("2027-02-01T10:00:00Z");
        OverviewModel m = OverviewModel.of(e, List.of(), Summary.of(List.of(), Checks.all()), Checks.all(), "sha", 30, audit);
        assertThat(m.asOf()).isEqualTo(audit);
        assertThat(m.asOfFromCapture()).isFalse();
        assertThat(m.activity().lastDay()).isEqualTo(LocalDate.parse("2027-02-01"));
        assertThat(m.scorecard().scoreText()).isEqualTo("—");
    }
}
