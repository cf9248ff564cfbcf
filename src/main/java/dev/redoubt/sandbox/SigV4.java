package dev.redoubt.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4, verified as AWS does for non-S3 services: the canonical request from
 * the raw path (encoded again), the sorted canonical query, the signed headers and the payload hash;
 * the signing key derived from the secret the sandbox issued. The request time must be within
 * {@link #MAX_SKEW} of the wall clock the client signs with (not of the sandbox's served clock, which
 * an estate fixes and tests move freely), so that a captured request cannot be replayed later.
 */
final class SigV4 {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** How far a request's time may be from the server's, either way: AWS allows 15 minutes. */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" +");
    /**
     * Derived signing keys by secret and scope: the key depends only on the secret, the date, the region and the
     * service, so deriving it (four HMACs) once a day per scope, as AWS does, leaves one HMAC per request.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, byte[]> SIGNING_KEYS = new java.util.concurrent.ConcurrentHashMap<>();
    /** More scopes than a sandbox's roles, regions and services make in days; past it the cache starts again. */
    private static final int MAX_SIGNING_KEYS = 10_000;
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    /** The parts of an Authorization header. */
    record Authorization(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
                         String signature) {
        String scope() {
            return date + "/" + region + "/" + service + "/aws4_request";
        }
    }

    private SigV4() {
    }

    /** Parses the Authorization header; null when there is none (an unsigned request). */
    static Authorization parse(HttpRequest req) {
        String header = req.header("authorization");
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (!h.startsWith(ALGORITHM + " ")) {
            throw AwsError.of(AwsError.Kind.INCOMPLETE_SIGNATURE, "Authorization header requires existence of either a "
                    + "'X-Amz-Date' or a 'Date' header, and the AWS4-HMAC-SHA256 algorithm. Authorization=" + firstWord(h));
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : h.substring(ALGORITHM.length()).split(",")) {
            String p = part.trim();
            if (p.startsWith("Credential=")) {
                credential = p.substring("Credential=".length());
            } else if (p.startsWith("SignedHeaders=")) {
                signedHeaders = p.substring("SignedHeaders=".length());
            } else if (p.startsWith("Signature=")) {
                signature = p.substring("Signature=".length());
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw AwsError.of(AwsError.Kind.INCOMPLETE_SIGNATURE, "Authorization header requires 'Credential', "
                    + "'Signature' and 'SignedHeaders' parameters.");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            throw AwsError.of(AwsError.Kind.INCOMPLETE_SIGNATURE, "Credential should be scoped to a valid region, "
                    + "service and terminated by aws4_request. Credential=" + credential.replaceAll("[^A-Za-z0-9/_\\-]", "?"));
        }
        if (req.header("x-amz-date") == null && req.header("date") == null) {
            throw AwsError.of(AwsError.Kind.INCOMPLETE_SIGNATURE,
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        return new Authorization(scope[0], scope[1], scope[2], scope[3], List.of(signedHeaders.split(";")), signature);
    }

    private static String firstWord(String s) {
        int sp = s.indexOf(' ');
        return (sp < 0 ? s : s.substring(0, sp)).replaceAll("[^A-Za-z0-9\\-]", "?");
    }

    /**
     * Refuses a request signed more than {@link #MAX_SKEW} before or after {@code now}, in AWS's words
     * ("Signature expired: ... is now earlier than ..." / "Signature not yet current: ... is still later than ...").
     */
    static void checkTime(HttpRequest req, Instant now) {
        String amzDate = req.header("x-amz-date");
        Instant signed;
        if (amzDate != null) {
            try {
                signed = basic(amzDate.trim());
            } catch (DateTimeParseException e) {
                throw AwsError.of(AwsError.Kind.INCOMPLETE_SIGNATURE, "Date must be in ISO-8601 'basic format'. Got '"
                        + Wire.printable(amzDate) + "'. See http://en.wikipedia.org/wiki/ISO_8601");
            }
        } else {
            String date = req.header("date");
            try {
                signed = ZonedDateTime.parse(date == null ? "" : date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw AwsError.of(AwsError.Kind.INCOMPLETE_SIGNATURE, "Date must be in ISO-8601 'basic format' or RFC 1123. Got '"
                        + Wire.printable(String.valueOf(date)) + "'.");
            }
        }
        Instant server = now.truncatedTo(ChronoUnit.SECONDS);
        long minutes = MAX_SKEW.toMinutes();
        if (signed.isBefore(server.minus(MAX_SKEW))) {
            throw AwsError.of(AwsError.Kind.SIGNATURE_EXPIRED, "Signature expired: " + BASIC.format(signed) + " is now earlier than "
                    + BASIC.format(server.minus(MAX_SKEW)) + " (" + BASIC.format(server) + " - " + minutes + " min.)");
        }
        if (signed.isAfter(server.plus(MAX_SKEW))) {
            throw AwsError.of(AwsError.Kind.SIGNATURE_EXPIRED, "Signature not yet current: " + BASIC.format(signed) + " is still later than "
                    + BASIC.format(server.plus(MAX_SKEW)) + " (" + BASIC.format(server) + " + " + minutes + " min.)");
        }
    }

    /**
     * {@code yyyyMMdd'T'HHmmss'Z'} read by hand (the formatter costs more than the rest of a small request's
     * checks); anything unusual, and every error, is left to the formatter.
     */
    static Instant basic(String text) {
        if (text.length() == 16 && text.charAt(8) == 'T' && text.charAt(15) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 4, 6);
            int day = digits(text, 6, 8);
            int hour = digits(text, 9, 11);
            int minute = digits(text, 11, 13);
            int second = digits(text, 13, 15);
            if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= java.time.Month.of(month).length(java.time.Year.isLeap(year)) && hour >= 0 && hour <= 23 && minute >= 0
                    && minute <= 59 && second >= 0 && second <= 59) {
                return java.time.LocalDate.of(year, month, day).atTime(hour, minute, second).toInstant(ZoneOffset.UTC);
            }
        }
        return ZonedDateTime.parse(text, BASIC).toInstant();
    }

    /** The decimal number in text[from, to), or -1 when a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** True when the request's signature is the one {@code secret} gives. */
    static boolean verify(Authorization auth, HttpRequest req, String secret) {
        String amzDate = req.header("x-amz-date") != null ? req.header("x-amz-date") : req.header("date");
        String expected = signature(auth, req, secret, amzDate);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII));
    }

    static String signature(Authorization auth, HttpRequest req, String secret, String amzDate) {
        String canonical = canonicalRequest(req, auth.signedHeaders());
        String toSign = ALGORITHM + "\n" + amzDate + "\n" + auth.scope() + "\n" + HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        return HEX.formatHex(hmac(signingKey(secret, auth), toSign));
    }

    static byte[] signingKey(String secret, Authorization auth) {
        String id = auth.scope() + "\n" + secret;
        byte[] key = SIGNING_KEYS.get(id);
        if (key == null) {
            key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.date());
            key = hmac(key, auth.region());
            key = hmac(key, auth.service());
            key = hmac(key, "aws4_request");
            if (SIGNING_KEYS.size() >= MAX_SIGNING_KEYS) {
                SIGNING_KEYS.clear();
            }
            SIGNING_KEYS.put(id, key);
        }
        return key;
    }

    static String canonicalRequest(HttpRequest req, List<String> signedHeaders) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(req.method()).append('\n');
        sb.append(canonicalUri(req.rawPath())).append('\n');
        sb.append(canonicalQuery(req.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            List<String> values = req.headers().get(name.toLowerCase(Locale.ROOT));
            List<String> trimmed = new ArrayList<>();
            if (values != null) {
                for (String v : values) {
                    String t = v.trim();
                    trimmed.add(t.contains("  ") ? SPACES.matcher(t).replaceAll(" ") : t);
                }
            }
            sb.append(name.toLowerCase(Locale.ROOT)).append(':').append(String.join(",", trimmed)).append('\n');
        }
        sb.append('\n').append(String.join(";", signedHeaders)).append('\n');
        String payloadHash = req.header("x-amz-content-sha256");
        if (payloadHash == null || payloadHash.startsWith("STREAMING-")) {
            payloadHash = HEX.formatHex(sha256(req.body()));
        }
        sb.append(payloadHash);
        return sb.toString();
    }

    /** The raw (already encoded) path, encoded again segment by segment, as AWS does for every service but S3. */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        return encode(rawPath, false);
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {encode(percentDecode(k), true), encode(percentDecode(v), true)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    /** URI-encodes as SigV4 specifies: unreserved characters stay, everything else is %XX (upper case). */
    static String encode(String s, boolean encodeSlash) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
                    || c == '~' || (c == '/' && !encodeSlash)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    /** Percent-decoding only ('+' stays a plus, as SigV4 clients encode a space as %20). */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data);
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
