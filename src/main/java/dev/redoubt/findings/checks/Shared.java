package dev.redoubt.findings.checks;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the results of one evaluation of a check share. A check that judges 200,000 recovery points gives most of them
 * the same evidence, summary or remediation text; each is kept once and every result reads exactly as if it had its own
 * (evidence and remediations are immutable). One per evaluation: checks are stateless and run side by side.
 */
final class Shared {
    private final Map<Object, Object> values = new HashMap<>();

    /** The value made for {@code key} the first time it was asked for; the key is a record of everything the value depends on. */
    @SuppressWarnings("unchecked")
    <T> T get(Object key, Supplier<T> make) {
        Object value = values.get(key);
        if (value == null) {
            value = make.get();
            values.put(key, value);
        }
        return (T) value;
    }

    /** The first value seen equal to this one (text, a remediation), or this one. */
    @SuppressWarnings("unchecked")
    <T> T once(T value) {
        Object first = values.putIfAbsent(value, value);
        return first == null ? value : (T) first;
    }
}
