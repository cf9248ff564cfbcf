package dev.redoubt.aws;

/** An AWS call that failed, translated once at the adapter into what the user can act on. */
public final class AwsFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind { SIGN_IN_REQUIRED, ACCESS_DENIED, NOT_FOUND, THROTTLED, UNREACHABLE, READ_ONLY, OTHER }

    private final Kind kind;
    private final String errorCode;

    public AwsFailure(Kind kind, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errorCode = errorCode;
    }

    public Kind kind() {
        return kind;
    }

    /** AWS's error code (AccessDeniedException, ThrottlingException...), or null when the call never got an answer. */
    public String errorCode() {
        return errorCode;
    }
}
