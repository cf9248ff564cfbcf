package dev.redoubt.ui.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FormatsTest {
    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    @Test
    void sizes() {
        assertThat(Formats.bytes(null)).isEqualTo("—");
        assertThat(Formats.bytes(512L)).isEqualTo("512 B");
        assertThat(Formats.bytes(1536L)).isEqualTo("1.5 KB");
        assertThat(Formats.bytes(340L * 1024 * 1024)).isEqualTo("340 MB");
        assertThat(Formats.bytes(5L * 1024 * 1024 * 1024 * 1024)).isEqualTo("5.0 TB");
    }

    @Test
    void datesInTheZoneAsked() {
        assertThat(Formats.dateTime(Instant.parse("2026-11-03T23:30:00Z"), ZoneOffset.ofHours(2))).isEqualTo("4 Nov 2026 01:30");
        assertThat(Formats.date(null, ZoneOffset.UTC)).isEqualTo("—");
        assertThat(Formats.sortable(Instant.parse("2026-11-03T14:02:00Z"), ZoneOffset.UTC)).isEqualTo("2026-11-03 14:02");
    }

    @Test
    void relativeTimes() {
        assertThat(Formats.relative(NOW.minus(Duration.ofDays(12)), NOW)).isEqualTo("12 days ago");
        assertThat(Formats.relative(NOW.plus(Duration.ofDays(1)), NOW)).isEqualTo("in 1 day");
        assertThat(Formats.relative(NOW.plus(Duration.ofHours(5)), NOW)).isEqualTo("in 5 hours");
        assertThat(Formats.relative(NOW, NOW)).isEqualTo("now");
        assertThat(Formats.ageDays(NOW.minus(Duration.ofHours(49)), NOW)).isEqualTo(2L);
    }

    @Test
    void durations() {
        assertThat(Formats.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(Formats.duration(Duration.ofMinutes(80))).isEqualTo("1 h 20 min");
        assertThat(Formats.duration(Duration.ofHours(51))).isEqualTo("2 d 3 h");
    }

    @Test
    void shortArns() {
        assertThat(Formats.shortArn("arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-prod")).isEqualTo("shop-prod");
        assertThat(Formats.shortArn("arn:aws:kms:eu-west-1:645019283746:key/abc")).isEqualTo("key/abc");
        assertThat(Formats.shortArn("plain")).isEqualTo("plain");
    }
}
