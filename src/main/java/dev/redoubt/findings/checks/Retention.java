package dev.redoubt.findings.checks;

import dev.redoubt.estate.RecoveryPoint;
import java.time.Duration;

/** A recovery point's retention: DeleteAfterDays, else DeleteAt - CreationDate; null when it never expires. */
final class Retention {
    private Retention() {
    }

    static Long days(RecoveryPoint p) {
        if (p.lifecycle() != null && p.lifecycle().deleteAfterDays() != null) {
            return p.lifecycle().deleteAfterDays();
        }
        if (p.calculatedLifecycle() != null && p.calculatedLifecycle().deleteAt() != null && p.creationDate() != null) {
            return Duration.between(p.creationDate(), p.calculatedLifecycle().deleteAt()).toDays();
        }
        return null;
    }
}
