package dev.redoubt.aws.profiles;

import java.time.Instant;

/** A cached SSO access token, in the AWS CLI v2's cache format (~/.aws/sso/cache/SHA1.json). */
public record SsoToken(String startUrl, String region, String accessToken, Instant expiresAt, String clientId,
                       String clientSecret, Instant registrationExpiresAt, String refreshToken) {

    public boolean validAt(Instant now) {
        return accessToken != null && expiresAt != null && expiresAt.isAfter(now);
    }

    /** The token without its secrets, for anything that prints or records it. */
    @Override
    public String toString() {
        return "SsoToken[startUrl=" + startUrl + ", region=" + region + ", expiresAt=" + expiresAt + "]";
    }
}
