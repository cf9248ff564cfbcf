package dev.redoubt.services;

/** A role the signed-in user may take in an account (IAM Identity Center assignments). */
public record ReachableRole(String accountId, String accountName, String roleName) {
}
