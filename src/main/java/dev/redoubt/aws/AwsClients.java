package dev.redoubt.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.mpa.MpaClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The one place where SDK clients are built: credentials, region, endpoint override, standard
 * retries with short jittered backoff (cut short for an endpoint that refuses every connection), timeouts, a shared HTTP
 * connection pool and, in auditor mode, the read-only guard.
 * One client per (service, region), reused, closed with this object. Clients made by {@link #sharing}
 * (another identity's, e.g. one per scanned account) use this object's {@link AwsTransport}: one
 * connection pool, one timeout scheduler and one parsed AWS config for a whole session, closed with
 * the object that created it.
 */
public final class AwsClients implements AutoCloseable {
    /** Organizations and Account are global services answered in us-east-1. */
    public static final Region GLOBAL = Region.US_EAST_1;
    /** How long an endpoint may refuse every connection before calls to it stop retrying (see {@link FailFastHttpClient}). */
    static final java.time.Duration GIVE_UP_ON_A_GONE_ENDPOINT = java.time.Duration.ofSeconds(2);

    /** Retry backoff: a random wait (full jitter) below a bound that starts near the base and doubles per retry, up to the max. */
    static final java.time.Duration RETRY_BASE_DELAY = java.time.Duration.ofMillis(50);
    static final java.time.Duration THROTTLED_BASE_DELAY = java.time.Duration.ofMillis(100);
    static final java.time.Duration RETRY_MAX_DELAY = java.time.Duration.ofSeconds(5);

    private final AwsCredentialsProvider credentials;
    private final AwsSettings settings;
    private final AwsTransport transport;
    /** Whether this object created {@link #transport} (and closes it) or shares another's. */
    private final boolean ownsTransport;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    /** Whether this object only warms the SDK up: its calls stop before they would be sent ({@link #warmUp}). */
    private final boolean warmUpOnly;

    public AwsClients(AwsCredentialsProvider credentials, AwsSettings settings) {
        this(credentials, settings, new AwsTransport(settings), true, false);
    }

    private AwsClients(AwsCredentialsProvider credentials, AwsSettings settings, AwsTransport transport, boolean ownsTransport,
                       boolean warmUpOnly) {
        this.credentials = credentials;
        this.settings = settings;
        this.transport = transport;
        this.ownsTransport = ownsTransport;
        this.warmUpOnly = warmUpOnly;
    }

    /**
     * Clients acting with other credentials (and settings: the access mode may differ) over this object's
     * connection pool, scheduler and parsed config. Close them before this object, which closes what they share.
     */
    public AwsClients sharing(AwsCredentialsProvider otherCredentials, AwsSettings otherSettings) {
        return new AwsClients(otherCredentials, otherSettings, transport, false, warmUpOnly);
    }

    public AwsSettings settings() {
        return settings;
    }

    public AccessMode mode() {
        return settings.mode();
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public BackupClient backup(String region) {
        return client("backup", region, BackupClient::builder);
    }

    public KmsClient kms(String region) {
        return client("kms", region, KmsClient::builder);
    }

    public StsClient sts(String region) {
        return client("sts", region, StsClient::builder);
    }

    public MpaClient mpa(String region) {
        return client("mpa", region, MpaClient::builder);
    }

    /** IAM Identity Center's identity store: who an approver's user ID is. */
    public IdentitystoreClient identityStore(String region) {
        return client("identitystore", region, IdentitystoreClient::builder);
    }

    /** IAM Identity Center's administration: which identity store an instance has. */
    public SsoAdminClient ssoAdmin(String region) {
        return client("ssoadmin", region, SsoAdminClient::builder);
    }

    public SsoClient sso(String region) {
        return client("sso", region, SsoClient::builder);
    }

    public SsoOidcClient ssoOidc(String region) {
        return client("ssooidc", region, SsoOidcClient::builder);
    }

    public OrganizationsClient organizations() {
        return client("organizations", GLOBAL.id(), OrganizationsClient::builder);
    }

    public AccountClient account() {
        return client("account", GLOBAL.id(), AccountClient::builder);
    }

    /**
     * Loads the classes of every client Redoubt builds, by building each once (no call, no
     * connection): a cold JVM otherwise pays for it on the first sign-in and scan.
     */
    public static void preload() {
        AwsSettings settings = AwsSettings.defaults(java.net.URI.create("http://127.0.0.1:9"), AccessMode.AUDITOR);
        try (AwsClients c = new AwsClients(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create(), settings)) {
            String region = "eu-west-1";
            c.ssoOidc(region);
            c.sso(region);
            c.sts(region);
            c.backup(region);
            c.kms(region);
            c.mpa(region);
            c.identityStore(region);
            c.ssoAdmin(region);
            c.organizations();
            c.account();
        }
    }

    /**
     * Starts, on a daemon thread, what a sign-in's first call does in a cold JVM: builds an STS client and runs
     * GetCallerIdentity (signed with made-up keys) up to the moment it would be sent, where an interceptor stops it;
     * then builds the Organizations, Backup and KMS clients a scan uses next. Loading and initialising the SDK's
     * classes (the regions' metadata, the endpoint rules, the signer, the retry strategy) then overlaps the command
     * line's parsing and the reading of the AWS config on the main thread, instead of following it. Nothing is sent
     * anywhere, not even a connection attempt (AwsClientsWarmUpTest); any failure is ignored.
     */
    public static Thread warmUpInBackground() {
        Thread t = new Thread(() -> warmUp(WARM_UP_ENDPOINT), "redoubt-sdk-warm-up");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Where the warm-up's call is addressed (a plain-HTTP endpoint: no TLS is prepared); it never gets there. */
    static final java.net.URI WARM_UP_ENDPOINT = java.net.URI.create("http://127.0.0.1:9");

    static void warmUp(java.net.URI endpoint) {
        AwsSettings settings = new AwsSettings(endpoint, AccessMode.AUDITOR, 1, null, null, 1);
        var keys = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIAWARMUPWARMUPWARM", "warm-up-only-not-a-key"));
        try (AwsClients c = new AwsClients(keys, settings, new AwsTransport(settings), true, true)) {
            String region = "us-east-1";
            try {
                c.sts(region).getCallerIdentity();
            } catch (RuntimeException expected) {
                // stopped before transmission, as intended
            }
            c.organizations();
            c.backup(region);
            c.kms(region);
        } catch (RuntimeException | LinkageError e) {
            // a warm-up only: the real sign-in reports whatever is wrong
        }
    }

    /** The warm-up's last interceptor: a call is signed and ready, and goes no further. */
    private static final class NothingLeaves implements software.amazon.awssdk.core.interceptor.ExecutionInterceptor {
        @Override
        public void beforeTransmission(software.amazon.awssdk.core.interceptor.Context.BeforeTransmission context,
                                       software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
            throw new IllegalStateException("warm-up: not sent");
        }
    }

    /** The override configuration every client shares; exposed so tests can assert it. */
    public ClientOverrideConfiguration overrideConfiguration() {
        ClientOverrideConfiguration.Builder b = ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy(settings.maxAttempts()))
                .apiCallTimeout(settings.apiCallTimeout())
                .apiCallAttemptTimeout(settings.attemptTimeout())
                .scheduledExecutorService(transport.scheduler())
                .defaultProfileFileSupplier(transport.profileFile());
        if (settings.mode() == AccessMode.AUDITOR) {
            b.addExecutionInterceptor(new ReadOnlyGuard());
        }
        if (warmUpOnly) {
            b.addExecutionInterceptor(new NothingLeaves());
        }
        return b.build();
    }

    /**
     * AWS's retry conditions (throttling, 5xx, transient I/O) in the standard strategy, tuned for a scan that keeps
     * 64 calls in flight. Not the adaptive strategy: its client-side rate limiter cuts the sending rate at every
     * throttling error and recovers slowly, so a scan under 20% throttling took 16 times as long as a fault-free one.
     * Backoff stays exponential with full jitter (so retries of many threads spread out) but starts short; the circuit
     * breaker (the retry token bucket) is off: it stops retrying once many calls fail, which would leave recovery points
     * unread, and Redoubt already bounds the load it puts on AWS (calls in flight, attempts per call).
     * See "Configure retry behavior in the AWS SDK for Java 2.x",
     * https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/retry-strategy.html
     */
    static RetryStrategy retryStrategy(int maxAttempts) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(RETRY_BASE_DELAY, RETRY_MAX_DELAY))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(THROTTLED_BASE_DELAY, RETRY_MAX_DELAY))
                .circuitBreakerEnabled(false)
                .build();
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkClient, B extends AwsClientBuilder<B, C> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>>
            C client(String service, String region, Supplier<B> builder) {
        return (C) clients.computeIfAbsent(service + "/" + region, k -> {
            B b = builder.get()
                    .region(Region.of(region))
                    .credentialsProvider(credentials)
                    .overrideConfiguration(overrideConfiguration());
            b.httpClient(transport.http());
            if (settings.endpointOverride() != null) {
                b.endpointOverride(settings.endpointOverride());
            }
            return b.build();
        });
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
        if (ownsTransport) {
            transport.close();
        }
    }
}
