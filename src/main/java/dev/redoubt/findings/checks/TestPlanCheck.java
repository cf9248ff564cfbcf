package dev.redoubt.findings.checks;

import dev.redoubt.findings.AbstractCheck;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.TestPlanRef;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.util.function.Consumer;

/** A check with one result per restore testing plan. */
abstract class TestPlanCheck extends AbstractCheck {
    TestPlanCheck(String id, Facet facet, Severity severity, String title, String weakness, String reads, String others, String... operations) {
        super(id, facet, severity, title, weakness, reads, others, operations);
    }

    @Override
    public final void evaluate(EstateIndex x, Consumer<Result> out) {
        for (TestPlanRef p : x.restoreTestingPlans()) {
            Result r = unreadable(x, p.scope());
            if (r == null) {
                r = judge(x, p);
            }
            if (r != null) {
                out.accept(r);
            }
        }
    }

    abstract Result judge(EstateIndex x, TestPlanRef p);
}
