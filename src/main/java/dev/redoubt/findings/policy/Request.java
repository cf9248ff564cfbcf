package dev.redoubt.findings.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request to evaluate a resource policy against: who (an IAM principal ARN and its account, or
 * an AWS service principal), which action, on which resource, with which condition context.
 * Context keys are case-insensitive; a key that is absent is absent (not empty).
 */
public record Request(String principalArn, String principalAccount, String principalService, String action, String resource,
                      Map<String, List<String>> context) {
    public Request {
        Map<String, List<String>> lower = new HashMap<>();
        context.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        context = Map.copyOf(lower);
    }

    /** A request by an IAM principal, with aws:PrincipalArn and aws:PrincipalAccount in the context. */
    public static Request byPrincipal(String principalArn, String account, String action, String resource, Map<String, List<String>> extra) {
        Map<String, List<String>> ctx = new HashMap<>(extra);
        ctx.put("aws:PrincipalArn", List.of(principalArn));
        ctx.put("aws:PrincipalAccount", List.of(account));
        return new Request(principalArn, account, null, action, resource, ctx);
    }

    public List<String> value(String key) {
        return context.get(key.toLowerCase(Locale.ROOT));
    }
}
