package dev.redoubt.sandbox;

/**
 * The static access key pair of one (account, role), as the sandbox prints it: derived from the
 * account id and role name, so it is the same on every run. {@code region} is the account's first
 * served region.
 */
public record SandboxCredential(String accountId, String accountName, String roleName, String access, String accessKeyId,
                                String secretAccessKey, String principalArn, String region) {
}
