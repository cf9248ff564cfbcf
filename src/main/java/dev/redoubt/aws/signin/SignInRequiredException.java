package dev.redoubt.aws.signin;

/** The operator must sign in (again): no token, an expired one, or a refused one. Exit code 5 on the command line. */
public final class SignInRequiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SignInRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
