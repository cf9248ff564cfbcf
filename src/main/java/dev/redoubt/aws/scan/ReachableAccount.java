package dev.redoubt.aws.scan;

import java.util.List;

/**
 * An account the signed-in identity can scan: its ID, name and Organizations status (ACTIVE, SUSPENDED; null when
 * Organizations could not be read), the path of its organizational unit ("Workloads/Production"; "" directly under
 * the root; null when unknown), the SSO roles the user may take in it (empty for non-SSO profiles), and whether it is
 * the account the profile signs in to.
 */
public record ReachableAccount(String id, String name, String status, String organizationalUnit, List<String> roles, boolean signedIn) {
    public ReachableAccount {
        roles = List.copyOf(roles);
    }
}
