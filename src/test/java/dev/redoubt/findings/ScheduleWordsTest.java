package dev.redoubt.findings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleWordsTest {

    @Test
    void saysAwsDefaultScheduleAsEveryDayInUtc() {
        assertThat(ScheduleWords.describe("cron(0 5 ? * * *)", null)).isEqualTo("every day at 05:00 UTC");
        assertThat(ScheduleWords.describe("cron(0 5 ? * * *)", "Etc/UTC")).isEqualTo("every day at 05:00 UTC");
        assertThat(ScheduleWords.describe("cron(0 12 * * ? *)", "UTC")).isEqualTo("every day at 12:00 UTC");
    }

    @Test
    void namesTheRulesTimezone() {
        assertThat(ScheduleWords.describe("cron(30 3 ? * MON *)", "Europe/Paris")).isEqualTo("every Monday at 03:30 Europe/Paris");
        assertThat(ScheduleWords.describe("cron(0 22 ? * * *)", "America/New_York")).isEqualTo("every day at 22:00 America/New_York");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "rate(12 hours)   | every 12 hours",
        "rate(1 hour)     | every hour",
        "rate(1 day)      | every day",
        "rate(7 days)     | every 7 days",
        "rate(30 minutes) | every 30 minutes",
        "rate(1 minute)   | every minute",
        "RATE(2 Hours)    | every 2 hours",
    })
    void saysRates(String expression, String words) {
        assertThat(ScheduleWords.describe(expression, "Europe/Paris")).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // days of the month
        "cron(0 0 1 * ? *)        | on the 1st of every month at 00:00 UTC",
        "cron(0 7 1 * ? *)        | on the 1st of every month at 07:00 UTC",
        "cron(0 6 2 * ? *)        | on the 2nd of every month at 06:00 UTC",
        "cron(0 6 3 * ? *)        | on the 3rd of every month at 06:00 UTC",
        "cron(0 6 11 * ? *)       | on the 11th of every month at 06:00 UTC",
        "cron(0 6 12 * ? *)       | on the 12th of every month at 06:00 UTC",
        "cron(0 6 13 * ? *)       | on the 13th of every month at 06:00 UTC",
        "cron(0 6 21 * ? *)       | on the 21st of every month at 06:00 UTC",
        "cron(0 6 22 * ? *)       | on the 22nd of every month at 06:00 UTC",
        "cron(0 6 23 * ? *)       | on the 23rd of every month at 06:00 UTC",
        "cron(0 6 31 * ? *)       | on the 31st of every month at 06:00 UTC",
        "cron(0 6 1,15 * ? *)     | on the 1st and 15th of every month at 06:00 UTC",
        "cron(0 6 1/10 * ? *)     | on the 1st, 11th, 21st and 31st of every month at 06:00 UTC",
        "cron(0 6 1-7 * ? *)      | every day from the 1st to the 7th of every month at 06:00 UTC",
        "cron(0 6 L * ? *)        | on the last day of every month at 06:00 UTC",
        "cron(0 6 LW * ? *)       | on the last weekday (Monday to Friday) of every month at 06:00 UTC",
        "cron(0 6 15W * ? *)      | on the weekday (Monday to Friday) nearest the 15th of every month at 06:00 UTC",
        "cron(0 6 * * ? *)        | every day at 06:00 UTC",
        "cron(0 6 1-31 * ? *)     | every day at 06:00 UTC",
        // months
        "cron(0 5 15 2/6 ? *)     | on the 15th of February and August at 05:00 UTC",
        "cron(0 5 1 1/3 ? *)      | on the 1st of January, April, July and October at 05:00 UTC",
        "cron(0 5 1 JAN,JUL ? *)  | on the 1st of January and July at 05:00 UTC",
        "cron(0 5 1 MAR-JUN ? *)  | on the 1st of every month from March to June at 05:00 UTC",
        "cron(0 5 L 12 ? *)       | on the last day of December at 05:00 UTC",
        "cron(0 5 * 6-8 ? *)      | every day from June to August at 05:00 UTC",
        "cron(0 5 ? 1,7 MON *)    | every Monday in January and July at 05:00 UTC",
        // days of the week: 1 is Sunday
        "cron(0 3 ? * SUN *)      | every Sunday at 03:00 UTC",
        "cron(0 3 ? * 1 *)        | every Sunday at 03:00 UTC",
        "cron(0 3 ? * 7 *)        | every Saturday at 03:00 UTC",
        "cron(0 3 ? * 2 *)        | every Monday at 03:00 UTC",
        "cron(0 3 ? * mon *)      | every Monday at 03:00 UTC",
        "cron(0 3 ? * MON-FRI *)  | every weekday (Monday to Friday) at 03:00 UTC",
        "cron(0 3 ? * 2-6 *)      | every weekday (Monday to Friday) at 03:00 UTC",
        "cron(0 3 ? * SAT,SUN *)  | every Saturday and Sunday at 03:00 UTC",
        "cron(0 3 ? * MON,WED,FRI *) | every Monday, Wednesday and Friday at 03:00 UTC",
        "cron(0 3 ? * TUE-THU *)  | every Tuesday to Thursday at 03:00 UTC",
        "cron(0 3 ? * * *)        | every day at 03:00 UTC",
        "cron(0 3 ? * SUN-SAT *)  | every day at 03:00 UTC",
        "cron(0 3 ? * 3#2 *)      | on the second Tuesday of every month at 03:00 UTC",
        "cron(0 3 ? * FRI#1 *)    | on the first Friday of every month at 03:00 UTC",
        "cron(0 3 ? * 6L *)       | on the last Friday of every month at 03:00 UTC",
        "cron(0 3 ? 3,9 1#1 *)    | on the first Sunday of March and September at 03:00 UTC",
        // several times a day
        "cron(0 5,17 ? * * *)     | every day at 05:00 and 17:00 UTC",
        "cron(30 0/6 ? * * *)     | every day at 00:30, 06:30, 12:30 and 18:30 UTC",
        "cron(0,30 9 ? * * *)     | every day at 09:00 and 09:30 UTC",
        "cron(0 */2 ? * * *)      | every 2 hours from 00:00 to 22:00 UTC",
        "cron(0 8-18 ? * MON-FRI *) | every weekday (Monday to Friday), every hour from 08:00 to 18:00 UTC",
        "cron(15 * ? * * *)       | every hour at 15 minutes past the hour",
        "cron(0 * ? * * *)        | every hour, on the hour",
        "cron(0/15 * ? * * *)     | every 15 minutes",
        "cron(*/10 * ? * * *)     | every 10 minutes",
        "cron(0,30 * ? * * *)     | every 30 minutes",
        "cron(5/15 * ? * * *)     | every 15 minutes, starting 5 minutes past the hour",
        "cron(0/30 9-17 ? * * *)  | every 30 minutes from 09:00 to 17:30 UTC",
        "cron(* * ? * * *)        | every minute",
        // years
        "cron(0 5 ? * * 2027)     | every day at 05:00 UTC, in 2027 only",
        "cron(0 5 ? * * 2026-2028) | every day at 05:00 UTC, from 2026 to 2028 only",
    })
    void saysCronExpressions(String expression, String words) {
        assertThat(ScheduleWords.describe(expression, null)).isEqualTo(words);
    }

    @Test
    void saysTheZoneOfTimesThatDependOnIt() {
        assertThat(ScheduleWords.describe("cron(15 * ? * * *)", "Asia/Kolkata"))
                .isEqualTo("every hour at 15 minutes past the hour, Asia/Kolkata time");
        assertThat(ScheduleWords.describe("cron(0 */6 ? * * *)", "Europe/Paris")).isEqualTo("every day at 00:00, 06:00, 12:00 and 18:00 Europe/Paris");
        assertThat(ScheduleWords.describe("cron(0 1 1 * ? *)", "Europe/Paris")).isEqualTo("on the 1st of every month at 01:00 Europe/Paris");
    }

    @Test
    void saysOneTimeSchedules() {
        assertThat(ScheduleWords.describe("at(2026-12-24T18:30:00)", "Europe/Berlin")).isEqualTo("once, on 24 Dec 2026 at 18:30 Europe/Berlin");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "cron(0 5 * * * *)",           // both day fields set: EventBridge refuses it
        "cron(0 5 ? * ? *)",           // neither day field set
        "cron(0 5 1 * MON *)",         // a day of the month and a day of the week
        "cron(0 5 ? * *)",             // five fields
        "cron(0 5 L-3 * ? *)",         // an offset from the last day
        "cron(0 25 ? * * *)",          // no 25th hour
        "cron(61 5 ? * * *)",
        "cron(0 5 32 * ? *)",
        "cron(0 5 ? * 8 *)",
        "cron(0 5 ? * 3#1,6#3 *)",     // two '#' expressions are not allowed
        "cron(0 5 ? FOO * *)",
        "cron(0 22-2 ? * * *)",        // across midnight: five hours, not one phrase
        "cron(7,19,44 3,9 ? * * *)",   // six odd times a day
        "cron(0/7 * ? * * *)",         // every 7 minutes restarts each hour: not "every 7 minutes"
        "cron(0 5 ? * * 2026,2028,2030,2032,2034,2036,2038)",
        "cron(0 5 ? * 1/0 *)",
        "rate(0 hours)",
        "rate(12 weeks)",
        "every day",
        "at(tomorrow)",
    })
    void showsWhatItCannotPhraseAsWritten(String expression) {
        assertThat(ScheduleWords.phrase(expression, "UTC")).isEmpty();
        assertThat(ScheduleWords.describe(expression, "UTC")).startsWith(expression).endsWith("(as written)");
    }

    @Test
    void keepsTheZoneOfATimedExpressionItShowsAsWritten() {
        assertThat(ScheduleWords.describe("cron(0 5 L-3 * ? *)", "Europe/Paris")).isEqualTo("cron(0 5 L-3 * ? *) in Europe/Paris (as written)");
        assertThat(ScheduleWords.describe("rate(3 fortnights)", "Europe/Paris")).isEqualTo("rate(3 fortnights) (as written)");
    }

    @Test
    void saysWhenThereIsNoSchedule() {
        assertThat(ScheduleWords.describe(null, "UTC")).isEqualTo("no schedule");
        assertThat(ScheduleWords.describe("  ", null)).isEqualTo("no schedule");
        assertThat(ScheduleWords.phrase(null, null)).isEmpty();
    }

    @Test
    void readsUtcAliasesAsUtcAndOtherZonesAsGiven() {
        assertThat(ScheduleWords.zone(null)).isEqualTo("UTC");
        assertThat(ScheduleWords.zone("Etc/UTC")).isEqualTo("UTC");
        assertThat(ScheduleWords.zone("GMT")).isEqualTo("UTC");
        assertThat(ScheduleWords.zone("Europe/Paris")).isEqualTo("Europe/Paris");
    }

    @Test
    void phrasesEveryScheduleOfTheNorthwindDemo() {
        var estate = dev.redoubt.estate.demo.NorthwindDemo.build();
        var index = new EstateIndex(estate, FindingsSettings.DEFAULTS, estate.capturedAt());
        int phrased = 0;
        for (var p : index.plans()) {
            for (var rule : p.plan().backupPlan().rules()) {
                assertThat(ScheduleWords.phrase(rule.scheduleExpression(), rule.scheduleExpressionTimezone()))
                        .as(rule.scheduleExpression()).isPresent();
                phrased++;
            }
        }
        for (var t : index.restoreTestingPlans()) {
            assertThat(ScheduleWords.phrase(t.plan().scheduleExpression(), t.plan().scheduleExpressionTimezone()))
                    .as(t.plan().scheduleExpression()).isPresent();
            phrased++;
        }
        assertThat(phrased).isGreaterThan(10);
    }
}
