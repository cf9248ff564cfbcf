package dev.redoubt.aws.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.redoubt.aws.profiles.AwsProfile;
import dev.redoubt.aws.profiles.ProfileKind;
import dev.redoubt.aws.profiles.SsoToken;
import dev.redoubt.aws.profiles.SsoTokenCache;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/** The device-code flow's polling and caching, against a scripted SSO-OIDC endpoint (the sandbox covers it end to end). */
class SsoLoginTest {
    @TempDir
    Path dir;
    private HttpServer server;
    private final Deque<String[]> tokenAnswers = new ConcurrentLinkedDeque<>();
    private final List<String> grants = new ArrayList<>();
    private SsoOidcClient oidc;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    private final List<Duration> pauses = new ArrayList<>();

    private final AwsProfile profile = new AwsProfile("audit", ProfileKind.SSO, "eu-west-1", null, "corp",
            "https://corp.awsapps.com/start", "eu-west-1", "111122223333", "AuditReadOnly", null, null, null);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/client/register", ex -> answer(ex, 200, null,
                "{\"clientId\":\"cid\",\"clientSecret\":\"csecret\",\"clientIdIssuedAt\":1790000000,\"clientSecretExpiresAt\":1900000000}"));
        server.createContext("/device_authorization", ex -> answer(ex, 200, null,
                "{\"deviceCode\":\"dev-1\",\"userCode\":\"ABCD-EFGH\",\"verificationUri\":\"https://device.sso/\","
                        + "\"verificationUriComplete\":\"https://device.sso/?user_code=ABCD-EFGH\",\"expiresIn\":600,\"interval\":1}"));
        server.createContext("/token", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (grants) {
                grants.add(body.contains("refresh_token\"") || body.contains("\"grantType\":\"refresh_token\"") ? "refresh" : "device");
            }
            String[] a = tokenAnswers.poll();
            answer(ex, Integer.parseInt(a[0]), a[1], a[2]);
        });
        server.start();
        oidc = SsoOidcClient.builder().region(Region.EU_WEST_1).credentialsProvider(AnonymousCredentialsProvider.create())
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).build();
    }

    @AfterEach
    void stop() {
        oidc.close();
        server.stop(0);
    }

    private static void answer(HttpExchange ex, int status, String errorType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        if (errorType != null) {
            ex.getResponseHeaders().add("x-amzn-ErrorType", errorType);
        }
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private SsoLogin login(SsoTokenCache cache) {
        return new SsoLogin(region -> oidc, cache, clock, pauses::add);
    }

    @Test
    void pollsUntilConfirmedThenCachesTheTokenForTheCli() throws Exception {
        tokenAnswers.add(new String[] {"400", "AuthorizationPendingException", "{\"error\":\"authorization_pending\"}"});
        tokenAnswers.add(new String[] {"400", "SlowDownException", "{\"error\":\"slow_down\"}"});
        tokenAnswers.add(new String[] {"200", null, "{\"accessToken\":\"at-1\",\"tokenType\":\"Bearer\",\"expiresIn\":28800,\"refreshToken\":\"rt-1\"}"});
        SsoTokenCache cache = new SsoTokenCache(dir.resolve("cache"));
        List<String> shown = new ArrayList<>();
        SsoToken token = login(cache).login(profile, (uri, complete, code, expires) -> shown.add(code + " " + complete));
        assertThat(shown).containsExactly("ABCD-EFGH https://device.sso/?user_code=ABCD-EFGH");
        assertThat(token.accessToken()).isEqualTo("at-1");
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-11-28T18:00:00Z"));
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(6));
        Path file = dir.resolve("cache").resolve(SsoTokenCache.fileName("corp"));
        assertThat(Files.readString(file)).contains("\"startUrl\":\"https://corp.awsapps.com/start\"", "\"expiresAt\":\"2026-11-28T18:00:00Z\"",
                "\"accessToken\":\"at-1\"", "\"refreshToken\":\"rt-1\"");
        assertThat(login(cache).validToken(profile).accessToken()).isEqualTo("at-1");
    }

    @Test
    void refreshesAnExpiredTokenAndAsksForSignInWhenItCannot() throws Exception {
        SsoTokenCache cache = new SsoTokenCache(dir.resolve("cache"));
        cache.write("corp", new SsoToken("https://corp.awsapps.com/start", "eu-west-1", "old", Instant.parse("2026-11-28T09:00:00Z"),
                "cid", "csecret", Instant.parse("2027-01-01T00:00:00Z"), "rt-1"));
        tokenAnswers.add(new String[] {"200", null, "{\"accessToken\":\"at-2\",\"expiresIn\":3600}"});
        SsoToken fresh = login(cache).validToken(profile);
        assertThat(fresh.accessToken()).isEqualTo("at-2");
        assertThat(fresh.refreshToken()).isEqualTo("rt-1");
        assertThat(grants).containsExactly("refresh");

        cache.write("corp", new SsoToken("https://corp.awsapps.com/start", "eu-west-1", "old", Instant.parse("2026-11-28T09:00:00Z"),
                "cid", "csecret", Instant.parse("2027-01-01T00:00:00Z"), "revoked"));
        tokenAnswers.add(new String[] {"400", "InvalidGrantException", "{\"error\":\"invalid_grant\"}"});
        assertThatThrownBy(() -> login(cache).validToken(profile)).isInstanceOf(SignInRequiredException.class)
                .hasMessage("the sign-in of profile audit expired at 2026-11-28T09:00:00Z")
                .satisfies(e -> {
                    SignInRequiredException s = (SignInRequiredException) e;
                    assertThat(s.profile()).isEqualTo("audit");
                    assertThat(s.expiredAt()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
                });
    }

    @Test
    void reportsADeniedSignIn() {
        tokenAnswers.add(new String[] {"400", "AccessDeniedException", "{\"error\":\"access_denied\"}"});
        assertThatThrownBy(() -> login(new SsoTokenCache(dir.resolve("c"))).login(profile, (a, b, c, d) -> { }))
                .isInstanceOf(SignInRequiredException.class).hasMessageContaining("denied");
    }
}
