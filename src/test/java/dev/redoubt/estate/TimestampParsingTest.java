package dev.redoubt.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-read common timestamp form gives the formatter's instant, and leaves every other form to the formatter. */
class TimestampParsingTest {
    private static Instant formatter(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void commonFormsAreReadByHandWithTheFormattersInstant() {
        for (String s : List.of("2026-11-02T04:10:00Z", "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "2026-11-02T04:10:00.5Z", "2026-11-02T04:10:00.123456Z", "2026-11-02T04:10:00+02:00", "2026-11-02T04:10:00.25-05:30",
                "0000-01-01T00:00:00Z", "2026-11-02T04:10:00-00:00")) {
            Instant fast = EstateJson.parseCommonTimestamp(s);
            assertNotNull(fast, s);
            assertEquals(formatter(s), fast, s);
            assertEquals(formatter(s), EstateJson.parseTimestamp(s), s);
        }
    }

    @Test
    void otherFormsAndImpossibleDatesAreLeftToTheFormatter() {
        for (String s : List.of("2026-11-02t04:10:00z", "2026-11-02T04:10Z", "2023-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
                "2026-13-01T00:00:00Z", "2026-11-02T24:00:00Z", "2026-11-02T04:60:00Z", "2026-11-02T04:10:60Z", "2026-11-02T04:10:00.Z",
                "2026-11-02T04:10:00.1234567891Z", "2026-11-02T04:10:00+18:00", "2026-11-02T04:10:00+0200", "+2026-11-02T04:10:00Z",
                "2026-11-02T04:10:00", "2026-11-02T04:10:00ZZ", "2026-1a-02T04:10:00Z")) {
            assertNull(EstateJson.parseCommonTimestamp(s), s);
        }
    }

    @Test
    void randomTimestampsAndTheirMutationsAgreeWithTheFormatter() {
        Random random = new Random(16);
        String alphabet = "0123456789-:TZ.+z ";
        int readByHand = 0;
        for (int i = 0; i < 20_000; i++) {
            long seconds = (long) (random.nextDouble() * 253_402_300_799L);
            String s = Instant.ofEpochSecond(seconds, random.nextBoolean() ? 0 : random.nextInt(1_000_000_000)).toString();
            if (random.nextInt(3) == 0) {
                char[] c = s.toCharArray();
                c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
                s = new String(c);
            }
            Instant fast = EstateJson.parseCommonTimestamp(s);
            if (fast != null) {
                readByHand++;
                assertEquals(formatter(s), fast, s);
            }
        }
        assertTrue(readByHand > 10_000, "most random timestamps take the hand-read path: " + readByHand);
    }

    @Test
    void timestampsAreWrittenAsInstantWritesThem() {
        Random random = new Random(16);
        char[] out = new char[30];
        List<Instant> edges = List.of(Instant.EPOCH, Instant.parse("2000-02-29T12:00:00.1Z"), Instant.parse("1972-12-31T23:59:59.000001Z"),
                Instant.parse("2100-03-01T00:00:00.000000001Z"), EstateJson.LATEST, Instant.ofEpochSecond(4_102_444_800L, 120_000_000));
        for (Instant t : edges) {
            assertEquals(t.toString(), new String(out, 0, EstateJson.formatTimestamp(t, out)), t.toString());
        }
        for (int i = 0; i < 200_000; i++) {
            long seconds = (long) (random.nextDouble() * EstateJson.LATEST.getEpochSecond());
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(t.toString(), new String(out, 0, EstateJson.formatTimestamp(t, out)), t.toString());
        }
        assertEquals(-1, EstateJson.formatTimestamp(Instant.ofEpochSecond(-1), out));
        assertEquals(-1, EstateJson.formatTimestamp(EstateJson.LATEST.plusSeconds(1), out));
    }
}
