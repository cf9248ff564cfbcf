package dev.redoubt.services;

import dev.redoubt.aws.AccessMode;
import dev.redoubt.aws.AwsClients;
import dev.redoubt.aws.profiles.AwsConfigFiles;
import dev.redoubt.aws.profiles.AwsProfile;
import dev.redoubt.aws.profiles.ProfileKind;
import dev.redoubt.aws.profiles.SsoToken;
import dev.redoubt.aws.profiles.SsoTokenCache;
import dev.redoubt.aws.signin.CallerIdentity;
import dev.redoubt.aws.signin.Pause;
import dev.redoubt.aws.signin.Session;
import dev.redoubt.aws.signin.SignIn;
import dev.redoubt.journal.Mode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Signing in with the operator's own identity: the profiles of the AWS config, the SSO device-code
 * sign-in (token cache shared with the AWS CLI v2), and connections that scan as that identity.
 */
public final class SignInService {
    private final AwsConfigFiles files;
    private final Map<String, String> env;
    private final Clock clock;
    private final ActivityJournal journal;

    public SignInService(Map<String, String> env, Path userHome, Clock clock, ActivityJournal journal) {
        this(new AwsConfigFiles(env, userHome), env, clock, journal);
    }

    SignInService(AwsConfigFiles files, Map<String, String> env, Clock clock, ActivityJournal journal) {
        this.files = files;
        this.env = env;
        this.clock = clock;
        this.journal = journal;
    }

    private SignIn signIn() {
        return new SignIn(files, env, clock);
    }

    /** Every profile, with its kind and SSO sign-in state; a config file that cannot be parsed is bad input. */
    public ProfileList profiles() {
        List<AwsProfile> found;
        try {
            found = files.profiles();
        } catch (RuntimeException e) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, files.configFile() + ": cannot be parsed (" + e.getMessage() + ")",
                    ServiceFailure.facts("file", files.configFile().toString()), e);
        }
        SsoTokenCache cache = new SsoTokenCache(files.ssoCacheDir());
        Instant now = clock.instant();
        List<ProfileInfo> out = new ArrayList<>();
        for (AwsProfile p : found) {
            out.add(describe(p, cache, now));
        }
        return new ProfileList(files.configFile(), files.credentialsFile(), files.defaultProfileName(), out);
    }

    /** One profile by name (null: the default profile). */
    public ProfileInfo profile(String name) {
        try {
            return describe(signIn().profile(name), new SsoTokenCache(files.ssoCacheDir()), clock.instant());
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }

    private ProfileInfo describe(AwsProfile p, SsoTokenCache cache, Instant now) {
        ProfileInfo.SsoState state = ProfileInfo.SsoState.NOT_SSO;
        Instant expires = null;
        if (p.kind() == ProfileKind.SSO) {
            Optional<SsoToken> t = p.ssoCacheKey() == null ? Optional.empty() : cache.read(p.ssoCacheKey());
            expires = t.map(SsoToken::expiresAt).orElse(null);
            state = t.isEmpty() ? ProfileInfo.SsoState.NOT_SIGNED_IN
                    : t.get().validAt(now) ? ProfileInfo.SsoState.SIGNED_IN : ProfileInfo.SsoState.EXPIRED;
        }
        String account = p.kind() == ProfileKind.SSO ? p.ssoAccountId() : accountOfRole(p.roleArn());
        String role = p.kind() == ProfileKind.SSO ? p.ssoRoleName() : roleOf(p.roleArn());
        return new ProfileInfo(p.name(), kindOf(p.kind()), p.region(), account, role, p.roleArn(), p.sourceProfile(), p.endpointUrl(),
                mask(p.accessKeyId()), p.name().equals(files.defaultProfileName()), p.ssoStartUrl(), state, expires);
    }

    /**
     * Signs in with a profile (SSO role, keys, assumed role...) and confirms who that is
     * (sts:GetCallerIdentity), and records the sign-in, succeeded or failed, in the journal: the
     * window's sign-in and every command line that signs in (scan, audit, whoami). SSO profiles need a
     * valid cached sign-in (SIGN_IN_REQUIRED otherwise). A cancelled sign-in is not recorded.
     */
    public Connection signIn(String profileName, Mode mode) {
        ProfileInfo info = profile(profileName);
        try {
            Connection c = connect(info.name(), mode, clock, false, null);
            journal.signIn(c.actor(), c.identity().arn(), new ActivityJournal.SignIn("profile",
                    info.name(), c.identity().accountId(), c.region(), null, info.ssoExpiresAt()));
            return c;
        } catch (ServiceFailure f) {
            if (f.kind() != ServiceFailure.Kind.CANCELLED) {
                journal.signIn(new Actor("profile:" + info.name(), mode, targetOf(info)), info.name(), new ActivityJournal.SignIn(
                        info.kind() == CredentialKind.SSO ? "sso" : "profile", info.name(), info.accountId(), info.region(), f.getMessage(), null));
            }
            throw f;
        }
    }

    Connection connect(String profileName, Mode mode, Clock captureClock, boolean demo, String estateName) {
        SignIn s = signIn();
        Session session = null;
        boolean sso = false;
        try {
            AwsProfile profile = s.profile(profileName);
            sso = profile.kind() == ProfileKind.SSO;
            session = s.open(profile, mode == Mode.OPERATOR ? AccessMode.OPERATOR : AccessMode.AUDITOR);
            CallerIdentity me = session.callerIdentity();
            return new Connection(session, Identity.of(me.account(), me.arn(), profile.name(), kindOf(profile.kind())), mode, captureClock, demo, estateName);
        } catch (RuntimeException e) {
            if (session != null) {
                session.close();
            }
            ServiceFailure f = Failures.translate(e);
            if (sso && f.kind() == ServiceFailure.Kind.SIGN_IN_REQUIRED && f.fact("profile") == null) {
                // An SSO sign-in IAM Identity Center refused: say which profile, so each face can offer to sign it in again.
                java.util.Map<String, String> facts = new java.util.LinkedHashMap<>(f.facts());
                facts.put("profile", profileName);
                f = new ServiceFailure(f.kind(), f.getMessage(), facts, f.getCause());
            }
            throw f;
        }
    }

    /**
     * Signs a second person in, in the same window, without touching the operator's sign-in: an SSO
     * profile runs its device-code sign-in into a temporary token cache of its own (deleted when the
     * connection closes), so the operator's cached token, shared with the AWS CLI, is neither read nor
     * replaced; any other profile signs in with its own credentials. The connection is always in
     * auditor mode (a sign-off writes nothing to AWS), and the sign-in is journaled as every sign-in
     * is (the device-code sign-in, then the profile's). The caller compares identities: this does not
     * know who the operator is.
     */
    public Connection signInAnotherPerson(String profileName, Consumer<DeviceCode> prompt, Cancellation cancel) {
        ProfileInfo info = profile(profileName);
        java.nio.file.Path cache = temporaryTokenCache();
        try {
            SignInService other = new SignInService(files.withSsoCacheDir(cache), env, clock, journal);
            if (info.kind() == CredentialKind.SSO) {
                other.signInWithSso(info.name(), prompt, cancel);
            }
            return other.signIn(info.name(), Mode.AUDITOR).afterClose(() -> deleteQuietly(cache));
        } catch (RuntimeException e) {
            deleteQuietly(cache);
            throw e;
        }
    }

    /** A fresh directory, readable by this user only, for a second person's SSO token. */
    static java.nio.file.Path temporaryTokenCache() {
        try {
            return java.nio.file.Files.createTempDirectory("redoubt-second-sign-in-");
        } catch (java.io.IOException e) {
            throw new ServiceFailure(ServiceFailure.Kind.INTERNAL, "cannot create a temporary folder for the second sign-in ("
                    + e.getMessage() + ")", null, e);
        }
    }

    /** Deletes a temporary token cache and what is in it; what cannot be deleted is left (it holds only a short-lived token). */
    static void deleteQuietly(java.nio.file.Path dir) {
        try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(dir)) {
            for (java.nio.file.Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // best effort: the token in it expires on its own
        }
    }

    /** The result of a device-code sign-in: until when it holds, and who it is when the profile names an account and role. */
    public record SsoSignIn(String profile, Instant expiresAt, String callerArn) {
    }

    /**
     * Runs the IAM Identity Center device-code sign-in for an SSO profile: shows the code through
     * {@code prompt}, polls until it is confirmed, denied, expired or cancelled, caches the token
     * where the AWS CLI v2 keeps it, and journals the outcome.
     */
    public SsoSignIn signInWithSso(String profileName, Consumer<DeviceCode> prompt, Cancellation cancel) {
        SignIn s = signIn();
        AwsProfile profile;
        try {
            profile = s.profile(profileName);
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
        if (profile.kind() != ProfileKind.SSO) {
            throw new ServiceFailure(ServiceFailure.Kind.NOT_SSO, "profile " + profile.name() + " signs in with " + profile.kind().label()
                    + " credentials, not IAM Identity Center; there is nothing to sign in to",
                    ServiceFailure.facts("profile", profile.name(), "kind", profile.kind().label()), null);
        }
        Pause pause = d -> {
            if (cancel.await(d)) {
                throw new InterruptedException("sign-in cancelled");
            }
        };
        ProfileInfo info = profile(profile.name());
        try (AwsClients clients = s.signInClients(profile)) {
            SsoToken token;
            try {
                cancel.check();
                token = s.ssoLogin(clients, pause).login(profile, (uri, complete, code, expires) -> prompt.accept(new DeviceCode(code, uri, complete, expires)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceFailure(ServiceFailure.Kind.CANCELLED, "sign-in cancelled", ServiceFailure.facts("profile", profile.name()), e);
            } catch (RuntimeException e) {
                ServiceFailure f = Failures.translate(e);
                if (f.kind() != ServiceFailure.Kind.CANCELLED) {
                    recordSso(profile, info, profile.name(), f.getMessage(), null);
                }
                throw f;
            }
            String caller = callerArn(s, profile);
            recordSso(profile, info, caller != null ? caller : profile.ssoStartUrl(), null, token.expiresAt());
            return new SsoSignIn(profile.name(), token.expiresAt(), caller);
        }
    }

    private void recordSso(AwsProfile profile, ProfileInfo info, String subject, String error, Instant expires) {
        String who = subject.startsWith("arn:") ? subject : "sso:" + profile.ssoStartUrl();
        journal.signIn(new Actor(who, Mode.AUDITOR, targetOf(info)), subject,
                new ActivityJournal.SignIn("sso", profile.name(), profile.ssoAccountId(), profile.ssoRegion(), error, expires));
    }

    /** The caller's ARN when the profile names an account and role (one STS call), else null. */
    private static String callerArn(SignIn s, AwsProfile profile) {
        if (profile.ssoAccountId() == null || profile.ssoRoleName() == null) {
            return null;
        }
        try (Session session = s.open(profile, AccessMode.AUDITOR)) {
            return session.callerIdentity().arn();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private dev.redoubt.journal.Target targetOf(ProfileInfo info) {
        return Connection.targetOf(dev.redoubt.aws.AwsSettings.endpointFrom(env, info.endpointUrl()));
    }

    static CredentialKind kindOf(ProfileKind k) {
        return switch (k) {
            case SSO -> CredentialKind.SSO;
            case STATIC -> CredentialKind.STATIC;
            case ASSUME_ROLE -> CredentialKind.ASSUME_ROLE;
            case WEB_IDENTITY -> CredentialKind.WEB_IDENTITY;
            case PROCESS -> CredentialKind.PROCESS;
            case NONE -> CredentialKind.NONE;
        };
    }

    private static String accountOfRole(String roleArn) {
        if (roleArn == null) {
            return null;
        }
        String[] f = roleArn.split(":", 6);
        return f.length == 6 && !f[4].isEmpty() ? f[4] : null;
    }

    private static String roleOf(String roleArn) {
        if (roleArn == null) {
            return null;
        }
        int slash = roleArn.lastIndexOf('/');
        return slash < 0 ? null : roleArn.substring(slash + 1);
    }

    /** Only the start and end of an access key ID: enough to tell keys apart, not to use one. */
    static String mask(String keyId) {
        if (keyId == null) {
            return null;
        }
        return keyId.length() <= 8 ? "****" : keyId.substring(0, 4) + "…" + keyId.substring(keyId.length() - 4);
    }
}
