package dev.redoubt.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access keys the sandbox accepts: one static pair per (account, role), derived from the pair's
 * names so documentation and tests can rely on them, and temporary pairs with session tokens issued by
 * sts:AssumeRole and sso:GetRoleCredentials, which expire on the sandbox's clock.
 */
final class Keys {
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final byte[] DERIVATION = "redoubt-sandbox/1".getBytes(StandardCharsets.UTF_8);

    /** An access key the sandbox issued; sessionToken and expiration are null for the static pairs. */
    record Issued(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration, Principal principal) {
        boolean temporary() {
            return sessionToken != null;
        }
    }

    private final Map<String, Issued> byKeyId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** The static pair for a role: the same account and role name always give the same keys. */
    static Issued staticPair(String accountId, String roleName, Principal.Access access) {
        String subject = accountId + "/" + roleName;
        String keyId = "AKIA" + base32(SigV4.hmac(DERIVATION, "key-id/" + subject), 16);
        byte[] secret = SigV4.hmac(DERIVATION, "secret/" + subject);
        String secretText = Base64.getEncoder().withoutPadding().encodeToString(secret).replace('+', 'r').replace('/', 's')
                .substring(0, 40);
        return new Issued(keyId, secretText, null, null, new Principal(accountId, roleName, access, "redoubt-sandbox"));
    }

    void addStatic(Issued issued) {
        byKeyId.put(issued.accessKeyId(), issued);
    }

    /** Issues a temporary pair for {@code principal}, valid until {@code expiration} (served time). */
    Issued issueTemporary(Principal principal, Instant expiration) {
        byte[] id = new byte[10];
        byte[] secret = new byte[30];
        byte[] token = new byte[160];
        synchronized (random) {
            random.nextBytes(id);
            random.nextBytes(secret);
            random.nextBytes(token);
        }
        Issued issued = new Issued("ASIA" + base32(id, 16), Base64.getEncoder().encodeToString(secret),
                "IQoJb3JpZ2luX2VjE" + Base64.getEncoder().encodeToString(token), expiration, principal);
        if (byKeyId.size() > 50_000) {
            // long runs (benchmarks, demos left open) must not keep every expired key: drop those a day past expiry
            Instant cutoff = expiration.minus(java.time.Duration.ofHours(36));
            byKeyId.values().removeIf(i -> i.temporary() && i.expiration().isBefore(cutoff));
        }
        byKeyId.put(issued.accessKeyId(), issued);
        return issued;
    }

    /** Every temporary pair valid {@code by} longer (the sandbox's clock skipped ahead while their holders stayed signed in). */
    void extendTemporary(java.time.Duration by) {
        byKeyId.replaceAll((id, i) -> i.temporary() ? new Issued(i.accessKeyId(), i.secretAccessKey(), i.sessionToken(),
                i.expiration().plus(by), i.principal()) : i);
    }

    Issued lookup(String accessKeyId) {
        return byKeyId.get(accessKeyId);
    }

    static String base32(byte[] bytes, int length) {
        StringBuilder sb = new StringBuilder(length);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && sb.length() < length) {
                sb.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return sb.toString();
    }
}
