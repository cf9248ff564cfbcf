package dev.redoubt.drills;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A drill rebuilt from its journal entries ({@link DrillReplay}): nothing here is stored anywhere
 * else. {@code rehearsal} is true for a drill against the sandbox: it never counts as evidence of a
 * verified restore. {@code operator} is the identity that began it; {@code signer} the second person
 * (null until signed off). {@code rto}: first restore job created to last completed (AWS's times).
 */
public record DrillState(String id, String title, String runbookName, boolean rehearsal, String target, String operator, String signer,
                         DrillStatus status, Instant started, Instant ended, List<MemberState> members, List<StepRecord> steps,
                         Duration rto, String notes, String abandonReason, boolean interrupted) {
    public DrillState {
        members = List.copyOf(members);
        steps = List.copyOf(steps);
    }

    /** A verified restore: not a rehearsal, signed off, every member's job COMPLETED and validated successfully. */
    public boolean verified() {
        return !rehearsal && status == DrillStatus.SIGNED_OFF && !members.isEmpty()
                && members.stream().allMatch(m -> "COMPLETED".equals(m.jobStatus()) && m.validation() != null && m.validation().successful());
    }
}
