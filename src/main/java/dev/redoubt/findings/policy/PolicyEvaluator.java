package dev.redoubt.findings.policy;

import dev.redoubt.estate.Arn;
import dev.redoubt.findings.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a resource policy (a vault access policy or a key policy) for one request, as IAM
 * does for the resource-policy part: an explicit Deny wins, then an Allow, else not allowed.
 * Understands Principal/NotPrincipal, Action/NotAction, Resource/NotResource with wildcards, and
 * the String*, Arn*, Bool and Null condition operators with their IfExists forms and the
 * ForAnyValue/ForAllValues prefixes. An operator it does not understand makes the condition not
 * match, and the explanation says so.
 *
 * <p>Where IAM's documentation decides, it follows it:
 * <ul>
 * <li>"AWS JSON policy elements: Principal"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html):
 * {@code "*"} and {@code {"AWS": "*"}} are the only wildcards; a {@code *} inside a principal ARN
 * ({@code arn:aws:iam::*:root}, {@code arn:aws:iam::123456789012:role/*}) is not expanded and
 * matches only the same string. A role ARN covers the role's sessions; an account ID or
 * {@code :root} ARN covers every principal of the account.</li>
 * <li>"AWS JSON policy elements: NotPrincipal"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html):
 * AWS may check the account, then the role, then the assumed-role session, so a request is left out
 * of a NotPrincipal statement only when every one of them is listed: the account, and the user or
 * the role and the session ARN ({@code arn:aws:sts::<account>:assumed-role/<role>/<session>}).
 * Listing a role's ARN alone does not exempt its sessions.</li>
 * <li>"IAM JSON policy elements: Condition operators"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
 * an {@code ...IfExists} operator holds when the key is absent from the request; a negated operator
 * (StringNotEquals, ArnNotLike, ...) holds when the key is absent; any other operator does not.</li>
 * <li>"Set operators for multivalued context keys"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html):
 * {@code ForAnyValue:} holds when at least one request value matches, and not when the key is
 * absent or empty; {@code ForAllValues:} holds when every request value matches, and also when the
 * key is absent or empty.</li>
 * </ul>
 */
public final class PolicyEvaluator {

    public Decision evaluate(PolicyDocument policy, Request request) {
        List<String> reasons = new ArrayList<>();
        List<Statement> denies = new ArrayList<>();
        List<Statement> allows = new ArrayList<>();
        for (Statement s : policy.statements()) {
            String skip = whyNotApplies(s, request);
            if (skip == null) {
                (s.deny() ? denies : allows).add(s);
                String partly = partlyListed(s, request);
                if (partly != null) {
                    reasons.add(partly);
                }
            } else {
                reasons.add("statement " + s.name() + " does not apply: " + skip);
            }
        }
        if (!denies.isEmpty()) {
            reasons.add(0, "denied by statement " + String.join(", ", denies.stream().map(Statement::name).toList()));
            return new Decision(Decision.Verdict.EXPLICITLY_DENIED, reasons, denies);
        }
        if (!allows.isEmpty()) {
            reasons.add(0, "allowed by statement " + String.join(", ", allows.stream().map(Statement::name).toList()));
            return new Decision(Decision.Verdict.ALLOWED, reasons, allows);
        }
        reasons.add(0, "no statement allows or denies " + request.action());
        return new Decision(Decision.Verdict.NOT_ALLOWED, reasons, List.of());
    }

    /** Null when the statement applies to the request, else why not. */
    public String whyNotApplies(Statement s, Request r) {
        if (!s.coversAction(r.action())) {
            return "action " + r.action() + " is not " + (s.notAction() ? "outside NotAction" : "in Action");
        }
        if (!s.coversResource(r.resource())) {
            return "resource " + r.resource() + " is not " + (s.notResource() ? "outside NotResource" : "in Resource");
        }
        if (s.notPrincipal()) {
            String excluded = excludedByNotPrincipal(s, r);
            if (excluded != null) {
                return excluded;
            }
        } else if (!principalNamed(s, r)) {
            return "principal " + r.who() + " is not named in Principal" + wildcardNote(s);
        }
        for (Condition c : s.conditions()) {
            String why = conditionFails(c, r);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    /** Says so when the Principal holds an ARN with a wildcard, which IAM does not expand. */
    private static String wildcardNote(Statement s) {
        for (String p : s.awsPrincipals()) {
            if (!p.equals("*") && (p.contains("*") || p.contains("?"))) {
                return " (IAM does not expand the wildcard in " + p + ")";
            }
        }
        return "";
    }

    /** True when the Principal element names the requester (IAM "Principal" page). */
    static boolean principalNamed(Statement s, Request r) {
        if (s.anyPrincipal()) {
            return true;
        }
        for (String p : s.awsPrincipals()) {
            if (accountNamedBy(p, r) || p.equals(r.principalArn()) || p.equals(r.sessionArn())) {
                return true;
            }
        }
        return serviceNamed(s, r);
    }

    private static boolean serviceNamed(Statement s, Request r) {
        if (r.principalService() != null) {
            for (String svc : s.principals().getOrDefault("Service", List.of())) {
                if (svc.equalsIgnoreCase(r.principalService())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A 12-digit account ID or an {@code arn:aws:iam::<account>:root} entry equal to the requester's account (no wildcards). */
    private static boolean accountNamedBy(String p, Request r) {
        if (r.principalAccount() == null || !Statement.isAccountPrincipal(p)) {
            return false;
        }
        String account = p.matches("\\d{12}") ? p : Arn.accountOf(p);
        return r.principalAccount().equals(account);
    }

    /**
     * Null when NotPrincipal does not leave the requester out (the statement applies to it), else
     * why it does. The requester is left out only when its account, and its user or its role and
     * session, are all listed (IAM "NotPrincipal" page).
     */
    private static String excludedByNotPrincipal(Statement s, Request r) {
        if (s.anyPrincipal()) {
            return "NotPrincipal \"*\" leaves out every principal";
        }
        if (r.principalService() != null && r.principalArn() == null) {
            return serviceNamed(s, r) ? "service " + r.principalService() + " is excluded by NotPrincipal" : null;
        }
        List<String> named = s.awsPrincipals();
        boolean account = named.stream().anyMatch(p -> accountNamedBy(p, r));
        boolean root = r.principalArn() != null && r.principalArn().endsWith(":root");
        boolean identity = root || named.contains(r.principalArn());
        boolean session = r.sessionArn() == null || named.contains(r.sessionArn());
        if (account && identity && session) {
            return "principal " + r.who() + " is excluded by NotPrincipal";
        }
        return null;
    }

    /**
     * When a NotPrincipal statement applies to a requester it partly lists (the role but not the
     * session, or not the account), why it still applies; null otherwise.
     */
    private static String partlyListed(Statement s, Request r) {
        if (!s.notPrincipal() || s.anyPrincipal() || r.principalArn() == null) {
            return null;
        }
        List<String> named = s.awsPrincipals();
        boolean account = named.stream().anyMatch(p -> accountNamedBy(p, r));
        boolean identity = named.contains(r.principalArn());
        boolean session = r.sessionArn() != null && named.contains(r.sessionArn());
        if (!account && !identity && !session) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        if (!account) {
            missing.add("its account " + r.principalAccount());
        }
        if (!identity && !r.principalArn().endsWith(":root")) {
            missing.add(r.principalArn());
        }
        if (r.sessionArn() != null && !session) {
            missing.add("the session " + r.sessionArn());
        }
        return "statement " + s.name() + " applies to " + r.who() + " although its NotPrincipal names part of it: it does not list "
                + String.join(" or ", missing) + ", and AWS checks the account, the role and the session (IAM NotPrincipal page)";
    }

    /** Null when the condition holds, else why it does not (in the words an auditor reads). */
    String conditionFails(Condition c, Request r) {
        List<String> actual = r.value(c.key());
        String base = c.baseOperator();
        boolean absent = actual == null || actual.isEmpty();
        if (base.equals("Null")) {
            boolean wantAbsent = c.values().stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            return absent == wantAbsent ? null : c.key() + " is " + (absent ? "absent" : "present") + ", so " + c + " does not hold";
        }
        if (absent) {
            if (c.forAllValues()) {
                return null; // ForAllValues holds when the key is absent or empty
            }
            if (c.forAnyValue()) {
                return c.key() + " is absent from the request, so " + c + " does not hold (ForAnyValue needs a value)";
            }
            if (c.ifExists() || c.negated()) {
                return null;
            }
            return c.key() + " is absent from the request, so " + c + " does not hold";
        }
        Boolean holds = holds(base, c, actual);
        if (holds == null) {
            return "operator " + c.operator() + " is not understood by Redoubt, so the condition is taken as not holding";
        }
        if (holds) {
            return null;
        }
        if (c.negated() && (c.keyLower().equals("aws:principalarn") || c.keyLower().equals("aws:userid"))) {
            return "principal " + actual.get(0) + " is exempted by " + c.operator() + " " + c.key();
        }
        return c.key() + " is " + (actual.size() == 1 ? actual.get(0) : actual) + ", so " + c + " does not hold";
    }

    /** Whether the condition holds for the request's values (present and not empty); null for an operator not understood. */
    private Boolean holds(String base, Condition c, List<String> actual) {
        String op = c.negated() ? positive(base) : base;
        boolean any = false;
        boolean all = true;
        for (String a : actual) {
            Boolean m = matchesAny(op, a, c.values());
            if (m == null) {
                return null;
            }
            boolean ok = c.negated() != m;
            any |= ok;
            all &= ok;
        }
        if (c.forAnyValue()) {
            return any;
        }
        if (c.forAllValues()) {
            return all;
        }
        // no set operator: a negated operator holds when no request value matches, a positive one when any does
        return c.negated() ? all : any;
    }

    private static String positive(String negated) {
        return negated.equals("NotIpAddress") ? "IpAddress" : negated.replaceFirst("Not", "");
    }

    private static Boolean matchesAny(String op, String actual, List<String> values) {
        for (String v : values) {
            Boolean m = matches(op, actual, v);
            if (m == null) {
                return null;
            }
            if (m) {
                return true;
            }
        }
        return false;
    }

    private static Boolean matches(String op, String actual, String value) {
        return switch (op) {
            case "StringEquals" -> actual.equals(value);
            case "StringEqualsIgnoreCase" -> actual.equalsIgnoreCase(value);
            case "StringLike" -> Wildcards.matches(value, actual, false);
            case "ArnEquals", "ArnLike" -> arnMatches(value, actual);
            case "Bool" -> actual.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT));
            default -> null;
        };
    }

    /** ARN matching: part by part, each part with wildcards, as IAM compares ARNs. */
    private static boolean arnMatches(String pattern, String arn) {
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        if (p.length != 6 || a.length != 6) {
            return Wildcards.matches(pattern, arn, false);
        }
        for (int i = 0; i < 6; i++) {
            if (!Wildcards.matches(p[i], a[i], false)) {
                return false;
            }
        }
        return true;
    }
}
