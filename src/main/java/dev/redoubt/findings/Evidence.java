package dev.redoubt.findings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Why a result is what it is: a one-line summary, the exact fields and values that decided it,
 * the thresholds used, and the instant it was evaluated as of (the estate's CapturedAt).
 */
public record Evidence(String summary, List<Fact> fields, List<Fact> thresholds, Instant evaluatedAt) {
    public Evidence {
        Objects.requireNonNull(summary, "summary");
        fields = List.copyOf(fields);
        thresholds = List.copyOf(thresholds);
    }

    public static Builder at(Instant evaluatedAt, String summary) {
        return new Builder(evaluatedAt, summary);
    }

    /** The value of a field, or null. */
    public String field(String name) {
        for (Fact f : fields) {
            if (f.name().equals(name)) {
                return f.value();
            }
        }
        return null;
    }

    /** The same evidence with another summary (suppressions add their reason). */
    public Evidence withSummary(String newSummary) {
        return new Evidence(newSummary, fields, thresholds, evaluatedAt);
    }

    /** The same evidence with one more field. */
    public Evidence plusField(String name, Object value) {
        List<Fact> more = new ArrayList<>(fields);
        more.add(new Fact(name, value));
        return new Evidence(summary, more, thresholds, evaluatedAt);
    }

    public static final class Builder {
        private final Instant evaluatedAt;
        private final String summary;
        private final List<Fact> fields = new ArrayList<>(6);
        private List<Fact> thresholds = List.of();

        private Builder(Instant evaluatedAt, String summary) {
            this.evaluatedAt = evaluatedAt;
            this.summary = summary;
        }

        /** An API field and its value exactly as read; null is shown as "(absent)". */
        public Builder field(String name, Object value) {
            fields.add(new Fact(name, value));
            return this;
        }

        /** A fact made once and shared by many results (a check over 200,000 points repeats the same few). */
        public Builder field(Fact fact) {
            fields.add(Objects.requireNonNull(fact, "fact"));
            return this;
        }

        public Builder threshold(String name, Object value) {
            List<Fact> more = new ArrayList<>(thresholds);
            more.add(new Fact(name, value));
            thresholds = more;
            return this;
        }

        /** Thresholds built once per evaluation and shared by every result of it. */
        public Builder thresholds(List<Fact> shared) {
            thresholds = shared;
            return this;
        }

        public Evidence build() {
            return new Evidence(summary, fields, thresholds, evaluatedAt);
        }
    }
}
