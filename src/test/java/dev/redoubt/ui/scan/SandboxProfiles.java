package dev.redoubt.ui.scan;

import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxCredential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** AWS config profiles that sign in to a test sandbox, written under a test's own user home. */
final class SandboxProfiles {
    static final String PROFILE = "alice";

    private SandboxProfiles() {
    }

    /** Profile "alice": IAM Identity Center of the sandbox, as {@code role} in {@code accountId}; the sandbox must auto-approve. */
    static Map<String, String> sso(Path userHome, Sandbox sandbox, String accountId, String role, String region) throws IOException {
        return write(userHome, String.join("\n",
                "[profile " + PROFILE + "]", "sso_session = sandbox", "sso_account_id = " + accountId, "sso_role_name = " + role,
                "region = " + region, "endpoint_url = " + sandbox.endpoint(),
                "[sso-session sandbox]", "sso_start_url = " + sandbox.endpoint() + "/start", "sso_region = " + region, ""));
    }

    /** Profile "alice": the static keys of one account and role. */
    static Map<String, String> keys(Path userHome, Sandbox sandbox, SandboxCredential c, String region) throws IOException {
        return write(userHome, "[profile " + PROFILE + "]\nregion = " + region + "\naws_access_key_id = " + c.accessKeyId()
                + "\naws_secret_access_key = " + c.secretAccessKey() + "\nendpoint_url = " + sandbox.endpoint() + "\n");
    }

    /** Adds a profile with the static keys of one account and role, named {@code name}. */
    static void addKeys(Path userHome, Sandbox sandbox, String name, SandboxCredential c, String region) throws IOException {
        Path file = userHome.resolve(".aws").resolve("config");
        Files.writeString(file, Files.readString(file) + "\n[profile " + name + "]\nregion = " + region + "\naws_access_key_id = "
                + c.accessKeyId() + "\naws_secret_access_key = " + c.secretAccessKey() + "\nendpoint_url = " + sandbox.endpoint() + "\n");
    }

    private static Map<String, String> write(Path userHome, String config) throws IOException {
        Path file = Files.createDirectories(userHome.resolve(".aws")).resolve("config");
        Files.writeString(file, config);
        return Map.of("AWS_CONFIG_FILE", file.toString(), "AWS_EC2_METADATA_DISABLED", "true");
    }
}
