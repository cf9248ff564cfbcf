package dev.redoubt.services;

import java.nio.file.Path;

/**
 * Where an estate on show came from: a live scan (with the capture it was kept in), a capture file
 * someone opened, or the built-in demo.
 */
public record EstateOrigin(Kind kind, Path file, String profile) {
    public enum Kind { LIVE, FILE, DEMO }

    public static EstateOrigin live(String profile, Path capture) {
        return new EstateOrigin(Kind.LIVE, capture, profile);
    }

    public static EstateOrigin file(Path file) {
        return new EstateOrigin(Kind.FILE, file.toAbsolutePath().normalize(), null);
    }

    public static EstateOrigin demo() {
        return new EstateOrigin(Kind.DEMO, null, null);
    }
}
