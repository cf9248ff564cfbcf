package dev.redoubt.findings.checks;

import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.AbstractCheck;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;
import java.util.function.Consumer;

/** A check with one result per recovery point. */
abstract class PointCheck extends AbstractCheck {
    PointCheck(String id, Facet facet, Severity severity, String title, String weakness, String reads, String others, String... operations) {
        super(id, facet, severity, title, weakness, reads, others, operations);
    }

    @Override
    public final void evaluate(EstateIndex x, Consumer<Result> out) {
        Shared shared = new Shared();
        for (VaultRef v : x.vaults()) {
            if (!v.isJudged() || !appliesTo(x, v)) {
                continue;
            }
            Result vaultUnread = unreadable(x, v.scope());
            for (RecoveryPoint p : v.points()) {
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
    }

    /** Whether the check concerns this vault's recovery points. */
    boolean appliesTo(EstateIndex x, VaultRef v) {
        return true;
    }

    /** The result for one point; {@code shared} holds what this evaluation's results share (see {@link Shared}). */
    abstract Result judge(EstateIndex x, VaultRef v, RecoveryPoint p, Scope where, Shared shared);
}
