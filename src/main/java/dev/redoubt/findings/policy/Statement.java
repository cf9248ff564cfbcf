package dev.redoubt.findings.policy;

import dev.redoubt.estate.Arn;
import dev.redoubt.findings.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One statement of a policy document. Principal/NotPrincipal are kept by type ("AWS", "Service",
 * "Federated"); {@code anyPrincipal} is {@code "*"} or {@code {"AWS": "*"}}, the only wildcard
 * IAM accepts in a principal ("AWS JSON policy elements: Principal": a wildcard inside a principal
 * ARN is not expanded).
 */
public record Statement(
        int index,
        String sid,
        boolean allow,
        boolean notPrincipal,
        boolean anyPrincipal,
        Map<String, List<String>> principals,
        boolean notAction,
        List<String> actions,
        boolean notResource,
        List<String> resources,
        List<Condition> conditions) {

    /** The statement's name in explanations: its Sid, else its position ("statement #2"). */
    public String name() {
        return sid != null && !sid.isBlank() ? sid : "#" + (index + 1);
    }

    public boolean deny() {
        return !allow;
    }

    /** True when Action covers the action (or NotAction leaves it in); actions compare case-insensitively. */
    public boolean coversAction(String action) {
        boolean listed = false;
        for (String a : actions) {
            if (Wildcards.matches(a, action, true)) {
                listed = true;
                break;
            }
        }
        return notAction != listed;
    }

    public boolean coversResource(String resource) {
        boolean listed = false;
        for (String r : resources) {
            if (Wildcards.matches(r, resource, false)) {
                listed = true;
                break;
            }
        }
        return notResource != listed;
    }

    /** The AWS principals named (ARNs or account IDs), empty when none. */
    public List<String> awsPrincipals() {
        return principals.getOrDefault("AWS", List.of());
    }

    /** The account a principal entry belongs to: a 12-digit ID, or the account of an ARN; "*" for "*". */
    public static String accountOfPrincipal(String principal) {
        if (principal.equals("*")) {
            return "*";
        }
        if (principal.matches("\\d{12}")) {
            return principal;
        }
        return Arn.accountOf(principal);
    }

    /**
     * True when a principal entry names a whole account: a 12-digit account ID or
     * {@code arn:aws:iam::<account>:root} (which delegates to the account's IAM policies).
     */
    public static boolean isAccountPrincipal(String principal) {
        return principal.matches("\\d{12}") || principal.matches("arn:[^:]*:iam::\\d{12}:root");
    }

    /** The conditions on a key (case-insensitive). */
    public List<Condition> conditionsOn(String key) {
        List<Condition> out = new ArrayList<>();
        for (Condition c : conditions) {
            if (c.key().equalsIgnoreCase(key)) {
                out.add(c);
            }
        }
        return out;
    }
}
