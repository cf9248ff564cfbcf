package dev.redoubt.aws.signin;

import java.time.Instant;

/**
 * The operator must sign in (again): no token, an expired one, or a refused one. The message is
 * neutral; the command line adds the command to run, the window the button to press.
 */
public final class SignInRequiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String profile;
    private final Instant expiredAt;

    public SignInRequiredException(String message, Throwable cause) {
        this(message, null, null, cause);
    }

    public SignInRequiredException(String message, String profile, Instant expiredAt, Throwable cause) {
        super(message, cause);
        this.profile = profile;
        this.expiredAt = expiredAt;
    }

    /** The profile that needs a sign-in, or null when not known. */
    public String profile() {
        return profile;
    }

    /** When the cached sign-in expired, or null. */
    public Instant expiredAt() {
        return expiredAt;
    }
}
