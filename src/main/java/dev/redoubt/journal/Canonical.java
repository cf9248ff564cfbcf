package dev.redoubt.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 (JSON Canonicalization Scheme) for the journal's own objects. Entries and checkpoints
 * are flat objects of strings and whole numbers, so they are written directly (members in UTF-16
 * order, strings escaped as RFC 8785 says), which is what makes verification fast; free-form details
 * go through the reference canonicalizer once, on append. Tests hold the two to the same output.
 */
final class Canonical {
    static final String ZERO_HASH = "0".repeat(64);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private Canonical() {
    }

    /** UTC, millisecond precision, fixed width, so text order is time order. */
    static String time(Instant t) {
        return TIME.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The canonical form of a JSON value, per RFC 8785 (numbers as IEEE doubles, as the RFC says). */
    static String canonicalize(ObjectMapper mapper, JsonNode node) {
        try {
            return new JsonCanonicalizer(mapper.writeValueAsString(node)).getEncodedString();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("details cannot be written as JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("details cannot be canonicalized: " + e.getMessage(), e);
        }
    }

    /** The canonical JSON of an entry; {@code hash} null gives the text that is hashed. */
    static String entry(StringBuilder sb, long seq, String time, String actor, String session, String mode, String target,
                        String action, String subject, String details, String prev, String hash) {
        sb.setLength(0);
        sb.append("{\"action\":");
        quote(sb, action);
        sb.append(",\"actor\":");
        quote(sb, actor);
        sb.append(",\"details\":").append(details);
        if (hash != null) {
            sb.append(",\"hash\":");
            quote(sb, hash);
        }
        sb.append(",\"mode\":");
        quote(sb, mode);
        sb.append(",\"prev\":");
        quote(sb, prev);
        sb.append(",\"seq\":").append(seq);
        sb.append(",\"session\":");
        quote(sb, session);
        sb.append(",\"subject\":");
        if (subject == null) {
            sb.append("null");
        } else {
            quote(sb, subject);
        }
        sb.append(",\"target\":");
        quote(sb, target);
        sb.append(",\"time\":");
        quote(sb, time);
        return sb.append('}').toString();
    }

    /** The canonical JSON of a checkpoint; {@code signature} null gives the text that is signed. */
    static String checkpoint(long seq, String head, String time, String session, String reason, String key, String signature) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"head\":");
        quote(sb, head);
        sb.append(",\"key\":");
        quote(sb, key);
        sb.append(",\"reason\":");
        quote(sb, reason);
        sb.append(",\"seq\":").append(seq);
        sb.append(",\"session\":");
        quote(sb, session);
        if (signature != null) {
            sb.append(",\"signature\":");
            quote(sb, signature);
        }
        sb.append(",\"time\":");
        quote(sb, time);
        return sb.append('}').toString();
    }

    /** A JSON string as RFC 8785 writes it: only quote, backslash and control characters escaped. */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits. */
    static String sha256Hex(MessageDigest digest, String text) {
        return HEX.formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** True when the text survives UTF-8 (no lone surrogates), so its hash means what it says. */
    static boolean wellFormed(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
