package dev.redoubt.aws.profiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The AWS config and credentials files, found as the AWS CLI finds them (AWS_CONFIG_FILE,
 * AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/config and ~/.aws/credentials) and parsed by the SDK's
 * own parser, so {@code sso-session} sections and {@code endpoint_url} mean what they mean to the CLI.
 */
public final class AwsConfigFiles {
    private final Map<String, String> env;
    private final Path userHome;
    private final Path configFile;
    private final Path credentialsFile;
    private final Path ssoCacheDir;
    private volatile Parsed parsed;

    public AwsConfigFiles(Map<String, String> env, Path userHome) {
        this(env, userHome, null, null, null);
    }

    private AwsConfigFiles(Map<String, String> env, Path userHome, Path configFile, Path credentialsFile, Path ssoCacheDir) {
        this.env = env;
        this.userHome = userHome;
        this.configFile = configFile;
        this.credentialsFile = credentialsFile;
        this.ssoCacheDir = ssoCacheDir;
    }

    /**
     * Files of Redoubt's own, away from ~/.aws and the environment: the built-in demo keeps its
     * profiles and its SSO token cache under Redoubt's home, so it never touches the user's.
     */
    public static AwsConfigFiles isolated(Path configFile, Path ssoCacheDir) {
        return new AwsConfigFiles(Map.of(), ssoCacheDir, configFile, configFile.resolveSibling("credentials"), ssoCacheDir);
    }

    /**
     * The same config and credentials files with SSO tokens cached in {@code dir} instead: a second
     * person signs in there, so the operator's cached sign-in (shared with the AWS CLI) is neither
     * read nor overwritten.
     */
    public AwsConfigFiles withSsoCacheDir(Path dir) {
        return new AwsConfigFiles(env, userHome, configFile(), credentialsFile(), dir);
    }

    public Path configFile() {
        return configFile != null ? configFile : pathFromEnv("AWS_CONFIG_FILE", userHome.resolve(".aws").resolve("config"));
    }

    public Path credentialsFile() {
        return credentialsFile != null ? credentialsFile
                : pathFromEnv("AWS_SHARED_CREDENTIALS_FILE", userHome.resolve(".aws").resolve("credentials"));
    }

    /** The directory where the AWS CLI v2 and Redoubt share SSO tokens. */
    public Path ssoCacheDir() {
        return ssoCacheDir != null ? ssoCacheDir : userHome.resolve(".aws").resolve("sso").resolve("cache");
    }

    /** AWS_PROFILE (or AWS_DEFAULT_PROFILE), else "default". */
    public String defaultProfileName() {
        String p = env.get("AWS_PROFILE");
        if (p == null || p.isBlank()) {
            p = env.get("AWS_DEFAULT_PROFILE");
        }
        return p == null || p.isBlank() ? "default" : p;
    }

    /**
     * The SDK's view of both files (for credential providers built from a profile), parsed again only when either file
     * changed (path, size or time): a sign-in asks for it three times, and the window for every profile list.
     */
    public ProfileFile profileFile() {
        String stamp = stamp(configFile()) + "|" + stamp(credentialsFile());
        Parsed p = parsed;
        if (p != null && p.stamp.equals(stamp)) {
            return p.file;
        }
        ProfileFile file = parse();
        parsed = new Parsed(stamp, file);
        return file;
    }

    private record Parsed(String stamp, ProfileFile file) {
    }

    /** What says a file is as it was: its path, size and modification time (none when it cannot be read). */
    private static String stamp(Path file) {
        try {
            var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            return file + " " + a.size() + " " + a.lastModifiedTime() + " " + a.fileKey();
        } catch (java.io.IOException | RuntimeException e) {
            return file + " -";
        }
    }

    private ProfileFile parse() {
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        if (Files.isRegularFile(configFile())) {
            aggregator.addFile(ProfileFile.builder().content(configFile()).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (Files.isRegularFile(credentialsFile())) {
            aggregator.addFile(ProfileFile.builder().content(credentialsFile()).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return aggregator.build();
    }

    public List<AwsProfile> profiles() {
        ProfileFile file = profileFile();
        List<AwsProfile> out = new ArrayList<>();
        for (String name : new TreeSet<>(file.profiles().keySet())) {
            out.add(describe(file, file.profiles().get(name)));
        }
        return out;
    }

    public Optional<AwsProfile> profile(String name) {
        ProfileFile file = profileFile();
        return file.profile(name).map(p -> describe(file, p));
    }

    private AwsProfile describe(ProfileFile file, Profile p) {
        String session = p.property("sso_session").orElse(null);
        String startUrl = p.property(ProfileProperty.SSO_START_URL).orElse(null);
        String ssoRegion = p.property(ProfileProperty.SSO_REGION).orElse(null);
        if (session != null) {
            Optional<Profile> section = file.getSection("sso-session", session);
            if (section.isPresent()) {
                startUrl = section.get().property(ProfileProperty.SSO_START_URL).orElse(startUrl);
                ssoRegion = section.get().property(ProfileProperty.SSO_REGION).orElse(ssoRegion);
            }
        }
        ProfileKind kind;
        if (p.property(ProfileProperty.ROLE_ARN).isPresent() && p.property(ProfileProperty.WEB_IDENTITY_TOKEN_FILE).isPresent()) {
            kind = ProfileKind.WEB_IDENTITY;
        } else if (p.property(ProfileProperty.ROLE_ARN).isPresent()) {
            kind = ProfileKind.ASSUME_ROLE;
        } else if (session != null || startUrl != null) {
            kind = ProfileKind.SSO;
        } else if (p.property(ProfileProperty.CREDENTIAL_PROCESS).isPresent()) {
            kind = ProfileKind.PROCESS;
        } else if (p.property(ProfileProperty.AWS_ACCESS_KEY_ID).isPresent()) {
            kind = ProfileKind.STATIC;
        } else {
            kind = ProfileKind.NONE;
        }
        String endpoint = env.get("AWS_ENDPOINT_URL");
        if (endpoint == null || endpoint.isBlank()) {
            endpoint = p.property("endpoint_url").orElse(null);
        }
        String region = env.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            region = p.property(ProfileProperty.REGION).orElse(env.get("AWS_DEFAULT_REGION"));
        }
        return new AwsProfile(p.name(), kind, region, endpoint, session, startUrl, ssoRegion,
                p.property(ProfileProperty.SSO_ACCOUNT_ID).orElse(null), p.property(ProfileProperty.SSO_ROLE_NAME).orElse(null),
                p.property(ProfileProperty.ROLE_ARN).orElse(null), p.property(ProfileProperty.SOURCE_PROFILE).orElse(null),
                p.property(ProfileProperty.AWS_ACCESS_KEY_ID).orElse(null));
    }

    private Path pathFromEnv(String variable, Path fallback) {
        String v = env.get(variable);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        return v.startsWith("~/") ? userHome.resolve(v.substring(2)) : Path.of(v);
    }
}
