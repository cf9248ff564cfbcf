package dev.redoubt.aws.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.files.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The SSO token cache shared with the AWS CLI v2: one JSON file per sso-session name (or start URL
 * for legacy profiles), named by the SHA-1 of that key, so `aws sso login` and Redoubt reuse each
 * other's sign-in.
 */
public final class SsoTokenCache {
    private final Path dir;
    private final ObjectMapper mapper = new ObjectMapper();

    public SsoTokenCache(Path dir) {
        this.dir = dir;
    }

    public static String fileName(String cacheKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(cacheKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available", e);
        }
    }

    public Path fileFor(String cacheKey) {
        return dir.resolve(fileName(cacheKey));
    }

    /** The cached token, or empty when none is cached or the file cannot be understood. */
    public Optional<SsoToken> read(String cacheKey) {
        Path file = fileFor(cacheKey);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = mapper.readTree(file.toFile());
            return Optional.of(new SsoToken(text(n, "startUrl"), text(n, "region"), text(n, "accessToken"),
                    instant(n, "expiresAt"), text(n, "clientId"), text(n, "clientSecret"),
                    instant(n, "registrationExpiresAt"), text(n, "refreshToken")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the token owner-only, atomically, in the CLI's format. */
    public void write(String cacheKey, SsoToken token) throws IOException {
        Files.createDirectories(dir);
        ObjectNode n = mapper.createObjectNode();
        put(n, "startUrl", token.startUrl());
        put(n, "region", token.region());
        put(n, "accessToken", token.accessToken());
        put(n, "expiresAt", format(token.expiresAt()));
        put(n, "clientId", token.clientId());
        put(n, "clientSecret", token.clientSecret());
        put(n, "registrationExpiresAt", format(token.registrationExpiresAt()));
        put(n, "refreshToken", token.refreshToken());
        byte[] bytes = mapper.writeValueAsBytes(n);
        SafeFiles.writeAtomically(fileFor(cacheKey), out -> out.write(bytes), true);
    }

    private static String format(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void put(ObjectNode n, String k, String v) {
        if (v != null) {
            n.put(k, v);
        }
    }

    private static String text(JsonNode n, String k) {
        JsonNode v = n.get(k);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode n, String k) {
        String v = text(n, k);
        if (v == null) {
            return null;
        }
        // The CLI writes "2026-11-28T20:00:00Z" (and older versions "2026-11-28T20:00:00UTC").
        return Instant.parse(v.endsWith("UTC") ? v.substring(0, v.length() - 3) + "Z" : v);
    }
}
