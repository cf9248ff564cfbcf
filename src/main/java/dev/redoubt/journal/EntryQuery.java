package dev.redoubt.journal;

import java.time.Instant;

/**
 * Which entries to read: from and to are inclusive times (null for open-ended), action is matched
 * exactly, subject as a substring; limit 0 means no limit.
 */
public record EntryQuery(Instant from, Instant to, String action, String subject, int limit) {
    public static EntryQuery all() {
        return new EntryQuery(null, null, null, null, 0);
    }

    public static EntryQuery between(Instant from, Instant to) {
        return new EntryQuery(from, to, null, null, 0);
    }
}
