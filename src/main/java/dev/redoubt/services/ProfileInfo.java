package dev.redoubt.services;

import java.time.Instant;

/**
 * One AWS profile as the user chooses it: how it signs in, where it points, and for SSO whether a
 * sign-in is cached and until when. Never a secret: a static key shows only its first and last characters.
 */
public record ProfileInfo(String name, CredentialKind kind, String region, String accountId, String roleName, String roleArn,
                          String sourceProfile, String endpointUrl, String maskedAccessKey, boolean isDefault, String ssoStartUrl,
                          SsoState ssoState, Instant ssoExpiresAt) {

    /** Whether an SSO profile can be used now or needs a sign-in first. */
    public enum SsoState { NOT_SSO, SIGNED_IN, EXPIRED, NOT_SIGNED_IN }

    /** True when using the profile needs the device-code sign-in first. */
    public boolean needsSignIn() {
        return ssoState == SsoState.EXPIRED || ssoState == SsoState.NOT_SIGNED_IN;
    }
}
