package dev.redoubt.drills;

import java.util.List;
import java.util.Map;

/**
 * What a drill is asked to restore: a title, the runbook it came from (null for a one-off drill),
 * its members in restore order, and per member (by resource ARN) the restore role and metadata the
 * runbook fixes (either may be absent).
 */
public record DrillPlan(String title, String runbookName, List<DrillMember> members, Map<String, Runbook.Member> fromRunbook) {
    public DrillPlan {
        members = List.copyOf(members);
        fromRunbook = fromRunbook == null ? Map.of() : Map.copyOf(fromRunbook);
    }
}
