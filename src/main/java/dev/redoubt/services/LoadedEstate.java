package dev.redoubt.services;

import dev.redoubt.estate.Estate;

/** An estate and where it came from: one open of a capture, the demo or a scan. */
public record LoadedEstate(Estate estate, EstateOrigin origin) {
    /**
     * Each open is its own, compared by identity: the record's own equals would compare the estates recovery point by
     * recovery point, and the console's properties compare old and new values on every change (a second open of
     * an equal 200,000-point capture walked it on the FX thread, and its screens were not told of the new open).
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
