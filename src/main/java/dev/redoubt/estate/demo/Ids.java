package dev.redoubt.estate.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * Identifiers and variation for the scenario. Things the documentation names (keys, plans, teams, resources)
 * get identifiers derived from their names, so they stay put when the scenario grows; the many (recovery
 * points, jobs, sizes, minutes) come from one seeded random source, consumed in scenario order.
 */
final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final Random random;

    Ids(long seed) {
        this.random = new Random(seed);
    }

    String uuid() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return uuid(bytes);
    }

    String hex(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(HEX[random.nextInt(16)]);
        }
        return sb.toString();
    }

    /** A whole number from min to max, both included. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** The value moved by up to {@code spread} (a fraction) either way. */
    long around(long value, double spread) {
        return Math.round(value * (1 + spread * (2 * random.nextDouble() - 1)));
    }

    /** A random-looking UUID (version 4 layout) that depends only on the parts. */
    static String stableUuid(String... parts) {
        return uuid(digest(parts));
    }

    /** Hex digits that depend only on the parts (at most 64). */
    static String stableHex(int length, String... parts) {
        byte[] d = digest(parts);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int b = d[i / 2] & 0xff;
            sb.append(HEX[i % 2 == 0 ? b >> 4 : b & 0x0f]);
        }
        return sb.toString();
    }

    private static byte[] digest(String... parts) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String uuid(byte[] b) {
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        String h = hexOf(b);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-"
                + h.substring(20, 32);
    }

    private static String hexOf(byte[] b) {
        StringBuilder sb = new StringBuilder(32);
        for (int i = 0; i < 16; i++) {
            sb.append(HEX[(b[i] & 0xff) >> 4]).append(HEX[b[i] & 0x0f]);
        }
        return sb.toString();
    }
}
