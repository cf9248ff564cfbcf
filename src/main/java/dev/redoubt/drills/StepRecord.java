package dev.redoubt.drills;

import java.time.Duration;
import java.time.Instant;

/**
 * One journaled step of a drill: which step, for which member (-1 for the drill as a whole), its
 * outcome ("ok", "failed", "skipped"), when, how long it took (from the drill's previous entry to
 * this one), who did it, a one-line description, and the journal entry's seq and hash.
 */
public record StepRecord(DrillStep step, int member, String outcome, Instant time, Duration duration, String actor, String text,
                         long seq, String hash) {
}
