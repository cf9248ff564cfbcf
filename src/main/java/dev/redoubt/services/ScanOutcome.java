package dev.redoubt.services;

import dev.redoubt.estate.Estate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A finished scan: the capture, whether it is complete, what could not be read and why, its cost,
 * where it was kept (null when not written to a file), its journal entry and how many accounts it read (the capture
 * may list more: the signed-in account for the organization read there, a key's owner for its key).
 */
public record ScanOutcome(Estate estate, Outcome outcome, List<UnreadScope> unread, long apiCalls, Duration elapsed, Path capture,
                          String sha256, long journalSeq, Actor actor, String profile, int accountsScanned) {
    public ScanOutcome {
        unread = List.copyOf(unread);
    }

    /** Each scan is its own, compared by identity, for the reason {@link LoadedEstate#equals} gives. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** COMPLETE: everything read; PARTIAL: finished, some scopes unreadable; CANCELLED: stopped, what was read kept. */
    public enum Outcome {
        COMPLETE("complete"), PARTIAL("partial"), CANCELLED("interrupted");

        private final String wire;

        Outcome(String wire) {
            this.wire = wire;
        }

        /** The journal's spelling. */
        public String wire() {
            return wire;
        }
    }
}
