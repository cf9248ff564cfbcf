package dev.redoubt.findings;

import java.util.Objects;

/**
 * One named value in a result's evidence: an API field ("BackupVault.Locked") or a threshold.
 * The value is kept as read and turned into text only when a report asks (evaluating 200,000
 * recovery points must not format 200,000 timestamps that no one prints); null reads "(absent)".
 * A collection reads in sorted order: evidence names a set of things, and must not depend on the
 * order a capture happened to list them in (the results' digest is compared across captures).
 */
public final class Fact {
    private final String name;
    private final Object raw;

    public Fact(String name, Object raw) {
        this.name = Objects.requireNonNull(name, "name");
        this.raw = raw;
    }

    public String name() {
        return name;
    }

    /** The value as read (null when the member was absent); {@link #value()} is its text. */
    public Object raw() {
        return raw;
    }

    /** The value as text, exactly as read; "(absent)" when the member was not there. */
    public String value() {
        if (raw == null) {
            return "(absent)";
        }
        if (raw instanceof java.util.Collection<?> c && c.size() > 1) {
            return c.stream().map(String::valueOf).sorted().toList().toString();
        }
        return raw.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fact f && name.equals(f.name) && value().equals(f.value());
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + value().hashCode();
    }

    @Override
    public String toString() {
        return name + "=" + value();
    }
}
