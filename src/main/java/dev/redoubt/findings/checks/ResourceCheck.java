package dev.redoubt.findings.checks;

import dev.redoubt.findings.AbstractCheck;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.ResourceRef;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import java.util.function.Consumer;

/** A check with one result per protected resource (reported under its owner's account and region). */
abstract class ResourceCheck extends AbstractCheck {
    ResourceCheck(String id, Facet facet, Severity severity, String title, String weakness, String reads, String others, String... operations) {
        super(id, facet, severity, title, weakness, reads, others, operations);
    }

    @Override
    public final void evaluate(EstateIndex x, Consumer<Result> out) {
        for (ResourceRef r : x.protectedResources()) {
            Result res = unreadable(x, r.scope());
            if (res == null && !r.where().accountId().equals(r.ownerAccountId())) {
                res = unreadable(x, new dev.redoubt.findings.Scope(r.where().accountId(), r.where().region(), r.resource().resourceArn()));
            }
            if (res == null) {
                res = judge(x, r);
            }
            if (res != null) {
                out.accept(res);
            }
        }
    }

    abstract Result judge(EstateIndex x, ResourceRef r);
}
