package dev.redoubt.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
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
 * The one place where SDK clients are built: credentials, region, endpoint override, adaptive
 * retries (cut short for an endpoint that refuses every connection), timeouts, a shared HTTP
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

    private final AwsCredentialsProvider credentials;
    private final AwsSettings settings;
    private final AwsTransport transport;
    /** Whether this object created {@link #transport} (and closes it) or shares another's. */
    private final boolean ownsTransport;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    public AwsClients(AwsCredentialsProvider credentials, AwsSettings settings) {
        this(credentials, settings, new AwsTransport(settings), true);
    }

    private AwsClients(AwsCredentialsProvider credentials, AwsSettings settings, AwsTransport transport, boolean ownsTransport) {
        this.credentials = credentials;
        this.settings = settings;
        this.transport = transport;
        this.ownsTransport = ownsTransport;
    }

    /**
     * Clients acting with other credentials (and settings: the access mode may differ) over this object's
     * connection pool, scheduler and parsed config. Close them before this object, which closes what they share.
     */
    public AwsClients sharing(AwsCredentialsProvider otherCredentials, AwsSettings otherSettings) {
        return new AwsClients(otherCredentials, otherSettings, transport, false);
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

    /** The override configuration every client shares; exposed so tests can assert it. */
    public ClientOverrideConfiguration overrideConfiguration() {
        ClientOverrideConfiguration.Builder b = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(settings.maxAttempts()).build())
                .apiCallTimeout(settings.apiCallTimeout())
                .apiCallAttemptTimeout(settings.attemptTimeout())
                .scheduledExecutorService(transport.scheduler())
                .defaultProfileFileSupplier(transport.profileFile());
        if (settings.mode() == AccessMode.AUDITOR) {
            b.addExecutionInterceptor(new ReadOnlyGuard());
        }
        return b.build();
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
