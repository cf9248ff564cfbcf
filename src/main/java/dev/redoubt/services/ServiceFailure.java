package dev.redoubt.services;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A use case that could not be carried out: a kind, the facts (file, profile, account...) and a
 * one-line message in neutral words. The command line and the window each phrase it for their user
 * (a command to run, a button to press), so the message never names a command-line flag or a screen.
 */
public final class ServiceFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as the user must act on it. */
    public enum Kind {
        /** A file or value cannot be used: malformed, missing, out of range. Facts: file, where, problem. */
        BAD_INPUT,
        /** No such AWS profile. Facts: profile, configFile, credentialsFile. */
        PROFILE_NOT_FOUND,
        /** The profile does not sign in with IAM Identity Center. Facts: profile, kind. */
        NOT_SSO,
        /** A sign-in is needed or was refused or timed out. Facts: profile, expiredAt (opt), reason (opt). */
        SIGN_IN_REQUIRED,
        /** AWS refused the call. Facts: errorCode (opt). */
        ACCESS_DENIED,
        /** The endpoint cannot be reached or does not answer. */
        UNREACHABLE,
        /** A write was refused because Redoubt works read-only (auditor). */
        READ_ONLY,
        /** The user cancelled. */
        CANCELLED,
        /** The journal or an export failed verification or is damaged. */
        INTEGRITY,
        /** A defect in Redoubt. */
        INTERNAL
    }

    private final Kind kind;
    private final Map<String, String> facts;

    public ServiceFailure(Kind kind, String message, Map<String, String> facts, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts == null ? Map.of() : facts));
    }

    public ServiceFailure(Kind kind, String message) {
        this(kind, message, Map.of(), null);
    }

    public Kind kind() {
        return kind;
    }

    public Map<String, String> facts() {
        return facts;
    }

    /** One fact, or null. */
    public String fact(String name) {
        return facts.get(name);
    }

    /** AWS's error code and message, the code once ("AccessDeniedException: ..."). */
    public String awsReason() {
        String code = fact("errorCode");
        return code == null || getMessage().contains(code) ? getMessage() : code + ": " + getMessage();
    }

    /**
     * True when this is not AWS's answer about the request (AWS unreachable, a sign-in needed, cancelled,
     * refused by the read-only guard before sending, a damaged journal): thrown on, nothing journaled.
     */
    public boolean transientOrLocal() {
        return switch (kind) {
            case UNREACHABLE, SIGN_IN_REQUIRED, CANCELLED, READ_ONLY, INTEGRITY -> true;
            default -> false;
        };
    }

    /** Facts in insertion order, skipping nulls. */
    static Map<String, String> facts(String... namesAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                m.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return m;
    }
}
