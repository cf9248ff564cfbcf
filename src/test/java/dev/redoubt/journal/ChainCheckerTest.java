package dev.redoubt.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The byte-level fast path of verification agrees with the string path, whatever the text holds. */
class ChainCheckerTest {
    private static final String[] TEXTS = {"plain", "quote \" backslash \\ slash /", "controls \u0000\u0001\b\t\n\f\r\u001f\u007f",
        "accents é ü ß, CJK 漢字, emoji 😀", ""};

    @Test
    void theFastPathAcceptsWhatTheStringPathAccepts() {
        ChainChecker fast = new ChainChecker(1, Canonical.ZERO_HASH, "", Map.of(), h -> null);
        String prev = Canonical.ZERO_HASH;
        int seq = 0;
        for (String a : TEXTS) {
            for (String b : TEXTS) {
                seq++;
                String subject = seq % 4 == 0 ? null : b;
                String details = "{\"note\":" + quoted(a) + "}";
                String time = "2026-11-28T10:00:00.000Z";
                String hash = Canonical.sha256Hex(Canonical.sha256(), Canonical.entry(new StringBuilder(), seq, time, a, "s-" + b, "auditor",
                        "capture:/x/" + b, "scan", subject, details, prev, null));
                String[] fields = {time, a, "s-" + b, "auditor", "capture:/x/" + b, "scan", subject == null ? "" : subject, details, prev, hash};
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                int[] from = new int[ChainChecker.FIELDS];
                int[] to = new int[ChainChecker.FIELDS];
                for (int i = 0; i < fields.length; i++) {
                    from[i] = buf.size();
                    buf.writeBytes(fields[i].getBytes(StandardCharsets.UTF_8));
                    to[i] = buf.size();
                }
                byte[] raw = buf.toByteArray();
                assertThat(fast.acceptRaw(seq, raw, from, to, subject == null)).as("seq %d: %s / %s", seq, a, b).isTrue();
                raw[from[ChainChecker.ACTOR]] ^= 1;
                if (to[ChainChecker.ACTOR] > from[ChainChecker.ACTOR]) {
                    assertThat(fast.acceptRaw(seq + 1, raw, from, to, subject == null)).isFalse();
                }
                prev = hash;
            }
        }
        assertThat(fast.count()).isEqualTo(seq);
        assertThat(fast.lastHash()).isEqualTo(prev);
    }

    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder();
        Canonical.quote(sb, s);
        return sb.toString();
    }
}
