package dev.redoubt.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** SigV4 against AWS's published test suite (get-vanilla, get-vanilla-query-order-key-case) and the double encoding of paths. */
class SigV4Test {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private static String sign(String path, String query) {
        HttpRequest req = new HttpRequest("GET", path, query, Map.of("Host", List.of("example.amazonaws.com"),
                "X-Amz-Date", List.of("20150830T123600Z")), new byte[0]);
        SigV4.Authorization auth = new SigV4.Authorization("AKIDEXAMPLE", "20150830", "us-east-1", "service", List.of("host", "x-amz-date"), "");
        return SigV4.signature(auth, req, SECRET, "20150830T123600Z");
    }

    @Test
    void matchesAwsTestSuiteVectors() {
        assertThat(sign("/", null)).isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        assertThat(sign("/", "Param2=value2&Param1=value1")).isEqualTo("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
    }

    @Test
    void encodesAnAlreadyEncodedPathAgainAndSortsTheQuery() {
        assertThat(SigV4.canonicalUri("/backup-vaults/v/recovery-points/arn%3Aaws%3Aec2%3A%3Asnapshot%2Fsnap-1"))
                .isEqualTo("/backup-vaults/v/recovery-points/arn%253Aaws%253Aec2%253A%253Asnapshot%252Fsnap-1");
        assertThat(SigV4.canonicalQuery("b=2&a=x%20y&a=1")).isEqualTo("a=1&a=x%20y&b=2");
    }

    @Test
    void aSecondRequestInTheSameScopeSignsAlikeWithTheCachedKeyAndAnotherSecretDoesNot() {
        String first = sign("/", null);
        assertThat(sign("/", null)).isEqualTo(first);
        HttpRequest req = new HttpRequest("GET", "/", null, Map.of("Host", List.of("example.amazonaws.com"),
                "X-Amz-Date", List.of("20150830T123600Z")), new byte[0]);
        SigV4.Authorization auth = new SigV4.Authorization("AKIDEXAMPLE", "20150830", "us-east-1", "service", List.of("host", "x-amz-date"), "");
        assertThat(SigV4.signature(auth, req, SECRET + "x", "20150830T123600Z")).isNotEqualTo(first);
        SigV4.Authorization otherDay = new SigV4.Authorization("AKIDEXAMPLE", "20150831", "us-east-1", "service", List.of("host", "x-amz-date"), "");
        assertThat(SigV4.signature(otherDay, req, SECRET, "20150830T123600Z")).isNotEqualTo(first);
    }

    @Test
    void readsTheBasicDateAsTheFormatterDoesAndLeavesItsErrorsToIt() {
        DateTimeFormatter basic = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L));
            String text = basic.format(t);
            assertThat(SigV4.basic(text)).as(text).isEqualTo(t);
        }
        assertThat(SigV4.basic("20240229T235959Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
        // the formatter's own leniency (24:00, the 29th of a short February) and its refusals stay as they were
        for (String odd : List.of("20230229T000000Z", "20240431T000000Z", "20240101T240000Z", "20241301T000000Z", "20240101T006000Z",
                "20240001T000000Z", "2024010IT000000Z", "20240101T000000", "20240101 000000Z", "00000101T000000Z", "")) {
            Instant expected;
            try {
                expected = ZonedDateTime.parse(odd, basic).toInstant();
            } catch (DateTimeParseException e) {
                assertThatThrownBy(() -> SigV4.basic(odd)).as(odd).isInstanceOf(DateTimeParseException.class);
                continue;
            }
            assertThat(SigV4.basic(odd)).as(odd).isEqualTo(expected);
        }
        assertThatThrownBy(() -> SigV4.basic("20241301T000000Z")).isInstanceOf(DateTimeParseException.class);
    }
}
