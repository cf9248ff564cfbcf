package dev.redoubt.aws.scan;

import dev.redoubt.aws.AccessMode;
import dev.redoubt.aws.AwsClients;
import dev.redoubt.aws.profiles.AwsConfigFiles;
import dev.redoubt.aws.profiles.AwsProfile;
import dev.redoubt.aws.signin.Session;
import dev.redoubt.aws.signin.SignIn;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.estate.Estate;
import dev.redoubt.sandbox.SandboxCredential;
import dev.redoubt.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Auditor sessions against a sandbox, as a user would open them: static keys of one role, or an SSO sign-in (auto-approved). */
final class SandboxSessions {
    private SandboxSessions() {
    }

    /**
     * Serves {@code estate} with {@code latencyMs} per request, on the sandbox's own thread count for latency (forTests fixes
     * 8 threads, which would make the sandbox, not the scanner, the bottleneck) and on the real clock, so the credentials it
     * issues expire when the SDK expects (a clock fixed in the past has the SDK fetch AssumeRole credentials again and again).
     */
    static SandboxOptions withLatency(Estate estate, long latencyMs) {
        return new SandboxOptions(estate, 0, Clock.systemUTC(), false, latencyMs, 0, 0, 1, false, 0, null);
    }

    static Session withKeys(Path home, Sandbox sandbox, SandboxCredential c, String region) throws IOException {
        Path config = Files.createDirectories(home.resolve(".aws")).resolve("config");
        Files.writeString(config, "[default]\nregion = " + region + "\naws_access_key_id = " + c.accessKeyId()
                + "\naws_secret_access_key = " + c.secretAccessKey() + "\nendpoint_url = " + sandbox.endpoint() + "\n");
        SignIn signIn = signIn(home);
        return signIn.open(signIn.profile("default"), AccessMode.AUDITOR);
    }

    /** Signs in through the sandbox's device flow (the sandbox must auto-approve) as a profile whose role is {@code role} in {@code account}. */
    static Session withSso(Path home, Sandbox sandbox, String account, String role, String region) throws IOException, InterruptedException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), String.join("\n",
                "[profile alice]", "sso_session = northwind", "sso_account_id = " + account, "sso_role_name = " + role,
                "region = " + region, "endpoint_url = " + sandbox.endpoint(),
                "[sso-session northwind]", "sso_start_url = " + sandbox.endpoint() + "/start", "sso_region = " + region, ""));
        SignIn signIn = signIn(home);
        AwsProfile profile = signIn.profile("alice");
        try (AwsClients clients = signIn.signInClients(profile)) {
            signIn.ssoLogin(clients).login(profile, (uri, complete, code, expires) -> { });
        }
        return signIn.open(profile, AccessMode.AUDITOR);
    }

    private static SignIn signIn(Path home) {
        Map<String, String> env = Map.of("HOME", home.toString());
        return new SignIn(new AwsConfigFiles(env, home), env, Clock.systemUTC());
    }
}
