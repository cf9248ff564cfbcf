package dev.redoubt.findings;

/** An audit stopped before its checks ended, because it was asked to (a user's Cancel): it has no results. */
public final class AuditStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AuditStopped() {
        super("the audit was stopped before its checks ended, as asked");
    }
}
