package dev.redoubt.journal;

import java.util.Locale;

/** How Redoubt was working when it recorded an entry: auditing (read-only) or operating (may change things). */
public enum Mode {
    AUDITOR, OPERATOR;

    /** The name stored in the journal. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mode fromWire(String text) {
        for (Mode m : values()) {
            if (m.wire().equals(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode \"" + text + "\"");
    }
}
