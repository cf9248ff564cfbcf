package dev.redoubt.findings.policy;

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
 */
public final class PolicyEvaluator {

    public Decision evaluate(PolicyDocument policy, Request request) {
        List<String> reasons = new ArrayList<>();
        List<String> denies = new ArrayList<>();
        List<String> allows = new ArrayList<>();
        for (Statement s : policy.statements()) {
            String skip = whyNotApplies(s, request);
            if (skip == null) {
                (s.deny() ? denies : allows).add(s.name());
            } else {
                reasons.add("statement " + s.name() + " does not apply: " + skip);
            }
        }
        if (!denies.isEmpty()) {
            reasons.add(0, "denied by statement " + String.join(", ", denies));
            return new Decision(Decision.Verdict.EXPLICITLY_DENIED, reasons);
        }
        if (!allows.isEmpty()) {
            reasons.add(0, "allowed by statement " + String.join(", ", allows));
            return new Decision(Decision.Verdict.ALLOWED, reasons);
        }
        reasons.add(0, "no statement allows or denies " + request.action());
        return new Decision(Decision.Verdict.NOT_ALLOWED, reasons);
    }

    /** Null when the statement applies to the request, else why not. */
    public String whyNotApplies(Statement s, Request r) {
        if (!s.coversAction(r.action())) {
            return "action " + r.action() + " is not " + (s.notAction() ? "outside NotAction" : "in Action");
        }
        if (!s.coversResource(r.resource())) {
            return "resource " + r.resource() + " is not " + (s.notResource() ? "outside NotResource" : "in Resource");
        }
        boolean named = principalNamed(s, r);
        if (s.notPrincipal() == named) {
            return "principal " + who(r) + (s.notPrincipal() ? " is excluded by NotPrincipal" : " is not named in Principal");
        }
        for (Condition c : s.conditions()) {
            String why = conditionFails(c, r);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    private static String who(Request r) {
        return r.principalArn() != null ? r.principalArn() : r.principalService();
    }

    private static boolean principalNamed(Statement s, Request r) {
        if (s.anyPrincipal()) {
            return true;
        }
        for (String p : s.awsPrincipals()) {
            String account = Statement.accountOfPrincipal(p);
            boolean accountWide = p.matches("\\d{12}") || p.endsWith(":root");
            if (accountWide && account != null && account.equals(r.principalAccount())) {
                return true;
            }
            if (!accountWide && r.principalArn() != null && Wildcards.matches(p, r.principalArn(), false)) {
                return true;
            }
        }
        if (r.principalService() != null) {
            for (String svc : s.principals().getOrDefault("Service", List.of())) {
                if (svc.equalsIgnoreCase(r.principalService())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Null when the condition holds, else why it does not (in the words an auditor reads). */
    String conditionFails(Condition c, Request r) {
        List<String> actual = r.value(c.key());
        String base = c.baseOperator();
        if (base.equals("Null")) {
            boolean wantAbsent = c.values().stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            boolean absent = actual == null || actual.isEmpty();
            return absent == wantAbsent ? null : c.key() + " is " + (absent ? "absent" : "present") + ", so " + c + " does not hold";
        }
        if (actual == null || actual.isEmpty()) {
            if (c.ifExists() || c.negated() || c.operator().startsWith("ForAllValues:")) {
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
        if (c.negated() && c.keyLower().equals("aws:principalarn")) {
            return "principal " + actual.get(0) + " is exempted by " + c.operator() + " " + c.key();
        }
        return c.key() + " is " + (actual.size() == 1 ? actual.get(0) : actual) + ", so " + c + " does not hold";
    }

    private Boolean holds(String base, Condition c, List<String> actual) {
        boolean forAll = c.operator().startsWith("ForAllValues:");
        if (c.negated()) {
            String positive = base.replace("Not", "");
            for (String a : actual) {
                Boolean m = matchesAny(positive, a, c.values());
                if (m == null) {
                    return null;
                }
                if (m) {
                    return false;
                }
            }
            return true;
        }
        boolean anyMatch = false;
        for (String a : actual) {
            Boolean m = matchesAny(base, a, c.values());
            if (m == null) {
                return null;
            }
            if (m) {
                anyMatch = true;
            } else if (forAll) {
                return false;
            }
        }
        return anyMatch;
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
