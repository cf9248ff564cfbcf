package dev.redoubt.drills;

import java.time.Duration;
import java.time.Instant;

/** One line of the drills list. */
public record DrillSummary(String id, String title, boolean rehearsal, DrillStatus status, String operator, String signer, Instant started,
                           Instant ended, int members, Duration rto, boolean interrupted) {
}
