package dev.redoubt.findings;

import java.util.Objects;

/**
 * One named value in a result's evidence: an API field ("BackupVault.Locked") or a threshold.
 * The value is kept as read and turned into text only when a report asks (evaluating 200,000
 * recovery points must not format 200,000 timestamps that no one prints); null reads "(absent)".
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

    /** The value as text, exactly as read; "(absent)" when the member was not there. */
    public String value() {
        return raw == null ? "(absent)" : raw.toString();
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
