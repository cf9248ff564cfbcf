package dev.redoubt.drills;

import java.time.Duration;
import java.time.Instant;

/**
 * A resource's drill history: the last verified restore (a signed-off, validated, non-rehearsal
 * drill; null when none), its measured RTO against the target, when the next drill is due by the
 * team's cadence, whether it is overdue, and the last rehearsal (sandbox), which is shown but never
 * counts as verified.
 */
public record ResourceHistory(String resourceArn, String resourceName, String resourceType, Instant lastVerified, String lastVerifiedDrill,
                              Duration measuredRto, Duration rtoTarget, int cadenceDays, Instant dueAt, boolean overdue,
                              Instant lastRehearsal, String lastRehearsalDrill, int drills) {
}
