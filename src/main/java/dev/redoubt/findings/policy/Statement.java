package dev.redoubt.findings.policy;

import dev.redoubt.estate.Arn;
import dev.redoubt.findings.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One statement of a policy document. Principal/NotPrincipal are kept by type ("AWS", "Service",
 * "Federated"); {@code anyPrincipal} is {@code "*"} or {@code {"AWS": "*"}}.
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

    /** Condition keys that restrict who may use a grant to named accounts, organizations or principals. */
    public static final Set<String> RESTRICTING_KEYS = Set.of("kms:calleraccount", "aws:sourceowner", "aws:sourceaccount",
            "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn", "aws:sourcearn",
            "aws:sourceorgid", "aws:sourceorgpaths", "aws:userid");

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

    /** The accounts of the AWS principals named (12-digit IDs and ARNs); "*" for any principal. */
    public List<String> principalAccounts() {
        List<String> out = new ArrayList<>();
        if (anyPrincipal) {
            out.add("*");
        }
        for (String p : awsPrincipals()) {
            String account = accountOfPrincipal(p);
            if (account != null) {
                out.add(account);
            }
        }
        return out;
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

    /** Conditions that restrict a grant to named accounts, organizations or principals (positive operators, values other than "*"). */
    public List<Condition> restrictingConditions() {
        List<Condition> out = new ArrayList<>();
        for (Condition c : conditions) {
            if (!c.negated() && RESTRICTING_KEYS.contains(c.keyLower()) && !c.baseOperator().equals("Null")
                    && !c.values().isEmpty() && c.values().stream().noneMatch(v -> v.equals("*"))) {
                out.add(c);
            }
        }
        return out;
    }
}
