package dev.redoubt.aws.signin;

import java.nio.file.Path;

/** No profile of that name in the AWS config or credentials file. */
public final class ProfileNotFoundException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String profile;
    private final transient Path configFile;
    private final transient Path credentialsFile;

    public ProfileNotFoundException(String profile, Path configFile, Path credentialsFile) {
        super("no profile named \"" + profile + "\" in " + configFile + " or " + credentialsFile);
        this.profile = profile;
        this.configFile = configFile;
        this.credentialsFile = credentialsFile;
    }

    public String profile() {
        return profile;
    }

    public Path configFile() {
        return configFile;
    }

    public Path credentialsFile() {
        return credentialsFile;
    }
}
