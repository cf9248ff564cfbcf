package dev.redoubt.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Fact;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.findings.Suppression;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The digest's own encoder must give, byte for byte, what Jackson writes for the sorted results (the digest's definition). */
class ResultDigestTest {
    private static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");

    /** The definition: Jackson's generator over {@link ResultJson#write} with sorted members, hashed. */
    private static String byGenerator(List<Result> results) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(bytes)) {
            g.writeStartArray();
            for (Result r : results) {
                ResultJson.write(g, r, true);
            }
            g.writeEndArray();
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    }

    private static Result result(String check, String account, String region, String arn, Evidence e, Remediation fix, Suppression s) {
        return new Result(check, s == null ? Status.FAIL : Status.SUPPRESSED, Severity.HIGH, Facet.ISO, account, region, arn, "A title", e, fix, s);
    }

    @Test
    void everyCharacterIsEncodedAsJacksonDoes() throws Exception {
        List<Result> results = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            all.append((char) c); // controls, ASCII, two- and three-byte UTF-8, and every surrogate alone
        }
        String everything = all.toString();
        results.add(result("ENC-01", everything, everything, everything,
                Evidence.at(AT, everything).field(everything, everything).field("pair", "\uD83D\uDE00 and lone \uDC00\uD800").build(),
                new Remediation(everything, "aws x", "Terraform", everything), null));
        assertThat(ResultDigest.sha256(results)).isEqualTo(byGenerator(results));
    }

    @Test
    void valuesOfEveryKindAndShapeAgreeWithTheGenerator() throws Exception {
        Random random = new Random(16);
        List<Result> results = new ArrayList<>();
        Object[] values = {null, true, false, 0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 42, Integer.MIN_VALUE, AT, Instant.EPOCH,
            Instant.parse("2026-11-28T09:00:00.120Z"), Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"),
            Instant.parse("+10000-01-01T00:00:00Z"), Instant.ofEpochSecond(-62_167_219_201L), Instant.ofEpochSecond(1, 1),
            List.of("b", "a"), List.of("only"), Set.of(), 3.5, Status.PASS, "plain", "", "tab\there \"quoted\" back\\slash"};
        for (int i = 0; i < 400; i++) {
            Evidence.Builder e = Evidence.at(i % 7 == 0 ? null : i % 2 == 0 ? AT : Instant.ofEpochSecond(i * 86_399L, i % 3 == 0 ? 0 : i),
                    "summary " + i + (char) random.nextInt(0x3000));
            int facts = random.nextInt(9);
            for (int f = 0; f < facts; f++) {
                e.field("F" + random.nextInt(5) + "." + (char) ('a' + random.nextInt(3)), values[random.nextInt(values.length)]);
            }
            if (random.nextBoolean()) {
                e.threshold("t" + random.nextInt(3), values[random.nextInt(values.length)]).threshold("a", 35);
            }
            String big = "x".repeat(random.nextInt(3) == 0 ? 300_000 : 3); // longer than the encoder's buffer
            Remediation fix = random.nextBoolean() ? null : new Remediation("do " + big, "aws backup x\naws y", "CloudFormation", "é€" + big);
            Suppression s = random.nextInt(4) == 0 ? new Suppression("ISO-01", "arn:*", "because\u2028", "ops", AT) : null;
            results.add(result("ISO-0" + random.nextInt(9), random.nextBoolean() ? null : "1234567890" + i, i % 5 == 0 ? null : "eu-west-1",
                    i % 11 == 0 ? null : "arn:aws:backup:eu-west-1:1:recovery-point:" + i, e.build(), fix, s));
        }
        assertThat(ResultDigest.sha256(results)).isEqualTo(byGenerator(results));
        assertThat(ResultDigest.sha256(List.of())).isEqualTo(byGenerator(List.of()));
        assertThat(new Fact("x", null).value()).isEqualTo("(absent)");
    }
}
