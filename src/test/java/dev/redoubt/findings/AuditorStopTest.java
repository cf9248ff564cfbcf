package dev.redoubt.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.redoubt.estate.Estate;
import dev.redoubt.estate.demo.NorthwindDemo;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An audit asked to stop (a user's Cancel while a capture opens) starts no further check and ends at once. */
class AuditorStopTest {
    private final Estate estate = NorthwindDemo.build();
    private final Instant now = Instant.parse("2026-11-28T09:00:00Z");

    @Test
    void askedToStopItStartsNoFurtherCheckAndSaysItStopped() {
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger evaluated = new AtomicInteger();
        var checks = Checks.all().stream().map(c -> (Check) new CountingCheck(c, evaluated)).toList();

        assertThatThrownBy(() -> new Auditor(checks).run(estate, FindingsSettings.DEFAULTS, now, () -> asked.incrementAndGet() > 3))
                .isInstanceOf(AuditStopped.class);
        assertThat(evaluated.get()).as("checks evaluated of " + checks.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void neverAskedToStopItGivesTheSameResultsAsWithoutTheQuestion() {
        var plain = new Auditor(Checks.all()).run(estate, FindingsSettings.DEFAULTS, now).results();
        var asked = new Auditor(Checks.all()).run(estate, FindingsSettings.DEFAULTS, now, () -> false).results();
        assertThat(asked).containsExactlyElementsOf(plain);
    }

    /** A check that counts its evaluations and otherwise is the check it wraps. */
    private record CountingCheck(Check check, AtomicInteger evaluated) implements Check {
        @Override
        public void evaluate(EstateIndex x, java.util.function.Consumer<Result> out) {
            evaluated.incrementAndGet();
            check.evaluate(x, out);
        }

        @Override
        public String id() {
            return check.id();
        }

        @Override
        public Facet facet() {
            return check.facet();
        }

        @Override
        public Severity severity() {
            return check.severity();
        }

        @Override
        public String title() {
            return check.title();
        }

        @Override
        public String weakness() {
            return check.weakness();
        }

        @Override
        public String reads() {
            return check.reads();
        }

        @Override
        public String others() {
            return check.others();
        }

        @Override
        public java.util.List<String> operations() {
            return check.operations();
        }
    }
}
