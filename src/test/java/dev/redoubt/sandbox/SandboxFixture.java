package dev.redoubt.sandbox;

import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

/** A sandbox started on a test estate with a fixed clock, and real SDK clients pointed at it. */
final class SandboxFixture implements AutoCloseable {
    /** The tests' "now": an hour after the test estate's CapturedAt. */
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final String MGMT = "111111111111";
    static final String BACKUP = "222222222222";
    static final String SECURITY = "333333333333";
    static final String WORKLOAD = "444444444444";
    static final String REGION = "eu-west-1";

    final Sandbox sandbox;
    final List<Throwable> internalErrors = new CopyOnWriteArrayList<>();
    /** One connection pool for every client of this fixture (building one per client costs more than the calls). */
    private final SdkHttpClient http = ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
            .socketTimeout(Duration.ofSeconds(10)).build();

    private SandboxFixture(SandboxOptions options) throws IOException {
        this.sandbox = Sandbox.start(options, internalErrors::add);
    }

    static Estate estate(String resource) {
        try (InputStream in = SandboxFixture.class.getResourceAsStream("/estates/" + resource)) {
            return new EstateFile().read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test estate served as of {@link #NOW} (times shifted by one hour). */
    static SandboxFixture start() throws IOException {
        return start(SandboxOptions.forTests(estate("sandbox-estate.json"), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    static SandboxFixture start(SandboxOptions options) throws IOException {
        return new SandboxFixture(options);
    }

    private static final java.net.http.HttpClient RAW_HTTP = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final java.time.format.DateTimeFormatter AMZ_DATE =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * A request signed by hand (SigV4, as of {@code at}) with the given account's role, for what the SDK will not send:
     * malformed bodies, unknown targets, stale or future signatures.
     */
    java.net.http.HttpResponse<String> signedRaw(String account, String role, String region, Instant at, String method, String pathAndQuery,
                                                 String body, java.util.Map<String, String> extra, String service) throws Exception {
        SandboxCredential c = cred(account, role);
        java.net.URI uri = sandbox.endpoint().resolve(pathAndQuery);
        String amzDate = AMZ_DATE.format(at);
        java.util.Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("host", List.of(uri.getHost() + ":" + uri.getPort()));
        headers.put("x-amz-date", List.of(amzDate));
        extra.forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.of(v)));
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest forSigning = new HttpRequest(method, uri.getRawPath(), uri.getRawQuery(), headers, bytes);
        List<String> signedHeaders = headers.keySet().stream().sorted().toList();
        SigV4.Authorization auth = new SigV4.Authorization(c.accessKeyId(), amzDate.substring(0, 8), region, service, signedHeaders, "");
        String signature = SigV4.signature(auth, forSigning, c.secretAccessKey(), amzDate);
        var b = java.net.http.HttpRequest.newBuilder(uri).method(method, bytes.length == 0 ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes));
        b.header("X-Amz-Date", amzDate);
        extra.forEach(b::header);
        b.header("Authorization", "AWS4-HMAC-SHA256 Credential=" + c.accessKeyId() + "/" + auth.scope() + ", SignedHeaders="
                + String.join(";", signedHeaders) + ", Signature=" + signature);
        return RAW_HTTP.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    SandboxCredential cred(String account, String role) {
        SandboxCredential c = sandbox.credential(account, role);
        if (c == null) {
            throw new IllegalArgumentException("no credentials for " + account + "/" + role);
        }
        return c;
    }

    AwsCredentialsProvider readOnly(String account) {
        return provider(cred(account, "AuditReadOnly"));
    }

    AwsCredentialsProvider operator(String account) {
        return provider(cred(account, "BackupOperator"));
    }

    static AwsCredentialsProvider provider(SandboxCredential c) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey()));
    }

    static AwsCredentialsProvider provider(String keyId, String secret, String token) {
        AwsCredentials creds = token == null ? AwsBasicCredentials.create(keyId, secret) : AwsSessionCredentials.create(keyId, secret, token);
        return StaticCredentialsProvider.create(creds);
    }

    /** A real SDK client for the sandbox: endpoint override, explicit region, short timeouts, standard retries. */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, AwsCredentialsProvider credentials, String region) {
        return builder.endpointOverride(sandbox.endpoint())
                .region(Region.of(region))
                .credentialsProvider(credentials == null ? AnonymousCredentialsProvider.create() : credentials)
                .httpClient(http)
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(30)).apiCallAttemptTimeout(Duration.ofSeconds(10))
                        .retryStrategy(RetryMode.STANDARD))
                .build();
    }

    @Override
    public void close() {
        http.close();
        sandbox.close();
        if (!internalErrors.isEmpty()) {
            AssertionError e = new AssertionError("the sandbox answered InternalFailure: " + internalErrors.get(0));
            e.initCause(internalErrors.get(0));
            throw e;
        }
    }
}
