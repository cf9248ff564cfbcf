package dev.redoubt.journal;

import java.nio.file.Path;

/**
 * What an entry's action was aimed at, as stored: {@code aws} (live AWS), {@code sandbox},
 * {@code capture:<file>} (a captured estate file) or {@code none} (Redoubt's own data, e.g. an export).
 */
public record Target(String value) {
    private static final String CAPTURE = "capture:";

    public Target {
        if (!(value.equals("aws") || value.equals("sandbox") || value.equals("none")
                || (value.startsWith(CAPTURE) && value.length() > CAPTURE.length()))) {
            throw new IllegalArgumentException("unknown target \"" + value + "\" (aws, sandbox, capture:<file> or none)");
        }
    }

    public static Target aws() {
        return new Target("aws");
    }

    public static Target sandbox() {
        return new Target("sandbox");
    }

    public static Target none() {
        return new Target("none");
    }

    public static Target capture(Path file) {
        return new Target(CAPTURE + file.toAbsolutePath().normalize());
    }

    @Override
    public String toString() {
        return value;
    }
}
