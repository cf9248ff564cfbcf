package dev.redoubt.aws.signin;

import dev.redoubt.aws.profiles.AwsProfile;
import dev.redoubt.aws.profiles.SsoToken;
import dev.redoubt.aws.profiles.SsoTokenCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.SsoOidcException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * IAM Identity Center sign-in with the device-code flow (register a client, start device
 * authorization, show the code, poll for the token, refresh it later), writing the token cache the
 * AWS CLI v2 uses, so `aws sso login` and Redoubt reuse each other's sign-in.
 */
public final class SsoLogin {
    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final String REFRESH_GRANT = "refresh_token";
    private static final List<String> SESSION_SCOPES = List.of("sso:account:access");

    private final Function<String, SsoOidcClient> oidcForRegion;
    private final SsoTokenCache cache;
    private final Clock clock;
    private final Pause pause;

    public SsoLogin(Function<String, SsoOidcClient> oidcForRegion, SsoTokenCache cache, Clock clock, Pause pause) {
        this.oidcForRegion = oidcForRegion;
        this.cache = cache;
        this.clock = clock;
        this.pause = pause;
    }

    /** Runs the device-code flow for an SSO profile and caches the token. */
    public SsoToken login(AwsProfile profile, DeviceCodePrompt prompt) throws InterruptedException {
        requireSso(profile);
        SsoOidcClient oidc = oidcForRegion.apply(profile.ssoRegion());
        Instant now = clock.instant();
        RegisterClientResponse client = oidc.registerClient(r -> {
            r.clientName("redoubt-" + now.getEpochSecond()).clientType("public");
            if (profile.ssoSession() != null) {
                r.scopes(SESSION_SCOPES);
            }
        });
        StartDeviceAuthorizationResponse start = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret()).startUrl(profile.ssoStartUrl()));
        Instant deadline = now.plusSeconds(start.expiresIn() == null ? 600 : start.expiresIn());
        prompt.show(start.verificationUri(), start.verificationUriComplete(), start.userCode(), deadline);
        Duration interval = Duration.ofSeconds(start.interval() == null || start.interval() < 1 ? 5 : start.interval());
        while (true) {
            if (!clock.instant().isBefore(deadline)) {
                throw new SignInRequiredException("the sign-in code expired before it was confirmed; sign in again", profile.name(), null, null);
            }
            try {
                CreateTokenResponse token = oidc.createToken(r -> r.grantType(DEVICE_GRANT).deviceCode(start.deviceCode())
                        .clientId(client.clientId()).clientSecret(client.clientSecret()));
                SsoToken cached = new SsoToken(profile.ssoStartUrl(), profile.ssoRegion(), token.accessToken(),
                        clock.instant().plusSeconds(token.expiresIn() == null ? 3600 : token.expiresIn()),
                        client.clientId(), client.clientSecret(), registrationExpiry(client), token.refreshToken());
                store(profile, cached);
                return cached;
            } catch (AuthorizationPendingException e) {
                pause.pause(interval);
            } catch (SlowDownException e) {
                interval = interval.plusSeconds(5);
                pause.pause(interval);
            } catch (AccessDeniedException e) {
                throw new SignInRequiredException("the sign-in was denied in the browser; sign in again to retry", profile.name(), null, e);
            } catch (ExpiredTokenException e) {
                throw new SignInRequiredException("the sign-in code expired before it was confirmed; sign in again", profile.name(), null, e);
            }
        }
    }

    /** A valid cached token, refreshed if it expired and a refresh token allows; otherwise sign-in is required. */
    public SsoToken validToken(AwsProfile profile) {
        requireSso(profile);
        Optional<SsoToken> cached = cache.read(profile.ssoCacheKey());
        Instant now = clock.instant();
        if (cached.isPresent() && cached.get().validAt(now.plus(Duration.ofMinutes(1)))) {
            return cached.get();
        }
        if (cached.isPresent()) {
            Optional<SsoToken> refreshed = refresh(profile, cached.get());
            if (refreshed.isPresent()) {
                return refreshed.get();
            }
        }
        throw new SignInRequiredException(cached.isPresent()
                ? "the sign-in of profile " + profile.name() + " expired at " + cached.get().expiresAt()
                : "profile " + profile.name() + " is not signed in", profile.name(), cached.map(SsoToken::expiresAt).orElse(null), null);
    }

    private Optional<SsoToken> refresh(AwsProfile profile, SsoToken old) {
        Instant now = clock.instant();
        if (old.refreshToken() == null || old.clientId() == null || old.clientSecret() == null
                || (old.registrationExpiresAt() != null && !old.registrationExpiresAt().isAfter(now))) {
            return Optional.empty();
        }
        try {
            CreateTokenResponse token = oidcForRegion.apply(profile.ssoRegion()).createToken(r -> r.grantType(REFRESH_GRANT)
                    .refreshToken(old.refreshToken()).clientId(old.clientId()).clientSecret(old.clientSecret()));
            SsoToken fresh = new SsoToken(old.startUrl(), old.region(), token.accessToken(),
                    now.plusSeconds(token.expiresIn() == null ? 3600 : token.expiresIn()), old.clientId(), old.clientSecret(),
                    old.registrationExpiresAt(), token.refreshToken() != null ? token.refreshToken() : old.refreshToken());
            store(profile, fresh);
            return Optional.of(fresh);
        } catch (InvalidGrantException | ExpiredTokenException | AccessDeniedException e) {
            return Optional.empty();
        } catch (SsoOidcException e) {
            return Optional.empty();
        }
    }

    private void store(AwsProfile profile, SsoToken token) {
        try {
            cache.write(profile.ssoCacheKey(), token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SSO token cache: " + e.getMessage(), e);
        }
    }

    private static Instant registrationExpiry(RegisterClientResponse client) {
        Long at = client.clientSecretExpiresAt();
        return at == null || at == 0 ? null : Instant.ofEpochSecond(at);
    }

    private static void requireSso(AwsProfile profile) {
        if (profile.ssoStartUrl() == null || profile.ssoRegion() == null) {
            throw new IllegalArgumentException("profile " + profile.name() + " is not an IAM Identity Center (SSO) profile:"
                    + " it needs sso_start_url and sso_region (directly or through an sso-session)");
        }
    }
}
