package dev.redoubt.aws;

import java.net.URI;
import java.time.Duration;

/**
 * How Redoubt's SDK clients talk to AWS (or to the sandbox): the endpoint override, retries,
 * timeouts, concurrency and the access mode.
 */
public record AwsSettings(URI endpointOverride, AccessMode mode, int maxAttempts, Duration apiCallTimeout,
                          Duration attemptTimeout, int maxConnections) {
    public static final int DEFAULT_MAX_ATTEMPTS = 10;

    public AwsSettings {
        if (mode == null) {
            mode = AccessMode.AUDITOR;
        }
        if (maxAttempts < 1) {
            maxAttempts = DEFAULT_MAX_ATTEMPTS;
        }
        if (apiCallTimeout == null) {
            apiCallTimeout = Duration.ofMinutes(2);
        }
        if (attemptTimeout == null) {
            attemptTimeout = Duration.ofSeconds(30);
        }
        if (maxConnections < 1) {
            maxConnections = 64;
        }
    }

    public static AwsSettings defaults(URI endpointOverride, AccessMode mode) {
        return new AwsSettings(endpointOverride, mode, DEFAULT_MAX_ATTEMPTS, null, null, 64);
    }

    /** The endpoint override as the AWS CLI resolves it: AWS_ENDPOINT_URL, else the profile's endpoint_url. */
    public static URI endpointFrom(java.util.Map<String, String> env, String profileEndpointUrl) {
        String e = env.get("AWS_ENDPOINT_URL");
        if (e == null || e.isBlank()) {
            e = profileEndpointUrl;
        }
        return e == null || e.isBlank() ? null : URI.create(e.trim());
    }
}
