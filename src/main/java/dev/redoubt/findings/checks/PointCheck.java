package dev.redoubt.findings.checks;

import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.AbstractCheck;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.PointRef;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** A check with one result per recovery point. */
abstract class PointCheck extends AbstractCheck {
    PointCheck(String id, Facet facet, Severity severity, String title, String weakness, String reads, String others, String... operations) {
        super(id, facet, severity, title, weakness, reads, others, operations);
    }

    @Override
    public final void evaluate(EstateIndex x, Consumer<Result> out) {
        Shared shared = new Shared();
        // Points come in report order (already as the auditor sorts results); what depends on the vault is decided once per vault.
        Map<VaultRef, Object> byVault = new IdentityHashMap<>();
        for (PointRef pr : x.pointsInReportOrder()) {
            VaultRef v = pr.vault();
            Object decided = byVault.get(v);
            if (decided == null) {
                decided = !v.isJudged() || !appliesTo(x, v) ? SKIP : Objects.requireNonNullElse(unreadable(x, v.scope()), READABLE);
                byVault.put(v, decided);
            }
            if (decided == SKIP) {
                continue;
            }
            Result vaultUnread = decided instanceof Result unread ? unread : null;
            RecoveryPoint p = pr.point();
            Scope where = new Scope(v.accountId(), v.region(), p.recoveryPointArn());
            Result r = vaultUnread != null ? unknown(where, vaultUnread.evidence()) : unreadable(x, where);
            if (r == null) {
                r = judge(x, v, p, where, shared);
            }
            if (r != null) {
                out.accept(r);
            }
        }
    }

    private static final Object SKIP = new Object();
    private static final Object READABLE = new Object();

    /** Whether the check concerns this vault's recovery points. */
    boolean appliesTo(EstateIndex x, VaultRef v) {
        return true;
    }

    /** The result for one point; {@code shared} holds what this evaluation's results share (see {@link Shared}). */
    abstract Result judge(EstateIndex x, VaultRef v, RecoveryPoint p, Scope where, Shared shared);
}
