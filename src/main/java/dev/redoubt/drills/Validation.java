package dev.redoubt.drills;

import java.util.List;

/** What the operator checked on a restored resource and their notes. Successful when no check failed and at least one passed. */
public record Validation(List<CheckResult> checks, String notes) {
    public Validation {
        checks = List.copyOf(checks);
    }

    public boolean successful() {
        return checks.stream().noneMatch(c -> c.outcome() == CheckResult.Outcome.FAILED)
                && checks.stream().anyMatch(c -> c.outcome() == CheckResult.Outcome.PASSED);
    }
}
