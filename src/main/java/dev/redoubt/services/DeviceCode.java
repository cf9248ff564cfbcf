package dev.redoubt.services;

import java.time.Instant;

/** What the user confirms in the browser to finish an SSO sign-in: the code, the page, and until when. */
public record DeviceCode(String userCode, String verificationUri, String verificationUriComplete, Instant expiresAt) {
    /** The page to open: the one with the code filled in when AWS gives it. */
    public String pageToOpen() {
        return verificationUriComplete != null ? verificationUriComplete : verificationUri;
    }
}
