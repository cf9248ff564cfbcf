package dev.redoubt.aws.signin;

import java.time.Instant;

/** Shows the operator where to confirm a device-code sign-in (the CLI prints it; the GUI shows a dialog). */
@FunctionalInterface
public interface DeviceCodePrompt {
    void show(String verificationUri, String verificationUriComplete, String userCode, Instant expiresAt);
}
