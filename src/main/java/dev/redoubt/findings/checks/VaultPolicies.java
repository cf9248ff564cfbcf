package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.policy.Condition;
import dev.redoubt.findings.policy.PolicyDocument;
import dev.redoubt.findings.policy.PolicyException;
import dev.redoubt.findings.policy.Request;
import dev.redoubt.findings.policy.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the vault-policy checks share: parsing, and the request of "any other principal" of the vault's account. */
final class VaultPolicies {
    /** A principal no policy names: stands for "everyone but the exempted break-glass principals". */
    static final String ANY_OTHER_ROLE = "redoubt-any-other-principal";

    private VaultPolicies() {
    }

    /** The parsed policy, or null with the reason in {@code error[0]}. */
    static PolicyDocument parse(String policy, String[] error) {
        try {
            return PolicyDocument.parse(policy);
        } catch (PolicyException e) {
            error[0] = e.getMessage();
            return null;
        }
    }

    static Request anyOtherPrincipal(EstateIndex x, VaultRef v, String action) {
        String principal = "arn:aws:iam::" + v.accountId() + ":role/" + ANY_OTHER_ROLE;
        Map<String, List<String>> ctx = new HashMap<>();
        if (x.organizationId() != null) {
            ctx.put("aws:PrincipalOrgID", List.of(x.organizationId()));
        }
        return Request.byPrincipal(principal, v.accountId(), action, v.arn(), ctx);
    }

    /** The principals a Deny statement exempts through negated conditions on aws:PrincipalArn. */
    static List<String> exemptions(Statement s) {
        List<String> out = new ArrayList<>();
        for (Condition c : s.conditions()) {
            if (c.negated() && c.keyLower().equals("aws:principalarn")) {
                out.addAll(c.values());
            }
        }
        return out;
    }
}
