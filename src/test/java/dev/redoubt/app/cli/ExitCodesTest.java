package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitCodesTest {
    @Test
    void firstInTheDocumentedOrderWins() {
        assertThat(ExitCodes.combine()).isZero();
        assertThat(ExitCodes.combine(0, 1)).isEqualTo(1);
        assertThat(ExitCodes.combine(1, 4)).isEqualTo(4);
        assertThat(ExitCodes.combine(4, 3, 1)).isEqualTo(3);
        assertThat(ExitCodes.combine(3, 130)).isEqualTo(130);
        assertThat(ExitCodes.combine(130, 6)).isEqualTo(6);
        assertThat(ExitCodes.combine(6, 5)).isEqualTo(5);
        assertThat(ExitCodes.combine(5, 2, 1)).isEqualTo(2);
    }
}
