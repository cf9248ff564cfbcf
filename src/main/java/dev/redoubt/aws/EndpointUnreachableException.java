package dev.redoubt.aws;

import java.io.IOException;

/**
 * An endpoint that has refused every connection (or whose host cannot be found or reached) for a
 * while: the call ends at once instead of retrying for the rest of its budget. Not an IOException,
 * so the SDK does not retry it.
 */
public final class EndpointUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String endpoint;

    public EndpointUnreachableException(String endpoint, IOException cause) {
        super("cannot reach " + endpoint + " (" + cause.getMessage() + ")", cause);
        this.endpoint = endpoint;
    }

    /** scheme://host:port */
    public String endpoint() {
        return endpoint;
    }
}
