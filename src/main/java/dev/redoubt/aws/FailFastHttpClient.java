package dev.redoubt.aws;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * An HTTP client that stops retrying an endpoint that is gone. The SDK retries a refused
 * connection like any transient I/O error, for up to ten attempts with backoff (half a minute per
 * call); when an endpoint has refused every connection (or its host could not be found or reached)
 * for {@code giveUpAfter} with no answer in between, each further attempt fails at once with an
 * {@link EndpointUnreachableException}, which the SDK does not retry. Any answer resets it.
 */
final class FailFastHttpClient implements SdkHttpClient {
    private final SdkHttpClient delegate;
    private final long giveUpAfterNanos;
    /** Per endpoint (scheme://host:port): when it began refusing, with no answer since. */
    private final Map<String, Long> refusingSince = new ConcurrentHashMap<>();

    FailFastHttpClient(SdkHttpClient delegate, Duration giveUpAfter) {
        this.delegate = delegate;
        this.giveUpAfterNanos = giveUpAfter.toNanos();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest call = delegate.prepareRequest(request);
        String endpoint = endpoint(request.httpRequest());
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                try {
                    HttpExecuteResponse response = call.call();
                    refusingSince.remove(endpoint);
                    return response;
                } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
                    long now = System.nanoTime();
                    long since = refusingSince.computeIfAbsent(endpoint, k -> now);
                    if (now - since >= giveUpAfterNanos) {
                        throw new EndpointUnreachableException(endpoint, e);
                    }
                    // retried by the SDK; if the retries run out first, the message still names the endpoint
                    java.io.IOException named = e instanceof ConnectException ? new ConnectException(endpoint + ": " + e.getMessage())
                            : e instanceof UnknownHostException ? new UnknownHostException(endpoint + ": " + e.getMessage())
                            : new NoRouteToHostException(endpoint + ": " + e.getMessage());
                    named.initCause(e);
                    throw named;
                }
            }

            @Override
            public void abort() {
                call.abort();
            }
        };
    }

    static String endpoint(SdkHttpRequest r) {
        return r.protocol() + "://" + r.host() + (r.port() > 0 ? ":" + r.port() : "");
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
