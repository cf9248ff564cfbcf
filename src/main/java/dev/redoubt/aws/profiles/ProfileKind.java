package dev.redoubt.aws.profiles;

/** How a profile gets its credentials, as the AWS CLI tells them apart. */
public enum ProfileKind {
    SSO("SSO"),
    STATIC("static"),
    ASSUME_ROLE("assume-role"),
    WEB_IDENTITY("web-identity"),
    PROCESS("process"),
    NONE("no credentials");

    private final String label;

    ProfileKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
