package dev.redoubt.services;

import java.nio.file.Path;
import java.util.List;

/** The profiles of the AWS config and credentials files, and which of them is the default. */
public record ProfileList(Path configFile, Path credentialsFile, String defaultProfile, List<ProfileInfo> profiles) {
    public ProfileList {
        profiles = List.copyOf(profiles);
    }
}
