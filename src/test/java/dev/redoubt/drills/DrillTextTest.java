package dev.redoubt.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The words every face uses for a drill's durations and steps. */
class DrillTextTest {
    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertThat(DrillText.duration(null)).isEqualTo("-");
        assertThat(DrillText.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(DrillText.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(DrillText.duration(Duration.ofSeconds(252))).isEqualTo("4 min 12 s");
        assertThat(DrillText.duration(Duration.ofMinutes(8))).isEqualTo("8 min");
        assertThat(DrillText.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(DrillText.duration(Duration.ofHours(30))).as("hours up to two days").isEqualTo("30 h");
        assertThat(DrillText.duration(Duration.ofHours(76))).isEqualTo("3 d 4 h");
        assertThat(DrillText.duration(Duration.ofMinutes(-3))).isEqualTo("-3 min");
    }

    @Test
    void everyStepHasItsWords() {
        for (DrillStep s : DrillStep.values()) {
            assertThat(DrillText.step(s)).isNotBlank().doesNotContain("_");
        }
        assertThat(DrillText.step(DrillStep.CONFIRM)).isEqualTo("Confirmed by typing the name");
    }
}
