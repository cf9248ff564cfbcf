package dev.redoubt.findings.policy;

import dev.redoubt.findings.Wildcards;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requesters of one account that a policy could let in, to ask the evaluator "can a principal
 * of account A do X?": a generic role session of the account (it stands for every principal the
 * policy does not name: account-wide grants, {@code "*"}, wildcard patterns), and a witness of every
 * principal the policy names for that account: literal principal ARNs (IAM does not expand wildcards
 * in them), and the patterns of {@code aws:PrincipalArn} conditions with their wildcards filled in
 * (so {@code arn:aws:iam::*:role/Admin*} gives {@code arn:aws:iam::<A>:role/Adminx}).
 *
 * <p>Each request is a direct call: its context holds what IAM sets for every call by an IAM
 * principal (aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalOrgID when the account is in an
 * organization, kms:CallerAccount for KMS actions) and nothing else: keys that only some calls carry
 * (aws:SourceAccount, aws:SourceArn, kms:ViaService, ...) are absent, as IAM's "AWS global condition
 * context keys" page says of aws:SourceAccount. aws:PrincipalOrgPaths is absent too (the estate
 * does not hold OU IDs).
 */
public final class Probes {
    /** The role name of the generic principal: no policy names it. */
    public static final String ANY_ROLE = "redoubt-any-principal";
    /** The session name of every probe session. */
    public static final String SESSION = "redoubt";
    /** An organization ID no policy names, for principals in another organization. */
    public static final String OTHER_ORGANIZATION = "o-redoubtother0";

    private Probes() {
    }

    /** The generic principal of an account: {@code arn:aws:iam::<account>:role/redoubt-any-principal}. */
    public static String anyRole(String account) {
        return "arn:aws:iam::" + account + ":role/" + ANY_ROLE;
    }

    /**
     * Requests by principals of {@code account} for {@code action} on {@code resource}: the generic
     * role session first, then the witnesses, each once.
     *
     * @param organizationId the organization the account belongs to (aws:PrincipalOrgID), or null
     */
    public static List<Request> principalsOf(PolicyDocument policy, String account, String organizationId, String action, String resource) {
        Map<String, List<String>> ctx = new HashMap<>();
        if (organizationId != null) {
            ctx.put("aws:PrincipalOrgID", List.of(organizationId));
        }
        if (action.toLowerCase(java.util.Locale.ROOT).startsWith("kms:")) {
            ctx.put("kms:CallerAccount", List.of(account));
        }
        Map<String, Request> out = new LinkedHashMap<>();
        add(out, Request.bySession(anyRole(account), SESSION, account, action, resource, ctx));
        for (Statement s : policy.statements()) {
            for (String p : s.awsPrincipals()) {
                if (!p.contains("*") && !p.contains("?")) {
                    witness(out, p, account, action, resource, ctx);
                }
            }
            for (Condition c : s.conditionsOn("aws:PrincipalArn")) {
                for (String pattern : c.values()) {
                    String filled = fill(pattern, account);
                    if (filled != null) {
                        witness(out, filled, account, action, resource, ctx);
                    }
                }
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * Requests by principals of {@code account}, an account outside {@code organizationId} (null when
     * unknown): as a member of no organization, of an organization no policy names, and of every other
     * organization the policy's aws:PrincipalOrgID conditions name (wildcards filled in, so
     * {@code o-*} gives {@code o-x}).
     */
    public static List<Request> outsidersOf(PolicyDocument policy, String account, String organizationId, String action, String resource) {
        List<String> orgs = new ArrayList<>();
        orgs.add(null);
        orgs.add(OTHER_ORGANIZATION);
        for (Statement s : policy.statements()) {
            for (Condition c : s.conditionsOn("aws:PrincipalOrgID")) {
                for (String v : c.values()) {
                    String filled = v.replace('*', 'x').replace('?', 'x');
                    if (!filled.equals(organizationId) && !orgs.contains(filled)) {
                        orgs.add(filled);
                    }
                }
            }
        }
        List<Request> out = new ArrayList<>();
        for (String org : orgs) {
            out.addAll(principalsOf(policy, account, org, action, resource));
        }
        return out;
    }

    /** The same requests for another action. */
    public static List<Request> withAction(List<Request> requests, String action) {
        List<Request> out = new ArrayList<>(requests.size());
        for (Request r : requests) {
            Map<String, List<String>> ctx = new HashMap<>(r.context());
            if (action.toLowerCase(java.util.Locale.ROOT).startsWith("kms:") && r.principalAccount() != null) {
                ctx.put("kms:CallerAccount", List.of(r.principalAccount()));
            } else {
                ctx.remove("kms:calleraccount");
            }
            out.add(new Request(r.principalArn(), r.sessionArn(), r.principalAccount(), r.principalService(), action, r.resource(), ctx));
        }
        return out;
    }

    private static void add(Map<String, Request> out, Request r) {
        out.putIfAbsent(r.who(), r);
    }

    /** Adds the requester a principal ARN of {@code account} stands for (roles as sessions); other accounts' ARNs and account principals add nothing. */
    private static void witness(Map<String, Request> out, String arn, String account, String action, String resource, Map<String, List<String>> ctx) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[4].equals(account) || Statement.isAccountPrincipal(arn)) {
            return;
        }
        String res = parts[5];
        if (parts[2].equals("iam") && res.startsWith("role/")) {
            add(out, Request.bySession(arn, SESSION, account, action, resource, ctx));
        } else if (parts[2].equals("sts") && res.startsWith("assumed-role/") && res.split("/").length >= 3) {
            String[] rs = res.split("/");
            String role = "arn:" + parts[1] + ":iam::" + account + ":role/" + rs[1];
            Map<String, List<String>> c = new HashMap<>(ctx);
            c.put("aws:PrincipalArn", List.of(role));
            c.put("aws:PrincipalAccount", List.of(account));
            add(out, new Request(role, arn, account, null, action, resource, c));
        } else if (parts[2].equals("iam") || parts[2].equals("sts")) {
            add(out, Request.byPrincipal(arn, account, action, resource, ctx));
        }
    }

    /**
     * An ARN that the pattern matches, in {@code account}: wildcards in the account part must admit
     * the account; other wildcards are filled with "x". Null when the pattern cannot name a principal
     * of the account.
     */
    static String fill(String pattern, String account) {
        String[] parts = pattern.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn")) {
            return null;
        }
        if (!parts[4].equals(account) && !Wildcards.matches(parts[4], account, false)) {
            return null;
        }
        String partition = parts[1].matches("[*?]+") ? "aws" : parts[1];
        String service = parts[2].equals("sts") ? "sts" : "iam";
        if (!Wildcards.matches(parts[2], service, false)) {
            return null;
        }
        String res = parts[5].replace('*', 'x').replace('?', 'x');
        if (res.isEmpty() || res.equals("x")) {
            res = "role/x";
        }
        return "arn:" + partition + ":" + service + "::" + account + ":" + res;
    }
}
