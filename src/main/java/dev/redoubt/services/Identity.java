package dev.redoubt.services;

/**
 * Who Redoubt acts as after a sign-in: the account, the caller's ARN, the role (for an assumed role
 * or an SSO permission set) and the name behind it (the role session or IAM user), and the profile used.
 */
public record Identity(String accountId, String arn, String roleName, String principal, String profile, CredentialKind kind) {

    /** Reads the role and principal out of an STS caller ARN (assumed-role/ROLE/SESSION, user/NAME, root). */
    public static Identity of(String accountId, String arn, String profile, CredentialKind kind) {
        String role = null;
        String principal = null;
        String[] fields = arn == null ? new String[0] : arn.split(":", 6);
        String resource = fields.length == 6 ? fields[5] : "";
        if (resource.startsWith("assumed-role/")) {
            String[] parts = resource.split("/", 3);
            role = parts.length > 1 ? parts[1] : null;
            principal = parts.length > 2 ? parts[2] : null;
        } else if (resource.startsWith("user/")) {
            principal = resource.substring(resource.lastIndexOf('/') + 1);
        } else if (resource.equals("root")) {
            principal = "root";
        }
        return new Identity(accountId, arn, role, principal, profile, kind);
    }
}
