package dev.redoubt.aws;

/** An operation refused inside the process because the session is read-only (auditor mode). */
public final class ReadOnlyViolationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String service;
    private final String operation;

    public ReadOnlyViolationException(String service, String operation) {
        super("auditor mode is read-only: " + service + ":" + operation + " was refused before it left Redoubt;"
                + " sign in in operator mode to make changes");
        this.service = service;
        this.operation = operation;
    }

    public String service() {
        return service;
    }

    public String operation() {
        return operation;
    }
}
