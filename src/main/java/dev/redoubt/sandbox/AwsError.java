package dev.redoubt.sandbox;

import java.util.Map;

/**
 * An error answered to a client in AWS's shape. Common errors are named by kind and get each
 * service's and protocol's code and status from {@link Dialect}; service errors carry their own
 * code and status. Never carries a stack trace to the client.
 */
final class AwsError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    enum Kind {
        ACCESS_DENIED, THROTTLED, VALIDATION, SERIALIZATION, UNKNOWN_OPERATION, INTERNAL, UNAVAILABLE,
        UNRECOGNIZED_CLIENT, SIGNATURE_MISMATCH, INCOMPLETE_SIGNATURE, MISSING_AUTHENTICATION, EXPIRED_TOKEN,
        /** A request signed more than 15 minutes before or after the server's time. */
        SIGNATURE_EXPIRED,
        /** A service-specific error with its own code and status. */
        SERVICE
    }

    private final Kind kind;
    private final String code;
    private final int status;
    private final transient Map<String, String> members;

    private AwsError(Kind kind, String code, int status, String message, Map<String, String> members) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.status = status;
        this.members = members == null ? Map.of() : Map.copyOf(members);
    }

    static AwsError of(Kind kind, String message) {
        return new AwsError(kind, null, 0, message, null);
    }

    /** A service's own error: its code (the error shape's name) and HTTP status. */
    static AwsError service(String code, int status, String message) {
        return new AwsError(Kind.SERVICE, code, status, message, null);
    }

    /** A service error whose shape has members beyond code and message (sso-oidc's "error"). */
    static AwsError service(String code, int status, String message, Map<String, String> members) {
        return new AwsError(Kind.SERVICE, code, status, message, members);
    }

    static AwsError accessDenied(String message) {
        return of(Kind.ACCESS_DENIED, message);
    }

    static AwsError validation(String message) {
        return of(Kind.VALIDATION, message);
    }

    Kind kind() {
        return kind;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    Map<String, String> members() {
        return members;
    }
}
