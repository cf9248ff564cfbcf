package dev.redoubt.aws.signin;

import dev.redoubt.aws.AccessMode;
import dev.redoubt.aws.AwsClients;
import dev.redoubt.aws.AwsSettings;
import dev.redoubt.aws.profiles.AwsProfile;
import dev.redoubt.aws.profiles.ProfileKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * A signed-in identity: the profile's own credentials, and from them credentials in every account
 * the identity can reach (SSO role credentials, or sts:AssumeRole), each with its SDK clients built
 * by {@link AwsClients}. Closing the session closes every client it built.
 */
public final class Session implements AutoCloseable {
    private final AwsProfile profile;
    private final AwsSettings settings;
    private final AwsClients home;
    private final AwsClients signIn;
    private final Supplier<String> ssoAccessToken;
    private final Map<String, AwsClients> byAccountRole = new ConcurrentHashMap<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private volatile CallerIdentity identity;

    Session(AwsProfile profile, AwsSettings settings, AwsCredentialsProvider credentials, AwsClients signIn, Supplier<String> ssoAccessToken) {
        this.profile = profile;
        this.settings = settings;
        this.home = signIn.sharing(credentials, settings); // one connection pool, scheduler and parsed config for the session
        this.signIn = signIn;
        this.ssoAccessToken = ssoAccessToken;
    }

    public AwsProfile profile() {
        return profile;
    }

    public AccessMode mode() {
        return settings.mode();
    }

    public String region() {
        return profile.region() != null ? profile.region() : "us-east-1";
    }

    /** Clients with the profile's own credentials. */
    public AwsClients clients() {
        return home;
    }

    /**
     * Who the profile's credentials are (sts:GetCallerIdentity), asked once: the sign-in confirms it and a scan then starts
     * from it without asking again. A failure is not kept, so the next caller asks.
     */
    public CallerIdentity callerIdentity() {
        CallerIdentity known = identity;
        if (known == null) {
            GetCallerIdentityResponse r = home.sts(region()).getCallerIdentity();
            known = new CallerIdentity(r.account(), r.arn(), r.userId());
            identity = known;
        }
        return known;
    }

    /** For SSO profiles: every account and role the user may take (sso:ListAccounts, ListAccountRoles). */
    public List<AccountRole> reachableRoles() {
        if (profile.kind() != ProfileKind.SSO) {
            return List.of();
        }
        SsoClient sso = signIn.sso(profile.ssoRegion());
        String token = ssoAccessToken.get();
        List<AccountRole> out = new ArrayList<>();
        for (AccountInfo account : sso.listAccountsPaginator(r -> r.accessToken(token)).accountList()) {
            for (RoleInfo role : sso.listAccountRolesPaginator(r -> r.accessToken(token).accountId(account.accountId())).roleList()) {
                out.add(new AccountRole(account.accountId(), account.accountName(), role.roleName()));
            }
        }
        return out;
    }

    /** Clients acting as {@code roleName} in {@code accountId}: SSO role credentials for SSO profiles, else sts:AssumeRole. */
    public AwsClients clientsFor(String accountId, String roleName) {
        return byAccountRole.computeIfAbsent(accountId + "/" + roleName, k -> {
            AwsCredentialsProvider provider;
            if (profile.kind() == ProfileKind.SSO) {
                SsoCredentialsProvider p = SignIn.ssoRoleCredentials(signIn.sso(profile.ssoRegion()), ssoAccessToken, accountId, roleName);
                closeables.add(p);
                provider = p;
            } else {
                String partition = "aws";
                StsAssumeRoleCredentialsProvider p = StsAssumeRoleCredentialsProvider.builder()
                        .stsClient(home.sts(region()))
                        .refreshRequest(r -> r.roleArn("arn:" + partition + ":iam::" + accountId + ":role/" + roleName)
                                .roleSessionName("redoubt-" + settings.mode().label()))
                        .build();
                closeables.add(p);
                provider = p;
            }
            return signIn.sharing(provider, settings);
        });
    }

    @Override
    public void close() {
        byAccountRole.values().forEach(AwsClients::close);
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a credential provider can only fail on its own background refresh; nothing to do
            }
        }
        home.close();
        signIn.close();
    }
}
