package dev.redoubt.findings;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.checks.Enc01UnencryptedRecoveryPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The canonical order of a check's results (account, region, resource ARN, nulls first), written out by hand for speed. */
class AuditorOrderTest {
    @Test
    void theCanonicalOrderIsAccountRegionResourceWithNullsFirst() {
        Comparator<Result> definition = Comparator.comparing(Result::accountId, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Result::region, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Result::resourceArn, Comparator.nullsFirst(Comparator.naturalOrder()));
        String[] values = {null, "", "1", "2", "10", "a", "eu-west-1", "us-east-1", "arn:aws:backup:eu-west-1:1:recovery-point:x"};
        Random random = new Random(16);
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            results.add(new Result("ENC-01", Status.PASS, Severity.MEDIUM, Facet.ENC, values[random.nextInt(values.length)],
                    values[random.nextInt(values.length)], values[random.nextInt(values.length)], "t", Evidence.at(Instant.EPOCH, "s" + i).build(), null, null));
        }
        List<Result> expected = new ArrayList<>(results);
        expected.sort(definition);
        List<Result> actual = new ArrayList<>(results);
        actual.sort(Auditor.CANONICAL);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void pointChecksGiveTheirResultsInCanonicalOrderAsTheyJudge() {
        EstateFixture f = new EstateFixture();
        ObjectNode a = f.vault("111111111111", "eu-west-1", "a");
        ObjectNode b = f.vault("111111111111", "eu-west-1", "b");
        ObjectNode c = f.vault("111111111111", "eu-central-1", "c");
        String prefix = "arn:aws:backup:eu-west-1:111111111111:recovery-point:";
        f.point(a, "r1", EstateFixture.NOW).put("RecoveryPointArn", prefix + "z");
        f.point(a, "r2", EstateFixture.NOW).put("RecoveryPointArn", prefix + "m");
        f.point(b, "r3", EstateFixture.NOW).put("RecoveryPointArn", prefix + "a");
        f.point(b, "r4", EstateFixture.NOW).put("RecoveryPointArn", prefix + "m").put("IsEncrypted", false); // ties with a's "m"
        f.point(c, "r5", EstateFixture.NOW).put("RecoveryPointArn", "arn:aws:backup:eu-central-1:111111111111:recovery-point:q");
        List<Result> judged = f.run(new Enc01UnencryptedRecoveryPoint());
        assertThat(judged).extracting(Result::resourceArn).containsExactly("arn:aws:backup:eu-central-1:111111111111:recovery-point:q",
                prefix + "a", prefix + "m", prefix + "m", prefix + "z");
        // of the two points named "m", vault a's (listed first) comes first, as the stable sort of the results put it
        assertThat(judged.get(2).status()).isEqualTo(Status.PASS);
        assertThat(judged.get(3).status()).isEqualTo(Status.FAIL);
        List<Result> sorted = new ArrayList<>(judged);
        sorted.sort(Auditor.CANONICAL);
        assertThat(sorted).containsExactlyElementsOf(judged);
    }

    @Test
    void eachChecksResultsReachTheFollowerInCatalogueOrderWhileLaterChecksRun() throws Exception {
        CountDownLatch firstTaken = new CountDownLatch(1);
        List<String> taken = Collections.synchronizedList(new ArrayList<>());
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = "T-0" + i;
            // the last check waits until the follower took the first one's results: they must not wait for the last check
            checks.add(check(id, out -> {
                if (id.equals("T-05")) {
                    await(firstTaken);
                }
                out.accept(result(id, "b"));
                out.accept(result(id, "a"));
            }));
        }
        Auditor.Outcome outcome = new Auditor(checks).run(new EstateFixture().estate(), FindingsSettings.DEFAULTS, EstateFixture.NOW, part -> {
            taken.add(part.get(0).checkId());
            assertThat(part).extracting(Result::resourceArn).containsExactly("a", "b");
            firstTaken.countDown();
        });
        assertThat(taken).containsExactly("T-00", "T-01", "T-02", "T-03", "T-04", "T-05");
        assertThat(outcome.results()).extracting(Result::checkId).containsExactly("T-00", "T-00", "T-01", "T-01", "T-02", "T-02", "T-03",
                "T-03", "T-04", "T-04", "T-05", "T-05");
    }

    @Test
    void aFailingCheckOrFollowerFailsTheRunWithItsException() {
        List<Check> checks = List.of(check("T-00", out -> out.accept(result("T-00", "a"))), check("T-01", out -> {
            throw new IllegalStateException("check broke");
        }), check("T-02", out -> out.accept(result("T-02", "a"))));
        // the check's exception, or one the pool made anew around it when the check ran on another thread
        assertThatThrownBy(() -> new Auditor(checks).run(new EstateFixture().estate(), FindingsSettings.DEFAULTS, EstateFixture.NOW, part -> {
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("check broke");
        List<Check> fine = List.of(checks.get(0), checks.get(2));
        assertThatThrownBy(() -> new Auditor(fine).run(new EstateFixture().estate(), FindingsSettings.DEFAULTS, EstateFixture.NOW, part -> {
            throw new IllegalArgumentException("follower broke");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("follower broke");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the follower never took the first check's results");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Result result(String id, String arn) {
        return new Result(id, Status.PASS, Severity.LOW, Facet.ENC, "1", "eu-west-1", arn, "t", Evidence.at(Instant.EPOCH, "s").build(), null, null);
    }

    private static Check check(String id, Consumer<Consumer<Result>> evaluate) {
        return new Check() {
            public String id() {
                return id;
            }

            public Facet facet() {
                return Facet.ENC;
            }

            public Severity severity() {
                return Severity.LOW;
            }

            public String title() {
                return "t";
            }

            public String weakness() {
                return "w";
            }

            public String reads() {
                return "r";
            }

            public String others() {
                return "-";
            }

            public List<String> operations() {
                return List.of();
            }

            public void evaluate(EstateIndex estate, Consumer<Result> out) {
                evaluate.accept(out);
            }
        };
    }
}
