package dev.redoubt.aws;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * What every SDK client of a session shares: one HTTP connection pool, one scheduler for the call
 * and attempt timeouts, and the AWS config parsed once. Without it each client starts its own
 * scheduler threads and re-reads the config, and each account its own pool (a 20-account scan built
 * 202 clients, 783 threads, 20 pools and parsed the config about 200 times).
 */
final class AwsTransport implements AutoCloseable {
    private final SdkHttpClient http;
    private final LazyTlsSocketFactory tls;
    private final ScheduledExecutorService scheduler;
    private volatile ProfileFile profileFile;

    AwsTransport(AwsSettings settings) {
        LazyTlsSocketFactory tls = new LazyTlsSocketFactory();
        if (settings.endpointOverride() == null || !"http".equalsIgnoreCase(settings.endpointOverride().getScheme())) {
            tls.prepareInBackground(); // AWS itself: HTTPS from the first call on
        }
        this.tls = tls;
        this.http = new FailFastHttpClient(ApacheHttpClient.builder()
                .socketFactory(tls) // TLS made on first use: a plain-HTTP endpoint (the sandbox) never pays for it
                .maxConnections(settings.maxConnections())
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(settings.attemptTimeout())
                .build(), AwsClients.GIVE_UP_ON_A_GONE_ENDPOINT);
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "redoubt-sdk-timer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        s.setRemoveOnCancelPolicy(true); // a timeout cancelled when its call ends must not stay queued until it would fire
        s.setKeepAliveTime(30, TimeUnit.SECONDS);
        s.allowCoreThreadTimeOut(true);
        this.scheduler = s;
    }

    SdkHttpClient http() {
        return http;
    }

    /** Whether the TLS socket factory has been made (tests: a plain-HTTP endpoint never makes it). */
    boolean tlsPrepared() {
        return tls.prepared();
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The AWS config and credentials files as the SDK finds them by default, read at the first client built. */
    Supplier<ProfileFile> profileFile() {
        return () -> {
            ProfileFile f = profileFile;
            if (f == null) {
                synchronized (this) {
                    f = profileFile;
                    if (f == null) {
                        f = ProfileFile.defaultProfileFile();
                        profileFile = f;
                    }
                }
            }
            return f;
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        http.close();
    }
}
