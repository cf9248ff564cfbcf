package dev.redoubt.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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
}
