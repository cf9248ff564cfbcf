package dev.redoubt.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Random;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

/** The direct canonical writer must give exactly what the RFC 8785 reference implementation gives. */
class CanonicalTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void entriesAreWrittenAsTheReferenceCanonicalizerWritesThem() throws Exception {
        Random random = new Random(8785);
        for (int i = 0; i < 500; i++) {
            ObjectNode details = mapper.createObjectNode();
            details.put(randomText(random), randomText(random)).put("n", random.nextInt()).put("f", random.nextDouble() * 1e6)
                    .put("b", random.nextBoolean()).putNull("z");
            details.putArray("a").add(randomText(random)).add(1.5e-7).addObject().put("ü", "€");
            String canonicalDetails = Canonical.canonicalize(mapper, details);
            String subject = i % 7 == 0 ? null : randomText(random);
            String direct = Canonical.entry(new StringBuilder(), i + 1L, Canonical.time(Instant.ofEpochMilli(random.nextLong() & 0xFFFFFFFFFFL)),
                    randomText(random), "session-" + i, "auditor", "capture:/tmp/" + randomText(random), "scan", subject, canonicalDetails,
                    Canonical.ZERO_HASH, "ab".repeat(32));
            ObjectNode tree = (ObjectNode) mapper.readTree(direct);
            String reference = new JsonCanonicalizer(mapper.writeValueAsString(tree)).getEncodedString();
            assertThat(direct).isEqualTo(reference);
        }
    }

    @Test
    void checkpointsToo() throws Exception {
        Checkpoint cp = new Checkpoint(100, "ab".repeat(32), "2026-11-28T10:00:00.000Z", "s\u0001", "interval", "sha256:00", "c2ln");
        assertThat(cp.json()).isEqualTo(new JsonCanonicalizer(mapper.writeValueAsString(mapper.readTree(cp.json()))).getEncodedString());
        assertThat(cp.signedText()).doesNotContain("signature").contains("\"session\":\"s\\u0001\"");
    }

    @Test
    void escapesOnlyWhatRfc8785Escapes() {
        StringBuilder sb = new StringBuilder();
        Canonical.quote(sb, "\"\\/\b\f\n\r\t\u0000\u001f\u007f é 😀");
        assertThat(sb.toString()).isEqualTo("\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f é 😀\"");
    }

    @Test
    void timesAreFixedWidthUtcMilliseconds() {
        assertThat(Canonical.time(Instant.parse("2026-11-28T10:00:00Z"))).isEqualTo("2026-11-28T10:00:00.000Z");
        assertThat(Canonical.time(Instant.parse("2026-11-28T10:00:00.123456789Z"))).isEqualTo("2026-11-28T10:00:00.123Z");
    }

    @Test
    void loneSurrogatesAreNotWellFormed() {
        assertThat(Canonical.wellFormed("a😀b")).isTrue();
        assertThat(Canonical.wellFormed("a\ud83db")).isFalse();
        assertThat(Canonical.wellFormed("\ude00")).isFalse();
    }

    private static String randomText(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(6);
            sb.append(switch (kind) {
                case 0 -> (char) r.nextInt(0x20);
                case 1 -> "\"\\/".charAt(r.nextInt(3));
                case 2 -> (char) (0xA0 + r.nextInt(0x700));
                case 3 -> "😀";
                default -> (char) ('a' + r.nextInt(26));
            });
        }
        return sb.toString();
    }
}
