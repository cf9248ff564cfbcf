package dev.redoubt.sandbox;

import static dev.redoubt.sandbox.SandboxFixture.BACKUP;
import static dev.redoubt.sandbox.SandboxFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The sandbox as a security boundary: signatures too old or too new are refused as AWS refuses them
 * (15 minutes of skew, measured on the wall clock the SDK signs with, not on the estate's clock), and
 * nothing is answered to a request addressed to another host (DNS rebinding) or read across origins.
 */
class SandboxBoundaryTest {
    private static final DateTimeFormatter AMZ = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static SandboxFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = SandboxFixture.start(); // the estate's clock is fixed, days away from the wall clock
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    // ---- the request time ----

    @Test
    void refusesARequestSignedThirtyDaysAgoAsEachProtocolDoes() throws Exception {
        Instant signed = Instant.now().minus(Duration.ofDays(30));
        HttpResponse<String> backup = signed(signed, "GET", "/backup-vaults/", "", Map.of(), "backup");
        assertThat(backup.statusCode()).isEqualTo(403);
        assertThat(backup.headers().firstValue("x-amzn-ErrorType")).hasValueSatisfying(t -> assertThat(t).startsWith("InvalidSignatureException"));
        assertThat(backup.body()).contains("Signature expired: " + AMZ.format(signed) + " is now earlier than ").contains(" - 15 min.)");

        HttpResponse<String> kms = signed(signed, "POST", "/", "{}", Map.of("X-Amz-Target", "TrentService.ListKeys",
                "Content-Type", "application/x-amz-json-1.1"), "kms");
        assertThat(kms.statusCode()).isEqualTo(400);
        assertThat(kms.body()).contains("\"__type\":\"InvalidSignatureException\"").contains("Signature expired: " + AMZ.format(signed));

        HttpResponse<String> sts = signed(signed, "POST", "/", "Action=GetCallerIdentity&Version=2011-06-15",
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), "sts");
        assertThat(sts.statusCode()).isEqualTo(403);
        assertThat(sts.body()).contains("<Code>SignatureDoesNotMatch</Code>").contains("Signature expired: " + AMZ.format(signed));
        assertThat(fx.sandbox.requestLog().entries()).anySatisfy(e -> assertThat(e.message()).startsWith("Signature expired"));
    }

    @Test
    void refusesARequestSignedTwoHoursAhead() throws Exception {
        Instant signed = Instant.now().plus(Duration.ofHours(2));
        HttpResponse<String> backup = signed(signed, "GET", "/backup-vaults/", "", Map.of(), "backup");
        assertThat(backup.statusCode()).isEqualTo(403);
        assertThat(backup.body()).contains("Signature not yet current: " + AMZ.format(signed) + " is still later than ")
                .contains(" + 15 min.)");
    }

    @Test
    void acceptsFourteenMinutesOfSkewEitherWay() throws Exception {
        for (Duration skew : List.of(Duration.ofMinutes(-14), Duration.ofMinutes(14))) {
            HttpResponse<String> r = signed(Instant.now().plus(skew), "GET", "/backup-vaults/", "", Map.of(), "backup");
            assertThat(r.statusCode()).as("skew %s: %s", skew, r.body()).isEqualTo(200);
        }
    }

    @Test
    void measuresSkewOnTheWallClockNotOnTheEstatesClock() throws Exception {
        try (SandboxFixture old = SandboxFixture.start(SandboxOptions.forTests(SandboxFixture.estate("sandbox-estate.json"),
                Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC)).withAsCaptured(true))) {
            old.sandbox.advanceClock(Duration.ofDays(30));
            // the SDK signs with the wall clock: accepted although the sandbox serves a time years away
            try (BackupClient backup = old.client(BackupClient.builder(), old.readOnly(BACKUP), REGION);
                 KmsClient kms = old.client(KmsClient.builder(), old.readOnly(BACKUP), REGION);
                 StsClient sts = old.client(StsClient.builder(), old.readOnly(BACKUP), REGION)) {
                assertThat(backup.listBackupVaults(r -> { }).backupVaultList()).isNotEmpty();
                assertThat(kms.listKeys(r -> { }).keys()).isNotNull();
                assertThat(sts.getCallerIdentity().account()).isEqualTo(BACKUP);
            }
            // signed at the sandbox's own (served) time, years from the wall clock: refused
            HttpResponse<String> r = signed(old, old.sandbox.clock().instant(), "GET", "/backup-vaults/", "", Map.of(), "backup");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("Signature expired");
        }
    }

    // ---- the Host header (DNS rebinding) ----

    @Test
    void answersNothingToARequestAddressedToAnotherHost() throws Exception {
        int port = fx.sandbox.port();
        for (String host : List.of("evil.example:" + port, "evil.example", "127.0.0.1:" + (port == 1 ? 2 : port - 1), "127.0.0.2:" + port,
                "localhost.evil.example:" + port, "")) {
            for (String path : List.of("/_sandbox/credentials", "/_sandbox/health", "/", "/device", "/approvals")) {
                String answer = raw(host, "GET " + path, Map.of());
                assertThat(answer).as("Host %s %s", host, path).startsWith("HTTP/1.1 421").contains("127.0.0.1:" + port)
                        .doesNotContain(fx.cred(BACKUP, "AuditReadOnly").secretAccessKey()).doesNotContain("Sandbox test estate");
            }
        }
        // the unsigned sign-in API (sso-oidc) too: a rebinding page must not sign itself in
        String register = raw("evil.example:" + port, "POST /client/register", Map.of("Content-Type", "application/json"),
                "{\"clientName\":\"x\",\"clientType\":\"public\"}");
        assertThat(register).startsWith("HTTP/1.1 421").doesNotContain("clientSecret");
    }

    @Test
    void answersItsOwnLoopbackNamesOnItsPort() throws Exception {
        int port = fx.sandbox.port();
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port)) {
            assertThat(raw(host, "GET /_sandbox/credentials", Map.of())).as(host).startsWith("HTTP/1.1 200")
                    .contains(fx.cred(BACKUP, "AuditReadOnly").secretAccessKey());
            assertThat(raw(host, "GET /device", Map.of())).as(host).startsWith("HTTP/1.1 200");
        }
    }

    // ---- browsers reading across origins ----

    @Test
    void refusesTheControlSurfaceToAnotherOrigin() throws Exception {
        String host = "127.0.0.1:" + fx.sandbox.port();
        String secret = fx.cred(BACKUP, "AuditReadOnly").secretAccessKey();
        for (Map<String, String> headers : List.of(Map.of("Origin", "http://evil.example"), Map.of("Origin", "null"),
                Map.of("Sec-Fetch-Site", "cross-site"), Map.of("Sec-Fetch-Site", "same-site"),
                Map.of("Origin", "http://localhost:" + (fx.sandbox.port() + 1)))) {
            String answer = raw(host, "GET /_sandbox/credentials", headers);
            assertThat(answer).as(headers.toString()).startsWith("HTTP/1.1 403").doesNotContain(secret);
        }
        // a cross-site form may not vote or sign in on the sandbox's pages either
        String device = raw(host, "POST /device", Map.of("Origin", "http://evil.example", "Content-Type", "application/x-www-form-urlencoded"),
                "user_code=ABCD-EFGH&username=alice&password=x&decision=approve");
        assertThat(device).startsWith("HTTP/1.1 403");
        // the sandbox's own pages and a tool's plain request still work
        assertThat(raw(host, "GET /_sandbox/credentials", Map.of("Origin", "http://" + host, "Sec-Fetch-Site", "same-origin")))
                .startsWith("HTTP/1.1 200").contains(secret);
        assertThat(raw(host, "GET /_sandbox/credentials", Map.of("Sec-Fetch-Site", "none"))).startsWith("HTTP/1.1 200");
        assertThat(raw(host, "POST /device", Map.of("Origin", "http://localhost:" + fx.sandbox.port(), "Sec-Fetch-Site", "same-origin",
                "Content-Type", "application/x-www-form-urlencoded"), "user_code=ABCD-EFGH&username=nobody&password=x&decision=approve"))
                .startsWith("HTTP/1.1 401");
    }

    /** One raw HTTP/1.1 request (so the Host header can be anything); the whole answer. */
    private static String raw(String host, String requestLine, Map<String, String> headers) throws IOException {
        return raw(host, requestLine, headers, null);
    }

    private static String raw(String host, String requestLine, Map<String, String> headers, String body) throws IOException {
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), fx.sandbox.port())) {
            s.setSoTimeout(5000);
            StringBuilder sb = new StringBuilder(requestLine).append(" HTTP/1.1\r\n");
            if (!host.isEmpty()) {
                sb.append("Host: ").append(host).append("\r\n");
            }
            headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                sb.append("Content-Length: ").append(bytes.length).append("\r\n");
            }
            sb.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> signed(Instant at, String method, String pathAndQuery, String body, Map<String, String> extra,
                                               String service) throws Exception {
        return signed(fx, at, method, pathAndQuery, body, extra, service);
    }

    /** A raw request signed at {@code at} with the read-only role of the backup account. */
    private static HttpResponse<String> signed(SandboxFixture f, Instant at, String method, String pathAndQuery, String body,
                                               Map<String, String> extra, String service) throws Exception {
        return f.signedRaw(BACKUP, "AuditReadOnly", REGION, at, method, pathAndQuery, body, extra, service);
    }
}
