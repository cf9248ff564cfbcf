package dev.redoubt.services;

/** How a profile gets its credentials, as the AWS CLI tells them apart. */
public enum CredentialKind {
    SSO("SSO"),
    STATIC("static"),
    ASSUME_ROLE("assume-role"),
    WEB_IDENTITY("web-identity"),
    PROCESS("process"),
    NONE("no credentials");

    private final String label;

    CredentialKind(String label) {
        this.label = label;
    }

    /** The short name the command line prints. */
    public String label() {
        return label;
    }
}
