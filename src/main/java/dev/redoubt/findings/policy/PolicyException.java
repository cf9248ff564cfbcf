package dev.redoubt.findings.policy;

/** A policy document that is not valid JSON or not shaped like an IAM policy. */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
