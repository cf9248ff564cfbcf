package dev.redoubt.findings.checks;

import dev.redoubt.findings.AbstractCheck;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.RegionRef;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;
import java.util.function.Consumer;

/** A check with one result per account and region it concerns, reported on the account's ARN with the region in Region. */
abstract class RegionCheck extends AbstractCheck {
    RegionCheck(String id, Facet facet, Severity severity, String title, String weakness, String reads, String others, String... operations) {
        super(id, facet, severity, title, weakness, reads, others, operations);
    }

    @Override
    public final void evaluate(EstateIndex x, Consumer<Result> out) {
        for (RegionRef r : x.regions()) {
            if (!appliesTo(x, r)) {
                continue;
            }
            Scope where = r.scope(x);
            Result res = unreadable(x, where);
            if (res == null) {
                res = judge(x, r, where);
            }
            if (res != null) {
                out.accept(res);
            }
        }
    }

    abstract boolean appliesTo(EstateIndex x, RegionRef r);

    abstract Result judge(EstateIndex x, RegionRef r, Scope where);

    static boolean holdsVaults(RegionRef r) {
        return r.data().backupVaults() != null && !r.data().backupVaults().isEmpty();
    }

    static boolean holdsBackups(RegionRef r) {
        if (r.data().backupVaults() == null) {
            return false;
        }
        return r.data().backupVaults().stream().anyMatch(v -> v.recoveryPoints() != null && !v.recoveryPoints().isEmpty()
                || v.numberOfRecoveryPoints() != null && v.numberOfRecoveryPoints() > 0);
    }
}
