package dev.redoubt.sandbox;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignInsRandomTest {

    @Test
    void tokensNeverBeginWithADashThatCommandLinesReadAsAnOption() {
        SignIns signIns = new SignIns();
        // One value in 64 would begin with '-' if drawn uniformly; 5,000 draws make a miss near impossible.
        for (int i = 0; i < 5_000; i++) {
            String value = signIns.random(16);
            assertNotEquals('-', value.charAt(0), value);
            assertTrue(value.matches("[A-Za-z0-9_-]{22}"), value);
        }
    }
}
