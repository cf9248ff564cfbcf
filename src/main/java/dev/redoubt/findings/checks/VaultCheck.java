package dev.redoubt.findings.checks;

import dev.redoubt.findings.AbstractCheck;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.util.function.Consumer;

/** A check with one result per vault (standard and logically air-gapped; restore-access vaults are views, not judged). */
abstract class VaultCheck extends AbstractCheck {
    VaultCheck(String id, Facet facet, Severity severity, String title, String weakness, String reads, String others, String... operations) {
        super(id, facet, severity, title, weakness, reads, others, operations);
    }

    @Override
    public final void evaluate(EstateIndex x, Consumer<Result> out) {
        for (VaultRef v : x.vaults()) {
            if (!v.isJudged() || !appliesTo(x, v)) {
                continue;
            }
            Result r = unreadable(x, v.scope());
            if (r == null) {
                r = judge(x, v);
            }
            if (r != null) {
                out.accept(r);
            }
        }
    }

    /** Whether the check concerns this vault at all (no result otherwise). */
    boolean appliesTo(EstateIndex x, VaultRef v) {
        return true;
    }

    abstract Result judge(EstateIndex x, VaultRef v);
}
