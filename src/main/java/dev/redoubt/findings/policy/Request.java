package dev.redoubt.findings.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request to evaluate a resource policy against: who (an IAM principal ARN and its account, the
 * assumed-role session ARN when the principal is a role session, or an AWS service principal),
 * which action, on which resource, with which condition context. Context keys are
 * case-insensitive; a key that is absent is absent (not empty).
 *
 * <p>For a role session, {@code principalArn} is the role's ARN (what {@code aws:PrincipalArn}
 * holds, as IAM's "AWS global condition context keys" page says) and {@code sessionArn} is
 * {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}.
 */
public record Request(String principalArn, String sessionArn, String principalAccount, String principalService, String action, String resource,
                      Map<String, List<String>> context) {
    public Request {
        Map<String, List<String>> lower = new HashMap<>();
        context.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        context = Map.copyOf(lower);
    }

    /** A request by an IAM principal that is not a role session (a user, the root user), or by a service principal. */
    public Request(String principalArn, String principalAccount, String principalService, String action, String resource,
                   Map<String, List<String>> context) {
        this(principalArn, null, principalAccount, principalService, action, resource, context);
    }

    /** A request by an IAM principal, with aws:PrincipalArn and aws:PrincipalAccount in the context. */
    public static Request byPrincipal(String principalArn, String account, String action, String resource, Map<String, List<String>> extra) {
        return new Request(principalArn, null, account, null, action, resource, identity(principalArn, account, extra));
    }

    /**
     * A request by a session of a role ({@code arn:aws:iam::<account>:role/<path/name>}): aws:PrincipalArn is the role's ARN,
     * the session ARN is {@code arn:aws:sts::<account>:assumed-role/<name>/<sessionName>}.
     */
    public static Request bySession(String roleArn, String sessionName, String account, String action, String resource,
                                    Map<String, List<String>> extra) {
        String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        String session = "arn:aws:sts::" + account + ":assumed-role/" + name + "/" + sessionName;
        return new Request(roleArn, session, account, null, action, resource, identity(roleArn, account, extra));
    }

    private static Map<String, List<String>> identity(String principalArn, String account, Map<String, List<String>> extra) {
        Map<String, List<String>> ctx = new HashMap<>(extra);
        ctx.put("aws:PrincipalArn", List.of(principalArn));
        ctx.put("aws:PrincipalAccount", List.of(account));
        return ctx;
    }

    /** The same request for another action (the principal and context unchanged). */
    public Request withAction(String newAction) {
        return new Request(principalArn, sessionArn, principalAccount, principalService, newAction, resource, context);
    }

    /** Who is asking, for explanations: the session when there is one, else the principal or the service. */
    public String who() {
        return sessionArn != null ? sessionArn : principalArn != null ? principalArn : principalService;
    }

    public List<String> value(String key) {
        return context.get(key.toLowerCase(Locale.ROOT));
    }
}
