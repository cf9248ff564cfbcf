package dev.redoubt.sandbox;

import static dev.redoubt.sandbox.SandboxFixture.BACKUP;
import static dev.redoubt.sandbox.SandboxFixture.REGION;
import static dev.redoubt.sandbox.SandboxFixture.WORKLOAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.mpa.MpaClient;
import software.amazon.awssdk.services.mpa.model.SessionStatus;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;
import software.amazon.awssdk.services.sts.StsClient;

/** The device-code sign-in end to end (real sso-oidc, sso, sts and backup clients, the HTML page), and the approver page. */
class SsoAndPagesTest {
    private static final String DEVICE = "urn:ietf:params:oauth:grant-type:device_code";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private SandboxFixture fx;
    private SsoOidcClient oidc;

    @BeforeEach
    void start() throws Exception {
        fx = SandboxFixture.start();
        oidc = fx.client(SsoOidcClient.builder(), null, REGION);
    }

    @AfterEach
    void stop() {
        oidc.close();
        fx.close();
    }

    private RegisterClientResponse registerClient() {
        return oidc.registerClient(r -> r.clientName("redoubt-test").clientType("public").scopes("sso:account:access"));
    }

    private CreateTokenResponse token(RegisterClientResponse c, StartDeviceAuthorizationResponse d) {
        return oidc.createToken(r -> r.clientId(c.clientId()).clientSecret(c.clientSecret()).grantType(DEVICE).deviceCode(d.deviceCode()));
    }

    private HttpResponse<String> post(String path, String cookie, String... fields) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        var b = java.net.http.HttpRequest.newBuilder(fx.sandbox.endpoint().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : fx.sandbox.endpoint() + path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aUserSignsInWithTheDeviceCodeAndActsAsAnAssignedRole() throws Exception {
        RegisterClientResponse client = registerClient();
        StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret()).startUrl(fx.sandbox.endpoint() + "/start"));
        assertThat(device.userCode()).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(device.verificationUriComplete()).isEqualTo(fx.sandbox.endpoint() + "/device?user_code=" + device.userCode());
        assertThatThrownBy(() -> token(client, device)).isInstanceOf(AuthorizationPendingException.class);

        HttpResponse<String> page = get(device.verificationUriComplete(), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"" + device.userCode() + "\"");
        assertThat(post("/device", null, "user_code", device.userCode(), "username", "alice", "password", "wrong", "decision", "approve")
                .statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> token(client, device)).isInstanceOf(AuthorizationPendingException.class);
        assertThat(post("/device", null, "user_code", device.userCode(), "username", "alice", "password", "alice-pw", "decision", "approve")
                .body()).contains("Signed in as <b>alice</b>");

        CreateTokenResponse token = token(client, device);
        assertThat(token.tokenType()).isEqualTo("Bearer");
        assertThat(token.expiresIn()).isEqualTo(8 * 3600);
        assertThatThrownBy(() -> token(client, device)).isInstanceOf(InvalidGrantException.class);
        CreateTokenResponse refreshed = oidc.createToken(r -> r.clientId(client.clientId()).clientSecret(client.clientSecret())
                .grantType("refresh_token").refreshToken(token.refreshToken()));
        assertThat(refreshed.accessToken()).isNotEqualTo(token.accessToken());

        try (SsoClient sso = fx.client(SsoClient.builder(), null, REGION)) {
            List<AccountInfo> accounts = sso.listAccountsPaginator(r -> r.accessToken(token.accessToken()).maxResults(2)).accountList()
                    .stream().toList();
            assertThat(accounts).extracting(AccountInfo::accountName).containsExactly("mgmt", "central-backup", "security", "shop-prod");
            assertThat(sso.listAccountRoles(r -> r.accessToken(token.accessToken()).accountId(BACKUP)).roleList())
                    .extracting(RoleInfo::roleName).containsExactly("AuditReadOnly", "BackupOperator");
            RoleCredentials creds = sso.getRoleCredentials(r -> r.accessToken(refreshed.accessToken()).accountId(BACKUP)
                    .roleName("BackupOperator")).roleCredentials();
            assertThat(creds.expiration()).isEqualTo(fx.sandbox.clock().instant().plus(Duration.ofHours(1)).toEpochMilli());
            var provider = SandboxFixture.provider(creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken());
            try (StsClient sts = fx.client(StsClient.builder(), provider, REGION);
                 BackupClient backup = fx.client(BackupClient.builder(), provider, REGION)) {
                assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/BackupOperator/alice");
                assertThat(backup.listBackupVaults(r -> { }).backupVaultList()).hasSize(2);
            }
            assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken("not-a-token"))).isInstanceOf(UnauthorizedException.class);
        }
    }

    @Test
    void aUserGetsCredentialsOnlyForRolesAssignedToThem() throws Exception {
        RegisterClientResponse client = registerClient();
        StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret()).startUrl("http://sandbox/start"));
        post("/device", null, "user_code", device.userCode(), "username", "bob", "password", "bob-pw", "decision", "approve");
        String bob = token(client, device).accessToken();
        try (SsoClient sso = fx.client(SsoClient.builder(), null, REGION)) {
            assertThat(sso.listAccounts(r -> r.accessToken(bob)).accountList()).extracting(AccountInfo::accountName).containsExactly("security");
            assertThat(sso.listAccountRoles(r -> r.accessToken(bob).accountId(BACKUP)).roleList()).isEmpty();
            assertThatThrownBy(() -> sso.getRoleCredentials(r -> r.accessToken(bob).accountId(BACKUP).roleName("BackupOperator")))
                    .isInstanceOf(SsoException.class).hasMessageContaining("No access")
                    .satisfies(e -> assertThat(((SsoException) e).statusCode()).isEqualTo(403));
            fx.sandbox.advanceClock(Duration.ofHours(9));
            assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(bob))).isInstanceOf(UnauthorizedException.class);
        }
    }

    @Test
    void aDeniedOrExpiredDeviceCodeNeverGivesAToken() throws Exception {
        RegisterClientResponse client = registerClient();
        StartDeviceAuthorizationResponse denied = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret()).startUrl("http://sandbox/start"));
        post("/device", null, "user_code", denied.userCode(), "username", "alice", "password", "alice-pw", "decision", "deny");
        assertThatThrownBy(() -> token(client, denied)).isInstanceOf(AccessDeniedException.class);
        StartDeviceAuthorizationResponse late = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret()).startUrl("http://sandbox/start"));
        fx.sandbox.advanceClock(Duration.ofMinutes(11));
        assertThatThrownBy(() -> token(client, late)).isInstanceOf(ExpiredTokenException.class);
        assertThat(post("/device", null, "user_code", late.userCode(), "username", "alice", "password", "alice-pw", "decision", "approve")
                .body()).contains("unknown or has expired");
    }

    @Test
    void autoApproveSignsTheFirstUserInAtOnce() throws Exception {
        try (SandboxFixture auto = SandboxFixture.start(SandboxOptions.forTests(SandboxFixture.estate("sandbox-estate.json"),
                Clock.fixed(SandboxFixture.NOW, ZoneOffset.UTC)).withAutoApprove(true));
             SsoOidcClient client = auto.client(SsoOidcClient.builder(), null, REGION);
             SsoClient sso = auto.client(SsoClient.builder(), null, REGION)) {
            RegisterClientResponse c = client.registerClient(r -> r.clientName("demo").clientType("public"));
            StartDeviceAuthorizationResponse d = client.startDeviceAuthorization(r -> r.clientId(c.clientId()).clientSecret(c.clientSecret())
                    .startUrl("http://sandbox/start"));
            String token = client.createToken(r -> r.clientId(c.clientId()).clientSecret(c.clientSecret()).grantType(DEVICE)
                    .deviceCode(d.deviceCode())).accessToken();
            assertThat(sso.listAccounts(r -> r.accessToken(token)).accountList()).hasSize(4);
        }
    }

    private static String cookieOf(HttpResponse<String> r) {
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    @Test
    void approversVoteOnTheApproverPage() throws Exception {
        try (BackupClient workload = fx.client(BackupClient.builder(), fx.operator(WORKLOAD), REGION);
             MpaClient mpa = fx.client(MpaClient.builder(), fx.readOnly(SandboxFixture.SECURITY), REGION)) {
            workload.createRestoreAccessBackupVault(r -> r.sourceBackupVaultArn("arn:aws:backup:eu-west-1:222222222222:backup-vault:central-lag")
                    .requesterComment("<script>alert(1)</script> drill\u202e\u001b[2J"));
            String session = fx.sandbox.pendingSessions().get(0);
            assertThat(get("/approvals", null).body()).contains("action=\"/approvals/signin\"");
            assertThat(post("/approvals/signin", null, "username", "alice", "password", "nope").statusCode()).isEqualTo(401);

            for (String user : List.of("alice", "bob")) {
                HttpResponse<String> signedIn = post("/approvals/signin", null, "username", user, "password", user + "-pw");
                assertThat(signedIn.statusCode()).isEqualTo(303);
                String cookie = cookieOf(signedIn);
                String page = get("/approvals", cookie).body();
                assertThat(page).contains("CreateRestoreAccessBackupVault").contains("&lt;script&gt;alert(1)&lt;/script&gt; drill&lt;U+202E&gt;&lt;U+001B&gt;[2J")
                        .doesNotContain("<script>").doesNotContain("\u202e");
                assertThat(post("/approvals/vote", cookie, "csrf", "forged", "session", session, "decision", "approve").statusCode()).isEqualTo(403);
                assertThat(post("/approvals/vote", cookie, "csrf", csrf(page), "session", session, "decision", "approve").body())
                        .contains("Approved.");
            }
            assertThat(mpa.getSession(r -> r.sessionArn(session)).status()).isEqualTo(SessionStatus.APPROVED);
            String dave = cookieOf(post("/approvals/signin", null, "username", "carol", "password", "carol-pw"));
            assertThat(get("/approvals", dave).body()).contains("No session is waiting for you.");
        }
    }
}
