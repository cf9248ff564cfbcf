package dev.redoubt.findings.checks;

import dev.redoubt.findings.AbstractCheck;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.TeamRef;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.util.function.Consumer;

/** A check with one result per MPA approval team. */
abstract class TeamCheck extends AbstractCheck {
    TeamCheck(String id, Facet facet, Severity severity, String title, String weakness, String reads, String others, String... operations) {
        super(id, facet, severity, title, weakness, reads, others, operations);
    }

    @Override
    public final void evaluate(EstateIndex x, Consumer<Result> out) {
        for (TeamRef t : x.approvalTeams()) {
            Result r = unreadable(x, t.scope());
            if (r == null) {
                r = judge(x, t);
            }
            if (r != null) {
                out.accept(r);
            }
        }
    }

    abstract Result judge(EstateIndex x, TeamRef t);
}
