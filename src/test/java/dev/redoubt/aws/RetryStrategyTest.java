package dev.redoubt.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;

class RetryStrategyTest {
    private static final AwsServiceException THROTTLED = AwsServiceException.builder().statusCode(400)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();

    /** A scan under sustained throttling: every call throttled three times before it succeeds, none given up, waits short. */
    @Test
    void keepsRetryingSustainedThrottlingWithShortWaits() {
        RetryStrategy strategy = AwsClients.retryStrategy(AwsSettings.DEFAULT_MAX_ATTEMPTS);
        int calls = 300;
        int retriesEach = 3;
        long waitedMillis = 0;
        for (int call = 0; call < calls; call++) {
            AcquireInitialTokenResponse first = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("backup"));
            waitedMillis += first.delay().toMillis();
            RetryToken token = first.token();
            for (int i = 0; i < retriesEach; i++) {
                // throws TokenAcquisitionFailedException once a retry budget (circuit breaker) runs dry
                RefreshRetryTokenResponse next = strategy.refreshRetryToken(RefreshRetryTokenRequest.builder()
                        .token(token).failure(THROTTLED).build());
                waitedMillis += next.delay().toMillis();
                token = next.token();
            }
        }
        Duration meanWait = Duration.ofMillis(waitedMillis / ((long) calls * retriesEach));
        assertThat(meanWait).isLessThan(Duration.ofMillis(300));
    }
}
