package dev.redoubt.aws;

import dev.redoubt.aws.signin.SignInRequiredException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The one translation of SDK exceptions into {@link AwsFailure}s. */
public final class AwsFailures {
    private static final Set<String> AUTH = Set.of("ExpiredToken", "ExpiredTokenException", "UnrecognizedClientException",
            "InvalidClientTokenId", "SignatureDoesNotMatch", "InvalidSignatureException", "UnauthorizedException",
            "IncompleteSignature", "MissingAuthenticationToken", "InvalidGrantException");
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "AuthorizationError",
            "ForbiddenException", "AWSOrganizationsNotInUseException");
    private static final Set<String> THROTTLED = Set.of("ThrottlingException", "Throttling", "TooManyRequestsException",
            "RequestLimitExceeded", "LimitExceededException", "SlowDown");

    private AwsFailures() {
    }

    public static AwsFailure translate(Throwable t) {
        if (t instanceof AwsFailure f) {
            return f;
        }
        if (t instanceof ReadOnlyViolationException r) {
            return new AwsFailure(AwsFailure.Kind.READ_ONLY, null, r.getMessage(), r);
        }
        if (t instanceof SignInRequiredException s) {
            return new AwsFailure(AwsFailure.Kind.SIGN_IN_REQUIRED, null, s.getMessage(), s);
        }
        if (t instanceof AwsServiceException e) {
            String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : null;
            String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                    ? e.awsErrorDetails().errorMessage() : e.getMessage();
            String service = e.awsErrorDetails() != null ? e.awsErrorDetails().serviceName() : "AWS";
            String text = service + " answered " + code + ": " + message;
            if (code != null && AUTH.contains(code)) {
                return new AwsFailure(AwsFailure.Kind.SIGN_IN_REQUIRED, code, text + "; sign in again", e);
            }
            if (code != null && DENIED.contains(code) || e.statusCode() == 403) {
                return new AwsFailure(AwsFailure.Kind.ACCESS_DENIED, code, text, e);
            }
            if (code != null && (code.endsWith("NotFoundException") || code.equals("ResourceNotFoundException")) || e.statusCode() == 404) {
                return new AwsFailure(AwsFailure.Kind.NOT_FOUND, code, text, e);
            }
            if (code != null && THROTTLED.contains(code) || e.isThrottlingException()) {
                return new AwsFailure(AwsFailure.Kind.THROTTLED, code, text + " (throttled even after retries)", e);
            }
            return new AwsFailure(AwsFailure.Kind.OTHER, code, text, e);
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EndpointUnreachableException gone) {
                return new AwsFailure(AwsFailure.Kind.UNREACHABLE, null, gone.getMessage()
                        + "; check the network, the region, or the endpoint_url/AWS_ENDPOINT_URL", t);
            }
            if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof NoRouteToHostException) {
                return new AwsFailure(AwsFailure.Kind.UNREACHABLE, null, "cannot reach the AWS endpoint (" + c.getMessage()
                        + "); check the network, the region, or the endpoint_url/AWS_ENDPOINT_URL", t);
            }
            if (c instanceof SignInRequiredException s) {
                return new AwsFailure(AwsFailure.Kind.SIGN_IN_REQUIRED, null, s.getMessage(), s);
            }
        }
        if (t instanceof ApiCallTimeoutException) {
            return new AwsFailure(AwsFailure.Kind.UNREACHABLE, null, "the AWS endpoint did not answer in time: " + t.getMessage(), t);
        }
        if (t instanceof SdkClientException && t.getMessage() != null && t.getMessage().contains("Unable to load credentials")) {
            return new AwsFailure(AwsFailure.Kind.SIGN_IN_REQUIRED, null, "no credentials: " + firstLine(t.getMessage()), t);
        }
        return new AwsFailure(AwsFailure.Kind.OTHER, null, firstLine(String.valueOf(t.getMessage())), t);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
