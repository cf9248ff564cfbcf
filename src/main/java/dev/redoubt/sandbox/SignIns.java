package dev.redoubt.sandbox;

import dev.redoubt.estate.SsoUser;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sign-in state of the SSO flows: registered OIDC clients, device authorizations waiting for a
 * user, the access and refresh tokens issued, and the browser sessions of the sandbox's pages.
 * Times are served times on the sandbox's clock.
 */
final class SignIns {
    static final Duration DEVICE_CODE_LIFETIME = Duration.ofMinutes(10);
    static final Duration TOKEN_LIFETIME = Duration.ofHours(8);
    static final Duration CLIENT_LIFETIME = Duration.ofDays(90);
    private static final char[] USER_CODE = "BCDFGHJKLMNPQRSTVWXZ".toCharArray();

    record Client(String id, String secret, Instant expires) {
    }

    /** A device authorization: pending until a user approves (or denies) it on the verification page. */
    static final class Device {
        final String code;
        final String userCode;
        final String clientId;
        final Instant expires;
        volatile SsoUser approvedBy;
        volatile boolean denied;
        volatile boolean redeemed;

        Device(String code, String userCode, String clientId, Instant expires) {
            this.code = code;
            this.userCode = userCode;
            this.clientId = clientId;
            this.expires = expires;
        }
    }

    record Token(String value, SsoUser user, Instant expires) {
    }

    record WebSession(String id, SsoUser user, String csrf) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, Device> byUserCode = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Token> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, WebSession> web = new ConcurrentHashMap<>();

    /** A random base64url value that never begins with '-', which command-line clients would read as an option. */
    String random(int bytes) {
        byte[] b = new byte[bytes];
        while (true) {
            synchronized (random) {
                random.nextBytes(b);
            }
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            if (value.charAt(0) != '-') {
                return value;
            }
        }
    }

    Client register(Instant now) {
        Client c = new Client(random(16), random(48), now.plus(CLIENT_LIFETIME));
        clients.put(c.id(), c);
        return c;
    }

    Client client(String id, String secret) {
        Client c = id == null ? null : clients.get(id);
        return c != null && c.secret().equals(secret) ? c : null;
    }

    Device startDevice(String clientId, Instant now) {
        String userCode;
        do {
            StringBuilder sb = new StringBuilder();
            synchronized (random) {
                for (int i = 0; i < 8; i++) {
                    if (i == 4) {
                        sb.append('-');
                    }
                    sb.append(USER_CODE[random.nextInt(USER_CODE.length)]);
                }
            }
            userCode = sb.toString();
        } while (byUserCode.containsKey(userCode));
        Device d = new Device(random(32), userCode, clientId, now.plus(DEVICE_CODE_LIFETIME));
        devices.put(d.code, d);
        byUserCode.put(userCode, d);
        return d;
    }

    Device device(String code) {
        return code == null ? null : devices.get(code);
    }

    Device deviceByUserCode(String userCode) {
        return userCode == null ? null : byUserCode.get(userCode.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** Every access token valid {@code by} longer (the sandbox's clock skipped ahead while their holders stayed signed in). */
    void extendTokens(java.time.Duration by) {
        tokens.replaceAll((v, t) -> new Token(t.value(), t.user(), t.expires().plus(by)));
    }

    Token issue(SsoUser user, Instant now) {
        Token t = new Token(random(48), user, now.plus(TOKEN_LIFETIME));
        tokens.put(t.value(), t);
        return t;
    }

    Token issueRefresh(SsoUser user) {
        Token t = new Token(random(48), user, Instant.MAX);
        refreshTokens.put(t.value(), t);
        return t;
    }

    Token refresh(String value) {
        return value == null ? null : refreshTokens.get(value);
    }

    /** The user an access token belongs to, or null when it is unknown or expired at {@code now}. */
    SsoUser user(String accessToken, Instant now) {
        Token t = accessToken == null ? null : tokens.get(accessToken);
        return t == null || !now.isBefore(t.expires()) ? null : t.user();
    }

    void revoke(String accessToken) {
        if (accessToken != null) {
            tokens.remove(accessToken);
        }
    }

    WebSession signIn(SsoUser user) {
        WebSession s = new WebSession(random(24), user, random(16));
        web.put(s.id(), s);
        return s;
    }

    WebSession webSession(String id) {
        return id == null ? null : web.get(id);
    }

    void signOut(String id) {
        if (id != null) {
            web.remove(id);
        }
    }
}
