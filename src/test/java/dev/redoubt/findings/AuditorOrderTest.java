package dev.redoubt.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
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
}
