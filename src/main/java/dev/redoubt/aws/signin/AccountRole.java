package dev.redoubt.aws.signin;

/** A role the signed-in user may take in an account (from the SSO portal, or a role name given for assume-role). */
public record AccountRole(String accountId, String accountName, String roleName) {
}
