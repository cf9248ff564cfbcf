package dev.redoubt.findings.policy;

import java.util.List;

/**
 * The verdict of a policy on a request, and why: which statements denied or allowed it and why
 * the others did not apply ("statement DenyDelete does not apply: principal ... is exempted by
 * ArnNotEquals aws:PrincipalArn"). {@code deciding} holds the statements that decided: the Deny
 * statements that apply, else the Allow statements that apply, else none.
 */
public record Decision(Verdict verdict, List<String> reasons, List<Statement> deciding) {
    public enum Verdict {
        /** An Allow statement applies and no Deny does. */
        ALLOWED,
        /** A Deny statement applies. */
        EXPLICITLY_DENIED,
        /** No statement applies. */
        NOT_ALLOWED
    }

    public Decision {
        reasons = List.copyOf(reasons);
        deciding = List.copyOf(deciding);
    }

    public Decision(Verdict verdict, List<String> reasons) {
        this(verdict, reasons, List.of());
    }

    public boolean explicitlyDenied() {
        return verdict == Verdict.EXPLICITLY_DENIED;
    }

    public boolean allowed() {
        return verdict == Verdict.ALLOWED;
    }

    /** The reasons as one sentence list. */
    public String explanation() {
        return String.join("; ", reasons);
    }
}
