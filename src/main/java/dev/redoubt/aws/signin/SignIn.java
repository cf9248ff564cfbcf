package dev.redoubt.aws.signin;

import dev.redoubt.aws.AccessMode;
import dev.redoubt.aws.AwsClients;
import dev.redoubt.aws.AwsSettings;
import dev.redoubt.aws.profiles.AwsConfigFiles;
import dev.redoubt.aws.profiles.AwsProfile;
import dev.redoubt.aws.profiles.ProfileKind;
import dev.redoubt.aws.profiles.SsoTokenCache;
import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Turns a profile into a {@link Session}: the operator's own identity, never shared keys. SSO
 * profiles use the cached (or refreshed) token; assume-role profiles chain from their source
 * profile through Redoubt's own STS client, so the endpoint override applies to every hop.
 */
public final class SignIn {
    private final AwsConfigFiles files;
    private final Map<String, String> env;
    private final Clock clock;

    public SignIn(AwsConfigFiles files, Map<String, String> env, Clock clock) {
        this.files = files;
        this.env = env;
        this.clock = clock;
    }

    public AwsConfigFiles files() {
        return files;
    }

    public AwsProfile profile(String name) {
        String n = name != null ? name : files.defaultProfileName();
        return files.profile(n).orElseThrow(() -> new ProfileNotFoundException(n, files.configFile(), files.credentialsFile()));
    }

    public AwsSettings settingsFor(AwsProfile profile, AccessMode mode) {
        URI endpoint = AwsSettings.endpointFrom(env, profile.endpointUrl());
        return AwsSettings.defaults(endpoint, mode);
    }

    /** Clients for the unsigned sign-in services (SSO OIDC, the SSO portal). */
    public AwsClients signInClients(AwsProfile profile) {
        return new AwsClients(AnonymousCredentialsProvider.create(), settingsFor(profile, AccessMode.OPERATOR));
    }

    public SsoLogin ssoLogin(AwsClients signInClients) {
        return ssoLogin(signInClients, Pause.REAL);
    }

    /** The device-code sign-in with its own way of waiting between polls (one that a cancel can cut short). */
    public SsoLogin ssoLogin(AwsClients signInClients, Pause pause) {
        return new SsoLogin(signInClients::ssoOidc, new SsoTokenCache(files.ssoCacheDir()), clock, pause);
    }

    /** Opens a session for a profile; throws {@link SignInRequiredException} when an SSO profile has no valid sign-in. */
    public Session open(AwsProfile profile, AccessMode mode) {
        AwsSettings settings = settingsFor(profile, mode);
        AwsClients signIn = signInClients(profile);
        try {
            if (profile.kind() == ProfileKind.SSO) {
                SsoLogin login = ssoLogin(signIn);
                login.validToken(profile); // fail now, not at the first call, when sign-in is needed
                java.util.function.Supplier<String> token = () -> login.validToken(profile).accessToken();
                AwsCredentialsProvider credentials;
                if (profile.ssoAccountId() != null && profile.ssoRoleName() != null) {
                    credentials = ssoRoleCredentials(signIn.sso(profile.ssoRegion()), token, profile.ssoAccountId(), profile.ssoRoleName());
                } else {
                    credentials = AnonymousCredentialsProvider.create();
                }
                return new Session(profile, settings, credentials, signIn, token);
            }
            return new Session(profile, settings, credentialsFor(profile, settings, new HashSet<>()), signIn, () -> null);
        } catch (RuntimeException e) {
            signIn.close();
            throw e;
        }
    }

    /** Role credentials from the SSO portal, refreshed with the current SSO token as they expire. */
    static SsoCredentialsProvider ssoRoleCredentials(software.amazon.awssdk.services.sso.SsoClient sso,
                                                     java.util.function.Supplier<String> token, String accountId, String roleName) {
        SsoCredentialsProvider.Builder b = SsoCredentialsProvider.builder();
        b.ssoClient(sso);
        b.refreshRequest(() -> GetRoleCredentialsRequest.builder().accessToken(token.get()).accountId(accountId).roleName(roleName).build());
        return b.build();
    }

    private AwsCredentialsProvider credentialsFor(AwsProfile profile, AwsSettings settings, Set<String> seen) {
        if (!seen.add(profile.name())) {
            throw new IllegalArgumentException("profile " + profile.name() + " is part of a source_profile loop; fix the AWS config");
        }
        if (profile.kind() == ProfileKind.ASSUME_ROLE && profile.sourceProfile() != null) {
            AwsProfile source = profile(profile.sourceProfile());
            AwsCredentialsProvider sourceCredentials = credentialsFor(source, settings, seen);
            AwsClients sourceClients = new AwsClients(sourceCredentials, settings);
            String region = profile.region() != null ? profile.region() : "us-east-1";
            return StsAssumeRoleCredentialsProvider.builder().stsClient(sourceClients.sts(region))
                    .refreshRequest(r -> r.roleArn(profile.roleArn()).roleSessionName("redoubt-" + settings.mode().label()))
                    .build();
        }
        return ProfileCredentialsProvider.builder().profileFile(files.profileFile()).profileName(profile.name()).build();
    }
}
